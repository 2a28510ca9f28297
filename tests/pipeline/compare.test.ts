/**
 * compare on small git repositories made here: a revision read from git is
 * the same files as the working tree; a slip lists the project and its
 * downstream with the days /dependencies/ shows; a body-only commit is no
 * computed change; invalid content gives check's problems and exit 1; a bad
 * ref or a folder outside git a plain message and exit 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/core/compare/index.ts';
import { contentRepository, readContentAt, resolveCommit } from '../../src/io/git-content.ts';
import { readContentDir } from '../../src/io/read-content.ts';
import { dependenciesPage, dependencyGroups } from '../../src/page-data/dependencies.ts';
import { compareRevisions, GitContentError } from '../../src/pipeline/compare.ts';
import { checkContent, modelFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { main as compareMain } from '../../scripts/compare.ts';
import { removeTempDirs, runMain, runScript, tempDir } from '../scripts/run.ts';
import { git as gitIn } from '../support/git.ts';

const git = (cwd: string, ...args: string[]) => gitIn(cwd, args);

const PORTFOLIO = 'title: T\nas_of: 2026-01-15\naudiences:\n  public: { hide: [demand] }\n  internal: { hide: [] }\n';
const project = (title: string, fields: string, body = 'Notes.') => `---\ntitle: ${title}\nstatus: active\n${fields}\n---\n${body}\n`;
const alpha = (end: string, body?: string) => project('Alpha', `start: 2026-01-01\nend: ${end}\nbaseline_end: 2026-03-31`, body);

let repo: string;
let content: string;
const write = (rel: string, text: string) => {
  mkdirSync(join(content, rel, '..'), { recursive: true });
  writeFileSync(join(content, rel), text);
};
const commit = (message: string) => {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
};
const settings = (audience = 'internal') => loadSettings({ ROADMAP_CONTENT: content, ROADMAP_AUDIENCE: audience, ROADMAP_CHECK_CACHE: 'off' }, repo);

beforeAll(() => {
  // The content folder is a sub-folder of a repository that is not Roadmap's own.
  repo = tempDir('roadmap-compare-');
  content = join(repo, 'site', 'content');
  git(repo, 'init', '-q', '-b', 'main');
  write('portfolio.yaml', PORTFOLIO);
  write('projects/alpha.md', alpha('2026-03-31'));
  write('projects/bravo.md', project('Bravo', 'start: 2026-04-10\nend: 2026-06-30\ndependencies:\n  - { on: alpha }'));
  write('projects/charlie.md', project('Charlie', 'start: 2026-07-05\nend: 2026-09-30\ndependencies:\n  - { on: bravo }'));
  write('projects/_draft.md', 'not parsed');
  write('projects/.hidden/x.md', 'not listed');
  write('notes/readme.md', 'outside the collections');
  write('teams/sec.md', '---\ntitle: Security Review\ncapacity:\n  - { from: 2026-Q1, fte: 1 }\n---\n');
  write('projects/secret.md', project('Secret Merger', 'visibility: internal\nstart: 2026-01-01\nend: 2026-06-30\nbaseline_end: 2026-06-30'));
  commit('base');
  git(repo, 'checkout', '-q', '-b', 'internal-slip');
  write('projects/secret.md', project('Secret Merger', 'visibility: internal\nstart: 2026-01-01\nend: 2026-09-30\nbaseline_end: 2026-06-30'));
  commit('internal slip');
  git(repo, 'checkout', '-q', 'main');
  git(repo, 'checkout', '-q', '-b', 'body-only');
  write('projects/alpha.md', alpha('2026-03-31', 'Notes, rewritten at length.'));
  commit('body');
  git(repo, 'checkout', '-q', '-b', 'slip', 'main');
  write('projects/alpha.md', alpha('2026-04-30')); // +30 days
  commit('slip');
  git(repo, 'checkout', '-q', 'main');
});

afterAll(removeTempDirs);

describe('reading a revision from git', () => {
  it('gives the files the working tree gives, without a checkout', async () => {
    const repository = contentRepository(content);
    expect(repository.prefix).toBe('site/content');
    const fromGit = readContentAt(repository, resolveCommit(repository, 'main'));
    expect(fromGit).toEqual(await readContentDir(content));
    expect(fromGit.map((f) => f.path)).toContain('notes/readme.md');
    // Another branch's version, while main is checked out.
    const slip = readContentAt(repository, resolveCommit(repository, 'slip'));
    expect(slip.find((f) => f.path === 'projects/alpha.md')!.text).toContain('end: 2026-04-30');
  });
});

describe('compareRevisions', () => {
  it('lists a slipped project and every project downstream with the days /dependencies/ shows', async () => {
    const outcome = await compareRevisions(settings(), { base: 'main', head: 'slip', now: new Date('2026-01-15') });
    if (!('report' in outcome)) throw new Error(JSON.stringify(outcome));
    const { report } = outcome;
    expect(report.head).toEqual({ label: 'slip', commit: git(repo, 'rev-parse', 'slip').trim() });
    expect(report.dates.map((d) => [d.project.title, d.field, d.days])).toEqual([['Alpha', 'end', 30]]);

    // The head's model as a build makes it (the working tree at the slip branch), and its dependencies page.
    git(repo, 'checkout', '-q', 'slip');
    try {
      const s = settings();
      const model = modelFromInput(s, (await checkContent(s)).input!, new Date('2026-01-15'));
      const page = dependenciesPage(model, dependencyGroups(model));
      const atRisk = page.slipping.shown.flatMap(({ p, atRisk: list }) => list.shown.map((r) => [p.id, r.id, r.days]));
      expect(atRisk).toEqual([
        ['alpha', 'bravo', 20],
        ['alpha', 'charlie', 15],
      ]);
      expect(report.atRisk.map((r) => [r.source.id, r.project.id, r.after])).toEqual(atRisk);
      expect(report.conflicts.map((c) => [c.project.id, c.on.id, c.after?.days])).toEqual(page.conflicts.shown.map((e) => [e.from, e.on, e.gapDays]));

      // The working tree as head (the default) gives the same sections.
      const tree = await compareRevisions(s, { base: 'main', now: new Date('2026-01-15') });
      if (!('report' in tree)) throw new Error('invalid');
      expect({ ...tree.report, head: report.head }).toEqual(report);
      expect(tree.report.head).toEqual({ label: 'working tree' });
    } finally {
      git(repo, 'checkout', '-q', 'main');
    }
  });

  it('says "no computed change" for a commit that edits a body only', async () => {
    const outcome = await compareRevisions(settings(), { base: 'main', head: 'body-only' });
    if (!('report' in outcome)) throw new Error('invalid');
    expect(outcome.report.changed).toBe(false);
    expect(renderMarkdown(outcome.report)).toContain('**No computed change.**');
  });

  it('builds both revisions for the chosen audience: an internal record\'s change is absent from a public report', async () => {
    const pub = await compareRevisions(settings('public'), { base: 'main', head: 'internal-slip' });
    if (!('report' in pub)) throw new Error('invalid');
    expect(pub.report.changed).toBe(false);
    expect(renderMarkdown(pub.report)).not.toMatch(/secret/i);
    const internal = await compareRevisions(settings('internal'), { base: 'main', head: 'internal-slip' });
    if (!('report' in internal)) throw new Error('invalid');
    expect(internal.report.dates.map((d) => [d.project.title, d.days])).toEqual([['Secret Merger', 92]]);
  });

  it('names a ref that is not a commit, and a folder outside git', async () => {
    await expect(compareRevisions(settings(), { base: 'no-such-branch' })).rejects.toThrow(/"no-such-branch" is not a commit in the repository/);
    const outside = join(tempDir('roadmap-no-git-'), 'content');
    mkdirSync(outside);
    const s = loadSettings({ ROADMAP_CONTENT: outside, ROADMAP_CHECK_CACHE: 'off' }, outside);
    await expect(compareRevisions(s, { base: 'main' })).rejects.toThrow(GitContentError);
    await expect(compareRevisions(s, { base: 'main' })).rejects.toThrow(/is not in a git repository/);
  });
});

describe('npm run compare', () => {
  it('prints the report and exits 0; with invalid content, prints check\'s problems and exits 1', async () => {
    const env = { ROADMAP_CONTENT: content, ROADMAP_CHECK_CACHE: 'off' };
    const ok = await runScript('compare.ts', ['--base', 'main', '--head', 'slip', '--audience', 'internal'], { env });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('- Alpha: end 31\u00a0Mar\u00a02026 → 30\u00a0Apr\u00a02026 (+30 days)');

    git(repo, 'checkout', '-q', '-b', 'broken', 'main');
    try {
      write('projects/bravo.md', project('Bravo', 'start: 2026-04-10\nend: 2026-06-30\ndependencies:\n  - { on: nobody }'));
      write('projects/alpha.md', readFileSync(join(content, 'projects/alpha.md'), 'utf8').replace('status: active', 'status: in progress'));
      const comment = join(tempDir('roadmap-comment-'), 'comment.md');
      const bad = await runMain(compareMain, ['--base', 'main', '--comment', comment], { env, cwd: repo });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('**The content is not valid, so nothing was compared.**');
      expect(bad.stdout).toContain('Head: the working tree:');
      expect(bad.stdout).toMatch(/^site\/content\/projects\/alpha\.md:3:1 {2}status {2}unknown value "in progress".*\(did you mean active\?\)$/m);
      expect(bad.stdout).toMatch(/^site\/content\/projects\/bravo\.md:\d+:\d+ {2}dependencies\[0\]\.on {2}/m);
      expect(readFileSync(comment, 'utf8')).toBe(`<!-- roadmap-compare -->\n${bad.stdout}`);
    } finally {
      git(repo, 'checkout', '-q', '-f', 'main');
    }

    const missing = await runMain(compareMain, ['--base', 'no-such-branch'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^"no-such-branch" is not a commit in the repository .*\n$/);
  });
});
