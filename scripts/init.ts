/**
 * `npm run init -- <dir>` — write a new portfolio repository that holds only
 * its content and publishes it with Roadmap's GitHub Action, by tag: a
 * commented content/ (one record of each kind, passing check, and the
 * templates of `npm run new`), two workflows (check with the impact comment
 * on pull requests, publish on merge), VS Code settings for the JSON Schemas,
 * and a README for the PMO (src/core/starter.ts).
 *
 *     npm run init -- <dir> [--action OWNER/REPO@TAG]
 *
 * The action defaults to this checkout's GitHub origin at RELEASE_TAG. A
 * folder that exists and holds anything but `.git` (an empty clone) is
 * refused, and no file is ever overwritten. Exit 0 when written, 1 when refused, 2 on bad usage.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { starterFiles } from '../src/core/starter.ts';
import { RELEASE_TAG } from '../src/core/version.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';
import { today } from './new.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run init -- <dir> [--action OWNER/REPO@TAG]';
const ACTION = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})@([A-Za-z0-9._/-]{1,100})$/;

/** `owner/repo` of this checkout's `origin` when it is on GitHub, else undefined. */
export function githubOrigin(cwd = ROOT): string | undefined {
  let url: string;
  try {
    url = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
  const m = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const positional: string[] = [];
  let action: string | undefined;
  for (let i = 0; i < io.argv.length; i++) {
    const a = io.argv[i]!;
    if (a === '--action' && io.argv[i + 1] !== undefined) action = io.argv[++i];
    else if (a.startsWith('--action=')) action = a.slice('--action='.length);
    else if (a === '--help' || a === '-h' || a.startsWith('-')) {
      io.stderr(`${a.startsWith('--help') || a === '-h' ? '' : `unknown option ${a}\n`}${USAGE}\n`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 1) {
    io.stderr(`${positional.length ? `one folder, not ${positional.length}` : 'which folder? e.g. npm run init -- ../our-portfolio'}\n${USAGE}\n`);
    return 2;
  }
  if (action === undefined) {
    const origin = githubOrigin();
    if (!origin) {
      io.stderr(`this checkout of Roadmap has no GitHub origin to take the action from: name it, e.g. --action your-org/roadmap@${RELEASE_TAG}\n`);
      return 2;
    }
    action = `${origin}@${RELEASE_TAG}`;
  }
  const m = ACTION.exec(action);
  if (!m) {
    io.stderr(`--action ${action}: expected OWNER/REPO@TAG, e.g. your-org/roadmap@${RELEASE_TAG}\n`);
    return 2;
  }
  const day = today(io.env);
  if (typeof day !== 'string') {
    io.stderr(`${day.error}\n`);
    return 2;
  }
  const dir = path.resolve(io.cwd, positional[0]!);
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      io.stderr(`${positional[0]}: is a file, not a folder (nothing was written)\n`);
      return 1;
    }
    if (code !== 'ENOENT') throw e;
  }
  // A fresh clone of an empty repository holds only .git: nothing of it is written to.
  entries = entries.filter((e) => e !== '.git');
  if (entries.length > 0) {
    io.stderr(`${positional[0]}: the folder is not empty (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}); init writes only into a new or empty folder, and nothing was written\n`);
    return 1;
  }
  const files = starterFiles({ action, schemasUrl: `https://raw.githubusercontent.com/${m[1]}/${m[2]}/${m[3]}/public/schemas/`, today: day });
  for (const f of files) {
    const target = path.join(dir, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': never overwrites, even a file that appeared meanwhile.
    writeFileSync(target, f.text, { flag: 'wx' });
  }
  const rel = path.relative(io.cwd, dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
  io.stdout(
    [
      `✓ wrote a portfolio repository in ${shown} (${files.length} files), using ${action}:`,
      ...files.map((f) => `  ${f.path}`),
      '',
      'Next:',
      `  cd ${shown} && git init -b main && git add -A && git commit -m "Our portfolio"`,
      '  create an empty repository on GitHub, push main to it, and set Settings → Pages → Source: GitHub Actions',
      '  then read README.md there: edit a record, open a pull request, read the comment, merge, see the site',
      '',
    ].join('\n'),
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
