import { describe, expect, it } from 'vitest';
import { groupedBars, miniBar } from '../../src/charts/bars.ts';

const money = (n: number) => `£${n}`;

describe('groupedBars', () => {
  const chart = groupedBars(
    [
      { key: '2026-Q1', label: '2026-Q1', values: [400, 450] },
      { key: '2026-Q2', label: 'Vendor <b>&</b>', values: [600, 0] },
    ],
    [
      { name: 'Planned', className: 'series-0' },
      { name: 'Actual', className: 'series-1' },
    ],
    { format: money, width: 400, labelWidth: 100 },
  );

  it('scales bars to the largest value on a nice axis', () => {
    // domain [0, 600] → range [100, 314]: 600 is the full 214 px
    expect(chart.rows[1].bars[0].width).toBe(214);
    expect(chart.rows[0].bars[0].width).toBeCloseTo((400 / 600) * 214, 1);
    expect(chart.rows[1].bars[1].width).toBe(0);
    expect(chart.rows[0].bars[1].title).toBe('2026-Q1, Actual: £450');
    expect(chart.ticks.map((t) => t.text)).toEqual(['£0', '£200', '£400', '£600']);
    // labels are data, not markup
    expect(chart.rows[1].label).toBe('Vendor <b>&</b>');
  });

  it('matches the snapshot (fixture: two quarters, planned vs actual)', async () => {
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
