/**
 * `npm run new` — create a record from a commented template.
 *
 *     npm run new project crm-upgrade
 *     npm run new -- project crm-upgrade --title "CRM upgrade" [--content DIR]
 *
 * Kinds: project, program, goal, team. The id must be kebab-case and not
 * taken in that collection (as .md or .mdx); an existing file is never
 * overwritten. `updated` is today in UTC (ROADMAP_TODAY=YYYY-MM-DD overrides
 * it, for tests). DIR defaults to ROADMAP_CONTENT, else `content`.
 * Exit 0 when the file was written, 1 when it was refused, 2 on bad usage.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { todayIso } from '../src/core/dates.ts';
import { COLLECTION_OF, idProblem, parseKind, scaffold, scoreKeysFor, titleFromId, type Kind } from '../src/core/scaffold.ts';
import { daySchema } from '../src/core/schema.ts';
import { loadSettings } from '../src/pipeline/settings.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';

const USAGE = `usage: npm run new -- <project|program|goal|team> <id> [--title "Title"] [--content DIR]`;

export interface NewArgs {
  kind: Kind;
  id: string;
  title?: string;
  dir: string;
}

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = process.env, cwd = process.cwd()): NewArgs | { error: string; code: 1 | 2 } {
  const positional: string[] = [];
  let title: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--title' || a === '--content') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value\n${USAGE}`, code: 2 };
      if (a === '--title') title = v;
      else dir = v;
      i++;
    } else if (a.startsWith('--title=')) title = a.slice('--title='.length);
    else if (a.startsWith('--content=')) dir = a.slice('--content='.length);
    else if (a === '--help' || a === '-h') return { error: USAGE, code: 2 };
    else if (a.startsWith('--')) return { error: `unknown option ${a}\n${USAGE}`, code: 2 };
    else positional.push(a);
  }
  if (positional.length !== 2) return { error: positional.length < 2 ? `which kind and id? e.g. npm run new project crm-upgrade\n${USAGE}` : `too many arguments: ${positional.join(' ')} (with npm, options need a -- first: npm run new -- project crm-upgrade --title "CRM upgrade")\n${USAGE}`, code: 2 };
  const kind = parseKind(positional[0]);
  if ('error' in kind) return { error: kind.error, code: 2 };
  if (title !== undefined && title.trim() === '') return { error: '--title must not be empty', code: 1 };
  return { kind: kind.kind, id: positional[1], title, dir: dir ? path.resolve(cwd, dir) : loadSettings(env, cwd).contentDir };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}

/** The scoring keys in portfolio.yaml, for the template's `scores` line; none when it cannot be read. */
async function scoreKeys(dir: string): Promise<string[]> {
  try {
    const data = parseYaml(await readFile(path.join(dir, 'portfolio.yaml'), 'utf8')) as { scoring?: { method?: string; criteria?: { id?: unknown }[] } } | null;
    const criteria = (data?.scoring?.criteria ?? []).map((c) => c?.id).filter((id): id is string => typeof id === 'string');
    return scoreKeysFor(data?.scoring?.method, criteria);
  } catch {
    return [];
  }
}

export function today(env: Record<string, string | undefined> = process.env): string | { error: string } {
  const override = env.ROADMAP_TODAY?.trim();
  if (!override) return todayIso();
  return daySchema().safeParse(override).success ? override : { error: `ROADMAP_TODAY=${override}: expected a day YYYY-MM-DD` };
}

/** Create the record; `{ file }` on success, `{ error }` when refused. */
export async function createRecord(args: NewArgs, env: Record<string, string | undefined> = process.env): Promise<{ file: string } | { error: string }> {
  const problem = idProblem(args.id);
  if (problem) return { error: problem };
  const day = today(env);
  if (typeof day !== 'string') return day;
  if (!(await exists(args.dir))) return { error: `${args.dir}: content folder not found (set ROADMAP_CONTENT or pass --content DIR)` };
  const collection = COLLECTION_OF[args.kind];
  const folder = path.join(args.dir, collection);
  for (const ext of ['.md', '.mdx']) {
    const taken = path.join(folder, `${args.id}${ext}`);
    if (await exists(taken)) return { error: `${taken}: the ${args.kind} "${args.id}" already exists; choose another id (nothing was written)` };
  }
  const text = scaffold(args.kind, {
    title: args.title ?? titleFromId(args.id),
    today: day,
    scoreKeys: args.kind === 'project' ? await scoreKeys(args.dir) : undefined,
  });
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${args.id}.md`);
  try {
    // 'wx': fails if the file appeared meanwhile; never overwrites.
    await writeFile(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { error: `${file}: already exists (nothing was written)` };
    throw e;
  }
  return { file };
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const args = parseArgs(io.argv, io.env, io.cwd);
  if ('error' in args) {
    io.stderr(`${args.error}\n`);
    return args.code;
  }
  const res = await createRecord(args, io.env);
  const rel = (p: string) => {
    const r = path.relative(io.cwd, p);
    return r === '' || r.startsWith('..') ? p : r;
  };
  if ('error' in res) {
    io.stderr(`${res.error.replaceAll(args.dir, rel(args.dir))}\n`);
    return 1;
  }
  io.stdout(`✓ created ${rel(res.file)}: edit it, then run npm run check\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
