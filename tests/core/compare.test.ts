/**
 * compareModels and its renderers on fixture models (milliseconds): a slip
 * lists the project and everything downstream with the days /dependencies/
 * shows; a body-only edit is no computed change; a demand rise names the
 * team-quarter and the projects; an internal record or field never reaches
 * a public report; the output is the same bytes every time.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { compareModels, cutMarkdown, renderJson, renderMarkdown, withSharedAudience, type CompareReport } from '../../src/core/compare/index.ts';
import { md } from '../../src/core/compare/markdown.ts';
import type { PortfolioInput } from '../../src/core/model.ts';
import { dependenciesPage } from '../../src/page-data/dependencies.ts';
import { dependencyGroups } from '../../src/page-data/dependencies.ts';
import { goal, portfolio, project, settings, team } from './fixtures.ts';

const REVISIONS = { base: { label: 'main', commit: 'a'.repeat(40) }, head: { label: 'working tree' } };
const AS_OF = '2026-01-15';

function compare(base: PortfolioInput, head: PortfolioInput, audience = 'internal'): CompareReport {
  const [b, h] = withSharedAudience(base, head, audience);
  return compareModels(buildModel(b, { audience, asOf: AS_OF }), buildModel(h, { audience, asOf: AS_OF }), REVISIONS);
}

// a ──▶ b ──▶ c, and a ──▶ d; b and d have 10 days of slack after a, c has 5 after b.
function chain(aEnd: string, body = ''): PortfolioInput {
  return portfolio({
    projects: [
      project('a', { title: 'Alpha', start: '2026-01-01', end: aEnd, baseline_end: '2026-03-31' }, body),
      project('b', { title: 'Bravo', start: '2026-04-10', end: '2026-06-30', dependencies: [{ on: 'a' }] }),
      project('c', { title: 'Charlie', start: '2026-07-05', end: '2026-09-30', dependencies: [{ on: 'b' }] }),
      project('d', { title: 'Delta', start: '2026-04-10', end: '2026-05-31', dependencies: [{ on: 'a', kind: 'security' }] }),
      project('z', { title: 'Zulu', start: '2026-01-01', end: '2026-12-31' }),
    ],
  });
}

describe('compareModels: a project slips', () => {
  const base = chain('2026-03-31');
  const head = chain('2026-04-30'); // +30 days
  const report = compare(base, head);
  const headModel = buildModel(head, { audience: 'internal', asOf: AS_OF });
  const page = dependenciesPage(headModel, dependencyGroups(headModel));

  it('lists the moved end with its days and slip against the baseline', () => {
    expect(report.dates).toEqual([
      { project: { id: 'a', title: 'Alpha' }, field: 'end', from: '2026-03-31', to: '2026-04-30', days: 30, baseline: '2026-03-31', slipBefore: 0, slipAfter: 30 },
    ]);
  });

  it('lists every downstream project with the days /dependencies/ shows, and the path', () => {
    const shown = page.slipping.shown.flatMap(({ p, atRisk }) => atRisk.shown.map((r) => ({ source: p.id, id: r.id, days: r.days })));
    expect(shown.length).toBe(3);
    expect(report.atRisk.map((r) => ({ source: r.source.id, id: r.project.id, days: r.after }))).toEqual(shown);
    expect(report.atRisk.every((r) => r.change === 'new')).toBe(true);
    expect(report.atRisk.find((r) => r.project.id === 'c')!.path.map((p) => p.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    // New conflicts (b and d start before a's new end; c's conflict is a risk, not a recorded conflict): the page's days late.
    const conflicts = page.conflicts.shown.map((e) => ({ from: e.from, on: e.on, days: e.gapDays }));
    expect(report.conflicts.map((c) => ({ from: c.project.id, on: c.on.id, days: c.after!.days }))).toEqual(conflicts);
    expect(conflicts.length).toBe(2);
  });

  it('writes them in the Markdown with names, dates and signed days', () => {
    const text = renderMarkdown(report);
    expect(text).toContain('- Alpha: end 31\u00a0Mar\u00a02026 → 30\u00a0Apr\u00a02026 (+30 days); against baseline 31\u00a0Mar\u00a02026: 0 days → +30 days');
    expect(text).toContain('- **New**: Charlie: +15 days from the slip of Alpha (Alpha → Bravo → Charlie)');
    expect(text).toContain('- **New**: Bravo waits on Alpha: 20 days late');
    expect(text).not.toContain('Zulu');
    // Most important first: conflicts, then slip propagation, then dates.
    const at = (s: string) => text.indexOf(s);
    expect(at('### Dependency conflicts')).toBeLessThan(at('### At risk downstream'));
    expect(at('### At risk downstream')).toBeLessThan(at('### Dates moved'));
  });

  it('reads the other way round as resolved and no longer at risk', () => {
    const back = compare(head, base);
    expect(back.conflicts.map((c) => c.change)).toEqual(['resolved', 'resolved']);
    expect(back.atRisk.map((r) => r.change)).toEqual(['cleared', 'cleared', 'cleared']);
    expect(back.dates[0]!.days).toBe(-30);
  });
});

describe('compareModels: no computed change', () => {
  it('says so for an edit of a body only', () => {
    const report = compare(chain('2026-03-31', 'Old notes.'), chain('2026-03-31', 'New notes, rewritten.'));
    expect(report.changed).toBe(false);
    expect(renderMarkdown(report)).toContain('**No computed change.**');
  });

  it('does not say so when something moved', () => {
    expect(renderMarkdown(compare(chain('2026-03-31'), chain('2026-04-01')))).not.toContain('No computed change');
  });
});

describe('compareModels: capacity', () => {
  const input = (fte: number) =>
    portfolio({
      teams: [team('sec', { title: 'Security Review', kind: 'role', capacity: [{ from: '2026-Q1', fte: 2 }] })],
      projects: [
        project('p', { title: 'Portal', start: '2026-01-01', end: '2026-12-31', demand: [{ team: 'sec', fte, from: '2026-Q2', to: '2026-Q2' }] }),
        project('q', { title: 'Quay', start: '2026-01-01', end: '2026-12-31', demand: [{ team: 'sec', fte: 1, from: '2026-Q1', to: '2026-Q3' }] }),
      ],
    });

  it('lists the team-quarter crossing a threshold and the projects causing it', () => {
    const report = compare(input(0.5), input(1.5)); // Q2: 1.5 / 2 = 75% (green) → 2.5 / 2 = 125% (red)
    expect(report.utilization).toEqual([
      {
        team: { id: 'sec', title: 'Security Review' },
        period: '2026-Q2',
        before: { level: 'green', demand: 1.5, capacity: 2, ratio: 0.75 },
        after: { level: 'red', demand: 2.5, capacity: 2, ratio: 1.25 },
        causes: [{ project: { id: 'p', title: 'Portal' }, before: 0.5, after: 1.5 }],
      },
    ]);
    expect(renderMarkdown(report)).toContain('- **Security Review, Q2\u00a0FY2026**: Green at 75% (1.5 of 2 FTE) → Red at 125% (2.5 of 2 FTE); Portal 0.5 → 1.5 FTE');
    // The projects' resources health follows.
    expect(report.health.filter((h) => h.dimension === 'resources').map((h) => [h.project.id, h.from, h.to])).toEqual([
      ['p', 'green', 'red'],
      ['q', 'green', 'red'],
    ]);
  });

  it('lists nothing for a rise that stays within the same band', () => {
    expect(compare(input(0.5), input(0.7)).utilization).toEqual([]);
  });

  it('is not compared for an audience that hides demand', () => {
    const report = compare(input(0.5), input(1.5), 'public');
    expect(report.utilization).toEqual([]);
    expect(report.hidden).toContain('demand');
  });
});

describe('compareModels: audiences', () => {
  const input = (secretEnd: string, planned: number) =>
    portfolio({
      projects: [
        project('open', { title: 'Open Work', start: '2026-01-01', end: '2026-06-30', budget: { planned: 100, forecast: planned } }),
        project('secret', { title: 'Secret Merger', visibility: 'internal', start: '2026-01-01', end: secretEnd, baseline_end: '2026-06-30' }),
        project('after', { title: 'After Secret', start: '2026-07-01', end: '2026-12-31', dependencies: [{ on: 'secret' }] }),
      ],
    });
  const base = input('2026-06-30', 100);
  const head = input('2026-09-30', 130); // the internal record slips; a budget (hidden from the public) overruns

  it('leaves an internal record and a hidden field out of a public report entirely', () => {
    const report = compare(base, head, 'public');
    const text = renderMarkdown(report) + renderJson(report);
    expect(text).not.toMatch(/secret/i);
    expect(report.changed).toBe(false);
    expect(report.budget).toEqual([]);
  });

  it('shows both to the internal audience', () => {
    const report = compare(base, head, 'internal');
    expect(report.dates.map((d) => d.project.id)).toEqual(['secret']);
    expect(report.atRisk.map((r) => [r.source.title, r.project.title])).toEqual([['Secret Merger', 'After Secret']]);
    expect(report.budget).toEqual([{ project: { id: 'open', title: 'Open Work' }, before: { variance: 0, band: 'green' }, after: { variance: 0.3, band: 'red' } }]);
  });

  it('compares neither side with a field that either side hides', () => {
    const shown = (s: PortfolioInput, hide: string[]) => ({ ...s, settings: settings({ audiences: { public: { hide } } }) });
    const [b, h] = withSharedAudience(shown(base, []), shown(head, ['budget']), 'public');
    expect(b.settings.audiences.public!.hide).toEqual(['budget']);
    expect(h.settings.audiences.public!.hide).toEqual(['budget']);
  });
});

describe('compareModels: records, ranks, gates, key results', () => {
  const kr = (actual: number) => [goal('access', { title: 'Improve access', key_results: [{ metric: 'Booked online', unit: '%', baseline: 12, target: 40, actual }] })];
  const base = portfolio({
    goals: kr(21),
    projects: [
      project('r1', { title: 'Request One', status: 'proposed', scores: { strategic_fit: 5, value: 5, risk: 1, effort: 1 } }),
      project('r2', { title: 'Request Two', status: 'proposed', scores: { strategic_fit: 3, value: 3, risk: 3, effort: 3 } }),
      project('g', { title: 'Gated', gates: [{ gate: 'budget-release', status: 'pending' }] }),
      project('gone', { title: 'Gone Soon' }),
    ],
  });
  const head = portfolio({
    goals: kr(26),
    projects: [
      project('r1', { title: 'Request One', status: 'proposed', scores: { strategic_fit: 1, value: 1, risk: 5, effort: 5 } }),
      project('r2', { title: 'Request Two', status: 'approved', scores: { strategic_fit: 3, value: 3, risk: 3, effort: 3 } }),
      project('g', { title: 'Gated', gates: [{ gate: 'budget-release', status: 'approved', date: '2026-02-01', approver: 'Board' }] }),
      project('new', { title: 'Brand New', status: 'proposed' }),
    ],
  });
  const report = compare(base, head);

  it('lists key results moved, with the progress', () => {
    expect(report.benefits).toEqual([
      {
        kind: 'key-result',
        owner: { id: 'access', title: 'Improve access' },
        metric: 'Booked online',
        unit: '%',
        before: { baseline: 12, target: 40, actual: 21, progress: 9 / 28 },
        after: { baseline: 12, target: 40, actual: 26, progress: 0.5 },
      },
    ]);
    expect(renderMarkdown(report)).toContain('- goal Improve access, key result Booked online (%): actual 21 → 26, progress 32% → 50%');
  });

  it('lists rank changes, records added, removed and changing status, and gates decided', () => {
    expect(report.ranks.map((r) => [r.project.id, r.from, r.to])).toEqual([
      ['r2', 2, 1],
      ['r1', 1, 2],
    ]);
    expect(report.records.map((r) => [r.change, r.record.title, r.from, r.to])).toEqual([
      ['added', 'Brand New', undefined, 'proposed'],
      ['removed', 'Gone Soon', 'active', undefined],
      ['status', 'Request Two', 'proposed', 'approved'],
    ]);
    expect(report.gates).toEqual([{ project: { id: 'g', title: 'Gated' }, gate: 'budget-release', from: 'pending', to: 'approved', date: '2026-02-01', approver: 'Board' }]);
    expect(renderMarkdown(report)).toContain('- Gated: Budget release Pending → Approved (1\u00a0Feb\u00a02026, Board)');
  });
});

describe('renderers', () => {
  it('are deterministic: the same input, in any order and at any time, gives the same bytes', () => {
    const head = chain('2026-04-30');
    const shuffled = { ...head, projects: [...head.projects].reverse() };
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const one = compare(chain('2026-03-31'), head);
      vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
      const two = compare({ ...chain('2026-03-31'), projects: [...chain('2026-03-31').projects].reverse() }, shuffled);
      expect(renderMarkdown(two)).toBe(renderMarkdown(one));
      expect(renderJson(two)).toBe(renderJson(one));
    } finally {
      vi.useRealTimers();
    }
  });

  it('escape record text: no Markdown from titles, no mentions', () => {
    expect(md('*Big* [link](x) @ops <b>|')).toBe('\\*Big\\* \\[link\\](x) @\u200bops \\<b\\>\\|');
  });

  it('cut a long report at a line, within the limit, with a line saying so', () => {
    const text = `${Array.from({ length: 1000 }, (_, i) => `- line ${i}`).join('\n')}\n`;
    const cut = cutMarkdown(text, 2000);
    expect(cut.length).toBeLessThanOrEqual(2000);
    expect(cut).toMatch(/\*\*The report is cut here\*\* \([\d,]+ characters; a comment holds 2,000\): \d+ more lines; the full report is in/);
    expect(cut.split('\n')[0]).toBe('- line 0');
    expect(cutMarkdown('short\n', 2000)).toBe('short\n');
  });
});
