/**
 * `npm run import` — turn a CSV register or an MS Project XML plan into a
 * content folder.
 *
 *     node scripts/import.ts <file.csv> [--out DIR] [--map mapping.yaml]
 *          [--encoding utf8|latin1] [--as-of YYYY-MM-DD] [--title TEXT]
 *          [--filter column=regex]... [--force]
 *     node scripts/import.ts <plan.xml> [--out DIR] [--projects-at LEVEL] [--as-of …] [--title …] [--force]
 *     node scripts/import.ts <file.csv> --infer [--out mapping.yaml] [--encoding …] [--force]
 *
 * --infer writes a proposed mapping file (default: <file>.mapping.yaml in the
 * current folder) and no records: review it, then import with --map.
 *
 * An MS Project XML file (MSPDI) is recognised by its `.xml` name or its
 * `<Project>` root element.
 *
 * DIR defaults to ROADMAP_CONTENT, else `content`; a folder that exists and is
 * not empty is refused unless --force (which replaces it). Everything is
 * written to a temporary folder next to DIR and moved into place at the end,
 * so a failed import leaves nothing half-written. Every dropped or guessed
 * value is printed and listed in DIR/import-report.md. Exit 0 on success,
 * 1 when the file, the mapping or the folder cannot be used, 2 on bad usage.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ImportError, importRegister, type ImportResult } from '../src/core/import/importer.ts';
import { decodeCsv } from '../src/core/import/csv.ts';
import { inferFromBytes, type Inference } from '../src/core/import/infer.ts';
import { importMspdi, type MspdiResult } from '../src/core/import/mspdi.ts';
import { looksLikeMspdi } from '../src/core/import/mspdi-xml.ts';
import { formatMspdiMarkdown, formatMspdiText, formatReportMarkdown, formatReportText } from '../src/core/import/report.ts';
import { loadSettings } from '../src/pipeline/settings.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';

export const USAGE = `usage: npm run import -- <file.csv> [--out DIR] [--map mapping.yaml] [--encoding utf8|latin1]
                          [--as-of YYYY-MM-DD] [--title TEXT] [--filter column=regex]... [--force]
       npm run import -- <plan.xml> [--out DIR] [--projects-at LEVEL] [--as-of YYYY-MM-DD] [--title TEXT] [--force]
       npm run import -- <file.csv> --infer [--out mapping.yaml] [--encoding utf8|latin1] [--force]`;

export interface ImportArgs {
  file: string;
  out: string;
  map?: string;
  encoding?: 'utf8' | 'latin1';
  asOf?: string;
  title?: string;
  filters: string[];
  force: boolean;
  /** MS Project XML: the outline level that holds the projects (1 = top). */
  projectsAt?: number;
  /** Propose a mapping file instead of importing. */
  infer: boolean;
  /** --out as given (for --infer, a file). */
  outGiven?: string;
}

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ImportArgs | { error: string } {
  const args: Partial<ImportArgs> & { filters: string[]; force: boolean; infer: boolean } = { filters: [], force: false, infer: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return undefined;
      i++;
      return v;
    };
    const need = (v: string | undefined, what: string): string => {
      if (v === undefined || v === '') throw new Error(`${name} needs ${what}`);
      return v;
    };
    try {
      switch (name) {
        case '--out':
          args.out = need(value(), 'a folder');
          break;
        case '--map':
          args.map = need(value(), 'a mapping file');
          break;
        case '--encoding': {
          const v = need(value(), 'utf8 or latin1').toLowerCase().replace(/[-_]/g, '');
          const known: Record<string, 'utf8' | 'latin1'> = { utf8: 'utf8', latin1: 'latin1', iso88591: 'latin1', windows1252: 'latin1', cp1252: 'latin1' };
          if (!known[v]) return { error: `--encoding is utf8 or latin1, not "${argv[i]}"` };
          args.encoding = known[v];
          break;
        }
        case '--as-of':
          args.asOf = need(value(), 'a day YYYY-MM-DD');
          break;
        case '--title':
          args.title = need(value(), 'a title');
          break;
        case '--filter':
          args.filters.push(need(value(), 'column=regex'));
          break;
        case '--force':
          args.force = true;
          break;
        case '--infer':
          args.infer = true;
          break;
        case '--projects-at': {
          const v = need(value(), 'an outline level (1 is the top level)');
          if (!/^[1-9]\d*$/.test(v)) return { error: `--projects-at is an outline level 1 or more (1 is the top level), not "${v}"` };
          args.projectsAt = Number(v);
          break;
        }
        case '--help':
        case '-h':
          return { error: USAGE };
        default:
          if (a.startsWith('-') && a !== '-') return { error: `unknown option ${a}\n${USAGE}` };
          files.push(a);
      }
    } catch (e) {
      return { error: `${(e as Error).message}\n${USAGE}` };
    }
  }
  if (files.length === 0) return { error: `which file? give the CSV register or MS Project XML plan to import\n${USAGE}` };
  if (files.length > 1) return { error: `one file at a time (got ${files.join(', ')}; with npm, options need a -- first: npm run import -- register.csv --out DIR)\n${USAGE}` };
  if (args.infer && (args.map || args.projectsAt !== undefined || args.filters.length)) return { error: `--infer proposes a mapping: it takes no --map, --filter or --projects-at\n${USAGE}` };
  return { ...args, file: files[0], outGiven: args.out, out: args.out ?? loadSettings(env, cwd).contentDir };
}

