/**
 * `npm run new <kind> <id>`: run as a maintainer runs it (a child process on
 * Node 24) in a temporary content folder; what it writes passes check.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/core/frontmatter.ts';
import { loadPortfolio } from '../../src/core/load.ts';
import { idProblem, scaffold, titleFromId } from '../../src/core/scaffold.ts';
import { readContentDir } from '../../src/io/read-content.ts';
import { main, parseArgs } from '../../scripts/new.ts';
import { removeTempDirs, ROOT, runMain, runScript, tempDir } from './run.ts';

const TODAY = '2026-05-04';

/** `npm run new` in-process (runMain); `spawn` runs the script in a child process, as the cases marked so do. */
function runNew(args: string[], env: Record<string, string> = {}, how: 'in-process' | 'spawn' = 'in-process') {
  const opts = { env: { ROADMAP_TODAY: TODAY, ...env } };
  return how === 'spawn' ? runScript('new.ts', args, opts) : runMain(main, args, opts);
}

async function check(dir: string) {
  return loadPortfolio(await readContentDir(dir));
}

/** A copy of the minimal valid portfolio, per test (tests run side by side). */
function freshContent(): string {
  const content = join(tempDir(), 'content');
  cpSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal'), content, { recursive: true });
  return content;
}

afterAll(removeTempDirs);

describe.concurrent('npm run new', () => {
  it('creates each kind from its template, with updated = today, and the result passes check', async () => {
    const content = freshContent();
    for (const [kind, folder] of [['project', 'projects'], ['program', 'programs'], ['goal', 'goals'], ['team', 'teams']] as const) {
      // The project through the script itself (its entry point, output and exit code); the rest in-process.
      const res = await runNew([kind, `new-${kind}`, '--content', content], {}, kind === 'project' ? 'spawn' : 'in-process');
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`created`);
      expect(res.stdout).toContain(`${folder}/new-${kind}.md`);
      expect(existsSync(join(content, folder, `new-${kind}.md`))).toBe(true);
    }
    const project = parseFrontMatter(readFileSync(join(content, 'projects', 'new-project.md'), 'utf8'));
    expect(project.data).toEqual({ title: 'New project', status: 'proposed', updated: TODAY });
    const { input, diagnostics } = await check(content);
    expect(diagnostics).toEqual([]);
    expect(input?.projects.map((p) => p.id)).toContain('new-project');
  });

  it('takes --title (quoted safely in YAML) and --title=…', async () => {
    const content = freshContent();
    expect((await runNew(['project', 'crm-upgrade', '--title', 'CRM upgrade: phase "2" #1', '--content', content])).code).toBe(0);
    expect((await runNew(['goal', 'grow', '--title=Grow revenue', `--content=${content}`])).code).toBe(0);
    expect(parseFrontMatter(readFileSync(join(content, 'projects', 'crm-upgrade.md'), 'utf8')).data).toMatchObject({ title: 'CRM upgrade: phase "2" #1' });
    expect(parseFrontMatter(readFileSync(join(content, 'goals', 'grow.md'), 'utf8')).data).toMatchObject({ title: 'Grow revenue' });
    expect((await check(content)).diagnostics).toEqual([]);
  });

  it('uses ROADMAP_CONTENT when there is no --content', async () => {
    const content = freshContent();
    const res = await runNew(['team', 'ops'], { ROADMAP_CONTENT: content });
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(join(content, 'teams', 'ops.md'))).toBe(true);
  });

  it('refuses an id that is taken, as .md or .mdx, and never overwrites', async () => {
    const content = freshContent();
    const portal = join(content, 'projects', 'portal.md');
    const before = readFileSync(portal, 'utf8');
    const taken = await runNew(['project', 'portal', '--content', content]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/the project "portal" already exists; choose another id \(nothing was written\)/);
    expect(readFileSync(portal, 'utf8')).toBe(before);
    const mdx = await runNew(['project', 'identity', '--content', content]);
    expect(mdx.code).toBe(1);
    expect(mdx.stderr).toContain('identity.mdx');
    expect(existsSync(join(content, 'projects', 'identity.md'))).toBe(false);
  });

  it('an id is taken per collection: a program may share a project id', async () => {
    const content = freshContent();
    expect((await runNew(['program', 'portal', '--content', content])).code).toBe(0);
  });

  it('refuses ids that are not kebab-case, with a suggestion', async () => {
    const content = freshContent();
    for (const id of ['CRM Upgrade', 'crm_upgrade']) {
      const res = await runNew(['project', id, '--content', content]);
      expect(res.code, id).toBe(1);
      expect(res.stderr, id).toMatch(/is not a valid id: ids are lower-case kebab-case.*\(did you mean crm-upgrade\?\)/);
      expect(existsSync(join(content, 'projects', `${id}.md`))).toBe(false);
    }
    for (const id of ['CRM-Upgrade', '-crm', 'crm--upgrade', 'über', 'a/b', '']) expect(idProblem(id), id).toMatch(/is not a valid id/);
  });

  it('bad usage: unknown kind (with a suggestion), missing id, unknown option → exit 2', async () => {
    const content = freshContent();
    const kind = await runNew(['prject', 'x', '--content', content], {}, 'spawn');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('did you mean project?');
    expect(parseArgs(['project', '--content', content])).toMatchObject({ code: 2, error: expect.stringMatching(/^which kind and id\?/) });
    expect(parseArgs(['project', 'x', '--colour', 'red'])).toMatchObject({ code: 2, error: expect.stringMatching(/^unknown option --colour/) });
    expect(parseArgs(['projects', 'x'], { ROADMAP_CONTENT: content })).toEqual({ kind: 'project', id: 'x', title: undefined, dir: content });
  });

  it('a missing content folder is an error, not a new folder', async () => {
    const content = freshContent();
    const res = await runNew(['project', 'x', '--content', join(content, 'nope')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('content folder not found');
    expect(existsSync(join(content, 'nope'))).toBe(false);
  });

  it('creates a missing collection folder', async () => {
    const content = freshContent();
    const bare = join(tempDir(), 'content');
    mkdirSync(bare);
    writeFileSync(join(bare, 'portfolio.yaml'), 'title: T\n');
    expect((await runNew(['goal', 'g', '--content', bare])).code).toBe(0);
    expect(existsSync(join(bare, 'goals', 'g.md'))).toBe(true);
  });

  it('the project template lists the portfolio scoring criteria', async () => {
    const content = freshContent();
    expect((await runNew(['project', 'scored', '--content', content])).code).toBe(0);
    const text = readFileSync(join(content, 'projects', 'scored.md'), 'utf8');
    const criteria = (readFileSync(join(content, 'portfolio.yaml'), 'utf8').match(/id: (\w+)/g) ?? []).map((m) => m.slice(4));
    expect(criteria.length).toBeGreaterThan(0);
    for (const c of criteria) expect(text).toMatch(new RegExp(`# scores: \\{.*${c}: 3`));
  });
});

