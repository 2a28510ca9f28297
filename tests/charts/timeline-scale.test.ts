import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  axisLabelWidth,
  axisLevels,
  defaultWindow,
  fiscalYearLabel,
  fitRange,
  quarterBounds,
  textWidth,
  timeAxis,
  truncate,
  wrapText,
} from '../../src/charts/time-scale.ts';
import { dayFromParts, dayToIso, endDay, quarterOf, quartersBetween, startDay } from '../../src/core/dates.ts';

const d = (iso: string) => startDay(iso);

describe('fiscal quarters (fiscal year starting in April)', () => {
  it('bounds each quarter of FY2026 from April 2026 to March 2027', () => {
    const iso = (q: number) => {
      const b = quarterBounds(2026, q, 4);
      return [dayToIso(b.first), dayToIso(b.last)];
    };
    expect(iso(1)).toEqual(['2026-04-01', '2026-06-30']);
    expect(iso(2)).toEqual(['2026-07-01', '2026-09-30']);
    expect(iso(3)).toEqual(['2026-10-01', '2026-12-31']);
    // Q4 crosses the calendar year end.
    expect(iso(4)).toEqual(['2027-01-01', '2027-03-31']);
  });

  it('puts January to March in the previous fiscal year', () => {
    expect(quarterOf(d('2027-02-10'), 4)).toEqual({ fy: 2026, q: 4 });
    expect(quarterOf(d('2027-04-01'), 4)).toEqual({ fy: 2027, q: 1 });
    expect(quarterOf(d('2026-03-31'), 4)).toEqual({ fy: 2025, q: 4 });
  });

  it('counts quarters across the year end', () => {
    expect(quartersBetween(d('2026-11-15'), d('2027-05-01'), 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(addQuarters(2026, 3, 2)).toEqual({ fy: 2027, q: 1 });
    expect(addQuarters(2026, 4, 1)).toEqual({ fy: 2027, q: 1 });
    expect(addQuarters(2026, 1, -1)).toEqual({ fy: 2025, q: 4 });
  });

  it('reads a quarter or month date as its first day when a start and its last day when an end', () => {
    expect(dayToIso(startDay('2026-Q4', 4))).toBe('2027-01-01');
    expect(dayToIso(endDay('2026-Q4', 4))).toBe('2027-03-31');
    expect(dayToIso(startDay('2027-02'))).toBe('2027-02-01');
    expect(dayToIso(endDay('2027-02'))).toBe('2027-02-28');
    expect(dayToIso(endDay('2028-02'))).toBe('2028-02-29');
  });

  it('names fiscal years by the year they start, with both years when they span two', () => {
    expect(fiscalYearLabel(2026, 4)).toBe('FY2026/27');
    expect(fiscalYearLabel(2099, 4)).toBe('FY2099/00');
    expect(fiscalYearLabel(2026, 1)).toBe('FY2026');
  });
});

describe('fitRange', () => {
  it('widens to whole fiscal quarters and always includes the as-of day', () => {
    const r = fitRange([d('2026-05-10'), undefined, d('2026-08-20')], d('2026-11-15'), 4);
    expect([dayToIso(r.from), dayToIso(r.to)]).toEqual(['2026-04-01', '2026-12-31']);
    const before = fitRange([d('2027-02-01')], d('2026-11-15'), 4);
    expect([dayToIso(before.from), dayToIso(before.to)]).toEqual(['2026-10-01', '2027-03-31']);
  });

  it('is the as-of quarter when there are no dates', () => {
    const r = fitRange([], d('2026-11-15'), 1);
    expect([dayToIso(r.from), dayToIso(r.to)]).toEqual(['2026-10-01', '2026-12-31']);
  });
});

describe('timeAxis', () => {
  // FY2026 (Apr 2026 – Mar 2027) over 0..365 units: one unit per day.
  const axis = timeAxis(dayFromParts(2026, 4, 1), dayFromParts(2027, 3, 31), 0, 365, 4);

  it('maps days linearly, a day end to the next day start, and clamps outside the range', () => {
    expect(axis.x(dayFromParts(2026, 4, 1))).toBe(0);
    expect(axis.xEnd(dayFromParts(2026, 4, 1))).toBe(1);
    expect(axis.x(dayFromParts(2026, 10, 1))).toBe(183);
    expect(axis.xEnd(dayFromParts(2027, 3, 31))).toBe(365);
    expect(axis.x(dayFromParts(2020, 1, 1))).toBe(0);
    expect(axis.x(dayFromParts(2030, 1, 1))).toBe(365);
  });

  it('has twelve months, four fiscal quarters and one fiscal year', () => {
    expect(axis.months.map((m) => m.label)).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    expect(axis.months[10]).toMatchObject({ x: 306, width: 28, clipped: false });
    expect(axis.quarters.map((q) => [q.label, q.x, q.width])).toEqual([
      ['Q1', 0, 91],
      ['Q2', 91, 92],
      ['Q3', 183, 92],
      ['Q4', 275, 90],
    ]);
    expect(axis.years.map((y) => [y.label, y.x, y.width])).toEqual([['FY2026/27', 0, 365]]);
  });

  it('clips bands to a range that starts mid-quarter', () => {
    const a = timeAxis(dayFromParts(2026, 5, 1), dayFromParts(2026, 7, 31), 0, 92, 4);
    expect(a.quarters.map((q) => [q.label, dayToIso(q.first), dayToIso(q.last)])).toEqual([
      ['Q1', '2026-05-01', '2026-06-30'],
      ['Q2', '2026-07-01', '2026-07-31'],
    ]);
    expect(a.quarters.map((q) => q.clipped)).toEqual([true, true]);
  });
});

describe('label truncation (estimated widths, no DOM)', () => {
  it('estimates widths from the characters', () => {
    expect(textWidth('ill', 10)).toBe(9.6);
    expect(textWidth('MW', 10)).toBe(18);
    expect(textWidth('Ab1', 10)).toBe(18.1);
  });

  it('keeps a title that fits and cuts a long one at a word with an ellipsis', () => {
    expect(truncate('EPR Upgrade', 200, 12)).toEqual({ text: 'EPR Upgrade', truncated: false });
    const cut = truncate('Electronic Prescribing and Medicines Administration', 160, 12);
    // The longest prefix that fits is "Electronic Prescribing an"; it backs off to the word.
    expect(cut).toEqual({ text: 'Electronic Prescribing…', truncated: true });
    expect(textWidth(cut.text, 12)).toBeLessThanOrEqual(160);
  });

  it('is deterministic and always fits, even for one long word', () => {
    const word = 'x'.repeat(80);
    const a = truncate(word, 100, 12);
    expect(a).toEqual(truncate(word, 100, 12));
    expect(a.text.endsWith('…')).toBe(true);
    expect(textWidth(a.text, 12)).toBeLessThanOrEqual(100);
    expect(a.text.length).toBe(15); // 14 × 6.6 + 3.84 = 96.24 ≤ 100
  });
});

describe('axisLevels: the rows an axis shows, by pixels per month', () => {
  // The roadmap's plot: 1100 px wide, a 260 px name column, 12 px right margin.
  const PLOT = [260, 1088] as const;
  const spans: [number, number, number][] = [
    [1, 2026, 4],
    [3, 2025, 4],
    [7, 2023, 4],
    [20, 2015, 4],
    [70, 1997, 4],
    [70, 1997, 1],
  ];

  for (const [years, startYear, fys] of spans) {
    it(`never overlaps two labels of a row over ${years} year(s) (fiscal year from month ${fys})`, () => {
      const axis = timeAxis(dayFromParts(startYear, fys, 1), dayFromParts(startYear + years, fys, 1) - 1, PLOT[0], PLOT[1], fys);
      const levels = axisLevels(axis, fys);
      expect(levels[0].key).toBe('years');
      for (const level of levels) {
        const drawn = level.bands.filter((b) => b.text);
        expect(drawn.length, level.key).toBeGreaterThan(0);
        for (const b of drawn) {
          // inside its band, with the pad either side
          expect(b.x + 4 + axisLabelWidth(b.text, level.fontSize)).toBeLessThanOrEqual(b.x + b.width - 8 + 0.01);
          // readable names: never a bare "FY", never one-letter months
          expect(b.text).not.toMatch(/^FY$/);
          if (level.key === 'months') expect(b.text).toMatch(/^[A-Z][a-z]{2}$/);
          if (level.key === 'quarters') expect(b.text).toMatch(/^Q[1-4]$/);
        }
        for (let i = 1; i < drawn.length; i += 1) {
          const prevEnd = drawn[i - 1].x + 4 + axisLabelWidth(drawn[i - 1].text, level.fontSize);
          expect(drawn[i].x + 4, `${level.key} ${drawn[i - 1].text} / ${drawn[i].text}`).toBeGreaterThan(prevEnd);
        }
      }
    });
  }

  it('shows months at one year, quarters at three, fiscal years at seven, steps of 5 years over decades', () => {
    const keys = (years: number, startYear: number) => {
      const axis = timeAxis(dayFromParts(startYear, 4, 1), dayFromParts(startYear + years, 4, 1) - 1, PLOT[0], PLOT[1], 4);
      return axisLevels(axis, 4).map((l) => `${l.key}${l.key === 'years' ? `/${l.step}` : ''}`);
    };
    expect(keys(1, 2026)).toEqual(['years/1', 'quarters', 'months']);
    expect(keys(3, 2025)).toEqual(['years/1', 'quarters']);
    expect(keys(7, 2023)).toEqual(['years/1', 'quarters']);
    expect(keys(20, 2015)).toEqual(['years/5']);
    expect(keys(70, 1997)).toEqual(['years/5']);
  });

  it('names fiscal years in full when they fit, short (FY26/27) when not', () => {
    const axis = timeAxis(dayFromParts(2020, 4, 1), dayFromParts(2032, 4, 1) - 1, 0, 950, 4);
    const [years] = axisLevels(axis, 4);
    expect(years.step).toBe(1);
    expect(years.bands[0].text).toBe('FY20/21');
  });
});

describe('defaultWindow', () => {
  it('runs from the quarter a year before the as-of day to the end of the quarter three years after', () => {
    const w = defaultWindow(d('2026-11-15'), 4);
    expect([dayToIso(w.from), dayToIso(w.to)]).toEqual(['2025-10-01', '2029-12-31']);
  });
});

describe('wrapText', () => {
  it('wraps at words into two lines before cutting the second with an ellipsis', () => {
    expect(wrapText('EPR Upgrade', 200, 12)).toEqual({ lines: ['EPR Upgrade'], truncated: false });
    const w = wrapText('New Style of Information Management and Records Transformation Programme', 200, 12);
    expect(w.lines).toHaveLength(2);
    expect(w.lines[0]).toBe('New Style of Information');
    expect(w.truncated).toBe(true);
    expect(w.lines[1].endsWith('…')).toBe(true);
    for (const l of w.lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(200);
  });

  it('keeps room for a suffix on the last line', () => {
    const w = wrapText('New Style of Information Management and Records Transformation Programme', 200, 12, 2, ' · nsoi-2');
    expect(w.lines[1].endsWith('… · nsoi-2')).toBe(true);
    expect(textWidth(w.lines[1], 12)).toBeLessThanOrEqual(200);
  });
});
