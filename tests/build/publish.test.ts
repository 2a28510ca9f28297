/**
 * A failed build never half-publishes (issue 14, items 4 and 5): the site is
 * built in a staging folder and moved into place only when every step
 * succeeded, so the previous output survives any failure, and nothing of a
 * failed build (Astro's .prerender chunks hold internal MDX text) is left
 * beside it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hashTree, listFiles, plain, ROOT, type BuildResult } from '../support/build-site.ts';

const SECRET = 'INTERNAL-MDX-SENTINEL-7f3a';

/** Every file under `dir` (hidden ones too) whose text contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (readFileSync(full).includes(needle)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

describe('a failed build leaves the previous site exactly as it was', () => {
  const parent = mkdtempSync(join(tmpdir(), 'roadmap-publish-'));
  const outDir = join(parent, 'site');
  const crashing = join(parent, 'content-crash');
  let first: BuildResult;
  let before: Record<string, string>;
  let crash: BuildResult;
  let badBase: BuildResult;

  beforeAll(async () => {
    first = await buildSite({ content: join(ROOT, 'tests/fixtures/valid/minimal'), outDir });
    before = hashTree(outDir);
    // Valid content (check passes) whose public MDX record throws while its page renders,
    // beside an internal MDX record whose text must not survive anywhere.
    cpSync(join(ROOT, 'tests/fixtures/valid/minimal'), crashing, { recursive: true });
    writeFileSync(join(crashing, 'projects/secret.mdx'), `---\ntitle: Secret\nstatus: active\nvisibility: internal\n---\n${SECRET}\n`);
    writeFileSync(join(crashing, 'projects/crash.mdx'), `---\ntitle: Crash\nstatus: active\n---\n{(() => { throw new Error('rendering failed on purpose'); })()}\n`);
    crash = await buildSite({ content: crashing, outDir });
    badBase = await buildSite({ content: join(ROOT, 'tests/fixtures/valid/minimal'), outDir, basePath: '/a?b#c' });
  }, 600_000);

  it('builds the first site', () => {
    expect(first.code, plain(first.stderr).slice(-2000)).toBe(0);
    expect(Object.keys(before)).toContain('index.html');
  });

  it('a build that crashes while rendering fails, and the previous site is untouched', () => {
    expect(crash.code).not.toBe(0);
    expect(plain(crash.stderr + crash.stdout)).toContain('rendering failed on purpose');
    expect(hashTree(outDir)).toEqual(before);
  });

  it('leaves nothing of the failed build beside the output, internal text included', () => {
    expect(readdirSync(parent).toSorted()).toEqual(['content-crash', 'site']);
    expect(filesContaining(outDir, SECRET)).toEqual([]);
    expect(filesContaining(join(ROOT, 'node_modules', '.astro'), SECRET)).toEqual([]);
  });

  it('a BASE_PATH with ? or # stops the build with one clear error before anything is written', () => {
    expect(badBase.code).not.toBe(0);
    expect(plain(badBase.stderr + badBase.stdout)).toContain('BASE_PATH="/a?b#c": must not contain "?", "#", "\\" or whitespace');
    expect(hashTree(outDir)).toEqual(before);
    expect(existsSync(join(dirname(outDir), '.site.partial'))).toBe(false);
  });

  it('a successful build replaces the site whole', async () => {
    const again = await buildSite({ content: join(ROOT, 'tests/fixtures/valid/minimal'), outDir, asOf: '2030-01-01' });
    expect(again.code).toBe(0);
    expect(listFiles(outDir)).toEqual(Object.keys(before).toSorted());
    // No record has a Mermaid block: the site gets none of mermaid's files.
    expect(listFiles(outDir).filter((f) => f.includes('mermaid'))).toEqual([]);
    expect(readdirSync(parent).toSorted()).toEqual(['content-crash', 'site']);
  }, 300_000);
});
