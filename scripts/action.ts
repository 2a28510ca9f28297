/**
 * The steps of the GitHub Action (action.yml) on a portfolio repository's
 * content: `check`, `build` or `compare`. action.yml only installs Roadmap
 * and calls this, so each mode is tested here (tests/scripts/action.test.ts),
 * not only on GitHub.
 *
 *     node scripts/action.ts check   [--content DIR] [--audience NAME] [--strict]
 *     node scripts/action.ts build   [--content DIR] [--audience NAME] [--strict] [--out DIR]
 *                                    [--base-path PATH] [--site-url URL]
 *     node scripts/action.ts compare [--content DIR] [--base REF] [--out DIR] [--post]
 *
 * DIR is relative to the caller's repository (GITHUB_WORKSPACE, else the
 * working folder). Empty values count as absent, so action.yml can pass every
 * input as it is. GitHub's files are written when their variables are set:
 * GITHUB_OUTPUT (`site`, `report`, `comment`), GITHUB_STEP_SUMMARY (the compare
 * report). compare writes report.md, comment.md and pr-number into one folder
 * (--out, default RUNNER_TEMP/roadmap-compare), which action.yml uploads as
 * the artifact `roadmap-compare` that compare-comment.yml posts. `compare` with --post comments on the pull request of
 * GITHUB_EVENT_PATH with GITHUB_TOKEN (src/io/pr-comment.ts); without the
 * right to (a pull request from a fork) it says so and the report stays in
 * the job summary. On GitHub (GITHUB_ACTIONS=true) check and compare also
 * print each problem of the records as an annotation at its line. Exit codes
 * are those of check, the build and compare.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../src/core/diagnostics.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';
import { checkContent } from '../src/pipeline/index.ts';
import { loadSettings, SettingsError } from '../src/pipeline/settings.ts';
import { CommentError, postComment } from '../src/io/pr-comment.ts';
import { astroBuild, ROOT, runBuild } from './build.ts';
import { main as compareMain } from './compare.ts';

const MODES = ['check', 'build', 'compare'] as const;
type Mode = (typeof MODES)[number];
const USAGE = 'usage: node scripts/action.ts check|build|compare [--content DIR] [--audience NAME] [--strict] [--out DIR] [--base-path PATH] [--site-url URL] [--base REF] [--post]';

export interface ActionArgs {
  mode: Mode;
  content: string;
  audience?: string;
  strict: boolean;
  out?: string;
  basePath?: string;
  siteUrl?: string;
  base: string;
  post: boolean;
}

export function parseArgs(argv: readonly string[]): ActionArgs | { error: string } {
  const [mode, ...rest] = argv;
  if (!MODES.includes(mode as Mode)) return { error: `${mode === undefined ? 'which mode?' : `unknown mode "${mode}"`}: expected ${MODES.join(', ')}\n${USAGE}` };
  const args: ActionArgs = { mode: mode as Mode, content: 'content', strict: false, base: 'HEAD^1', post: false };
  const valued: Record<string, (v: string) => void> = {
    '--content': (v) => (args.content = v),
    '--audience': (v) => (args.audience = v),
    '--out': (v) => (args.out = v),
    '--base-path': (v) => (args.basePath = v),
    '--site-url': (v) => (args.siteUrl = v),
    '--base': (v) => (args.base = v),
  };
  const flags: Record<string, () => void> = { '--strict': () => (args.strict = true), '--post': () => (args.post = true) };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (flags[name] && eq < 0) flags[name]!();
    else if (valued[name]) {
      const v = eq > 0 ? a.slice(eq + 1) : rest[++i];
      if (v === undefined) return { error: `${name} needs a value\n${USAGE}` };
      // An input left empty in the workflow is the default.
      if (v.trim() !== '') valued[name]!(v.trim());
    } else return { error: `unknown option ${a}\n${USAGE}` };
  }
  return args;
}

/** Appends `name=value` lines to GITHUB_OUTPUT, when set. */
function setOutputs(io: CliIo, outputs: Record<string, string>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(file, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
}

/** GitHub's workflow commands: `%`, CR and LF escaped in the message; also `:` and `,` in a property. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One annotation per problem (GitHub shows it at the line, in the pull request's files too). */
export function annotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const message = d.suggestion !== undefined ? `${d.message} (did you mean ${d.suggestion}?)` : d.message;
      const title = `Roadmap check${d.field ? `: ${d.field}` : ''}`;
      return `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(title)}::${escapeData(message)}\n`;
    })
    .join('');
}

