/**
 * The builds that several test files share, and the global setup's head
 * start on them: when a whole run (no file filters) includes build or
 * browser tests, the setup builds these one after another in the background
 * (under the same lock and memo as `buildSite`), so the builds overlap the
 * unit tests instead of keeping test files waiting in turn.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSynthetic } from '../../scripts/bench/generate.ts';
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
}
