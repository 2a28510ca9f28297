/**
 * readHistory on real temporary git repositories: modified project files
 * give before/after snapshots with commit dates (never the clock); no
 * repository and a shallow clone give an empty list with a note.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { getChangeLog, readHistory } from '../../src/io/git-history.ts';
import { openHistoryCache, type HistoryCache } from '../../src/io/history-cache.ts';
import { portfolio, project } from '../core/fixtures.ts';
import { git } from '../support/git.ts';

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `roadmap-git-${name}-`));
  dirs.push(d);
  return d;
};

const record = (fields: string) => `---\ntitle: Patient Portal\n${fields}\n---\nBody.\n`;

let repo: string;
let content: string;

beforeAll(() => {
  repo = tmp('repo');
  content = join(repo, 'content');
  mkdirSync(join(content, 'projects'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  const commit = (message: string, date: string) => {
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', message], date);
  };
  writeFileSync(join(content, 'portfolio.yaml'), 'title: T\n');
  writeFileSync(join(content, 'projects', 'portal.md'), record('status: approved\nmilestones:\n  - { name: Go-live, date: 2026-06-30 }'));
  writeFileSync(join(content, 'projects', 'other.md'), record('status: active'));
  commit('add', '2026-01-10T09:00:00+02:00');
  writeFileSync(join(content, 'projects', 'portal.md'), record('status: active\nmilestones:\n  - { name: Go-live, date: 2026-09-30 }'));
  writeFileSync(join(content, 'README.md'), 'not a record\n');
  commit('slip', '2026-03-05T18:30:00-05:00');
  writeFileSync(join(content, 'projects', 'other.md'), '---\ntitle: [broken\n---\n');
  commit('break other', '2026-04-01T00:00:00Z');
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('readHistory', () => {
  it('lists each modification of a project record, newest first, with UTC commit dates and both versions', () => {
    const { revisions, note } = readHistory(content);
    expect(note).toBeUndefined();
    expect(revisions.map((r) => [r.id, r.date])).toEqual([
      ['other', '2026-04-01T00:00:00Z'],
      ['portal', '2026-03-05T23:30:00Z'],
    ]);
    const portal = revisions[1]!;
    expect(portal.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(portal.before).toMatchObject({ title: 'Patient Portal', status: 'approved', milestones: [{ name: 'Go-live', date: '2026-06-30', done: false }] });
    expect(portal.after).toMatchObject({ status: 'active', milestones: [{ name: 'Go-live', date: '2026-09-30', done: false }] });
    // A version that does not parse has no snapshot (nothing to compare), not an error.
    expect(revisions[0]!.before).toMatchObject({ status: 'active' });
    expect(revisions[0]!.after).toBeUndefined();
  });

  it('is the same on every call (no clock, no working tree)', () => {
    writeFileSync(join(content, 'projects', 'portal.md'), record('status: done'));
    expect(readHistory(content)).toEqual(readHistory(content));
    expect(readHistory(content).revisions.map((r) => r.id)).toEqual(['other', 'portal']);
    git(repo, ['checkout', '-q', '--', '.']);
  });

  it('with a cache, reads and parses each commit once: the next read takes every commit from the cache and gives the same list', () => {
    const dir = tmp('cache');
    const log: string[] = [];
    const spy = (c: HistoryCache): HistoryCache => ({
      get: (k) => (log.push('get'), c.get(k)),
      set: (k, v) => (log.push('set'), c.set(k, v)),
      getLatest: c.getLatest,
      setLatest: c.setLatest,
    });
    const first = readHistory(content, spy(openHistoryCache(dir)));
    expect(log.filter((x) => x === 'set')).toHaveLength(2); // two commits modified project records
    log.length = 0;
    // A fresh cache object on the same folder (the next build): every commit from disk, nothing read from git or written.
    const again = readHistory(content, spy(openHistoryCache(dir)));
    expect(log).toEqual(['get', 'get']);
    expect(again).toEqual(first);
    expect(again).toEqual(readHistory(content));
  });

  it('degrades to an empty list with a note outside a repository', () => {
    const plain = tmp('plain');
    mkdirSync(join(plain, 'projects'));
    const { revisions, note } = readHistory(plain);
    expect(revisions).toEqual([]);
    expect(note).toMatch(/not in a git repository/);
  });

  it('degrades to an empty list with a note in a shallow clone', () => {
    const shallow = join(tmp('shallow'), 'clone');
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const { revisions, note } = readHistory(join(shallow, 'content'));
    expect(revisions).toEqual([]);
    expect(note).toMatch(/shallow.*fetch-depth: 0/);
  });
});

describe('getChangeLog for a record that was internal before it went public', () => {
  let content2: string;
  const portal = (fields: string) => `---\ntitle: Patient Portal\n${fields}\n---\nBody.\n`;

  beforeAll(() => {
    const repo2 = tmp('internal-then-public');
    content2 = join(repo2, 'content');
    mkdirSync(join(content2, 'projects'), { recursive: true });
    git(repo2, ['init', '-q', '-b', 'main']);
    const commit = (file: string, date: string) => {
      writeFileSync(join(content2, 'projects', 'portal.md'), file);
      git(repo2, ['add', '-A']);
      git(repo2, ['commit', '-q', '-m', 'edit'], date);
    };
    writeFileSync(join(content2, 'portfolio.yaml'), 'title: T\n');
    commit(portal('status: proposed\nvisibility: internal\nend: 2026-06-30'), '2026-01-01T00:00:00Z');
    // Internal era: a status change and a milestone the public never saw.
    commit(portal('status: approved\nvisibility: internal\nend: 2026-09-30\nmilestones:\n  - { name: Secret board preview, date: 2026-05-01 }'), '2026-02-01T00:00:00Z');
    // Goes public, and changes status in the same commit.
    commit(portal('status: active\nend: 2026-09-30'), '2026-03-01T00:00:00Z');
    // Public from here on.
    commit(portal('status: active\nvisibility: public\nend: 2026-12-31'), '2026-04-01T00:00:00Z');
  });

  const modelFor = (audience: string) =>
    buildModel(portfolio({ projects: [project('portal', { title: 'Patient Portal', status: 'active', end: '2026-12-31' })] }), { audience, asOf: '2026-05-01' });

  it('a public build lists only changes between versions that were both public', () => {
    const texts = getChangeLog(modelFor('public'), content2).entries.flatMap((e) => e.changes.map((c) => `${e.date.slice(0, 10)} ${c.text.replaceAll('\u00a0', ' ')}`));
    expect(texts).toEqual(['2026-04-01 End moved 30 Sep 2026 → 31 Dec 2026 (+92 days)']);
  });

  it('an internal build lists the whole history', () => {
    const texts = getChangeLog(modelFor('internal'), content2).entries.flatMap((e) => e.changes.map((c) => `${e.date.slice(0, 10)} ${c.text.replaceAll('\u00a0', ' ')}`));
    expect(texts).toEqual([
      '2026-04-01 End moved 30 Sep 2026 → 31 Dec 2026 (+92 days)',
      '2026-03-01 Status Approved → Active',
      '2026-03-01 Milestone Secret board preview removed',
      '2026-02-01 Status Proposed → Approved',
      '2026-02-01 End moved 30 Jun 2026 → 30 Sep 2026 (+92 days)',
      '2026-02-01 Milestone Secret board preview added (1 May 2026)',
    ]);
  });
});
