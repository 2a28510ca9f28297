// @ts-check
// The benchmark's baseline: the same project records as plain Astro pages
// (title + Markdown body, Astro's default Markdown pipeline) plus a Pagefind
// index of their HTML, the way a plain Astro site adds search. Built only by
// `npm run bench -- --baseline`; it uses the repository's node_modules.
import { defineConfig } from 'astro/config';
import { pagefindHtml } from './pagefind.ts';

export default defineConfig({
  build: { format: 'directory' },
  integrations: [pagefindHtml()],
  devToolbar: { enabled: false },
});
