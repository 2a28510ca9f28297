/** Every project record under `$ROADMAP_CONTENT/projects/`, with Astro's own front matter parsing. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const content = path.resolve(process.env.ROADMAP_CONTENT ?? 'content');

export const collections = {
  projects: defineCollection({
    loader: glob({ pattern: '**/[^_.]*.md', base: pathToFileURL(`${content}/projects/`) }),
    schema: z.looseObject({ title: z.string() }),
  }),
};
