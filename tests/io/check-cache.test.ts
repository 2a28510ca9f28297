/**
 * The check cache (src/io/check-cache.ts): a check with the cache gives
 * exactly what a check without it gives, on every fixture and on hostile YAML;
 * only changed files are parsed again; files gone drop out; a different code
 * key or an unreadable cache file means parsing everything again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareFile, type ContentFile } from '../../src/core/load.ts';
import { checkCacheFile, openCheckCache } from '../../src/io/check-cache.ts';
import { runCheck, type CheckResult } from '../../src/pipeline/check.ts';
import { expectSameCheck, HOSTILE_YAML, writeContent as writeContentIn } from '../support/check-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'roadmap-check-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv('ROADMAP_AUDIENCE', '');
  return () => vi.unstubAllEnvs();
});

let n = 0;
const newCacheDir = () => path.join(tmp, `cache-${++n}`);

const writeContent = (name: string, files: readonly ContentFile[]) => writeContentIn(tmp, name, files);
const expectSame = (expected: CheckResult, actual: CheckResult) => expectSameCheck(actual, expected);

/** Without a cache, then twice with a new one (cold, warm): all three the same; returns the warm run. */
async function same(dir: string, cwd: string): Promise<{ plain: CheckResult; cold: CheckResult; warm: CheckResult }> {
  const cache = newCacheDir();
  const plain = await runCheck(dir, { cwd, parallel: false });
  const cold = await runCheck(dir, { cwd, parallel: false, cache });
  const warm = await runCheck(dir, { cwd, parallel: false, cache });
  expectSame(plain, cold);
  expectSame(plain, warm);
  expect(cold.stats!.cached).toBe(0);
  expect(warm.stats!.cached).toBeGreaterThan(0);
  // Every file parsed the first time came from the cache the second time; nothing was parsed.
  expect(warm.stats!.files).toBe(0);
  return { plain, cold, warm };
}

const cachedEntries = (cache: string, dir: string) => (deserialize(readFileSync(checkCacheFile(cache, dir))) as { entries: Map<string, unknown> }).entries.size;

describe('a check from the cache gives what parsing gives', () => {
  for (const group of ['invalid', 'valid']) {
    const base = path.join(ROOT, 'tests/fixtures', group);
    for (const name of readdirSync(base)) {
      it(`fixture ${group}/${name}`, async () => {
        await same(name, base);
      });
    }
  }

  it('the example content', async () => {
    const { warm } = await same('content', ROOT);
    expect(warm.stats!.cached).toBeGreaterThan(20);
  });

  it('hostile YAML: positions of problems, BOM and CRLF bodies, shared aliases, __proto__', async () => {
    const dir = writeContent('hostile', HOSTILE_YAML);
    const { warm } = await same(dir, tmp);
    expect(warm.diagnostics.some((d) => d.line > 3 && d.column > 1)).toBe(true);
  });

  it('hostile YAML: each prepared file back value for value (NaN, -0, own __proto__, shared aliases, bodies)', () => {
    const cache = newCacheDir();
    const dir = path.join(tmp, 'values');
    const written = openCheckCache(cache, dir);
    const expected = HOSTILE_YAML.map((f) => prepareFile(f.path, f.text));
    HOSTILE_YAML.forEach((f, i) => expected[i] && written.set(f, expected[i]));
    written.save();
    const read = openCheckCache(cache, dir);
    const back = HOSTILE_YAML.map((f) => read.get(f));
    expect(back).toStrictEqual(expected);
    const at = (p: string) => back[HOSTILE_YAML.findIndex((f) => f.path === p)]!.parsed as { data: Record<string, unknown>; body: string };
    expect(Object.is(at('projects/numbers.md').data.progress, -0)).toBe(true);
    expect(Object.hasOwn(at('projects/proto.md').data, '__proto__')).toBe(true);
    const anchors = at('projects/anchors.md').data as Record<string, unknown[]>;
    expect(anchors.tags).toBe(anchors.teams);
    expect(at('projects/unicode.md').body).toBe('Body with ✓\nline 2\n');
  });
});

describe('what the cache keeps', () => {
  const files: ContentFile[] = [
    { path: 'portfolio.yaml', text: 'title: Cached\n' },
    { path: 'teams/core.md', text: '---\ntitle: Core\n---\nThe core team.\n' },
    { path: 'projects/a.md', text: '---\ntitle: A\nstatus: active\nteams: [core]\n---\r\nBody of A ✓\r\n' },
    { path: 'projects/b.md', text: '---\ntitle: B\nstatus: proposed\n---\n' },
  ];

  it('parses only the files that changed, and forgets files that are gone', async () => {
    const dir = writeContent('edits', files);
    const cache = newCacheDir();
    const first = await runCheck(dir, { cwd: tmp, parallel: false, cache });
    expect(first.exitCode).toBe(0);
    expect(first.stats).toMatchObject({ files: 4, cached: 0 });
    expect(cachedEntries(cache, dir)).toBe(4);

    writeFileSync(path.join(dir, 'projects/b.md'), '---\ntitle: B\nstatus: in progress\n---\n');
    const edited = await runCheck(dir, { cwd: tmp, parallel: false, cache });
    expect(edited.stats).toMatchObject({ files: 1, cached: 3 });
    expect(edited.exitCode).toBe(1);
    expect(edited.output).toContain('projects/b.md:3:');
    expectSame(await runCheck(dir, { cwd: tmp, parallel: false }), edited);

    unlinkSync(path.join(dir, 'projects/b.md'));
    const removed = await runCheck(dir, { cwd: tmp, parallel: false, cache });
    expect(removed.stats).toMatchObject({ files: 0, cached: 3 });
    expect(removed.exitCode).toBe(0);
    expect(cachedEntries(cache, dir)).toBe(3);
    // The body is cut from the text again: the same body, CRLF normalised as when parsed.
    expect(removed.input!.projects.find((p) => p.id === 'a')!.body).toBe('Body of A ✓\n');
  });

  it('starts again when the code that parses changed, or the cache file cannot be read', async () => {
    const dir = writeContent('restart', files);
    const cache = newCacheDir();
    await runCheck(dir, { cwd: tmp, parallel: false, cache });
    expect(openCheckCache(cache, dir).warm).toBe(true);
    expect(openCheckCache(cache, dir, 'another version of src/core').warm).toBe(false);

    writeFileSync(checkCacheFile(cache, dir), 'not a cache');
    expect(openCheckCache(cache, dir).warm).toBe(false);
    const again = await runCheck(dir, { cwd: tmp, parallel: false, cache });
    expect(again.stats).toMatchObject({ files: 4, cached: 0 });
    expect(openCheckCache(cache, dir).warm).toBe(true);
  });

  it('keeps one cache per content folder', async () => {
    const one = writeContent('one', files);
    const two = writeContent('two', files);
    const cache = newCacheDir();
    await runCheck(one, { cwd: tmp, parallel: false, cache });
    const other = await runCheck(two, { cwd: tmp, parallel: false, cache });
    expect(other.stats!.cached).toBe(0);
    expect(readdirSync(cache).sort()).toEqual([path.basename(checkCacheFile(cache, one)), path.basename(checkCacheFile(cache, two))].sort());
  });

  it('a cache folder that cannot be written only means no cache', async () => {
    const dir = writeContent('readonly', files);
    const blocked = path.join(tmp, 'a-file-not-a-folder');
    writeFileSync(blocked, '');
    const result = await runCheck(dir, { cwd: tmp, parallel: false, cache: blocked });
    expectSame(await runCheck(dir, { cwd: tmp, parallel: false }), result);
  });
});

