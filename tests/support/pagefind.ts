/**
 * Reading a built Pagefind index in tests. Pagefind's files (`.pf_fragment`,
 * `.pf_index`, `.pf_filter`, `.pf_meta`) are gzip-compressed and start with
 * the `pagefind_dcd` signature once decompressed; fragments are JSON (one
 * page: url, content, filters, meta), the others a binary encoding in which
 * words and filter values appear as plain UTF-8.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles, type BuildOptions } from './build-site.ts';

const SIGNATURE = 'pagefind_dcd';

export interface PagefindFragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Every file of the index, decompressed where compressed: `rel path → text`. */
export function pagefindFiles(outDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of listFiles(join(outDir, 'pagefind'))) {
    const raw = readFileSync(join(outDir, 'pagefind', rel));
    let text: string;
    if (/\.pf_[a-z]+$/.test(rel)) {
      const inflated = gunzipSync(raw).toString('utf8');
      if (!inflated.startsWith(SIGNATURE)) throw new Error(`pagefind/${rel}: no ${SIGNATURE} signature after gunzip`);
      text = inflated.slice(SIGNATURE.length);
    } else {
      text = raw.toString('utf8');
    }
    out.set(`pagefind/${rel}`, text);
  }
  return out;
}

export function pagefindFragments(outDir: string): PagefindFragment[] {
  return [...pagefindFiles(outDir)]
    .filter(([rel]) => rel.endsWith('.pf_fragment'))
    .map(([, text]) => JSON.parse(text) as PagefindFragment)
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The example built with its index written in parts of at most 12,000 characters of text (it has about 30,000):
 * three or more parts. Shared, so the build is done once. It is also the reproducibility test's second build
 * (tests/build/site.test.ts): another time zone and ROADMAP_AS_OF, which portfolio.yaml's as_of overrides.
 */
export const EXAMPLE_IN_PARTS: BuildOptions = { content: 'content', asOf: '2031-01-01', env: { ROADMAP_SEARCH_PART_CHARS: '12000', TZ: 'Pacific/Kiritimati' } };
