/** Which commits are samples (periods, the as-of period, max_samples) and the slip flag's window, on plain lists. */
import { describe, expect, it } from 'vitest';
import { dayOfIso, keepsSlipping, periodOf, pickSamples, slipRecords, type HistorySample } from '../../src/core/history/index.ts';
import { loadPortfolio } from '../../src/core/load.ts';

describe('history in portfolio.yaml', () => {
  const check = (yaml: string) => loadPortfolio([{ path: 'portfolio.yaml', text: `title: T\n${yaml}` }]);

  it('defaults to monthly reviews, 24 kept', () => {
    expect(check('').input!.settings.history).toEqual({ every: 'month', max_samples: 24 });
    expect(check('history: { every: quarter }').input!.settings.history).toEqual({ every: 'quarter', max_samples: 24 });
  });

  it('check names a bad period, too few samples and an unknown field, each at its field', () => {
    const { input, diagnostics } = check('history:\n  every: fortnight\n  max_samples: 1\n  keep: 3\n');
    expect(input).toBeUndefined();
    expect(diagnostics.map((d) => [d.field, d.severity, d.line])).toEqual([
      ['history.every', 'error', 3],
      ['history.max_samples', 'error', 4],
      ['history.keep', 'warning', 5],
    ]);
  });
});

const c = (commit: string, date: string) => ({ commit, date: `${date}T12:00:00Z` });

describe('pickSamples', () => {
  // git log order: newest first.
  const commits = [c('g', '2026-07-02'), c('f', '2026-06-30'), c('e', '2026-06-01'), c('d', '2026-04-15'), c('b', '2026-01-31'), c('a', '2026-01-02')];

  it('the last commit of each month before the as-of month, oldest first', () => {
    expect(pickSamples(commits, { every: 'month', maxSamples: 24, asOfDay: dayOfIso('2026-07-20') }).map((s) => s.commit)).toEqual(['b', 'd', 'f']);
  });

  it('keeps the newest max_samples − 1 (now is the last sample) and ignores commits after the as-of day', () => {
    expect(pickSamples(commits, { every: 'month', maxSamples: 3, asOfDay: dayOfIso('2026-07-20') }).map((s) => s.commit)).toEqual(['d', 'f']);
    expect(pickSamples(commits, { every: 'month', maxSamples: 24, asOfDay: dayOfIso('2026-06-10') }).map((s) => s.commit)).toEqual(['b', 'd']);
  });

  it('fiscal quarters and weeks', () => {
    // Fiscal year from April: Q4 is January to March, Q1 April to June.
    expect(pickSamples(commits, { every: 'quarter', maxSamples: 24, asOfDay: dayOfIso('2026-07-20'), fiscalYearStart: 4 }).map((s) => s.commit)).toEqual(['b', 'f']);
    expect(periodOf(dayOfIso('2026-06-29'), 'week')).toBe(periodOf(dayOfIso('2026-07-05'), 'week')); // Monday to Sunday
    expect(periodOf(dayOfIso('2026-07-05'), 'week')).not.toBe(periodOf(dayOfIso('2026-07-06'), 'week'));
    expect(pickSamples(commits, { every: 'week', maxSamples: 24, asOfDay: dayOfIso('2026-07-03') }).map((s) => s.commit)).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('slipRecords', () => {
  const sample = (ends: Record<string, string | undefined>): HistorySample => ({
    asOf: '2026-01-01',
    health: { green: 0, amber: 0, red: 0, none: 0 },
    conflicts: 0,
    slip: { total: 0, projects: 0 },
    backlog: 0,
    projects: Object.entries(ends).map(([id, end]) => ({ id, title: id, status: 'active', milestones: [], ...(end ? { end } : {}) })),
  });

  it('counts the last six reviews in which the end is known on both sides', () => {
    const ends = ['2026-01-01', '2026-01-02', '2026-01-02', '2026-01-05', '2026-01-04', '2026-01-09', '2026-01-10', '2026-01-11'];
    const samples = ends.map((e, i) => sample({ a: e, b: i < 6 ? undefined : '2026-05-01' }));
    const r = slipRecords(samples);
    expect(r.get('a')).toEqual({ slipped: 4, reviews: 6 });
    expect(r.get('b')).toEqual({ slipped: 0, reviews: 1 });
    expect(keepsSlipping(r.get('a'))).toBe(true);
    expect(keepsSlipping({ slipped: 1, reviews: 1 })).toBe(false);
    expect(keepsSlipping({ slipped: 2, reviews: 6 })).toBe(false);
  });
});
