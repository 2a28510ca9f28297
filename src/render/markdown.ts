/**
 * Record bodies (`.md`) rendered to HTML from the model, on the page that
 * shows them.
 *
 * Sätteri (the Rust Markdown engine Astro 7 uses by default) parses the body
 * with GFM and smart punctuation, raw HTML included as elements; record
 * bodies are untrusted, so hast-util-sanitize then keeps GitHub's allow-list
 * of them (src/render/sanitize.ts); headings get GitHub-style ids and move one
 * level down (under the page's heading), and code blocks become focusable (they scroll sideways: axe's scrollable-region-focusable);
 * hast-util-to-html writes the result. There is no syntax highlighting: its
 * colours are `style` attributes, which the allow-list removes, so it would
 * only add empty spans. Images stay plain `<img>` elements (the CSP decides
 * what loads).
 *
 * Why not Astro's content collections for `.md`: a collection renders every
 * body during content sync and keeps all of them in its data store, which
 * Vite then bundles; at 10,000 records that was 17 s of sync, 9 s of bundling
 * and hundreds of megabytes (npm run bench). And why not Astro's Sätteri
 * pipeline with the sanitizer as a Sätteri plugin: handing the whole tree to
 * JavaScript and back took 0.5 ms a body, this takes 0.14 ms. `.mdx` bodies
 * (trusted authors, components) still go through Astro (src/content.config.ts).
 */
import GithubSlugger from 'github-slugger';
import type { Element, Nodes, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast } from 'satteri';
import { sanitizeSchema } from './sanitize.ts';

const FEATURES = { gfm: true, smartPunctuation: true, rawHtml: true } as const;
const HEADING = /^h[1-6]$/;

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/**
 * Heading ids (GitHub's slugs, unique in the body), headings one level down
 * (the body sits under the page's own h2 "Notes": a body's `##` is an h3 there,
 * so the outline reads Notes › Background, not two sections side by side),
 * and focusable code blocks.
 */
function finish(node: Nodes, slugger: GithubSlugger): void {
  if (node.type === 'element') {
    const el = node as Element;
    if (HEADING.test(el.tagName)) {
      if (typeof el.properties.id !== 'string') el.properties.id = slugger.slug(textOf(el));
      el.tagName = `h${Math.min(6, Number(el.tagName[1]) + 1)}`;
    }
    if (el.tagName === 'pre') el.properties.tabIndex = 0;
  }
  if ('children' in node) for (const child of node.children) finish(child, slugger);
}

/** The parsed, sanitized tree of a Markdown record body (also read by src/render/body-text.ts). */
export function bodyTree(body: string): Root {
  return sanitize(markdownToHast(body, { position: false, features: FEATURES }) as Root, sanitizeSchema) as Root;
}

/** The sanitized HTML of a Markdown record body. */
export function renderMarkdown(body: string): string {
  const tree = bodyTree(body);
  finish(tree, new GithubSlugger());
  return toHtml(tree);
}
