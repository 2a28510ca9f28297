/** Whether a folder (or any folder under it) holds an `.mdx` record: `[^_.]*.mdx`, as the content collections glob. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

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
