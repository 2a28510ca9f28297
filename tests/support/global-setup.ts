/**
 * One folder per `vitest run` for the builds that test files share
 * (see `build-site.ts`); removed when the run ends unless
 * `ROADMAP_KEEP_BUILDS=1` (then its path is printed, to inspect the sites).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'roadmap-builds-'));
  project.provide('roadmapBuildRoot', root);
  return () => {
    if (process.env.ROADMAP_KEEP_BUILDS === '1') console.log(`[roadmap] test builds kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
