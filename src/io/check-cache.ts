/**
 * What the last check parsed, so that a file that has not changed is not
 * parsed again. Parsing (YAML, then Zod) is nearly all of `npm run check`:
 * 6-7 s for 10,000 records on two cores; with every file unchanged, check
 * takes under 2 s (npm run bench). The build's check uses it too, so a
 * `npm run check` before `npm run build` saves the build the same work.
 *
 * One file per content folder, under the cache folder. An entry is keyed by
 * the file's path and text (SHA-1), and the whole cache by the code that
 * prepares files: every source file of src/core, package-lock.json (the yaml
 * and Zod versions) and the V8 version (the serialization). A change to any of
 * them starts a new cache. What is cached is `prepareFile`'s result, which is
 * pure (the same path and text give the same result), minus the record body,
 * which is the end of the text and is cut from it again. Any problem reading
 * or writing the cache only means parsing again: never a different result.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { normalizeText, type PlainYaml } from '../core/frontmatter.ts';
import type { ContentFile, PreparedFile } from '../core/load.ts';

/** A prepared file as stored: a record's body is replaced by its length. */
type Stored = Omit<PreparedFile, 'parsed'> & { parsed?: PlainYaml & { bodyLine?: number; bodyLength?: number } };

interface CacheFile {
  code: string;
  entries: Map<string, Stored>;
}

let codeKeyMemo: string | undefined;

/** The key of the code that prepares files (see above); also the history cache's (src/io/history-cache.ts), whose samples the same code computes. */
export function codeKey(): string {
  if (codeKeyMemo) return codeKeyMemo;
  const h = createHash('sha1');
  const core = fileURLToPath(new URL('../core/', import.meta.url));
  for (const rel of readdirSync(core, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!rel.endsWith('.ts')) continue;
    h.update(`${rel}\0`);
    h.update(readFileSync(path.join(core, rel)));
  }
  const lockfile = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
  if (existsSync(lockfile)) h.update(readFileSync(lockfile));
  h.update(process.versions.v8);
  return (codeKeyMemo = h.digest('base64url'));
}

const entryKey = (file: ContentFile) => hash('sha1', `${file.path}\0${file.text}`, 'base64');

function store(prepared: PreparedFile): Stored {
  if (!prepared.parsed || !('body' in prepared.parsed)) return prepared;
  const { body, ...parsed } = prepared.parsed;
  return { ...prepared, parsed: { ...parsed, bodyLength: body.length } };
}

function restore(file: ContentFile, stored: Stored): PreparedFile {
  if (stored.parsed?.bodyLength === undefined) return stored;
  const { bodyLength, bodyLine, ...parsed } = stored.parsed;
  const text = normalizeText(file.text);
  const body = text.slice(text.length - bodyLength);
  return { ...stored, parsed: { ...parsed, body, bodyLine: bodyLine ?? 1 } };
}

/** The cache file of `contentDir` (absolute) in the folder `dir`. */
export const checkCacheFile = (dir: string, contentDir: string) => path.join(dir, `check-${hash('sha1', contentDir, 'base64url')}.bin`);

export interface CheckCache {
  /** Whether the cache had entries for this content folder (from an earlier check with the same code). */
  readonly warm: boolean;
  /** The prepared file for this path and text, when cached. */
  get(file: ContentFile): PreparedFile | undefined;
  /** Remember a file prepared this time. */
  set(file: ContentFile, prepared: PreparedFile): void;
  /** Write what this check used (files gone or changed drop out); nothing when nothing changed. */
  save(): void;
}

/** No cache: when the code key cannot be made (Roadmap's own sources cannot be read). */
const NO_CACHE: CheckCache = { warm: false, get: () => undefined, set: () => {}, save: () => {} };

/** A cache in memory only, for one run (`ROADMAP_CHECK_CACHE=off`): a file with the same path and text is prepared once. */
export function memoryCheckCache(): CheckCache {
  const entries = new Map<string, PreparedFile>();
  return {
    warm: false,
    get: (f) => entries.get(entryKey(f)),
    set: (f, prepared) => void entries.set(entryKey(f), prepared),
    save: () => {},
  };
}

/** The cache of `contentDir` (absolute) in the folder `dir`; `code`: the code key (tests). */
export function openCheckCache(dir: string, contentDir: string, code?: string): CheckCache {
  try {
    code ??= codeKey();
  } catch {
    return NO_CACHE;
  }
  const file = checkCacheFile(dir, contentDir);
  let loaded = new Map<string, Stored>();
  try {
    const data = deserialize(readFileSync(file)) as CacheFile;
    if (data.code === code && data.entries instanceof Map) loaded = data.entries;
  } catch {
    // No cache yet, or one that cannot be read: start a new one.
  }
  const used = new Map<string, Stored>();
  // A file that was not cached is looked up, then set: hash its text once.
  const keys = new WeakMap<ContentFile, string>();
  const keyOf = (f: ContentFile) => keys.get(f) ?? keys.set(f, entryKey(f)).get(f)!;
  let changed = false;
  return {
    warm: loaded.size > 0,
    get(f) {
      const key = keyOf(f);
      // Also what this run prepared: the two sides of a comparison share most files.
      const stored = loaded.get(key) ?? used.get(key);
      if (!stored) return undefined;
      used.set(key, stored);
      return restore(f, stored);
    },
    set(f, prepared) {
      used.set(keyOf(f), store(prepared));
      changed = true;
    },
    save() {
      if (!changed && used.size === loaded.size) return;
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, serialize({ code, entries: used } satisfies CacheFile));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written only means parsing again next time.
        try {
          rmSync(tmp, { force: true });
        } catch {
          // not even a temporary file was written
        }
      }
    },
  };
}
