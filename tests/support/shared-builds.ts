/**
 * The builds that several test files share, and the global setup's head
 * start on them: when a whole run (no file filters) includes build or
 * browser tests, the setup builds these one after another in the background
 * (under the same lock and memo as `buildSite`), so the builds overlap the
 * unit tests instead of keeping test files waiting in turn.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSynthetic } from '../../scripts/bench/generate.ts';
import { makeDemo } from '../../scripts/demo-history.ts';
import { buildSiteIn, type BuildOptions } from './build-site.ts';
import { EXAMPLE_IN_PARTS } from './pagefind.ts';

export const EXAMPLE: BuildOptions = { content: 'content' };
export const EXAMPLE_INTERNAL: BuildOptions = { content: 'content', audience: 'internal' };
export const HOSTILE: BuildOptions = { content: 'tests/fixtures/sites/hostile' };
export const HOSTILE_INTERNAL: BuildOptions = { content: 'tests/fixtures/sites/hostile', audience: 'internal' };
/** The committed GMPP-ICT example (real data, long spans). */
export const GMPP_ICT: BuildOptions = { content: 'scripts/examples/gmpp-ict' };
/** The example served under a sub-path, as on GitHub Pages: one build for every test of BASE_PATH. */
export const EXAMPLE_UNDER_BASE: BuildOptions = { content: 'content', basePath: '/roadmap', env: { SITE_URL: 'https://example.github.io/roadmap' } };
/** The scorecard audience test's fixture (its hidden values are sentinels), both audiences. */
export const SENTINEL: BuildOptions = { content: 'tests/fixtures/sites/scorecard-sentinel' };
export const SENTINEL_INTERNAL: BuildOptions = { ...SENTINEL, audience: 'internal' };
/** The page-weight test's portfolio. */
export const SYNTHETIC_RECORDS = 2000;

/** The bench's synthetic portfolio (seed 1), written once per run into the shared folder; its path. */
export function syntheticContent(root: string, records: number, seed = 1): string {
  const dir = join(root, `synthetic-${records}-${seed}`);
  if (existsSync(dir)) return dir;
  const partial = mkdtempSync(join(root, 'synthetic-partial-'));
  writeSynthetic(partial, records, seed);
  try {
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another worker wrote it first
  }
  return dir;
}

/** The history demo repository (npm run demo:history), made once per run in the shared folder, and its build's options. */
export function historyDemo(root: string): { repo: string; build: BuildOptions } {
  const repo = join(root, 'history-demo');
  if (!existsSync(repo)) {
    const partial = join(mkdtempSync(join(root, 'history-demo-partial-')), 'repo');
    makeDemo(partial);
    try {
      renameSync(partial, repo);
    } catch {
      rmSync(dirname(partial), { recursive: true, force: true }); // another worker made it first
    }
  }
  return { repo, build: { content: join(repo, 'content'), env: { ROADMAP_HISTORY_CACHE: join(repo, 'cache') } } };
}

/** Files whose tests build sites: a run with none of them builds nothing ahead. */
export const BUILDS_TESTS = /[\\/]tests[\\/](e2e|build)[\\/]/;

/** Builds each shared site in turn (in the order test files first need them) until done or `stopped()`; failures stay in the memo for the tests to report. */
export async function prebuild(root: string, stopped: () => boolean): Promise<void> {
  const builds = [EXAMPLE, EXAMPLE_INTERNAL, HOSTILE, HOSTILE_INTERNAL, GMPP_ICT, EXAMPLE_UNDER_BASE, EXAMPLE_IN_PARTS];
  for (const options of builds) {
    if (stopped()) return;
    await buildSiteIn(root, options);
  }
  if (!stopped()) await buildSiteIn(root, { content: syntheticContent(root, SYNTHETIC_RECORDS) });
  // One file needs each of these, but the test runner tends to start those files last: built here, while the
  // lock is free, they are not left to build at the end of the run with little else to run beside them.
  for (const options of [SENTINEL, SENTINEL_INTERNAL]) {
    if (stopped()) return;
    await buildSiteIn(root, options);
  }
  if (!stopped()) await buildSiteIn(root, historyDemo(root).build);
}
