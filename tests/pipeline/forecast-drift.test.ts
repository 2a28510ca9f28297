/**
 * Drift through the pipeline, on a git repository made here (issue 18's
 * case): a project whose end moves +10 days a month for six months drifts at
 * about 10/30 and its range moves later by exactly the extra days worked by
 * hand; a project whose end moved only while it was internal has no drift in
 * a public build; with fewer reviews than `drift_min_reviews` (or no git)
 * the numbers are those without history; the page and portfolio.json say so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolioJsonText, toPortfolioJson } from '../../src/core/export-json.ts';
import { likelyDate } from '../../src/page-data/forecast.ts';
import { buildSite, type Site } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { removeTempDirs, runScript, tempDir } from '../scripts/run.ts';
import { git } from '../support/git.ts';

const record = (title: string, fields: string) => `---\ntitle: ${title}\n${fields}\n---\nNotes.\n`;
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayDiff = (a: string, b: string) => (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
const COMMIT_DAYS = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15'];
const AS_OF = '2026-07-20';

let repo: string;
let content: string;
const write = (rel: string, text: string) => {
  mkdirSync(join(content, rel, '..'), { recursive: true });
  writeFileSync(join(content, rel), text);
};
const portfolioYaml = (minReviews?: number) =>
  `title: T\nas_of: ${AS_OF}\naudiences:\n  public: { hide: [budget] }\n  internal: { hide: [] }\n${minReviews ? `forecast: { drift_min_reviews: ${minReviews} }\n` : ''}`;
const settings = (audience: string, dir = content, cwd = repo) =>
  loadSettings({ ROADMAP_CONTENT: dir, ROADMAP_AUDIENCE: audience, ROADMAP_CHECK_CACHE: 'off', ROADMAP_HISTORY_CACHE: 'off' }, cwd);
const site = (audience: string, history: boolean) => buildSite(settings(audience), { history, now: new Date(`${AS_OF}T12:00:00Z`) });
const forecastOf = (s: Site, id: string) => s.model.byId.projects.get(id)!.forecast!;
const json = (s: Site) => JSON.stringify(toPortfolioJson(s.model));

beforeAll(() => {
  repo = tempDir('roadmap-drift-');
  content = join(repo, 'content');
  git(repo, ['init', '-q', '-b', 'main']);
  COMMIT_DAYS.forEach((day, k) => {
    write('portfolio.yaml', portfolioYaml());
    // +10 days a month, six times.
    write('projects/slipper.md', record('Slipper', `status: active\nstart: 2026-01-01\nend: ${plusDays('2026-09-30', 10 * k)}\nbaseline_end: 2026-09-30`));
    write('projects/steady.md', record('Steady', 'status: active\nstart: 2026-01-01\nend: 2026-12-31\nbaseline_end: 2026-12-31'));
    // +20 days a month while internal (the first four commits), then public with its end held.
    write('projects/quiet.md', record('Quiet', `status: active\nvisibility: ${k < 4 ? 'internal' : 'public'}\nstart: 2026-01-01\nend: ${plusDays('2026-10-31', 20 * Math.min(k, 3))}`));
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', `month ${k}`], `${day}T12:00:00Z`);
  });
});

afterAll(removeTempDirs);

describe('a project’s own drift from the history', () => {
  it('+10 days a month for six months: r ≈ 10/30, and each P-date is later by the extra days worked by hand', async () => {
    const [withHistory, without] = [await site('public', true), await site('public', false)];
    const f = forecastOf(withHistory, 'slipper');
    // Seven reviews (six past months and now), 15 January to 20 July: 186 days; the end moved 30 Sep → 29 Nov, 60 days.
    expect(f.drift).toMatchObject({ reviews: 7, from: '2026-01-15', to: AS_OF, firstEnd: '2026-09-30', lastEnd: '2026-11-29', movedDays: 60, spanDays: 186 });
    expect(f.drift!.rate).toBeCloseTo(60 / 186, 10);
    expect(Math.abs(f.drift!.rate - 10 / 30)).toBeLessThan(0.02);
    // 132 days left (29 Nov − 20 Jul); 132 × r / (1 − r) = 132 × 60 / 126 = 62.86 → 63 days.
    expect(f.drift).toMatchObject({ remainingDays: 132, extraDays: 63 });
    const g = forecastOf(without, 'slipper');
    expect(g.drift).toBeUndefined();
    // The draws are the same (seeded by id, none falls below the as-of day): every P-date moves by exactly the extra.
    expect([f.p50Day - g.p50Day, f.p80Day - g.p80Day, f.p95Day - g.p95Day]).toEqual([63, 63, 63]);
    // P50 after typed end + extra (the default's median slip, +11% of its 332 days, on top).
    expect(dayDiff(f.p50, '2026-11-29')).toBeGreaterThan(63);
    expect(f.onTime).toBeLessThan(g.onTime);
    // Steady's end held over seven reviews: a drift of 0, the same numbers as without history.
    expect(forecastOf(withHistory, 'steady').drift).toMatchObject({ reviews: 7, movedDays: 0, rate: 0, extraDays: 0 });
    const { drift: _, ...steady } = forecastOf(withHistory, 'steady');
    expect(steady).toEqual(forecastOf(without, 'steady'));
  });

  it('the page says where the range comes from, and portfolio.json carries the inputs', async () => {
    const s = await site('public', true);
    const l = likelyDate(s.model, s.model.byId.projects.get('slipper')!)!;
    expect(l.drift).toEqual({ extraDays: 63, text: 'Its own end moved +60 days over 7 reviews (+9.8 days a month); if that continues, +63 days on the 132 days left, added to every run.' });
    const out = toPortfolioJson(s.model).projects.find((p) => p.id === 'slipper')!;
    expect(out.forecast!.drift).toEqual({ reviews: 7, from: '2026-01-15', to: AS_OF, firstEnd: '2026-09-30', lastEnd: '2026-11-29', movedDays: 60, spanDays: 186, rate: 0.3226, remainingDays: 132, extraDays: 63 });
  });

  it('npm run export reads the history as the site does: the same portfolio.json, drift included', async () => {
    const run = await runScript('export.ts', ['--format', 'json', '--content', content], { cwd: repo, env: { ROADMAP_HISTORY_CACHE: 'off', ROADMAP_CHECK_CACHE: 'off' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"extraDays":63');
    expect(run.stdout).toBe(portfolioJsonText((await site('public', true)).model));
  });

  it('moves made while a project was internal give no drift in a public build, and do in an internal one', async () => {
    const [pub, pubWithout, internal, internalWithout] = [await site('public', true), await site('public', false), await site('internal', true), await site('internal', false)];
    // Public: three reviews (May, June, now), its end held at 30 Dec.
    expect(forecastOf(pub, 'quiet').drift).toMatchObject({ reviews: 3, from: '2026-05-15', lastEnd: '2026-12-30', movedDays: 0, rate: 0, extraDays: 0 });
    expect(forecastOf(pub, 'quiet').p95Day).toBe(forecastOf(pubWithout, 'quiet').p95Day);
    // Internal: seven reviews, +60 days from January.
    expect(forecastOf(internal, 'quiet').drift).toMatchObject({ reviews: 7, movedDays: 60 });
    expect(forecastOf(internal, 'quiet').p50Day).toBeGreaterThan(forecastOf(internalWithout, 'quiet').p50Day);
  });

  it('fewer reviews than drift_min_reviews, or no git: the numbers without history, byte for byte', async () => {
    write('portfolio.yaml', portfolioYaml(8));
    try {
      expect(forecastOf(await site('public', true), 'slipper').drift).toBeUndefined();
      expect(json(await site('public', true))).toBe(json(await site('public', false)));
    } finally {
      write('portfolio.yaml', portfolioYaml());
    }
    // The same content outside git: one review (now).
    const dir = tempDir('roadmap-drift-plain-');
    git(repo, ['archive', '--format=tar', '-o', join(dir, 'c.tar'), 'HEAD', 'content']);
    execFileSync('tar', ['-xf', join(dir, 'c.tar'), '-C', dir]);
    const plain = (history: boolean) => buildSite(settings('public', join(dir, 'content'), dir), { history, now: new Date(`${AS_OF}T12:00:00Z`) });
    const history = await plain(true);
    expect(history.history!.samples).toHaveLength(1);
    expect(json(history)).toBe(json(await plain(false)));
  });
});
