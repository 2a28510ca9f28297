/**
 * The pipeline's first stage: read the content folder, parse and validate
 * every file, and report every problem as `path:line:column  field  message`
 * (what `npm run check` prints and the build stops on). Files unchanged since
 * the last check are not parsed again (src/io/check-cache.ts).
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { formatDiagnostic, formatSummary, hasErrors } from '../core/diagnostics.ts';
import { describeInput, isParsed, loadPortfolio, type ContentFile } from '../core/load.ts';
import type { PortfolioInput } from '../core/model.ts';
import { openCheckCache, type CheckCache } from '../io/check-cache.ts';
import { startPreparer, type ParallelOptions, type Preparer, type PrepareStats } from '../io/prepare-parallel.ts';
import { listContentDir, readContentFiles } from '../io/read-content.ts';

export interface CheckOptions {
  /** Warnings count as errors. */
  strict?: boolean;
  /** The audience to validate; absent: `public`, which must then exist. */
  audience?: string;
  /** Paths in the output are relative to this; default process.cwd(). */
  cwd?: string;
  /** Parse on several cores (src/io/prepare-parallel.ts); false: in this thread only. The result is the same. */
  parallel?: ParallelOptions | false;
  /** The folder of the parse cache (src/io/check-cache.ts), or a cache the caller opened and saves; absent: parse every file. The result is the same. */
  cache?: string | CheckCache;
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
  const audience = opts.audience;

  let files;
  let preparer: Preparer | undefined;
  const parallel = opts.parallel === false ? { threads: 1 } : opts.parallel;
  const cache = typeof opts.cache === 'string' ? openCheckCache(opts.cache, abs) : opts.cache;
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

  const result = await checkFiles(files, { audience, strict: opts.strict, root, parallel, cache, preparer, started });
  if (typeof opts.cache === 'string') cache?.save();
  return result;
}

export interface CheckFilesOptions {
  /** Prefix of the paths in diagnostics: the content folder relative to the working directory (`content`). */
  root: string;
  audience?: string;
  strict?: boolean;
  parallel?: ParallelOptions;
  /** Prepared files to reuse and remember (the check cache, or one shared by the two sides of a comparison); the caller saves it. */
  cache?: CheckCache;
  /** A preparer already started for these files. */
  preparer?: Preparer;
  /** When the check started (performance.now()), for the time on the ✓ line. */
  started?: number;
}

/**
 * Parse and validate content files however they were read (the working
 * tree, a git revision): the one path from files to validated input that
 * `npm run check`, the build and `npm run compare` share.
 */
export async function checkFiles(files: readonly ContentFile[], opts: CheckFilesOptions): Promise<CheckResult> {
  const started = opts.started ?? performance.now();
  const { cache, root } = opts;
  const hits = files.map((f) => cache?.get(f));
  const missed = files.filter((_, i) => !hits[i]);
  const preparer = opts.preparer ?? startPreparer(missed.filter((f) => isParsed(f.path)).length, opts.parallel);
  const fresh = await preparer.prepare(missed);
  missed.forEach((f, i) => fresh.prepared[i] && cache?.set(f, fresh.prepared[i]));
  let next = 0;
  const prepared = hits.map((hit) => hit ?? fresh.prepared[next++]);
  const stats = { ...fresh.stats, cached: files.length - missed.length };
  const { input, diagnostics } = loadPortfolio(files, { audience: opts.audience, strict: opts.strict, root, prepared });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const lines = diagnostics.map(formatDiagnostic);
  const failed = hasErrors(diagnostics);
  if (diagnostics.length > 0) lines.push(formatSummary(diagnostics));
  if (!failed && input) {
    const warnings = diagnostics.length;
    lines.push(`✓ ${describeInput(input)} — ${warnings === 0 ? 'no problems' : `${warnings} warning${warnings === 1 ? '' : 's'}`} (${seconds} s)`);
  }
  return { diagnostics, exitCode: failed ? 1 : 0, output: `${lines.join('\n')}\n`, input, stats };
}