/** The content check, with paths relative to the caller's repository; annotations when running on GitHub. `quiet`: only the annotations. */
async function check(io: CliIo, env: CliIo['env'], workspace: string, strict: boolean, quiet = false): Promise<number> {
  let settings;
  try {
    settings = loadSettings({ ...env, ...(strict ? { ROADMAP_STRICT: '1' } : {}) }, workspace);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const result = await checkContent(settings);
  if (!quiet) io.stdout(result.output);
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(annotations(result.diagnostics));
  return result.exitCode;
}

/** The pull request the workflow runs for, from GITHUB_EVENT_PATH. */
function pullRequestNumber(env: CliIo['env']): number | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown } };
    const n = event.pull_request?.number;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

async function compare(io: CliIo, args: ActionArgs, workspace: string, contentDir: string): Promise<number> {
  const outDir = path.resolve(workspace, args.out ?? path.join(io.env.RUNNER_TEMP ?? workspace, 'roadmap-compare'));
  mkdirSync(outDir, { recursive: true });
  const report = path.join(outDir, 'report.md');
  const comment = path.join(outDir, 'comment.md');
  // The comment is as public as the pull request: the public audience, as in .github/workflows/compare.yml.
  const code = await compareMain({ ...io, cwd: workspace, argv: ['--base', args.base, '--content', contentDir, '--audience', 'public', '--out', report, '--comment', comment] });
  if (code === 2) return code;
  const body = readFileSync(comment, 'utf8');
  setOutputs(io, { report, comment });
  if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, body);
  io.stdout(readFileSync(report, 'utf8'));
  const number = pullRequestNumber(io.env);
  // Which pull request the report is for, beside it: compare-comment.yml posts an uploaded report by it.
  if (number !== undefined) writeFileSync(path.join(outDir, 'pr-number'), `${number}\n`);
  if (args.post && number !== undefined) {
    const token = io.env.GITHUB_TOKEN;
    if (!token || !io.env.GITHUB_REPOSITORY) io.stderr('No GITHUB_TOKEN or GITHUB_REPOSITORY: the report is in the job summary only.\n');
    else {
      try {
        const done = await postComment({ api: io.env.GITHUB_API_URL ?? 'https://api.github.com', repository: io.env.GITHUB_REPOSITORY, number, body, token });
        io.stdout(`The report is ${done === 'created' ? 'posted' : 'updated'} on #${number}.\n`);
      } catch (e) {
        if (!(e instanceof CommentError) || (e.status !== 403 && e.status !== 404)) throw e;
        // A pull request from a fork runs with a read-only token.
        io.stderr(`Could not comment on #${number} (${e.status}: no right to; a pull request from a fork?): the report is in the job summary.\n`);
      }
    }
  }
  return code;
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(io.argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n`);
    return 2;
  }
  const workspace = path.resolve(io.cwd, io.env.GITHUB_WORKSPACE ?? '.');
  const contentDir = path.resolve(workspace, args.content);
  const env = { ...io.env, ...(args.audience ? { ROADMAP_AUDIENCE: args.audience } : {}) };
  switch (args.mode) {
    case 'check':
      // Paths relative to the caller's repository, as GitHub shows files.
      return check(io, { ...env, ROADMAP_CONTENT: contentDir }, workspace, args.strict);
    case 'compare':
      // The pull request's problems as annotations at their lines; the report lists them too.
      if (io.env.GITHUB_ACTIONS === 'true') await check(io, { ...env, ROADMAP_CONTENT: contentDir }, workspace, false, true);
      return compare(io, args, workspace, contentDir);
    case 'build': {
      const out = path.resolve(workspace, args.out ?? path.join(io.env.RUNNER_TEMP ?? workspace, 'roadmap-site'));
      const buildEnv: NodeJS.ProcessEnv = { ...env, ROADMAP_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: '1' };
      if (args.strict) buildEnv.ROADMAP_STRICT = '1';
      if (args.basePath !== undefined) buildEnv.BASE_PATH = args.basePath;
      if (args.siteUrl !== undefined) buildEnv.SITE_URL = args.siteUrl;
      // Astro runs in Roadmap's own folder (its config, its node_modules), on the caller's content.
      const code = await runBuild(astroBuild(['--outDir', out]), out, { cwd: ROOT, env: buildEnv, io });
      if (code === 0) setOutputs(io, { site: out });
      return code;
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.env = { ...process.env };
  process.exitCode = await main();
}
