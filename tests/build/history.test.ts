/**
 * The portfolio's history in a real build of the demo repository
 * (npm run demo:history): /history/ with its trends, tables and the projects
 * that keep slipping, with no JavaScript; the milestone trend chart on a
 * project page; the trends on the scorecard and the card on the roadmap; the
 * build log's line. A record internal in early commits (under a code name)
 * leaves no trace in any file of the public build.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyPage } from '../../src/page-data/history.ts';
import { buildSite as sitePipeline } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { assertBuilt, buildRoot, buildSite, listFiles, readText, type BuildResult } from '../support/build-site.ts';
import { historyDemo } from '../support/shared-builds.ts';

let repo: string;
let built: BuildResult;

beforeAll(async () => {
  // The run's demo repository and its build (tests/support/shared-builds.ts: a whole run builds it ahead).
  const demo = historyDemo(buildRoot());
  repo = demo.repo;
  built = assertBuilt(await buildSite(demo.build));
}, 300_000);

describe('history in a build of the demo repository', () => {
  it('/history/: trends with their tables and the projects that keep slipping, as static HTML', () => {
    const html = readText(built.outDir, 'history/index.html');
    expect(html).toContain('Keeps slipping');
    expect(html).toMatch(/Identity and Access Management<\/a>: slipped in 6 of the last 6 reviews/);
    for (const heading of ['Health mix', 'Open dependency conflicts', 'Total slip', 'Backlog', 'Between reviews']) expect(html).toContain(`>${heading}</h`);
    expect(html).toContain('Health mix as a table');
    expect(html).toMatch(/Conflict resolved: <a [^>]*>Medical Device Network Segmentation<\/a>/);
    expect(html).not.toContain('<script');
    expect(built.stdout).toMatch(/history: 12 samples, \d+ computed/);
  });

  it('a project page has its milestone trend, the scorecard its trends, the roadmap the card', () => {
    const project = readText(built.outDir, 'projects/identity-and-access/index.html');
    expect(project).toContain('id="milestone-trend"');
    expect(project).toContain('Milestone trend as a table');
    expect(project).toContain('Keeps slipping: slipped in 6 of the last 6 reviews');
    expect(readText(built.outDir, 'scorecard/index.html')).toContain('id="trends"');
    expect(readText(built.outDir, 'roadmap/index.html')).toContain('keep slipping');
  });

  it('Identity and Access Management\'s range moves with its own drift, and the page says so (issue 20)', () => {
    const page = readText(built.outDir, 'projects/identity-and-access/index.html');
    expect(page).toContain('Its own end moved +91 days over 12 reviews (+8.1 days a month); if that continues, +45 days on the 124 days left, added to every run.');
    const json = JSON.parse(readText(built.outDir, 'portfolio.json')) as { projects: { id: string; end: string; forecast?: { p50: string; drift?: { movedDays: number; extraDays: number } } }[] };
    const iam = json.projects.find((p) => p.id === 'identity-and-access')!;
    expect(iam.forecast!.drift).toMatchObject({ movedDays: 91, extraDays: 45 });
    // Typed end 19 Mar 2027 + 45 days of drift, and the default's median slip of its 442 days on top.
    expect(iam.forecast!.p50 > '2027-05-03').toBe(true);
    // The finance upgrade's end moved only while it was internal (as "Project Larch"): publicly it held.
    expect(json.projects.find((p) => p.id === 'finance-system-upgrade')!.forecast!.drift).toMatchObject({ movedDays: 0, extraDays: 0 });
    expect(readText(built.outDir, 'projects/finance-system-upgrade/index.html')).toContain('Its own end held over 7 reviews: no drift added.');
  });

  it('a record internal in early commits leaves nothing of then in the public build (its code name is a sentinel)', async () => {
    for (const file of listFiles(built.outDir)) {
      if (/\.(html|xml|json|csv|ics|txt)$/.test(file)) expect(readText(built.outDir, file), file).not.toContain('Larch');
    }
    // Its milestone trend starts at its first public version (May), when its end had its public date: nothing has moved
    // since (internally it moved from 27 Nov 2026, which is nowhere).
    const page = readText(built.outDir, 'projects/finance-system-upgrade/index.html');
    expect(page).toContain('No milestone or end date moved over the last 6 reviews (since 10\u00a0May\u00a02026).');
    expect(page).not.toContain('27\u00a0Nov\u00a02026');
    // The internal audience sees the early versions, so the sentinels are there to find.
    const s = loadSettings({ ROADMAP_CONTENT: join(repo, 'content'), ROADMAP_AUDIENCE: 'internal', ROADMAP_CHECK_CACHE: 'off', ROADMAP_HISTORY_CACHE: 'off' }, repo);
    const site = await sitePipeline(s, { history: true });
    expect(JSON.stringify(site.history)).toContain('Larch');
    expect(historyPage(site.model, site.history!).trends.length).toBeGreaterThan(0);
    expect(site.history!.samples[0]!.projects.find((p) => p.id === 'finance-system-upgrade')?.end).toBe('2026-11-27');
    // Internally its end moved 27 Nov → 18 Dec 2026, a drift the public never sees.
    expect(site.model.byId.projects.get('finance-system-upgrade')!.forecast!.drift).toMatchObject({ firstEnd: '2026-11-27', lastEnd: '2026-12-18', movedDays: 21 });
  });
});
