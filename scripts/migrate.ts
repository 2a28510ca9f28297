/**
 * `npm run migrate` — rewrite a content folder written for an older version of
 * the record format into the current one, and report what changed.
 *
 *     node scripts/migrate.ts [--write] [--content DIR]
 *
 * The version the folder is written for is portfolio.yaml's `schema_version`
 * (absent: the current one, so nothing to do). Without --write it only
 * reports (a dry run); with it, it rewrites the files that change (comments
 * and bodies kept: src/core/migrate.ts) and sets `schema_version`. DIR
 * defaults to ROADMAP_CONTENT, else `content`. Exit 0 when done or nothing to
 * do, 1 when it cannot migrate, 2 on bad usage.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatMigration, planMigration, type Migration } from '../src/core/migrate.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';
import { readContentDir } from '../src/io/read-content.ts';
import { loadSettings, SettingsError } from '../src/pipeline/settings.ts';

const USAGE = 'usage: npm run migrate -- [--write] [--content DIR]';

/** The command: its exit code. `opts` replaces the migrations and the target version (tests). */
export async function main(io: CliIo = processIo(), opts: { migrations?: readonly Migration[]; to?: number } = {}): Promise<number> {
  let write = false;
  let dir: string | undefined;
  for (let i = 0; i < io.argv.length; i++) {
    const a = io.argv[i]!;
    if (a === '--write') write = true;
    else if (a === '--content' && io.argv[i + 1] !== undefined && !io.argv[i + 1]!.startsWith('--')) dir = io.argv[++i];
    else if (a.startsWith('--content=')) dir = a.slice('--content='.length);
    else {
      io.stderr(`${a === '--help' || a === '-h' ? '' : `unknown option ${a}\n`}${USAGE}\n`);
      return 2;
    }
  }
  let contentDir: string;
  try {
    contentDir = dir ? path.resolve(io.cwd, dir) : loadSettings(io.env, io.cwd).contentDir;
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  let files;
  try {
    files = await readContentDir(contentDir);
  } catch (e) {
    io.stderr(`${contentDir}: cannot read the content folder (${(e as Error).message})\n`);
    return 1;
  }
  const plan = planMigration(files, opts);
  if (plan.error) {
    io.stderr(formatMigration(plan, false));
    return 1;
  }
  if (write) {
    for (const f of plan.files) {
      const target = path.join(contentDir, f.path);
      const temp = `${target}.migrate-${process.pid}`;
      writeFileSync(temp, f.text);
      renameSync(temp, target);
    }
  }
  io.stdout(formatMigration(plan, write));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
