/**
 * `npm run init -- <dir>`: a portfolio repository that holds only its
 * content, passing check, with workflows using the action by tag; it writes
 * only into a new or empty folder and never overwrites a file.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPortfolio } from '../../src/core/load.ts';
import { readContentDir } from '../../src/io/read-content.ts';
import { githubOrigin, main } from '../../scripts/init.ts';
import { git } from '../support/git.ts';
import { listFiles } from '../support/build-site.ts';
import { removeTempDirs, runMain, runScript, tempDir } from './run.ts';

const ENV = { ROADMAP_TODAY: '2026-12-01' };
const ACTION = ['--action', 'acme/roadmap@v1'];

const FILES = [
  '.github/workflows/check.yml',
  '.github/workflows/publish.yml',
  '.vscode/extensions.json',
  '.vscode/settings.json',
  'README.md',
  'content/_templates/goal.md',
  'content/_templates/program.md',
  'content/_templates/project.md',
  'content/_templates/team.md',
  'content/goals/better-digital-services.md',
  'content/portfolio.yaml',
  'content/programs/service-modernisation.md',
  'content/projects/new-service-desk-tool.md',
  'content/teams/service-desk.md',
];

afterAll(removeTempDirs);

describe('npm run init', () => {
  it('writes the starter (the script itself, as a PMO runs it): its content passes check with no warning', async () => {
    const dir = join(tempDir(), 'our-portfolio');
    const run = await runScript('init.ts', [dir, ...ACTION], { env: ENV });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ wrote a portfolio repository in ${dir} (14 files), using acme/roadmap@v1:`);
    expect(listFiles(dir)).toEqual(FILES);
    const result = loadPortfolio(await readContentDir(join(dir, 'content')));
    expect(result.diagnostics).toEqual([]);
    expect(Object.fromEntries(['projects', 'programs', 'goals', 'teams'].map((k) => [k, result.input?.[k as 'projects'].length]))).toEqual({ projects: 1, programs: 1, goals: 1, teams: 1 });
  });

  it('uses the action by tag in both workflows, and points VS Code at the schemas of that tag', async () => {
    const dir = join(tempDir(), 'p');
    expect((await runMain(main, [dir, ...ACTION], { env: ENV })).code).toBe(0);
    const uses = (f: string) => JSON.stringify(parse(readFileSync(join(dir, f), 'utf8'))).match(/"uses":"acme\/roadmap@[^"]*"/g);
    expect(uses('.github/workflows/check.yml')).toEqual(['"uses":"acme/roadmap@v1"']);
    expect(uses('.github/workflows/publish.yml')).toEqual(['"uses":"acme/roadmap@v1"']);
    expect(JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['yaml.schemas']).toEqual({
      'https://raw.githubusercontent.com/acme/roadmap/v1/public/schemas/portfolio.schema.json': ['content/portfolio.yaml'],
    });
    expect(readFileSync(join(dir, 'content/portfolio.yaml'), 'utf8')).toMatch(/^schema_version: 1 /m);
  });

  it('each template, copied into its collection, passes check', async () => {
    const dir = join(tempDir(), 'p');
    expect((await runMain(main, [dir, ...ACTION], { env: ENV })).code).toBe(0);
    for (const kind of ['project', 'program', 'goal', 'team']) cpSync(join(dir, `content/_templates/${kind}.md`), join(dir, `content/${kind}s/from-template.md`));
    expect(loadPortfolio(await readContentDir(join(dir, 'content'))).diagnostics).toEqual([]);
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'ours\n');
    const run = await runMain(main, [dir, ...ACTION], { env: ENV });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`${dir}: the folder is not empty (1 entry); init writes only into a new or empty folder, and nothing was written\n`);
    expect(listFiles(dir)).toEqual(['README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('ours\n');
    // Nor a file, nor a second time into a folder it wrote.
    expect((await runMain(main, [join(dir, 'README.md'), ...ACTION], { env: ENV })).code).toBe(1);
    const made = join(tempDir(), 'p');
    expect((await runMain(main, [made, ...ACTION], { env: ENV })).code).toBe(0);
    writeFileSync(join(made, 'content/portfolio.yaml'), 'title: Edited\n');
    expect((await runMain(main, [made, ...ACTION], { env: ENV })).code).toBe(1);
    expect(readFileSync(join(made, 'content/portfolio.yaml'), 'utf8')).toBe('title: Edited\n');
  });

  it('writes into an empty clone (only .git)', async () => {
    const dir = tempDir();
    git(dir, ['init', '-q']);
    expect((await runMain(main, [dir, ...ACTION], { env: ENV })).code).toBe(0);
    expect(listFiles(dir).filter((f) => !f.startsWith('.git/'))).toEqual(FILES);
  });

  it('takes the action from the checkout\'s GitHub origin; refuses a malformed --action or a missing folder', async () => {
    const repo = tempDir();
    git(repo, ['init', '-q']);
    expect(githubOrigin(repo)).toBeUndefined();
    git(repo, ['remote', 'add', 'origin', 'git@github.com:acme/roadmap.git']);
    expect(githubOrigin(repo)).toBe('acme/roadmap');
    git(repo, ['remote', 'set-url', 'origin', 'https://github.com/acme/roadmap']);
    expect(githubOrigin(repo)).toBe('acme/roadmap');
    const bad = await runMain(main, [join(tempDir(), 'p'), '--action', 'acme/roadmap'], { env: ENV });
    expect(bad).toMatchObject({ code: 2, stderr: '--action acme/roadmap: expected OWNER/REPO@TAG, e.g. your-org/roadmap@v1\n' });
    expect((await runMain(main, [...ACTION], { env: ENV })).code).toBe(2);
  });
});
