/**
 * `npm run check` — validate the content folder and report every problem.
 *
 *     node scripts/check.ts [--strict] [--content DIR]
 *
 * DIR defaults to ROADMAP_CONTENT, else `content`. ROADMAP_AUDIENCE, when
 * set, must name an audience defined in portfolio.yaml. Prints each problem as
 * `path:line:column  field  message`, then a summary; exits 1 when there are
 * errors (or warnings, with --strict), else 0. The build calls `runCheck`.
 * Files unchanged since the last check are not parsed again
 * (src/lib/check-cache.ts; ROADMAP_CHECK_CACHE=off parses everything).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../src/core/diagnostics.ts';
import { formatDiagnostic, formatSummary, hasErrors } from '../src/core/diagnostics.ts';
import { describeInput, isParsed, loadPortfolio } from '../src/core/load.ts';
import type { PortfolioInput } from '../src/core/model.ts';
import { checkCacheDir, openCheckCache } from '../src/lib/check-cache.ts';
import { startPreparer, type ParallelOptions, type Preparer, type PrepareStats } from '../src/lib/prepare-parallel.ts';
import { contentDir, listContentDir, readContentFiles } from '../src/lib/read-content.ts';

export interface CheckOptions {
  /** Warnings count as errors. */
  strict?: boolean;
  /** The audience to validate; default ROADMAP_AUDIENCE (else `public` must exist). */
  audience?: string;
  /** Paths in the output are relative to this; default process.cwd(). */
  cwd?: string;
  /** Parse on several cores (src/lib/prepare-parallel.ts); false: in this thread only. The result is the same. */
  parallel?: ParallelOptions | false;
  /** The folder of the parse cache (src/lib/check-cache.ts); absent: parse every file. The result is the same. */
  cache?: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  exitCode: 0 | 1;
  /** What the CLI prints: one line per diagnostic, the summary, or the ✓ line. Ends with a newline. */
  output: string;
  /** The validated portfolio, when there are no errors. */
  input?: PortfolioInput;
  /** How the files were parsed (threads, cache); absent when the folder was not found. */
  stats?: PrepareStats & { cached: number };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export async function runCheck(dir: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const abs = path.resolve(cwd, dir);
  const root = toPosix(path.relative(cwd, abs));
  const audience = opts.audience ?? (process.env.ROADMAP_AUDIENCE?.trim() || undefined);

  let files;
  let preparer: Preparer | undefined;
  const parallel = opts.parallel === false ? { threads: 1 } : opts.parallel;
  const cache = opts.cache ? openCheckCache(opts.cache, abs) : undefined;
  try {
    const paths = listContentDir(abs);
    // Start the workers (when there are many files) before reading, so they load while the files are read;
    // with a cache from an earlier check, only once it is known how many files changed.
    if (!cache?.warm) preparer = startPreparer(paths.filter(isParsed).length, parallel);
    files = readContentFiles(abs, paths);
  } catch (e) {
    preparer?.cancel();
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    const d: Diagnostic = {
      file: root || '.',
      line: 1,
      column: 1,
      field: '',
      message: `content folder not found (set ROADMAP_CONTENT or pass --content DIR)`,
      severity: 'error',
      rule: 'portfolio-missing',
    };
    return { diagnostics: [d], exitCode: 1, output: `${formatDiagnostic(d)}\n${formatSummary([d])}\n` };
  }

  const hits = files.map((f) => cache?.get(f));
  const missed = files.filter((_, i) => !hits[i]);
  preparer ??= startPreparer(missed.filter((f) => isParsed(f.path)).length, parallel);
  const fresh = await preparer.prepare(missed);
  missed.forEach((f, i) => fresh.prepared[i] && cache?.set(f, fresh.prepared[i]));
  let next = 0;
  const prepared = hits.map((hit) => hit ?? fresh.prepared[next++]);
  const stats = { ...fresh.stats, cached: files.length - missed.length };
  const { input, diagnostics } = loadPortfolio(files, { audience, strict: opts.strict, root, prepared });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const lines = diagnostics.map(formatDiagnostic);
  const failed = hasErrors(diagnostics);
  if (diagnostics.length > 0) lines.push(formatSummary(diagnostics));
  if (!failed && input) {
    const warnings = diagnostics.length;
    lines.push(`✓ ${describeInput(input)} — ${warnings === 0 ? 'no problems' : `${warnings} warning${warnings === 1 ? '' : 's'}`} (${seconds} s)`);
  }
  cache?.save();
  return { diagnostics, exitCode: failed ? 1 : 0, output: `${lines.join('\n')}\n`, input, stats };
}

const USAGE = 'usage: node scripts/check.ts [--strict] [--content DIR]';

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = process.env): { strict: boolean; dir: string } | { error: string } {
  let strict = false;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strict') strict = true;
    else if (a === '--content') {
      dir = argv[++i];
      if (dir === undefined || dir.startsWith('--')) return { error: '--content needs a folder' };
    } else if (a.startsWith('--content=')) dir = a.slice('--content='.length);
    else if (a === '--help' || a === '-h') return { error: USAGE };
    else return { error: `unknown option ${a}\n${USAGE}` };
  }
  return { strict, dir: dir ?? contentDir(env) };
}

async function main(): Promise<void> {
  // The yaml parser reads process.env.LOG_TOKENS once per token, and Node's
  // process.env is a slow native accessor: a plain snapshot made check on
  // 10,000 records 30% faster (13.1 s → 9.2 s). CLI only; the build keeps the
  // real process.env.
  process.env = { ...process.env };
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    process.exitCode = 2;
    return;
  }
  // The build's cache folder (Astro's, node_modules/.astro/): a check warms the build's check, and the other way round.
  const cache = checkCacheDir(fileURLToPath(new URL('../node_modules/.astro/roadmap-check/', import.meta.url)));
  const result = await runCheck(args.dir, { strict: args.strict, cache });
  process.stdout.write(result.output);
  process.exitCode = result.exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
