/**
 * `npm run compare` — what a change does to the portfolio: the computed
 * differences between the content at a git ref and the working tree (or
 * another ref).
 *
 *     node scripts/compare.ts --base REF [--head REF] [--format markdown|json]
 *                             [--audience public|internal] [--content DIR]
 *                             [--out FILE] [--comment FILE]
 *
 * Refs are resolved in the git repository that holds the content folder
 * (ROADMAP_CONTENT or --content). The audience is `public` unless
 * --audience names another (ROADMAP_AUDIENCE is not read: a report may be
 * posted where anyone reads it). --out writes the report to FILE instead of
 * standard output; --comment also writes it as a pull-request comment: the
 * Markdown with the workflow's hidden marker, cut to GitHub's comment limit.
 * Exit code 0 with a report; 1 when either side's content is invalid (the
 * report is then check's problems); 2 for a bad option, ref or setting.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMENT_LIMIT, COMMENT_MARKER, cutMarkdown, renderJson, renderMarkdown, renderProblems } from '../src/core/compare/index.ts';
import { compareRevisions, GitContentError } from '../src/pipeline/compare.ts';
import { loadSettings, SettingsError, type Env } from '../src/pipeline/settings.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';

const USAGE = 'usage: node scripts/compare.ts --base REF [--head REF] [--format markdown|json] [--audience public|internal] [--content DIR] [--out FILE] [--comment FILE]';

export interface CompareArgs {
  base: string;
  head?: string;
  format: 'markdown' | 'json';
  out?: string;
  comment?: string;
  env: Env;
}

/** The options; the audience and content folder as the environment variables they set. */
export function parseArgs(argv: readonly string[]): CompareArgs | { error: string } {
  const values = new Map<string, string>();
  const names = ['--base', '--head', '--format', '--audience', '--content', '--out', '--comment'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { error: USAGE };
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (!names.includes(flag)) return { error: `unknown option ${a}\n${USAGE}` };
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { error: `${flag} needs a value\n${USAGE}` };
    values.set(flag, value);
  }
  const base = values.get('--base');
  if (base === undefined) return { error: `--base REF is required (the git ref to compare with, e.g. main)\n${USAGE}` };
  const format = values.get('--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') return { error: `--format is markdown or json, not "${format}"` };
  const env: Env = { ROADMAP_AUDIENCE: values.get('--audience') ?? 'public' };
  if (values.has('--content')) env.ROADMAP_CONTENT = values.get('--content');
  return { base, head: values.get('--head'), format, out: values.get('--out'), comment: values.get('--comment'), env };
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(io.argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n`);
    return 2;
  }
  let outcome;
  try {
    const settings = loadSettings({ ...io.env, ...args.env }, io.cwd);
    outcome = await compareRevisions(settings, { base: args.base, head: args.head });
  } catch (e) {
    if (!(e instanceof SettingsError) && !(e instanceof GitContentError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const markdown = 'report' in outcome ? renderMarkdown(outcome.report) : renderProblems(outcome.problems);
  const text = args.format === 'json' ? renderJson('report' in outcome ? outcome.report : { valid: false, problems: outcome.problems }) : markdown;
  if (args.out) writeFileSync(path.resolve(io.cwd, args.out), text);
  else io.stdout(text);
  if (args.comment) writeFileSync(path.resolve(io.cwd, args.comment), `${COMMENT_MARKER}\n${cutMarkdown(markdown, COMMENT_LIMIT - COMMENT_MARKER.length - 1)}`);
  return 'report' in outcome ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // A plain snapshot of process.env: the yaml parser reads it once per token (see scripts/check.ts).
  process.env = { ...process.env };
  process.exitCode = await main();
}
