/**
 * Portfolio history on git repositories made here with known histories:
 * a project whose end moves +10 days a month for six months gives those
 * milestone-trend points and "slipped in 6 of the last 6"; each sample's
 * health counts equal portfolio.json built from that commit's files as of
 * the commit's day; a record internal in early commits contributes nothing
 * to a public build's history; the cache gives the same history without
 * computing; a shallow clone and a folder outside git give a notice.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPortfolioJson } from '../../src/core/export-json.ts';
import { milestoneTrends, slipRecords, END_SERIES } from '../../src/core/history/index.ts';
import { NO_GIT_NOTE, SHALLOW_NOTE } from '../../src/io/history-git.ts';
import type { HistoryStats } from '../../src/pipeline/history.ts';
import { buildSite, checkContent, withHistory, siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { removeTempDirs, tempDir } from '../scripts/run.ts';
import { execFileSync } from 'node:child_process';
import { git } from '../support/git.ts';

const PORTFOLIO = 'title: T\nas_of: 2026-07-20\naudiences:\n  public: { hide: [budget] }\n  internal: { hide: [] }\n';
const record = (title: string, fields: string) => `---\ntitle: ${title}\n${fields}\n---\nNotes.\n`;
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const COMMIT_DAYS = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15'];

let repo: string;
let content: string;
const write = (rel: string, text: string) => {
  mkdirSync(join(content, rel, '..'), { recursive: true });
  writeFileSync(join(content, rel), text);
};
const settings = (audience = 'public', cache = 'off', dir = content, cwd = repo) =>
  loadSettings({ ROADMAP_CONTENT: dir, ROADMAP_AUDIENCE: audience, ROADMAP_CHECK_CACHE: 'off', ROADMAP_HISTORY_CACHE: cache }, cwd);

beforeAll(() => {
  repo = tempDir('roadmap-history-');
  content = join(repo, 'content');
  git(repo, ['init', '-q', '-b', 'main']);
  COMMIT_DAYS.forEach((day, k) => {
    write('portfolio.yaml', PORTFOLIO);
    // +10 days a month, six times; its design milestone holds.
    write('projects/slipper.md', record('Slipper', `status: active\nstart: 2026-01-01\nend: ${plusDays('2026-09-30', 10 * k)}\nbaseline_end: 2026-09-30\nmilestones:\n  - { name: Design, date: 2026-03-31 }`));
    write('projects/steady.md', record('Steady', 'status: active\nstart: 2026-01-01\nend: 2026-12-31\nbaseline_end: 2026-12-31'));
    // Ends 31 March and is not done: red from April, as of each sample's own day.
    write('projects/late.md', record('Late', 'status: active\nstart: 2026-01-01\nend: 2026-03-31'));
    // Internal until April, with a budget the public never sees.
    write('projects/secret.md', record('Secret Merger', `status: active\nvisibility: ${k < 3 ? 'internal' : 'public'}\nstart: 2026-01-01\nend: ${k < 3 ? '2027-06-30' : '2026-11-30'}\nbudget: { planned: 777000, forecast: 999000 }`));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', `month ${k}`], `${day}T12:00:00Z`);
  });
});

afterAll(removeTempDirs);

/** The repository's history for an audience, computed once (no cache) and read by several tests. */
const histories = new Map<string, ReturnType<typeof buildSite>>();
const historyOf = async (audience: 'public' | 'internal') => {
  if (!histories.has(audience)) histories.set(audience, buildSite(settings(audience), { history: true }));
  return (await histories.get(audience)!).history!;
};

