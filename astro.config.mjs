// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { roadmap } from './src/lib/integration.ts';
import { pagefindIndex } from './src/lib/pagefind-integration.ts';
import { sitemap } from './src/lib/sitemap-integration.ts';
import { cspConfig } from './src/lib/csp.ts';
import { sanitizeSchema } from './src/lib/sanitize.ts';
import { rehypeFocusablePre } from './src/lib/rehype-focusable-pre.ts';

const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  // The published URL (e.g. https://you.github.io/roadmap), when known: absolute
  // links in the calendar, feed and sitemap. Optional.
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Record bodies are untrusted Markdown: Astro 7's default engine (Sätteri)
  // passes raw HTML through and runs no rehype plugins, so `.md` bodies go
  // through unified: rehype-raw parses raw HTML into elements, rehype-sanitize
  // keeps GitHub's allow-list of them. Mermaid fences stay plain code blocks
  // (rendered lazily on the client where present).
  markdown: {
    processor: unified({ rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeFocusablePre] }),
    syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
  },
  // `.mdx` is the trusted-author format (the contract says so): it runs code at
  // build time by design, so it is not sanitized (sanitizing would drop its
  // components).
  integrations: [roadmap(), mdx({ extendMarkdownConfig: false }), pagefindIndex(), sitemap()],
  // Content-Security-Policy as a <meta> on every page (see src/lib/csp.ts).
  security: { csp: cspConfig },
  devToolbar: { enabled: false },
});
