import { describe, expect, it } from 'vitest';
import { capacityHeatmap, cellFormula, levelWords } from '../../src/charts/heatmap.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolio, project, settings, team } from '../core/fixtures.ts';

// Fixture "security-review over-allocated": fiscal_year_start 4, as-of 2026-11-15.
// Capacity 1.5 from 2026-Q1 then 2 from 2026-Q3; demand 0.8 + 0.5 + 1.2 = 2.5 in 2026-Q3.
const model = buildModel(
  portfolio({
    settings: settings({ fiscal_year_start: 4 }),
    teams: [team('security-review', { title: 'Security review', kind: 'role', capacity: [{ from: '2026-Q1', fte: 1.5 }, { from: '2026-Q3', fte: 2 }] })],
    projects: [
      project('iam', { title: 'IAM', start: '2026-07-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 0.8 }] }),
      project('soc', { title: 'SOC', start: '2026-10-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 0.5 }] }),
      project('seg', { title: 'Segmentation', start: '2026-10-01', end: '2027-03-31', demand: [{ team: 'security-review', fte: 1.2 }] }),
      project('held', { status: 'on-hold', start: '2026-10-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 9 }] }),
    ],
  }),
  { audience: 'internal', asOf: '2026-11-15' },
);
const cells = model.byId.teams.get('security-review')!.utilization!;
const chart = capacityHeatmap([{ team: 'security-review', label: 'Security review', cells }], {
  thresholds: [0.9, 1.1],
  projectTitle: (id) => model.byId.projects.get(id)!.record.title,
});

describe('capacityHeatmap', () => {
  it('lays out one cell per fiscal quarter with ratio and FTE text', () => {
    expect(chart.columns.map((c) => c.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const [q1, q2, q3, q4] = chart.rows[0].cells;
    expect([q1.ratioText, q1.fteText, q1.level]).toEqual(['0%', '0 / 1.5', 'green']);
    expect([q2.ratioText, q2.fteText, q2.level]).toEqual(['53%', '0.8 / 1.5', 'green']); // 0.8 / 1.5
    expect([q3.ratioText, q3.fteText, q3.level, q3.over]).toEqual(['125%', '2.5 / 2', 'red', true]); // 2.5 / 2; on-hold excluded
    expect([q4.ratioText, q4.fteText, q4.level]).toEqual(['60%', '1.2 / 2', 'green']); // capacity 2 carried forward
    expect(q3.title).toBe('Security review, 2026-Q3: demand 2.5 FTE / capacity 2 FTE = 125%, over-allocated (> 110%); demanded by IAM 0.8, Segmentation 1.2, SOC 0.5');
    expect(q3.x).toBe(180 + 76 * 2 + 1);
  });

  it('describes cells without capacity', () => {
    const c = { period: '2026-Q1', demand: 1, capacity: 0, level: 'red' as const, projects: [] };
    expect(cellFormula(c)).toBe('demand 1 FTE with no capacity');
    expect(levelWords(c, [0.9, 1.1])).toBe('over-allocated (no capacity)');
  });

  it('matches the snapshot (fixture: security-review over-allocated)', async () => {
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot('__snapshots__/heatmap.security-review.json');
  });
});