describe('templates', () => {
  it('every commented-out field is valid once uncommented', async () => {
    const content = freshContent();
    // Uncomment every field line (`# key:` and its indented continuation lines), not the prose.
    const uncomment = (t: string) => t.replace(/^# (?=[a-z_]+:|  )/gm, '');
    for (const [folder, id] of [['programs', 'program-id'], ['goals', 'goal-id'], ['teams', 'team-id']] as const) {
      mkdirSync(join(content, folder), { recursive: true });
      writeFileSync(join(content, folder, `${id}.md`), `---\ntitle: ${id}\n---\n`);
    }
    writeFileSync(join(content, 'projects', 'other-project-id.md'), '---\ntitle: Other\nstatus: active\nend: 2026-06-30\n---\n');
    writeFileSync(join(content, 'projects', 'full.md'), uncomment(scaffold('project', { title: 'Full', today: TODAY, scoreKeys: ['value', 'risk'] })));
    writeFileSync(join(content, 'programs', 'full.md'), uncomment(scaffold('program', { title: 'Full', today: TODAY })));
    writeFileSync(join(content, 'goals', 'full.md'), uncomment(scaffold('goal', { title: 'Full', today: TODAY })));
    writeFileSync(join(content, 'teams', 'full.md'), uncomment(scaffold('team', { title: 'Full', today: TODAY })));
    const full = parseFrontMatter(readFileSync(join(content, 'projects', 'full.md'), 'utf8')).data as Record<string, unknown>;
    expect(Object.keys(full)).toEqual(expect.arrayContaining(['milestones', 'dependencies', 'budget', 'risks', 'scores', 'demand', 'decisions', 'changes', 'health']));
    const { diagnostics } = await check(content);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('ids and placeholder titles', async () => {
    expect(idProblem('crm-upgrade')).toBeUndefined();
    expect(idProblem('2026-refresh')).toBeUndefined();
    expect(idProblem('CRM')).toMatch(/did you mean crm\?/);
    expect(titleFromId('crm-upgrade')).toBe('Crm upgrade');
  });
});
