/**
 * A failed build never half-publishes (issue 14, items 4 and 5): the site is
 * built in a staging folder and moved into place only when every step
 * succeeded, so the previous output survives any failure, and nothing of a
 * failed build (Astro's .prerender chunks hold internal MDX text) is left
 * beside it. Bad settings stop the build before it writes anything.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, hashTree, listFiles, plain, ROOT, type BuildResult } from '../support/build-site.ts';
import { HOSTILE } from '../support/shared-builds.ts';

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
  let before: Record<string, string>;
  let crash: BuildResult;
  let badSettings: BuildResult;

  beforeAll(async () => {
    // The previous site: the run's shared build of the hostile fixture, copied into place (it has Mermaid's
    // files and pages the minimal content has not, which the successful build below must leave no trace of).
    cpSync(assertBuilt(await buildSite(HOSTILE)).outDir, outDir, { recursive: true });
    before = hashTree(outDir);
    // Valid content (check passes) whose public MDX record throws while its page renders,
    // beside an internal MDX record whose text must not survive anywhere.
    cpSync(join(ROOT, 'tests/fixtures/valid/minimal'), crashing, { recursive: true });
    writeFileSync(join(crashing, 'projects/secret.mdx'), `---\ntitle: Secret\nstatus: active\nvisibility: internal\n---\n${SECRET}\n`);
    writeFileSync(join(crashing, 'projects/crash.mdx'), `---\ntitle: Crash\nstatus: active\n---\n{(() => { throw new Error('rendering failed on purpose'); })()}\n`);
    crash = await buildSite({ content: crashing, outDir });
    badSettings = await buildSite({ content: join(ROOT, 'tests/fixtures/valid/minimal'), outDir, basePath: '/a?b#c', env: { ROADMAP_SEARCH_PART_CHARS: 'lots' } });
  }, 600_000);

  it('starts from a site in place', () => {
    expect(Object.keys(before)).toContain('index.html');
    expect(Object.keys(before).filter((f) => f.includes('mermaid')).length).toBeGreaterThan(0);
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

  it('bad settings (a BASE_PATH with ? or #, a ROADMAP_SEARCH_PART_CHARS that is no number) stop the build with one clear error each, before anything is written', () => {
    expect(badSettings.code).not.toBe(0);
    const output = plain(badSettings.stderr + badSettings.stdout);
    expect(output).toContain('BASE_PATH="/a?b#c": must not contain "?", "#", "\\" or whitespace');
    expect(output).toContain('ROADMAP_SEARCH_PART_CHARS="lots": must be a whole number of characters');
    expect(hashTree(outDir)).toEqual(before);
    expect(existsSync(join(dirname(outDir), '.site.partial'))).toBe(false);
  });

  it('a successful build replaces the site whole', async () => {
    const started = Date.now();
    const again = await buildSite({ content: join(ROOT, 'tests/fixtures/valid/minimal'), outDir, asOf: '2030-01-01' });
    expect(again.code, plain(again.stderr).slice(-2000)).toBe(0);
    const files = listFiles(outDir);
    expect(files).toContain('index.html');
    // Every file is the new build's: none left from the previous site (its pages, Mermaid's files).
    expect(files.filter((f) => statSync(join(outDir, f)).mtimeMs < started - 1000)).toEqual([]);
    expect(files.filter((f) => f.includes('hostile'))).toEqual([]);
    // No record has a Mermaid block: the site gets none of mermaid's files.
    expect(files.filter((f) => f.includes('mermaid'))).toEqual([]);
    expect(readdirSync(parent).toSorted()).toEqual(['content-crash', 'site']);
  }, 300_000);
});
