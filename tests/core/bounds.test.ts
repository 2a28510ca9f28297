/**
 * Dates and numbers out of range: years 1900–2199 only (no JS Date pitfall
 * turning 0050 into 1950), amounts, FTEs and scores bounded, and no computed
 * number that is Infinity or NaN (which JSON writes as null and the site as
 * "Infinity%").
 */
import { describe, expect, it } from 'vitest';
import { resolveAsOf } from '../../src/core/as-of.ts';
import { benefitRealization, budgetVariance } from '../../src/core/budget.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { buildUtilization } from '../../src/core/capacity.ts';
import { dateProblem, dayFromParts, dayToIso, daysInMonth, endDay, startDay } from '../../src/core/dates.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { round4, toPortfolioJson } from '../../src/core/export-json.ts';
import { resourcesHealth } from '../../src/core/health.ts';
import { loadPortfolio, type ContentFile } from '../../src/core/load.ts';
import { buildBacklog } from '../../src/core/scorecard.ts';
import { weightedScore } from '../../src/core/scoring.ts';
import { portfolio, project, records, settings, team } from './fixtures.ts';

const PORTFOLIO: ContentFile = { path: 'portfolio.yaml', text: 'title: Test\n' };
const lines = (files: ContentFile[]) => loadPortfolio(files).diagnostics.map(formatDiagnostic);
const rec = (front: string): ContentFile => ({ path: 'projects/x.md', text: `---\ntitle: X\nstatus: active\n${front}---\n` });

describe('years 1900–2199', () => {
  it('dates outside the range are refused, in every form', () => {
    for (const s of ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01', '0050-02', '0099-Q1', '2200-Q1']) {
      expect(dateProblem(s), s).toMatch(/^year \d{4} of .* is outside 1900–2199/);
    }
    for (const s of ['1900-01-01', '2199-12-31', '1900-01', '2199-Q4']) expect(dateProblem(s), s).toBeUndefined();
  });

  it('0000-01-01 .. 9999-12-31 is an error at each date, not a 19 MB page', () => {
    expect(lines([PORTFOLIO, rec('start: 0000-01-01\nend: 9999-12-31\n')])).toEqual([
      'projects/x.md:4:1  start  year 0000 of 0000-01-01 is outside 1900–2199 (the years Roadmap accepts)',
      'projects/x.md:5:1  end  year 9999 of 9999-12-31 is outside 1900–2199 (the years Roadmap accepts)',
    ]);
  });

  it('as_of in portfolio.yaml and ROADMAP_AS_OF are held to the same range', () => {
    expect(lines([{ path: 'portfolio.yaml', text: 'title: T\nas_of: 0001-01-01\n' }])).toEqual([
      'portfolio.yaml:2:1  as_of  year 0001 of 0001-01-01 is outside 1900–2199 (the years Roadmap accepts)',
    ]);
    expect(() => resolveAsOf(undefined, '1899-12-31', new Date())).toThrow('ROADMAP_AS_OF=1899-12-31: year 1899 of 1899-12-31 is outside 1900–2199');
    expect(resolveAsOf(undefined, '2199-12-31', new Date())).toBe('2199-12-31');
  });

  it('years 0–99 are not read as 1900–1999 (Date.UTC pitfall)', () => {
    expect(dayToIso(dayFromParts(50, 1, 1))).toBe('0050-01-01');
    expect(dayToIso(dayFromParts(0, 3, 1))).toBe('0000-03-01');
    expect(daysInMonth(0, 2)).toBe(29); // year 0 is a leap year, 1900 is not
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(endDay('0004-02') - startDay('0004-02')).toBe(28); // 29 days
  });
});

describe('numbers within bounds', () => {
  it('amounts, FTEs and scores out of bounds are clear errors', () => {
    const out = lines([
      PORTFOLIO,
      rec('budget: { planned: 1e16, forecast: -1 }\nchanges: [{ id: C, title: T, cost: -2e15 }]\ndemand: [{ team: t, fte: 2000000, from: 2026-Q1, to: 2026-Q2 }]\nscores: { value: 1e12 }\n'),
    ]);
    expect(out).toEqual(
      expect.arrayContaining([
        'projects/x.md:4:11  budget.planned  amounts are at most 1,000,000,000,000,000 (1e15), got 10000000000000000',
        'projects/x.md:5:30  changes[0].cost  amounts are at most 1,000,000,000,000,000 (1e15) either way, got -2000000000000000',
        'projects/x.md:6:21  demand[0].fte  FTE is at most 1,000,000, got 2000000',
        'projects/x.md:7:11  scores.value  scores are at most 1,000,000,000 (1e9) either way, got 1000000000000',
      ]),
    );
  });

  it('review_every_days, weights and the scale are bounded too', () => {
    const out = lines([{ path: 'portfolio.yaml', text: 'title: T\nreview_every_days: 1e9\nscoring:\n  criteria: [{ id: a, weight: 1e300 }]\n  scale: [0, 1e300]\n' }]);
    expect(out).toHaveLength(3);
  });
});

describe('computed numbers are finite or absent', () => {
  it('budget variance and benefit realization with a divisor that underflows', () => {
    expect(budgetVariance({ planned: 5e-324, forecast: 1e15 })).toBeUndefined();
    expect(benefitRealization({ baseline: 0, target: 5e-324, actual: 1e15 })).toBeUndefined();
  });

  it('utilization against a capacity that underflows has no ratio, and health no "Infinity%"', () => {
    const projects = records([project('p', { status: 'active', start: '2026-01-01', end: '2026-03-31', demand: [{ team: 't', fte: 1 }] })]);
    const u = buildUtilization(projects, [{ id: 't', record: team('t', { capacity: [{ from: '2026-01', fte: 5e-324 }] }).data }], 1, [0.9, 1.1]);
    const cell = u.cell('t', '2026-Q1');
    expect(cell.ratio).toBeUndefined();
    expect(resourcesHealth({ team: 't', cell }, [0.9, 1.1])?.reason).not.toMatch(/Infinity|NaN/);
  });

  it('a score that is not a finite number is no score, and the backlog says why', () => {
    const huge = { criteria: [{ id: 'a', weight: 1e308 }, { id: 'b', weight: 1e308 }], scale: [1, 5] as [number, number] };
    expect(weightedScore({ a: 1, b: 5 }, huge)).toBeUndefined();
    const wsjf = settings({ scoring: { method: 'wsjf' } });
    const m = buildModel(
      portfolio({ settings: wsjf, projects: [project('p', { status: 'proposed', scores: { business_value: 1e9, time_criticality: 1e9, risk_reduction: 1e9, job_size: 5e-324 } })] }),
      { audience: 'internal', asOf: '2026-11-15' },
    );
    const backlog = buildBacklog(m);
    expect(backlog.unscored).toHaveLength(1);
    expect(backlog.unscored[0].problem).toBeTruthy();
  });

  it('JSON never holds null for a number', () => {
    expect(round4(Infinity)).toBeUndefined();
    expect(round4(Number.NaN)).toBeUndefined();
    const m = buildModel(
      portfolio({ settings: settings(), projects: [project('p', { status: 'active', budget: { planned: 5e-324, forecast: 1e15 }, benefits: [{ metric: 'm', baseline: 0, target: 5e-324, actual: 1 }] })] }),
      { audience: 'internal', asOf: '2026-11-15' },
    );
    expect(JSON.stringify(toPortfolioJson(m))).not.toContain('null');
  });
});
