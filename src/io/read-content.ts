/**
 * The one place that reads the content folder from disk. Everything else
 * (`src/core/load.ts` and the rules) works on `{ path, text }` pairs.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ContentFile } from '../core/load.ts';
import { compareCodeUnits } from '../core/format.ts';

const COLLECTION_DIRS = ['goals', 'programs', 'projects', 'teams'];

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function markdownUnder(dir: string, rel: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw e;
  }
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const relPath = `${rel}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files, not to folders (no loops).
      isDir = false;
      try {
        isFile = statSync(full).isFile();
      } catch {
        isFile = false;
      }
    }
    if (isDir) markdownUnder(full, relPath, out);
    else if (isFile && /\.mdx?$/.test(entry.name)) out.push(relPath);
  }
}

/**
 * Read `portfolio.yaml` (or a misnamed `portfolio.yml`) and every `.md` /
 * `.mdx` file below the content folder, sorted by path. Records belong in
 * goals/, programs/, projects/ and teams/; Markdown in any other sub-folder is
 * listed too, with empty text, so the loader can warn that it is ignored.
 * Reads synchronously (10,000 small files: about 0.1 s, several times faster
 * than 10,000 promises). Throws when `dir` does not exist.
 */
export async function readContentDir(dir: string): Promise<ContentFile[]> {
  return readContentFiles(dir, listContentDir(dir));
}

/** The paths `readContentDir` reads, relative to `dir` and sorted, without reading them. Throws when `dir` does not exist. */
export function listContentDir(dir: string): string[] {
  const top = readdirSync(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const name of ['portfolio.yaml', 'portfolio.yml']) {
    if (top.some((e) => e.name === name && (e.isFile() || e.isSymbolicLink()))) paths.push(name);
  }
  for (const entry of top) {
    if (entry.isDirectory() && !skipped(entry.name)) markdownUnder(path.join(dir, entry.name), entry.name, paths);
  }
  return paths.sort(compareCodeUnits);
}

/** Read the files `listContentDir` listed (Markdown outside the collections with empty text). */
export function readContentFiles(dir: string, paths: readonly string[]): ContentFile[] {
  return paths.map((p) => {
    const inCollection = !p.includes('/') || COLLECTION_DIRS.includes(p.slice(0, p.indexOf('/')));
    return { path: p, text: inCollection ? readFileSync(path.join(dir, ...p.split('/')), 'utf8') : '' };
  });
}
