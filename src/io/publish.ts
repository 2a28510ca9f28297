/**
 * All-or-nothing output: a build writes into a staging folder beside the
 * output folder and moves it into place only when every step succeeded. A
 * failed build leaves the previous site exactly as it was, and its staging
 * folder (which may hold internal text in Astro's `.prerender/` chunks) is
 * removed.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The staging folder for `outDir`: a hidden sibling, so the final move is a rename on one file system. */
export function stagingDir(outDir: string): string {
  const abs = path.resolve(outDir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.partial`);
}

/** Replaces `outDir` with the finished `staging` folder. */
export function publishStaged(staging: string, outDir: string): void {
  const old = `${stagingDir(outDir)}-old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(old)) renameSync(old, outDir); // put the previous site back
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/** Removes what a failed build staged. */
export function discardStaged(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
