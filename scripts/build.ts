/**
 * `npm run build`: `astro build`, with one addition — when Node itself runs
 * out of heap (V8 aborts with "JavaScript heap out of memory", exit code 134),
 * say so plainly and say what to do, instead of leaving a V8 stack trace as
 * the last words of a CI log.
 *
 *     node scripts/build.ts [astro build options…]
 *
 * The build's own heap watchdog (src/io/memory-guard.ts) stops most builds
 * that are thrashing with a clear message first; this catches the rest (one
 * large page that overshoots the heap at once, or V8 giving up before the
 * watchdog hears of it). Output passes through unchanged, and the exit code is
 * the build's own, or 1 when it was killed by a signal. A failed build's
 * staging folder is removed (src/io/publish.ts); the previous site stays.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { availableMemoryBytes, nodeOutOfMemoryMessage } from '../src/io/memory-guard.ts';
import { discardStaged, stagingDir } from '../src/io/publish.ts';
import type { CliIo } from '../src/io/cli.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunBuildOptions {
  /** The folder to run in (default: this process's); Astro reads astro.config.mjs from it. */
  cwd?: string;
  /** The child's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Where the child's output goes (default: this process's streams). */
  io?: Pick<CliIo, 'stdout' | 'stderr'>;
}

/** The command that builds the site: Astro's CLI under this process's Node. */
export function astroBuild(args: readonly string[]): string[] {
  return [process.execPath, path.join(ROOT, 'node_modules', '.bin', 'astro'), 'build', ...args];
}

/** Runs `command`, passing its output through; prints the out-of-memory advice when it died of that. Resolves to the exit code. */
export function runBuild(command: readonly string[], outDir = 'dist', opts: RunBuildOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ['inherit', opts.io ? 'pipe' : 'inherit', 'pipe'] });
    const err = (text: string) => (opts.io ? opts.io.stderr(text) : void process.stderr.write(text));
    if (opts.io) child.stdout!.on('data', (chunk: Buffer) => opts.io!.stdout(chunk.toString('utf8')));
    let tail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err(chunk.toString('utf8'));
      tail = (tail + chunk.toString('utf8')).slice(-8192);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const message = nodeOutOfMemoryMessage({
        stderrTail: tail,
        code,
        signal,
        heapLimit: v8.getHeapStatistics().heap_size_limit,
        available: availableMemoryBytes(),
        outDir,
      });
      if (message) err(message);
      // A build that V8 aborted ran no exit handler: remove what it staged (it may hold internal text).
      if (code !== 0) discardStaged(stagingDir(path.resolve(opts.cwd ?? '.', outDir)));
      resolve(code ?? 1);
    });
  });
}

function outDirOf(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  if (i < 0) return 'dist';
  return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : (args[i + 1] ?? 'dist');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  process.exitCode = await runBuild(astroBuild(args), outDirOf(args));
}
