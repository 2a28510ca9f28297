/**
 * Astro content collections over `ROADMAP_CONTENT` (default `content/`), with
 * the record schemas from `src/core/schema.ts`.
 *
 * The site's data comes from the portfolio model (`src/lib/portfolio.ts`),
 * which parses front matter with the `yaml` package and validates everything
 * first; these collections exist to render record bodies (Markdown and MDX).
 * Astro parses front matter with js-yaml, which turns `2026-01-15` into a
 * Date, so dates are turned back into the strings the schema expects.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { pathToFileURL } from 'node:url';
import { collectionSchemas, COLLECTIONS, type CollectionName } from './core/schema.ts';
import { contentDir } from './lib/read-content.ts';

function datesToStrings(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesToStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesToStrings(v)]));
  }
  return value;
}

function collection(name: CollectionName) {
  return defineCollection({
    loader: glob({
      pattern: '**/[^_.]*.{md,mdx}',
      base: pathToFileURL(`${contentDir()}/${name}/`),
      // The id is the file name without extension, as the contract says.
      generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
      // The raw body is not kept (the model has it). Bodies are rendered
      // during content sync: `deferRender: true` makes Vite bundle every
      // record as its own module, which measured ~4x slower at 10,000 records
      // for byte-identical output (npm run bench).
      retainBody: false,
      deferRender: false,
    }),
    schema: z.preprocess(datesToStrings, collectionSchemas[name]()),
  });
}

export const collections = Object.fromEntries(COLLECTIONS.map((name) => [name, collection(name)])) as Record<
  CollectionName,
  ReturnType<typeof collection>
>;
