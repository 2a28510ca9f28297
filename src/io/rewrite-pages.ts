/** Rewrites the HTML pages of a built site in place with `transform` (the integrations' post-build passes). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(full);
    else if (e.name.endsWith('.html')) yield full;
  }
}

/** Returns how many pages changed and the bytes that went. */
export function rewritePages(dir: string, transform: (html: string) => string): { pages: number; saved: number } {
  let pages = 0;
  let saved = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    const out = transform(html);
    if (out === html) continue;
    writeFileSync(file, out);
    pages += 1;
    saved += Buffer.byteLength(html) - Buffer.byteLength(out);
  }
  return { pages, saved };
}