describe('portfolio history from git', () => {
  it('samples the last commit of each month before the as-of month, then now', async () => {
    const history = await historyOf('public');
    expect(history!.note).toBeUndefined();
    expect(history!.samples.map((s) => s.asOf)).toEqual([...COMMIT_DAYS.slice(0, 6), '2026-07-20']);
    expect(history!.samples.at(-1)!.commit).toBeUndefined();
    expect(history!.changes).toHaveLength(6);
  });

  it('a project whose end moves +10 days a month for six months: its MTA points and slipped in 6 of the last 6', async () => {
    const history = await historyOf('public');
    const trends = milestoneTrends(history!.samples, 'slipper');
    const end = trends.find((t) => t.name === END_SERIES)!;
    expect(end.points).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => ({ asOf: [...COMMIT_DAYS.slice(0, 6), '2026-07-20'][k], date: plusDays('2026-09-30', 10 * k) })));
    expect(trends.find((t) => t.name === 'Design')!.points.map((p) => p.date)).toEqual(Array(7).fill('2026-03-31'));
    const slips = slipRecords(history!.samples);
    expect(slips.get('slipper')).toEqual({ slipped: 6, reviews: 6 });
    expect(slips.get('steady')).toEqual({ slipped: 0, reviews: 6 });
    // Slipper turns amber in March, and the period says why.
    expect(history!.changes[1]!.health).toEqual([expect.objectContaining({ project: { id: 'slipper', title: 'Slipper' }, from: 'green', to: 'amber', reason: expect.stringMatching(/^slip 20 days/) })]);
    // Each month's change list names the move.
    expect(history!.changes.map((c) => c.dates.filter((d) => d.project.id === 'slipper').map((d) => d.days))).toEqual(Array(6).fill([10]));
  });

  it('health counts per sample equal portfolio.json built from that commit as of its day', async () => {
    const history = await historyOf('internal');
    for (const [i, sample] of history!.samples.slice(0, -1).entries()) {
      const dir = tempDir('roadmap-history-at-');
      execFileSync('sh', ['-c', `git archive ${sample.commit} content | tar -x -C ${dir}`], { cwd: repo });
      const yaml = join(dir, 'content', 'portfolio.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/as_of: .*/, `as_of: ${COMMIT_DAYS[i]}`));
      const { model } = await buildSite(settings('internal', 'off', join(dir, 'content'), dir));
      const json = toPortfolioJson(model);
      expect({ green: 0, amber: 0, red: 0, none: 0, ...json.summary.byHealth }).toEqual(sample.health);
    }
    // Secret is red throughout (budget +29%), Late from April (its end passed), Slipper from June (slip 50 days > 45).
    expect(history!.samples.map((s) => s.health.red)).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });

  it('a record internal in early commits contributes nothing to a public history', async () => {
    const history = await historyOf('public');
    const early = history!.samples.slice(0, 3);
    expect(early.flatMap((s) => s.projects.map((p) => p.id))).not.toContain('secret');
    const text = JSON.stringify({ samples: early, changes: history!.changes.slice(0, 2) });
    expect(text).not.toContain('Secret');
    expect(text).not.toContain('2027-06-30');
    // Its first public version is where it enters, as an added record; its internal end date never shows.
    expect(history!.changes[2]!.records).toEqual([{ kind: 'project', record: { id: 'secret', title: 'Secret Merger' }, change: 'added', to: 'active' }]);
    expect(JSON.stringify(history)).not.toContain('2027-06-30');
    // The budget is hidden from the public: no sample has budget figures.
    expect(history!.samples.every((s) => s.budget === undefined)).toBe(true);
    expect(JSON.stringify(history)).not.toContain('777000');
    // The internal audience sees it from the start.
    const internal = await historyOf('internal');
    expect(internal.samples[0]!.projects.map((p) => p.id)).toContain('secret');
    expect(internal.samples[0]!.budget).toEqual({ planned: 777000, forecast: 999000 });
  });

  it('a record internal now is in no past sample of a public build', async () => {
    const dir = tempDir('roadmap-history-clone-');
    git(dir, ['clone', '-q', repo, 'r']);
    const c = join(dir, 'r', 'content');
    writeFileSync(join(c, 'projects', 'steady.md'), record('Steady', 'status: active\nvisibility: internal\nstart: 2026-01-01\nend: 2026-12-31'));
    const { history } = await buildSite(settings('public', 'off', c, join(dir, 'r')), { history: true });
    expect(history!.samples.flatMap((s) => s.projects.map((p) => p.id))).not.toContain('steady');
    expect(JSON.stringify(history)).not.toContain('Steady');
  });

  it('a second build reads every sample and period from the cache, and gets the same history', async () => {
    const cache = tempDir('roadmap-history-cache-');
    const s = settings('public', cache);
    const stats: HistoryStats[] = [];
    const checked = await checkContent(s);
    const first = await withHistory(siteFromInput(s, checked.input!), checked.input!, { onStats: (x) => stats.push(x) });
    const second = await withHistory(siteFromInput(s, checked.input!), checked.input!, { onStats: (x) => stats.push(x) });
    expect(stats.map((x) => x.computed)).toEqual([6 + 6, 0]);
    expect(second.history).toEqual(first.history);
  });

  it('after a content change, the period to now compares with the kept newest past model: nothing is rebuilt from git, and the history is the same', async () => {
    const cache = tempDir('roadmap-history-kept-');
    const stats: HistoryStats[] = [];
    const run = async (dir: string) => {
      const s = settings('public', dir);
      const checked = await checkContent(s);
      return (await withHistory(siteFromInput(s, checked.input!), checked.input!, { onStats: (x) => stats.push(x) })).history!;
    };
    await run(cache);
    try {
      write('projects/steady.md', record('Steady', 'status: active\nstart: 2026-01-01\nend: 2027-01-29\nbaseline_end: 2026-12-31'));
      const kept = await run(cache);
      const fromGit = await run(tempDir('roadmap-history-kept-cold-'));
      // The first build built the six past models; after the change only the period to now is computed, from the kept model.
      expect(stats.map((x) => [x.computed, x.built])).toEqual([[6 + 6, 6], [1, 0], [6 + 6, 6]]);
      expect(kept).toEqual(fromGit);
      expect(JSON.stringify(kept.changes.at(-1))).toContain('Steady');
    } finally {
      git(repo, ['checkout', '-q', '--', '.']);
    }
  });

  it('past samples computed in a child process (a big portfolio\'s cold history) give the same history and fill the same cache', async () => {
    const stats: HistoryStats[] = [];
    const run = async (cache: string, worker: boolean) => {
      const s = settings('public', cache);
      const checked = await checkContent(s);
      return (await withHistory(siteFromInput(s, checked.input!), checked.input!, { worker, onStats: (x) => stats.push(x) })).history;
    };
    const workerCache = tempDir('roadmap-history-worker-');
    const inWorker = await run(workerCache, true);
    const here = await run(tempDir('roadmap-history-here-'), false);
    expect(inWorker).toEqual(here);
    // The worker computed the six samples, their five periods and the period to now: this thread built no past model.
    expect(stats.map((x) => [x.computed, x.inWorker, x.built])).toEqual([[6 + 6, 6 + 6, 0], [6 + 6, 0, 6]]);
    // And wrote them to the disk cache: a second build computes nothing.
    expect(await run(workerCache, false)).toEqual(here);
    expect(stats.at(-1)!.computed).toBe(0);
  });

  it('a shallow clone gives one notice and the now sample, not an error', async () => {
    const dir = tempDir('roadmap-history-shallow-');
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, 'r']);
    const { history } = await buildSite(settings('public', 'off', join(dir, 'r', 'content'), join(dir, 'r')), { history: true });
    expect(history!.note).toBe(SHALLOW_NOTE);
    expect(history!.samples).toHaveLength(1);
    expect(history!.changes).toEqual([]);
  });

  it('a content folder outside git gives the no-git notice', async () => {
    const dir = tempDir('roadmap-history-nogit-');
    cpSync(content, join(dir, 'content'), { recursive: true });
    const { history } = await buildSite(settings('public', 'off', join(dir, 'content'), dir), { history: true });
    expect(history!.note).toBe(NO_GIT_NOTE);
    expect(history!.samples).toHaveLength(1);
  });
});
