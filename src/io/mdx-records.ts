/** Whether a folder (or any folder under it) holds an `.mdx` record: `[^_.]*.mdx`, as the content collections glob. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { outsideReason } from './read-content.ts';

export function hasMdxRecords(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) =>
    e.isDirectory() ? !e.name.startsWith('.') && e.name !== 'node_modules' && hasMdxRecords(path.join(dir, e.name)) : /^[^_.].*\.mdx$/.test(e.name),
  );
}

interface EntryStore {
  set(entry: { id: string; filePath?: string }): boolean;
}

/**
 * The collection store, except that an entry whose file leads outside the
 * content folder (a link: see `outsideReason`) is never stored, so Astro never
 * compiles or renders it (the check refuses the same file by name). `root`:
 * the folder entries' `filePath` is relative to (Astro's project root).
 */
export function guardStore<S extends EntryStore>(store: S, root: string, contentDir: string, onRefused: (file: string, why: string) => void): S {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'set') {
        return (entry: Parameters<S['set']>[0]) => {
          const file = path.resolve(root, entry.filePath ?? '');
          const why = entry.filePath === undefined ? 'no file path' : outsideReason(contentDir, path.relative(contentDir, file).split(path.sep).join('/'));
          if (why === undefined) return target.set(entry);
          onRefused(entry.filePath ?? entry.id, why);
          return false;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
