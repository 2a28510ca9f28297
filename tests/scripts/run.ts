/**
 * Running a script of `scripts/` as a maintainer does: a child process on the
 * project's Node 24 (node_modules/.bin/node), with a controlled environment.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE = join(ROOT, 'node_modules', '.bin', 'node');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node scripts/<script> ...args` in `cwd` (default: the repository root). Asynchronous, so tests can run side by side. */
export function runScript(script: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', ...opts.env };
  // The run's compiled-code cache (set by the global setup): each child skips recompiling the same modules.
  if (process.env.NODE_COMPILE_CACHE) env.NODE_COMPILE_CACHE ??= process.env.NODE_COMPILE_CACHE;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE, [join(ROOT, 'scripts', script), ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

const made: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs` (call it in afterAll). */
export function tempDir(prefix = 'roadmap-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
