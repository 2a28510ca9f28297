/**
 * The baseline's search index, the way a plain Astro site adds Pagefind: once
 * the pages are written, index the HTML in the output folder.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function pagefindHtml(): AstroIntegration {
  return {
    name: 'baseline-pagefind',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('; '));
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
