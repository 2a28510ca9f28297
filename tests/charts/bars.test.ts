import { describe, expect, it } from 'vitest';
import { groupedBars, miniBar } from '../../src/charts/bars.ts';

const money = (n: number) => `£${n}`;

describe('groupedBars', () => {
  const chart = groupedBars(
    [
      { key: '2026-Q1', label: '2026-Q1', values: [400, 450] },
      { key: '2026-Q2', label: 'Vendor <b>&</b>', values: [600, 0] },
      { key: '2027-Q1', label: '2027-Q1', values: [500, undefined] },
    ],
    [
      { name: 'Planned', className: 'series-0' },
      { name: 'Actual', className: 'series-1' },
    ],
    { format: money, labelWidth: 100 },
  );

  it('scales bars to the largest value on a nice axis, as shares of the plot width', () => {
    // domain [0, 600]: 600 fills the plot
    expect(chart.rows[1].bars[0].share).toBe(1);
    expect(chart.rows[0].bars[0].share).toBeCloseTo(400 / 600, 4);
    expect(chart.rows[1].bars[1].share).toBe(0);
    expect(chart.rows[1].bars[1].text).toBe('£0');
    expect(chart.rows[0].bars[1].title).toBe('2026-Q1, Actual: £450');
    expect(chart.ticks.map((t) => t.text)).toEqual(['£0', '£200', '£400', '£600']);
    expect(chart.ticks.map((t) => t.share)).toEqual([0, 0.3333, 0.6667, 1]);
    expect(chart.ticks.map((t) => t.inner)).toEqual([false, true, true, false]);
    expect(chart.labelWidth).toBe(100);
    // Without one, the label column is as wide as the longest label needs (170 px at most).
    const width = (label: string) => groupedBars([{ key: 'k', label, values: [1] }], [{ name: 'S', className: 'series-0' }], { format: money }).labelWidth;
    expect(width('2026-Q1')).toBe(56);
    expect(width('A vendor with a long name that goes on and on')).toBe(170);
    // labels are data, not markup
    expect(chart.rows[1].label).toBe('Vendor <b>&</b>');
  });

  it('shows an unknown value as "—" with no bar (a quarter whose actual is not reported yet), not as 0', () => {
    const future = chart.rows[2].bars[1];
    expect(future.text).toBe('—');
    expect(future.share).toBe(0);
    expect(future.title).toBe('2027-Q1, Actual: not known');
  });

  it('matches the snapshot (fixture: three quarters, planned vs actual)', async () => {
    await expect(JSON.stringify(chart, null, 2)).toMatchFileSnapshot('__snapshots__/bars.budget-two-quarters.json');
  });
});

describe('miniBar', () => {
  it('fills value / max of the width, clamped', () => {
    expect(miniBar(30, 30, 't')).toEqual({ width: 80, height: 10, barWidth: 80, title: 't' });
    expect(miniBar(15, 30, 't').barWidth).toBe(40);
    expect(miniBar(50, 30, 't').barWidth).toBe(80);
    expect(miniBar(-1, 30, 't').barWidth).toBe(0);
    expect(miniBar(0, 0, 't').barWidth).toBe(0);
  });
});
