/**
 * The search index, built as part of every `astro build` (so `npm run build`
 * and plain `astro build` both index — no separate command): once Astro has
 * written the site, Pagefind's Node API indexes the HTML in the output folder
 * and writes `pagefind/` next to it.
 *
 * Only elements marked `data-pagefind-body` are indexed: Base.astro marks the
 * main content of record pages (see `src/components/search/SearchFacets.astro`),
 * so nav, footer and list pages stay out of the index. The pages are already
 * audience-filtered, so a public build's index holds only public text.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'roadmap-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages for search in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
