/**
 * Running a script of `scripts/` as a maintainer does: a child process on the
 * project's Node 24 (node_modules/.bin/node), with a controlled environment
 * (`runScript`); or its exported `main(io)` in this process with the same
 * arguments, environment and folder (`runMain`), which skips a second of
 * Node start-up and module loading per case. Each script keeps at least one
 * `runScript` case (the real entry point, exit code and streams); the other
 * cases of its behaviour use `runMain`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/io/cli.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE = join(ROOT, 'node_modules', '.bin', 'node');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a script gets: a shell's basics and `env`, nothing of vitest's. */
function scriptEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', ...env };
}

/** `node scripts/<script> ...args` in `cwd` (default: the repository root). Asynchronous, so tests can run side by side. */
export function runScript(script: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env = scriptEnv(opts.env);
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

/**
 * A script's `main` run in-process as `runScript` runs its file: the same arguments, environment (only what
 * `runScript` passes, not this process's) and folder; what it writes and its exit code. An uncaught error is
 * exit 1 with the error on stderr, as Node reports it.
 */
export async function runMain(main: (io: CliIo) => Promise<number>, args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { argv: args, env: scriptEnv(opts.env), cwd: opts.cwd ?? ROOT, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  try {
    return { code: await main(io), stdout, stderr };
  } catch (error) {
    return { code: 1, stdout, stderr: `${stderr}${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` };
  }
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
