// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { publish, roadmap } from './src/integrations/roadmap.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { cspConfig } from './src/integrations/csp.ts';
import { pageRewrites } from './src/integrations/page-rewrites.ts';

import { loadSettings } from './src/pipeline/settings.ts';

// The environment, read and validated once (a bad BASE_PATH or SITE_URL stops here, before anything is written).
const settings = loadSettings();

export default defineConfig({
  base: settings.basePath,
  // The published URL (e.g. https://you.github.io/roadmap), when known: absolute
  // links in the calendar, feed and sitemap. Optional.
  site: settings.siteUrl,
  trailingSlash: 'ignore',
  // Eight pages in flight at once: rendering overlaps writing files (2,000
  // records on 2 cores, npm run bench: one at a time 13 s for the pages,
  // four 7 s, eight about 1 s less again).
  // Styles as files in _astro/, cached by the browser, not repeated in every
  // page (6 KB a page; 60 MB of a 10,000-record site). Scoped styles mark
  // elements with a class rather than a data-astro-cid-… attribute (same
  // specificity, fewer bytes on every element of every chart).
  build: { format: 'directory', concurrency: 8, inlineStylesheets: 'never' },
  scopedStyleStrategy: 'class',
  // Record bodies: `.md` is rendered and sanitized by src/render/markdown.ts;
  // `.mdx` is the trusted-author format (the contract says so): it runs code at
  // build time by design, so it is not sanitized (sanitizing would drop its
  // components). Astro renders no record Markdown itself, hence no highlighter
  // for it.
  markdown: { syntaxHighlight: false },
  // publish() moves the finished site into place, so it comes last.
  integrations: [roadmap(settings), mdx({ extendMarkdownConfig: false }), pagefindIndex(), sitemap(settings), pageRewrites(), publish()],
  // Content-Security-Policy as a <meta> on every page (see src/integrations/csp.ts).
  security: { csp: cspConfig },
  devToolbar: { enabled: false },
});