function fsMessage(file: string, e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such ${what}`;
  if (code === 'EISDIR') return `${file}: is a folder, not a ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: cannot be read (permission denied)`;
  return `${file}: cannot be read (${(e as Error).message})`;
}

async function readMapping(file: string, shown: string): Promise<{ data: unknown; source: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ImportError(fsMessage(shown, e, 'mapping file'));
  }
  file = shown;
  try {
    const data = parseYaml(text, { version: '1.2', uniqueKeys: true, maxAliasCount: 100 });
    if (data === null || data === undefined) throw new ImportError(`${file}: the mapping file is empty: it needs at least columns: with a title column`);
    return { data, source: file };
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const at = e.linePos?.[0];
      throw new ImportError(`${file}${at ? `:${at.line}:${at.col}` : ''}: invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw e;
  }
}

/** What is at `dir`: nothing, an empty folder, a folder with files, or something else. */
async function folderState(dir: string): Promise<'missing' | 'empty' | 'full' | 'not-a-folder'> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return 'not-a-folder';
    return (await readdir(dir)).length === 0 ? 'empty' : 'full';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

/**
 * Write every file into a temporary folder next to `out`, then move it into
 * place (replacing `out` when `force`). On any failure nothing is left behind
 * and `out` is as it was.
 */
export async function writeAtomically(out: string, files: readonly { path: string; text: string }[], force: boolean): Promise<void> {
  const state = await folderState(out);
  if (state === 'not-a-folder') throw new ImportError(`${out}: exists and is not a folder`);
  if (state === 'full' && !force) throw new ImportError(`${out}: the folder is not empty: choose another --out, or add --force to replace it`);
  const parent = path.dirname(out);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = path.join(parent, `.${path.basename(out)}.import-${tag}`);
  const old = path.join(parent, `.${path.basename(out)}.replaced-${tag}`);
  try {
    for (const f of files) {
      const target = path.join(tmp, ...f.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.text, { flag: 'wx' });
    }
    if (state === 'empty') await rmdir(out);
    if (state === 'full') await rename(out, old);
    try {
      await rename(tmp, out);
    } catch (e) {
      if (state === 'full') await rename(old, out);
      throw e;
    }
    if (state === 'full') await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** `--infer`: write the proposed mapping file; refuse to replace one unless --force. */
export async function runInfer(args: ImportArgs, cwd = process.cwd()): Promise<{ inference: Inference; out: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.resolve(cwd, args.file));
  } catch (e) {
    throw new ImportError(fsMessage(args.file, e, 'file'));
  }
  const inference = inferFromBytes(path.basename(args.file), bytes, args.encoding);
  const out = path.resolve(cwd, args.outGiven ?? `${path.basename(args.file).replace(/\.[^.]*$/, '')}.mapping.yaml`);
  try {
    await writeFile(out, inference.text, { flag: args.force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportError(`${out}: exists: choose another --out, or add --force to replace it`);
    throw new ImportError(`${out}: cannot be written (${(e as Error).message})`);
  }
  return { inference, out };
}

export async function runImport(args: ImportArgs, cwd = process.cwd()): Promise<{ result: ImportResult; out: string } | { mspdi: MspdiResult; out: string }> {
  const file = path.resolve(cwd, args.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ImportError(fsMessage(args.file, e, 'file'));
  }
  const out = path.resolve(cwd, args.out);
  if (looksLikeMspdi(args.file, new TextDecoder().decode(bytes.subarray(0, 2048)))) {
    if (args.map || args.filters.length || args.encoding) throw new ImportError(`${args.file}: --map, --filter and --encoding are for CSV registers, not MS Project XML`);
    // Read as registers are: UTF-8, UTF-16 by its byte-order mark, else Latin-1.
    const mspdi = importMspdi({ fileName: path.basename(args.file), text: decodeCsv(bytes).text, projectsAt: args.projectsAt, title: args.title, asOf: args.asOf });
    await writeAtomically(out, [...mspdi.files, { path: 'import-report.md', text: formatMspdiMarkdown(mspdi.report) }], args.force);
    return { mspdi, out };
  }
  if (args.projectsAt !== undefined) throw new ImportError(`${args.file}: --projects-at is for MS Project XML plans, not CSV registers`);
  const mapping = args.map ? await readMapping(path.resolve(cwd, args.map), args.map) : undefined;
  const result = importRegister({
    fileName: path.basename(args.file),
    bytes,
    encoding: args.encoding,
    mapping,
    filters: args.filters,
    title: args.title,
    asOf: args.asOf,
  });
  await writeAtomically(out, [...result.files, { path: 'import-report.md', text: formatReportMarkdown(result.report) }], args.force);
  return { result, out };
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(io.argv, io.env, io.cwd);
  if ('error' in args) {
    io.stderr(`${args.error}\n`);
    return 2;
  }
  try {
    if (args.infer) {
      const { inference, out } = await runInfer(args, io.cwd);
      const lines = inference.columns.map((c) => `${c.column}  →  ${typeof c.target === 'string' ? c.target : 'field' in c.target ? c.target.field : `body: ${c.target.body}`}  (${c.confidence}: ${c.why})`);
      const rel = path.relative(io.cwd, out);
      lines.push(`✓ a proposed mapping for ${inference.columns.length} columns (${inference.sampled} rows read) written to ${rel.startsWith('..') ? out : rel}: review it, then npm run import -- ${args.file} --map ${rel.startsWith('..') ? out : rel}`);
      io.stdout(`${lines.join('\n')}\n`);
      return 0;
    }
    const done = await runImport(args, io.cwd);
    const rel = path.relative(io.cwd, done.out);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? done.out : rel;
    io.stdout('mspdi' in done ? formatMspdiText(done.mspdi.report, shown) : formatReportText(done.result.report, shown));
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`${e.message}\nnothing was written\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
