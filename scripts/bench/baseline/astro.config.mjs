// @ts-check
// The benchmark's baseline: the same project records as plain Astro pages
// (title + Markdown body, Astro's default Markdown pipeline) plus a Pagefind
// index built the same way as the real site's. Built only by `npm run bench
// -- --baseline`; it uses the repository's node_modules.
import { defineConfig } from 'astro/config';
import { pagefindIndex } from '../../../src/lib/pagefind-integration.ts';

export default defineConfig({
  build: { format: 'directory' },
  integrations: [pagefindIndex()],
  devToolbar: { enabled: false },
});
