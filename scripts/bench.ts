/**
 * `npm run bench -- --records N [--baseline] [--open] [--keep] [--seed S] [--audience A] [--json]`
 *
 * Generates a deterministic synthetic portfolio of N projects
 * (`scripts/bench/synthetic.ts`) in a temporary folder, times `npm run check` on
 * it, builds the site from it (ROADMAP_CONTENT) and reports wall time, peak
 * RSS, page count, dist size and JavaScript bytes per page type. With
 * `--baseline` it also builds the same project records as a plain Astro site
 * (`scripts/bench/baseline/`: one page per record with title and body, plus
 * Pagefind) and prints the ratio. With `--open` it opens the largest page of
 * each kind in Chromium and reports how long each takes to show
 * (`scripts/bench/open-pages.ts`). `--keep` leaves the temporary folder.
 *
 * The site is built from a snapshot of the working tree (src/, public/,
 * scripts/, the config files; node_modules linked) in the temporary folder:
 * Astro writes `.astro/.prerender/` in the project root, so two builds in one
 * root (other people's, concurrently) would break each other, and the
 * snapshot keeps edits made during the run out of the measurement. Builds run
 * through `scripts/bench/astro-build.ts` with a fresh cache folder each, so
 * every build is cold. Peak RSS is measured two ways: the largest
 * single process (`/usr/bin/time -v` when installed, else polling) and the
 * whole process tree (the sum of VmRSS of the build and its children, polled
 * every 100 ms from /proc).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSynthetic } from './bench/generate.ts';
import { openPages, openTable, type PageOpen } from './bench/open-pages.ts';
import { checkContent, modelFromInput } from '../src/pipeline/index.ts';
import { loadSettings } from '../src/pipeline/settings.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;

export interface BenchArgs {
  records: number;
  baseline: boolean;
  open: boolean;
  keep: boolean;
  seed: number;
  audience?: string;
  json: boolean;
}

const USAGE = 'usage: npm run bench -- --records N [--baseline] [--open] [--keep] [--seed S] [--audience A] [--json]';

export function parseBenchArgs(argv: readonly string[]): BenchArgs | { error: string } {
  const out: BenchArgs = { records: NaN, baseline: false, open: false, keep: false, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--records') out.records = Number(value());
    else if (flag === '--seed') out.seed = Number(value());
    else if (flag === '--audience') out.audience = value();
    else if (flag === '--baseline') out.baseline = true;
    else if (flag === '--open') out.open = true;
    else if (flag === '--keep') out.keep = true;
    else if (flag === '--json') out.json = true;
    else if (flag === '--help' || flag === '-h') return { error: USAGE };
    else return { error: `unknown option ${a}\n${USAGE}` };
  }
  if (!Number.isInteger(out.records) || out.records < 1) return { error: `--records needs a whole number of projects, 1 or more\n${USAGE}` };
  if (!Number.isInteger(out.seed)) return { error: `--seed needs a whole number\n${USAGE}` };
  return out;
}

export interface RunResult {
  code: number;
  wallMs: number;
  /** Largest single process, bytes (from /usr/bin/time -v when available). */
  peakProcessRss?: number;
  /** Largest sum of VmRSS over the process tree, bytes (polled). */
  peakTreeRss?: number;
  /** User + system CPU time of the command and its children, ms (from /usr/bin/time -v): less sensitive than wall time to other load on the machine. */
  cpuMs?: number;
  stdout: string;
  stderr: string;
}

/** Every process id under `pid` (inclusive), from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [pid];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(e));
      else children.set(ppid, [Number(e)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const TIME = '/usr/bin/time';

/** Run a command, measuring wall time and peak memory. */
export function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peakTree = 0;
    let peakOne = 0;
    const poll = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const rss = rssOf(pid);
        sum += rss;
        if (rss > peakOne) peakOne = rss;
      }
      if (sum > peakTree) peakTree = sum;
    };
    const timer = setInterval(poll, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      let peakProcessRss: number | undefined = peakOne || undefined;
      let cpuMs: number | undefined;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) peakProcessRss = Number(m[1]) * 1024;
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
        const cut = stderr.lastIndexOf('\tCommand being timed:');
        if (cut >= 0) stderr = stderr.slice(0, cut);
      }
      resolve({ code: code ?? (signal ? 128 : 1), wallMs, cpuMs, peakProcessRss, peakTreeRss: peakTree || undefined, stdout, stderr });
    });
  });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

