/**
 * The search index's documents for this build, split into parts
 * (src/core/search-index.ts): made once, by the index integration when the
 * build starts; the search page only needs to know how many parts to merge,
 * which a global slot hands across (like the model, src/lib/model.ts).
 *
 * `ROADMAP_SEARCH_PART_CHARS` sets the characters of text per part (default
 * SEARCH_PART_CHARS): lower it when Pagefind runs out of memory on a small
 * runner.
 */
import { SEARCH_PART_CHARS, searchDocuments, searchPartPath, searchParts, type SearchDocument } from '../core/search-index.ts';
import type { PortfolioModel } from '../core/model.ts';
import { bodyText } from './body-text.ts';
import { portfolioModel } from './model.ts';

/** Characters of text per index part, from `ROADMAP_SEARCH_PART_CHARS`; a value that is not a whole number of at least 1,000 is an error. */
export function searchPartChars(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ROADMAP_SEARCH_PART_CHARS?.trim();
  if (!raw) return SEARCH_PART_CHARS;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1000) {
    throw new Error(`ROADMAP_SEARCH_PART_CHARS must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS}); it is "${raw}"`);
  }
  return n;
}

const KEY = Symbol.for('roadmap.search-part-count');
type Holder = { [KEY]?: { model: PortfolioModel; count: number } };

/** The documents of this build's index, in parts. */
export async function searchIndexParts(): Promise<SearchDocument[][]> {
  const model = await portfolioModel({ dev: false });
  const parts = searchParts(searchDocuments(model, bodyText), searchPartChars());
  (globalThis as Holder)[KEY] = { model, count: parts.length };
  return parts;
}

/** The folders of this build's index parts after the first, relative to the first (`part-2/`…): the search page merges them. */
export async function searchMergedParts(): Promise<string[]> {
  const model = await portfolioModel({ dev: false });
  const slot = (globalThis as Holder)[KEY];
  const count = slot?.model === model ? slot.count : (await searchIndexParts()).length;
  return Array.from({ length: count - 1 }, (_, i) => searchPartPath(i + 1));
}
