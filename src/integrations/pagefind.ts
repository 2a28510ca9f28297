/**
 * The search index, built as part of every `astro build` (so `npm run build`
 * and plain `astro build` both index — no separate command).
 *
 * The index is built from the portfolio model, not from the HTML: one
 * Pagefind custom record per record page (src/core/search-index.ts: text,
 * result-card meta, filters). The model is already audience-filtered, so a
 * public build's index holds only public text. And because nothing waits for
 * the pages, indexing starts when the build starts and runs in Pagefind's own
 * process, on the other core, while Astro renders; when the pages are done
 * the index is only moved into `pagefind/` next to them. (Parsing the HTML
 * afterwards took 9 s of a 44 s build at 2,000 records; npm run bench.)
 * A big portfolio's index is written in parts, one at a time, to keep
 * Pagefind's memory flat (src/core/search-index.ts); the search page merges them.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { searchPartPath, type SearchDocument } from '../core/search-index.ts';
import { buildingSite } from './build-state.ts';

interface Built {
  folder: string;
  records: number;
  parts: number;
  ms: number;
}

/** Records sent to Pagefind at a time: all 10,000 at once held 170 MB more in the build process (the pending messages). */
const BATCH = 200;

/** What a part of the index keeps besides its data: the first part's scripts, styles and WebAssembly serve every part. */
const PART_FILES = /^(pagefind-entry\.json|pagefind\..*\.pf_meta|index|fragment|filter)$/;

/** Writes one part of the index into `folder`. */
async function writePart(pagefind: typeof import('pagefind'), documents: readonly SearchDocument[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let i = 0; i < documents.length; i += BATCH) {
      const added = await Promise.all(documents.slice(i, i + BATCH).map((d) => index.addCustomRecord({ ...d, language: 'en' })));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length) throw new Error(`Pagefind could not index a record: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Writes the index for this build's model into a new temporary folder under
 * `parent`: part by part (src/core/search-index.ts), each freed before the
 * next, the first at the root and the others in `part-N/` with their data only.
 */
async function buildIndex(parent: string): Promise<Built> {
  const started = performance.now();
  // Taken, not shared: the documents are freed as soon as the index is written, long before the pages are done.
  const search = buildingSite()?.search;
  const parts = search?.parts ?? [];
  if (search) search.parts = undefined;
  const pagefind = await import('pagefind');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, 'pagefind-'));
  try {
    for (const [i, documents] of parts.entries()) {
      const target = join(folder, searchPartPath(i));
      await writePart(pagefind, documents, target);
      if (i > 0) for (const name of readdirSync(target)) if (!PART_FILES.test(name)) rmSync(join(target, name), { recursive: true });
    }
    return { folder, records: parts.reduce((n, p) => n + p.length, 0), parts: parts.length, ms: performance.now() - started };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
}

/** Moves the finished index to `target`: a rename when both are on one file system (at 10,000 records, copying the files took 3 s). */
function moveInto(folder: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(folder, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(folder, target, { recursive: true });
    rmSync(folder, { recursive: true, force: true });
  }
}

export function pagefindIndex(): AstroIntegration {
  let pending: Promise<Built> | undefined;
  // The index is written under Astro's cache folder (node_modules/.astro by default), usually on the same file system as the output.
  let scratch = '';
  return {
    name: 'roadmap-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        scratch = fileURLToPath(new URL('roadmap-search/', config.cacheDir));
      },
      'astro:build:start': () => {
        pending = buildIndex(scratch);
        // Failures are reported when the pages are done (astro:build:done); until then, none is unhandled.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waited = performance.now();
        const built = await (pending ?? buildIndex(scratch));
        try {
          moveInto(built.folder, join(fileURLToPath(dir), 'pagefind'));
        } finally {
          rmSync(built.folder, { recursive: true, force: true });
        }
        logger.info(
          `indexed ${built.records} records for search${built.parts > 1 ? ` in ${built.parts} parts` : ''} in ${Math.round(built.ms)} ms, alongside the pages (the build waited ${Math.round(performance.now() - waited)} ms for it)`,
        );
      },
    },
  };
}
