/**
 * readHistory on real temporary git repositories: modified project files
 * give before/after snapshots with commit dates (never the clock); no
 * repository and a shallow clone give an empty list with a note.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/io/git-history.ts';

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `roadmap-git-${name}-`));
  dirs.push(d);
  return d;
};

function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.org',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

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
