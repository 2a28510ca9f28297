/**
 * Astro content collections over `ROADMAP_CONTENT` (default `content/`), for
 * MDX record bodies only.
 *
 * The site's data comes from the portfolio model (`src/pipeline/index.ts`), which
 * parses front matter with the `yaml` package and validates every record
 * against the schemas in `src/core/schema.ts` before Astro starts
 * (src/integrations/roadmap.ts), and Markdown bodies are rendered from the model
 * (src/render/markdown.ts). An `.mdx` body is code by a trusted author
 * (components, imports): only Astro can compile it, so `.mdx` records are
 * also a collection. The collections keep no front matter: the schema below
 * keeps none of it (a Zod object drops unknown keys). A folder without any
 * `.mdx` record is not globbed at all (Astro would warn that it found no
 * files); in the dev server, the first `.mdx` record of a folder needs a
 * restart.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COLLECTIONS, type CollectionName } from './core/schema.ts';
import { loadSettings } from './pipeline/settings.ts';
import { guardStore, hasMdxRecords } from './io/mdx-records.ts';

const settings = loadSettings();

function mdxLoader(name: CollectionName): Loader {
  const dir = `${settings.contentDir}/${name}/`;
  const records = glob({
    pattern: '**/[^_.]*.mdx',
    base: pathToFileURL(dir),
    // The id is the file name without extension, as the contract says.
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
    retainBody: false,
  });
  return {
    name: 'roadmap-mdx',
    load: async (context) => {
      if (!hasMdxRecords(dir)) return context.store.clear();
      // Astro's glob loader keeps an entry whose id and text are unchanged with the path it was first read from:
      // after a build of another content folder (since deleted) holding the same record, the build would import
      // a file that is gone. A different folder starts from an empty store.
      if (context.meta.get('content-dir') !== dir) {
        context.store.clear();
        context.meta.set('content-dir', dir);
      }
      // A linked .mdx whose real path is outside the content folder is never stored, so never compiled (check refuses it too).
      const store = guardStore(context.store, fileURLToPath(context.config.root), settings.contentDir, (file, why) => context.logger.error(`${file}: ${why}`));
      return records.load({ ...context, store });
    },
  };
}

function collection(name: CollectionName) {
  return defineCollection({ loader: mdxLoader(name), schema: z.object({}) });
}

export const collections = Object.fromEntries(COLLECTIONS.map((name) => [name, collection(name)])) as Record<
  CollectionName,
  ReturnType<typeof collection>
>;
