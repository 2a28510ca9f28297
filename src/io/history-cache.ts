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
import { deserialize, serialize } from 'node:v8';
import { codeKey } from './check-cache.ts';

export interface HistoryCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /**
   * One value per slot, stored with the key it was made for (structured clone, so Maps and Sets survive):
   * the slot's next value replaces it, so a slot costs one file however often its key changes.
   */
  getLatest<T>(slot: string, key: string): T | undefined;
  setLatest(slot: string, key: string, value: unknown): void;
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
  const latest = new Map<string, { key: string; value: unknown }>();
  const slotFile = (slot: string) => path.join(dir!, 'latest', `${hash('sha1', slot, 'hex')}.v8`);
  const write = (f: string, data: string | Buffer) => {
    try {
      mkdirSync(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, f);
    } catch {
      // A cache that cannot be written: computed again next time.
    }
  };
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
      if (dir) write(file(key), JSON.stringify(value));
    },
    getLatest<T>(slot: string, key: string): T | undefined {
      let kept = latest.get(slot);
      if (!kept && dir) {
        try {
          kept = deserialize(readFileSync(slotFile(slot))) as { key: string; value: unknown };
          latest.set(slot, kept);
        } catch {
          return undefined;
        }
      }
      return kept?.key === key ? (kept.value as T) : undefined;
    },
    setLatest(slot, key, value) {
      latest.set(slot, { key, value });
      if (dir) write(slotFile(slot), serialize({ key, value }));
    },
  };
}
