/**
 * `npm run export` — write one of the site's exports without building the site.
 *
 *     node scripts/export.ts --format mspdi|json|csv [--out FILE] [--content DIR]
 *
 * The portfolio is read and checked as for a build (ROADMAP_CONTENT,
 * ROADMAP_AUDIENCE — public unless set — and ROADMAP_AS_OF apply), so the
 * file holds what that audience's site holds (the history read from git
 * too, for the confidence ranges' drift). Without --out it goes to
 * standard output. Exit 1 when the content has errors, 2 on bad usage.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { portfolioCsv } from '../src/core/export-csv.ts';
import { portfolioJsonText } from '../src/core/export-json.ts';
import { portfolioMspdi } from '../src/core/export-mspdi.ts';
import type { PortfolioModel } from '../src/core/model.ts';
import { checkContent, modelWithHistory } from '../src/pipeline/index.ts';
import { loadSettings, SettingsError, type Env } from '../src/pipeline/settings.ts';

const USAGE = 'usage: npm run export -- --format mspdi|json|csv [--out FILE] [--content DIR]';

export const FORMATS: Record<string, (model: PortfolioModel) => string> = {
  mspdi: portfolioMspdi,
  json: portfolioJsonText,
  csv: portfolioCsv,
};

export interface ExportArgs {
  format: string;
  out?: string;
  env: Env;
}

export function parseArgs(argv: readonly string[]): ExportArgs | { error: string } {
  let format: string | undefined;
  let out: string | undefined;
  const env: Env = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i]);
    if (name === '--format') format = value();
    else if (name === '--out') out = value();
    else if (name === '--content') env.ROADMAP_CONTENT = value();
    else if (name === '--help' || name === '-h') return { error: USAGE };
    else return { error: `unknown option ${a}\n${USAGE}` };
  }
  if (format === undefined || format.startsWith('--')) return { error: `which format? --format ${Object.keys(FORMATS).join('|')}\n${USAGE}` };
  if (!FORMATS[format]) return { error: `--format is ${Object.keys(FORMATS).join(', ')}, not "${format}"\n${USAGE}` };
  if (out !== undefined && (out === '' || out.startsWith('--'))) return { error: `--out needs a file\n${USAGE}` };
  if (env.ROADMAP_CONTENT !== undefined && (env.ROADMAP_CONTENT === '' || env.ROADMAP_CONTENT.startsWith('--'))) return { error: `--content needs a folder\n${USAGE}` };
  return { format, out, env };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    return 2;
  }
  let settings;
  try {
    settings = loadSettings({ ...process.env, ...args.env });
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const checked = await checkContent(settings);
  if (!checked.input) {
    process.stderr.write(checked.output);
    return 1;
  }
  // With the history (git), as the site: its drift moves the confidence ranges.
  const text = FORMATS[args.format](await modelWithHistory(settings, checked.input));
  if (args.out === undefined) process.stdout.write(text);
  else {
    await writeFile(args.out, text);
    process.stderr.write(`✓ ${args.out}: the ${settings.audience} portfolio as ${args.format}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
