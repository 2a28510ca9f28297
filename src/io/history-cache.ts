/**
 * Computed history samples on disk, one JSON file per key, so each past state
 * of the portfolio is computed once per machine (and once per CI cache).
 * The caller makes the key from everything a sample depends on: the content
 * folder's tree, the audience and its hide list, the as-of day and the code
 * (src/io/check-cache.ts codeKey). Any problem reading or writing only means
 * computing again.
 */
import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeKey } from './check-cache.ts';

export interface HistoryCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** A key from its parts and the code key (or `code`, in tests). */
export function historyKey(parts: readonly unknown[], code?: string): string {
  let c = code;
  try {
    c ??= codeKey();
  } catch {
    c = 'no-code-key';
  }
  return hash('sha1', JSON.stringify([c, ...parts]), 'hex');
}

/** A cache in `dir`, or only in memory when `dir` is undefined. */
export function openHistoryCache(dir: string | undefined): HistoryCache {
  const memory = new Map<string, unknown>();
  const file = (key: string) => path.join(dir!, key.slice(0, 2), `${key}.json`);
  return {
    get<T>(key: string): T | undefined {
      if (memory.has(key)) return memory.get(key) as T;
      if (!dir) return undefined;
      try {
        const value = JSON.parse(readFileSync(file(key), 'utf8')) as T;
        memory.set(key, value);
        return value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      memory.set(key, value);
      if (!dir) return;
      try {
        const f = file(key);
        mkdirSync(path.dirname(f), { recursive: true });
        const tmp = `${f}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(value));
        renameSync(tmp, f);
      } catch {
        // A cache that cannot be written: computed again next time.
      }
    },
  };
}