export interface DistStats {
  pages: number;
  bytes: number;
  files: number;
}

export function distStats(dir: string): DistStats {
  const files = walk(dir);
  let bytes = 0;
  let pages = 0;
  for (const f of files) {
    bytes += statSync(f).size;
    if (f.endsWith('.html')) pages++;
  }
  return { pages, bytes, files: files.length };
}

/**
 * JavaScript a page loads: inline `<script>` text (JSON data blocks excluded)
 * plus the size of every same-site `<script src>` and `<link rel=modulepreload>`
 * file. Dynamic imports made later by those scripts are not followed.
 */
export function pageJsBytes(html: string, distDir: string, pageUrlPath = '/'): number {
  let bytes = 0;
  const seen = new Set<string>();
  const external = (src: string) => {
    if (/^(https?:)?\/\//i.test(src) || seen.has(src)) return;
    seen.add(src);
    const rel = src.startsWith('/') ? src : path.posix.join(pageUrlPath, src);
    const file = path.join(distDir, ...decodeURI(rel.split(/[?#]/)[0]).split('/'));
    try {
      bytes += statSync(file).size;
    } catch {
      // not in this dist (e.g. under a BASE_PATH): counted as 0
    }
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !/^(module|text\/javascript|application\/javascript)$/.test(type)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src) external(src);
    else bytes += Buffer.byteLength(m[2]);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?modulepreload["']?[^>]*>/gi)) {
    const h = /\bhref\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1];
    if (h) external(h);
  }
  return bytes;
}

export const PAGE_TYPES = ['record', 'roadmap', 'dependency', 'scorecard', 'search'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The page that stands for each page type in a built site (undefined when the site has none). */
export function pageOf(distDir: string, type: PageType, firstProjectId: string): string | undefined {
  const rel = { record: `projects/${firstProjectId}`, roadmap: 'roadmap', dependency: 'dependencies', scorecard: 'scorecard', search: 'search' }[type];
  const file = path.join(distDir, rel, 'index.html');
  return existsSync(file) ? file : undefined;
}

export function jsPerPageType(distDir: string, firstProjectId: string): Record<PageType, number | undefined> {
  const out = {} as Record<PageType, number | undefined>;
  for (const type of PAGE_TYPES) {
    const file = pageOf(distDir, type, firstProjectId);
    out[type] = file ? pageJsBytes(readFileSync(file, 'utf8'), distDir, `/${path.relative(distDir, path.dirname(file)).split(path.sep).join('/')}/`) : undefined;
  }
  return out;
}

const MB = 1024 * 1024;
const fmtMb = (b: number | undefined) => (b === undefined ? 'n/a' : `${(b / MB).toFixed(0)} MB`);
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TZ', 'LANG', 'LC_ALL', 'CI', 'NODE_OPTIONS']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  env.PATH = [path.dirname(NODE), path.join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? '/usr/bin:/bin'].join(':');
  env.ASTRO_TELEMETRY_DISABLED = '1';
  return { ...env, ...extra };
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

const SNAPSHOT = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Copy the parts of the working tree a build needs to `to`, with node_modules linked. */
export function snapshotTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of SNAPSHOT) {
    const src = path.join(from, name);
    if (!existsSync(src)) continue;
    cpSync(src, path.join(to, name), {
      recursive: true,
      filter: (p) => !/[\\/](\.astro|node_modules|dist)([\\/]|$)/.test(path.relative(from, p)),
    });
  }
  symlinkSync(path.join(from, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

export interface BenchReport {
  records: number;
  seed: number;
  cpus: number;
  loadBefore: string;
  generateMs: number;
  check: { wallMs: number; cpuMs?: number; code: number };
  /** The same check again, every file from the cache. */
  recheck: { wallMs: number; cpuMs?: number };
  build: { wallMs: number; cpuMs?: number; code: number; peakProcessRss?: number; peakTreeRss?: number; pages: number; distBytes: number; js: Record<PageType, number | undefined> };
  baseline?: { wallMs: number; cpuMs?: number; code: number; peakProcessRss?: number; peakTreeRss?: number; pages: number; distBytes: number; ratio: number };
  /** With --open: the largest page of each kind, opened in Chromium. */
  open?: PageOpen[];
  /** The confidence-range simulation (src/core/forecast/): the model with it minus without, medians of 3 alternated runs in this process. */
  forecast?: { iterations: number; withMs: number; withoutMs: number; ms: number };
  dir: string;
}

/** Times the forecast step: the model built with and without it, alternated, medians of 3. */
async function forecastTiming(content: string, env: Record<string, string>, cacheDir: string): Promise<NonNullable<BenchReport['forecast']>> {
  const settings = loadSettings({ ...env, ROADMAP_CONTENT: content, ROADMAP_CHECK_CACHE: cacheDir }, ROOT);
  const checked = await checkContent(settings);
  if (!checked.input) throw new Error(checked.output);
  const input = checked.input;
  const time = (forecast: boolean) => {
    const t = performance.now();
    modelFromInput(settings, input, new Date(), { forecast });
    return performance.now() - t;
  };
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    withoutMs.push(time(false));
    withMs.push(time(true));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  return { iterations: input.settings.forecast.iterations, withMs: median(withMs), withoutMs: median(withoutMs), ms: median(withMs) - median(withoutMs) };
}

function failed(what: string, r: RunResult): never {
  process.stderr.write(`${r.stdout.slice(-4000)}\n${r.stderr.slice(-8000)}\n`);
  throw new Error(`${what} failed with exit code ${r.code}`);
}

export async function runBench(args: BenchArgs, log: (line: string) => void = () => {}): Promise<BenchReport> {
  const dir = path.join(os.tmpdir(), `roadmap-bench-${args.records}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const content = path.join(dir, 'content');
  const loadBefore = loadAverage();
  try {
    let t = performance.now();
    const counts = writeSynthetic(content, args.records, args.seed);
    const generateMs = performance.now() - t;
    log(`generated ${counts.projects} projects, ${counts.programs} programs, ${counts.goals} goals, ${counts.teams} teams, ${counts.dependencies} dependencies in ${fmtS(generateMs)} → ${content}`);
    const audience: Record<string, string> = args.audience ? { ROADMAP_AUDIENCE: args.audience } : {};

    log(`load average before: ${loadBefore} (${os.cpus().length} CPUs)`);
    // Check twice with a new cache folder (src/io/check-cache.ts): first every file is parsed (and the cache written), then none is.
    const checkRun = () => measure(NODE, [path.join(ROOT, 'scripts/check.ts'), '--content', content], { cwd: ROOT, env: childEnv({ ...audience, ROADMAP_CHECK_CACHE: path.join(dir, 'check-cache') }) });
    const check = await checkRun();
    if (check.code !== 0) failed('npm run check', check);
    log(`check: ${fmtS(check.wallMs)} (CPU ${check.cpuMs === undefined ? 'n/a' : fmtS(check.cpuMs)}) — ${check.stdout.trim().split('\n').at(-1)}`);
    const recheck = await checkRun();
    if (recheck.code !== 0) failed('npm run check (again)', recheck);
    log(`check again, nothing changed: ${fmtS(recheck.wallMs)} (CPU ${recheck.cpuMs === undefined ? 'n/a' : fmtS(recheck.cpuMs)})`);
    const forecast = await forecastTiming(content, audience, path.join(dir, 'check-cache'));
    log(`forecast (${args.records} projects × ${forecast.iterations} iterations, with propagation): ${(forecast.ms / 1000).toFixed(2)} s (model with it ${(forecast.withMs / 1000).toFixed(2)} s, without ${(forecast.withoutMs / 1000).toFixed(2)} s; medians of 3, in process)`);

    const site = path.join(dir, 'site');
    snapshotTree(ROOT, site);
    // Astro may write its prerender chunks next to the output folder; they import packages.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const runner = path.join(site, 'scripts/bench/astro-build.ts');
    const dist = path.join(dir, 'dist');
    const build = await measure(NODE, [runner, site, dist, path.join(dir, 'cache')], { cwd: site, env: childEnv({ ROADMAP_CONTENT: content, ...audience }) });
    writeFileSync(path.join(dir, 'build.log'), `${build.stdout}\n${build.stderr}`);
    if (build.code !== 0) failed('astro build', build);
    const stats = distStats(dist);
    const firstProject = `project-${'1'.padStart(String(args.records).length, '0')}`;
    const js = jsPerPageType(dist, firstProject);
    log(`build: ${fmtS(build.wallMs)} (CPU ${build.cpuMs === undefined ? 'n/a' : fmtS(build.cpuMs)}), peak RSS ${fmtMb(build.peakProcessRss)} (largest process), ${fmtMb(build.peakTreeRss)} (process tree), ${stats.pages} pages, dist ${fmtMb(stats.bytes)}`);
    log(`JS bytes per page type: ${PAGE_TYPES.map((p) => `${p} ${js[p] ?? 'n/a'}`).join(', ')}`);

    const report: BenchReport = {
      records: args.records,
      seed: args.seed,
      cpus: os.cpus().length,
      loadBefore,
      generateMs,
      check: { wallMs: check.wallMs, cpuMs: check.cpuMs, code: check.code },
      recheck: { wallMs: recheck.wallMs, cpuMs: recheck.cpuMs },
      build: { wallMs: build.wallMs, cpuMs: build.cpuMs, code: build.code, peakProcessRss: build.peakProcessRss, peakTreeRss: build.peakTreeRss, pages: stats.pages, distBytes: stats.bytes, js },
      forecast,
      dir,
    };

    if (args.open) {
      report.open = await openPages(dist);
      log(`pages opened in Chromium (1440 px, empty cache, median of 3):\n${openTable(report.open)}`);
    }

    if (args.baseline) {
      t = performance.now();
      const bdist = path.join(dir, 'baseline-dist');
      log(`load average before baseline: ${loadAverage()}`);
      const base = await measure(NODE, [runner, path.join(site, 'scripts/bench/baseline'), bdist, path.join(dir, 'baseline-cache')], {
        cwd: path.join(site, 'scripts/bench/baseline'),
        env: childEnv({ ROADMAP_CONTENT: content }),
      });
      if (base.code !== 0) failed('baseline astro build', base);
      const bstats = distStats(bdist);
      const ratio = build.wallMs / base.wallMs;
      report.baseline = { wallMs: base.wallMs, cpuMs: base.cpuMs, code: base.code, peakProcessRss: base.peakProcessRss, peakTreeRss: base.peakTreeRss, pages: bstats.pages, distBytes: bstats.bytes, ratio };
      log(`baseline (plain Astro + Pagefind): ${fmtS(base.wallMs)} (CPU ${base.cpuMs === undefined ? 'n/a' : fmtS(base.cpuMs)}), peak RSS ${fmtMb(base.peakProcessRss)} / ${fmtMb(base.peakTreeRss)}, ${bstats.pages} pages, dist ${fmtMb(bstats.bytes)}`);
      log(`ratio roadmap / baseline: ${ratio.toFixed(2)}×`);
    }
    return report;
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

export const TABLE_HEAD = '| records | build wall | build CPU | peak RSS (tree) | pages | dist | check wall (again) | baseline wall | ratio |\n|---|---|---|---|---|---|---|---|---|';

/** One Markdown table row under TABLE_HEAD. */
export function tableRow(r: BenchReport): string {
  const rss = r.build.peakTreeRss ?? r.build.peakProcessRss;
  const cpu = r.build.cpuMs === undefined ? 'n/a' : fmtS(r.build.cpuMs);
  return `| ${r.records.toLocaleString('en')} | ${fmtS(r.build.wallMs)} | ${cpu} | ${fmtMb(rss)} | ${r.build.pages.toLocaleString('en')} | ${fmtMb(r.build.distBytes)} | ${fmtS(r.check.wallMs)} (${fmtS(r.recheck.wallMs)}) | ${r.baseline ? fmtS(r.baseline.wallMs) : '—'} | ${r.baseline ? `${r.baseline.ratio.toFixed(2)}×` : '—'} |`;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    process.exitCode = 2;
    return;
  }
  const report = await runBench(args, (line) => process.stdout.write(`${line}\n`));
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  process.stdout.write(`\n${TABLE_HEAD}\n`);
  process.stdout.write(`${tableRow(report)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
