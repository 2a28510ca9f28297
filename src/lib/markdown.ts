/**
 * Record bodies (`.md`) rendered to HTML from the model, page by page.
 *
 * The pipeline is Astro's own Markdown pipeline for Sätteri (the engine Astro
 * 7 uses by default): GFM, smart punctuation, Shiki for code blocks (not
 * `mermaid`, which the client draws), heading ids, plus the two plugins of
 * src/lib/sanitize.ts: record bodies are untrusted, so raw HTML is parsed into
 * elements and only GitHub's allow-list of them survives. Astro's image
 * plugins are left out: record bodies have no local images for Astro to
 * process, and their images stay plain `<img>` elements (the CSP decides
 * what loads).
 *
 * Why not Astro's content collections for `.md`: a collection renders every
 * body during content sync and keeps all of them in its data store, which
 * Vite then bundles; at 10,000 records that was 17 s of sync, 9 s of bundling
 * and hundreds of megabytes (npm run bench). Rendering here takes Sätteri
 * well under a millisecond per body, on the page that shows it. `.mdx` bodies
 * (trusted authors, components) still go through Astro (src/content.config.ts).
 */
import { satteriCreateHighlightFn, satteriHeadingIdsPlugin, satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml, type Features, type HastPluginEntry } from 'satteri';
import { focusableCode, sanitizeBody } from './sanitize.ts';

/** Sätteri features for record bodies (also used by astro.config.mjs, for any other Markdown). */
export const markdownFeatures: Features = { gfm: true, smartPunctuation: true, rawHtml: true };
/** The hast plugins of record bodies, after syntax highlighting (also used by astro.config.mjs). */
export const bodyPlugins: HastPluginEntry[] = [sanitizeBody, focusableCode];
export const syntaxHighlight: { type: 'shiki'; excludeLangs: string[] } = { type: 'shiki', excludeLangs: ['mermaid'] };

let plugins: Promise<HastPluginEntry[]> | undefined;

async function pipeline(): Promise<HastPluginEntry[]> {
  const highlight = await satteriCreateHighlightFn(syntaxHighlight, undefined);
  return [...(highlight ? [satteriHighlightPlugin(highlight, syntaxHighlight.excludeLangs)] : []), ...bodyPlugins, satteriHeadingIdsPlugin()];
}

/** The sanitized HTML of a Markdown record body. */
export async function renderMarkdown(body: string): Promise<string> {
  const hastPlugins = await (plugins ??= pipeline());
  const { html } = await markdownToHtml(body, {
    hastPlugins,
    features: markdownFeatures,
    data: { astro: { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  return html;
}
