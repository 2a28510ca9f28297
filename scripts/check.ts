/**
 * `npm run check` — validate the content folder and report every problem.
 *
 *     node scripts/check.ts [--strict] [--content DIR]
 *
 * Settings come from the environment (src/pipeline/settings.ts); `--content`
 * and `--strict` override ROADMAP_CONTENT and ROADMAP_STRICT. Prints each
 * problem as `path:line:column  field  message`, then a summary; exits 1 when
 * there are errors (or warnings, with --strict), else 0.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkContent } from '../src/pipeline/index.ts';
import { loadSettings, SettingsError, type Env } from '../src/pipeline/settings.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';

const USAGE = 'usage: node scripts/check.ts [--strict] [--content DIR]';

/** `--strict` and `--content DIR` as the environment variables they override. */
export function parseArgs(argv: readonly string[]): { env: Env } | { error: string } {
  const env: Env = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strict') env.ROADMAP_STRICT = '1';
    else if (a === '--content') {
      const dir = argv[++i];
      if (dir === undefined || dir.startsWith('--')) return { error: '--content needs a folder' };
      env.ROADMAP_CONTENT = dir;
    } else if (a.startsWith('--content=')) env.ROADMAP_CONTENT = a.slice('--content='.length);
    else if (a === '--help' || a === '-h') return { error: USAGE };
    else return { error: `unknown option ${a}\n${USAGE}` };
  }
  return { env };
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(io.argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n`);
    return 2;
  }
  let settings;
  try {
    settings = loadSettings({ ...io.env, ...args.env }, io.cwd);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const result = await checkContent(settings);
  io.stdout(result.output);
  return result.exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // The yaml parser reads process.env.LOG_TOKENS once per token, and Node's
  // process.env is a slow native accessor: a plain snapshot makes a check of
  // many records much faster. CLI only; the build keeps the real process.env.
  process.env = { ...process.env };
  process.exitCode = await main();
}
