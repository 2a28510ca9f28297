/**
 * One folder per `vitest run` for the builds that test files share
 * (see `build-site.ts`); removed when the run ends unless
 * `ROADMAP_KEEP_BUILDS=1` (then its path is printed, to inspect the sites).
 * A whole run builds the shared sites in the background from the start
 * (`shared-builds.ts`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILDS_TESTS, prebuild } from './shared-builds.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // ROADMAP_TEST_BUILDS=folder keeps the builds there between runs (to iterate on tests, not on src: nothing rebuilds).
  const kept = process.env.ROADMAP_TEST_BUILDS;
  if (kept) mkdirSync(kept, { recursive: true });
  const root = kept ? resolve(kept) : mkdtempSync(join(tmpdir(), 'roadmap-builds-'));
  project.provide('roadmapBuildRoot', root);
  // Builds and CLI runs are child processes loading the same modules: V8's code cache saves each a second or so
  // of compiling (workers and their children inherit this environment).
  process.env.NODE_COMPILE_CACHE ??= join(root, 'node-compile-cache');
  // A whole run (no file filters on the command line) that includes build or browser tests builds the shared
  // sites ahead; a run of a few files builds only what they ask for.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  const ahead = !filters?.length && testFiles.some((f) => BUILDS_TESTS.test(f));
  let stop = false;
  const background = ahead ? prebuild(root, () => stop).catch(() => undefined) : Promise.resolve();
  return async () => {
    stop = true;
    await background; // the build under way finishes; the rest are skipped
    if (kept) return;
    if (process.env.ROADMAP_KEEP_BUILDS === '1') console.log(`[roadmap] test builds kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
