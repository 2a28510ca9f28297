/**
 * `npm run schema` — write the JSON Schema of every record kind and of
 * portfolio.yaml to `public/schemas/`, generated from the Zod schemas.
 *
 *     node scripts/schema.ts [--check] [--out DIR]
 *
 * --check writes nothing and exits 1 when a committed file is missing or out
 * of date (for CI). Editors pick the files up through `.vscode/settings.json`;
 * the site publishes them at `/schemas/…`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jsonSchemaFiles } from '../src/core/json-schema.ts';
import { processIo, type CliIo } from '../src/io/cli.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_DIR = path.join(ROOT, 'public', 'schemas');

const USAGE = 'usage: node scripts/schema.ts [--check] [--out DIR]';

async function readOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The files that differ from what the schemas generate now (relative names). */
export async function staleSchemaFiles(dir = SCHEMA_DIR): Promise<string[]> {
  const stale: string[] = [];
  for (const f of jsonSchemaFiles()) {
    if ((await readOrUndefined(path.join(dir, f.name))) !== f.text) stale.push(f.name);
  }
  return stale;
}

/** The command: its exit code. */
export async function main(io: CliIo = processIo()): Promise<number> {
  const argv = io.argv;
  let check = false;
  let dir = SCHEMA_DIR;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--out' && argv[i + 1] !== undefined) dir = path.resolve(io.cwd, argv[++i]);
    else {
      io.stderr(`${a === '--help' || a === '-h' ? '' : `unknown option ${a}\n`}${USAGE}\n`);
      return 2;
    }
  }
  const rel = (p: string) => path.relative(io.cwd, p) || '.';
  if (check) {
    const stale = await staleSchemaFiles(dir);
    if (stale.length > 0) {
      for (const name of stale) io.stderr(`${rel(path.join(dir, name))}  out of date: run npm run schema and commit the result\n`);
      return 1;
    }
    io.stdout(`✓ ${rel(dir)}: every schema is up to date\n`);
    return 0;
  }
  await mkdir(dir, { recursive: true });
  const files = jsonSchemaFiles();
  for (const f of files) await writeFile(path.join(dir, f.name), f.text);
  io.stdout(`✓ wrote ${files.length} schemas to ${rel(dir)}: ${files.map((f) => f.name).join(', ')}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
