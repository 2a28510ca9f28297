/**
 * Builds a site with the real CLI (`node_modules/.bin/astro build --outDir …`)
 * in a child process, the way a maintainer or CI does, with the environment
 * set from the options and nothing else inherited from vitest.
 *
 * Builds are expensive (10–30 s each on CI's 2 cores) and test files run in
 * separate worker processes, so results are memoised on disk for the whole
 * `vitest run`: `tests/support/global-setup.ts` provides a fresh directory,
 * and a build with the same options (content, audience, as-of, base path) is
 * done once and shared by every test file that asks for it. Builds are also
 * serialised by a lock in that directory: two Astro builds in one project
 * root would share `.astro/` and the content-layer cache, and on 2 cores they
 * would only slow each other down.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildOptions {
  /** The content folder, relative to the repository root (as `ROADMAP_CONTENT` would be) or absolute. */
  content: string;
  /** `ROADMAP_AUDIENCE`; unset means the default (public). */
  audience?: string;
  /** `ROADMAP_AS_OF`. */
  asOf?: string;
  /** `BASE_PATH`, e.g. `/roadmap`. */
  basePath?: string;
  /** Where to build; a fresh temporary folder when absent. Never memoised when given. */
  outDir?: string;
  /** Build again even when an identical build was memoised (e.g. to compare two builds). */
  fresh?: boolean;
  /** More environment for the build (e.g. `TZ`); applied last. */
  env?: Record<string, string>;
}

export interface BuildResult {
  outDir: string;
  stdout: string;
  stderr: string;
  code: number;
  /** Wall time of the build itself (not of waiting for the lock). */
  ms: number;
}

const BUILD_TIMEOUT_MS = 240_000;

declare module 'vitest' {
  export interface ProvidedContext {
    roadmapBuildRoot: string;
  }
}

let fallbackRoot: string | undefined;

/** The per-run folder shared by all workers (from the global setup), or a per-process one. */
export function buildRoot(): string {
  let root: string | undefined;
  try {
    root = inject('roadmapBuildRoot');
  } catch {
    root = undefined;
  }
  if (root) return root;
  fallbackRoot ??= mkdtempSync(join(tmpdir(), 'roadmap-builds-'));
  return fallbackRoot;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A cross-process mutex: `mkdir` is atomic. A lock whose owner died is taken over. */
async function withLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(root, 'build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // the owner has made the folder but not written its pid yet
      }
      if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The child's environment: only what a shell would have, plus the options. No vitest variables (NODE_ENV=test, MODE, BASE_URL…). */
function childEnv(options: BuildOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'LANG', 'LC_ALL', 'CI', 'SYSTEMROOT', 'NODE_COMPILE_CACHE']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  // Node 24 from node_modules, as `npm run build` gets it.
  env.PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(':');
  env.ASTRO_TELEMETRY_DISABLED = '1';
  env.ROADMAP_CONTENT = options.content;
  if (options.audience !== undefined) env.ROADMAP_AUDIENCE = options.audience;
  if (options.asOf !== undefined) env.ROADMAP_AS_OF = options.asOf;
  if (options.basePath !== undefined) env.BASE_PATH = options.basePath;
  return { ...env, ...options.env };
}

/** With `ROADMAP_BUILD_LOG=file`, one JSON line per build (options, start, wall ms): to find a run's critical path. */
function logBuild(options: BuildOptions, started: number, ms: number, code: number): void {
  const file = process.env.ROADMAP_BUILD_LOG;
  if (file) appendFileSync(file, `${JSON.stringify({ options, pid: process.pid, started, ms, code })}\n`);
}

function runAstroBuild(options: BuildOptions, outDir: string): Promise<BuildResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
      cwd: ROOT,
      env: childEnv(options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[build-site] astro build timed out after ${BUILD_TIMEOUT_MS} ms; killed\n`;
      child.kill('SIGKILL');
    }, BUILD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { outDir, stdout, stderr, code: code ?? (signal ? 128 : 1), ms: Date.now() - started };
      logBuild(options, started, result.ms, result.code);
      resolvePromise(result);
    });
  });
}

function memoKey(options: BuildOptions): string {
  const normal = {
    content: resolve(ROOT, options.content),
    audience: options.audience ?? null,
    asOf: options.asOf ?? null,
    basePath: options.basePath ?? null,
    env: options.env ?? null,
  };
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex').slice(0, 16);
}

const inProcess = new Map<string, Promise<BuildResult>>();

/**
 * Builds the site for these options. Without `outDir` or `fresh`, an identical
 * earlier build of this `vitest run` (in any worker) is reused.
 */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  return buildSiteIn(buildRoot(), options);
}

/** `buildSite` with the shared folder given (the global setup builds ahead of the test files). */
export function buildSiteIn(root: string, options: BuildOptions): Promise<BuildResult> {
  if (options.outDir !== undefined || options.fresh) {
    const outDir = options.outDir ?? join(mkdtempSync(join(root, 'fresh-')), 'dist');
    return withLock(root, () => runAstroBuild(options, outDir));
  }
  const key = memoKey(options);
  const memo = inProcess.get(key);
  if (memo) return memo;
  const promise = withLock(root, async () => {
    const dir = join(root, key);
    const resultFile = join(dir, 'result.json');
    if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await runAstroBuild(options, join(dir, 'dist'));
    writeFileSync(resultFile, JSON.stringify(result));
    return result;
  });
  inProcess.set(key, promise);
  return promise;
}

/** Runs `fn` (a build that does not go through `buildSite`, e.g. a script that runs Astro itself) under the lock every build of this run takes. */
export function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  return withLock(buildRoot(), fn);
}

/** Throws with the build's output when it failed, so a broken build reads as one. */
export function assertBuilt(result: BuildResult): BuildResult {
  if (result.code !== 0) {
    throw new Error(`astro build exited with ${result.code}\n--- stdout ---\n${result.stdout.slice(-4000)}\n--- stderr ---\n${result.stderr.slice(-8000)}`);
  }
  return result;
}

/** Every file under `dir`, as sorted POSIX paths relative to it (`projects/x/index.html`). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('');
  return out.sort();
}

export function readText(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

/** `rel path → sha256` for every file: two builds are identical when these are equal. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of listFiles(dir)) out[rel] = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex');
  return out;
}

/** Strips ANSI colour codes from CLI output. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
