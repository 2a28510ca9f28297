import { describe, expect, it } from 'vitest';
import { printSlices } from '../../src/charts/timeline-print.ts';

// Lanes as the timeline draws them: a label row, then bars 24 high; only y, height and the bars' hit rows matter here.
function lane(y: number, bars: number) {
  return { y, height: 30 + bars * 24, bars: Array.from({ length: bars }, (_, i) => ({ hit: { y: y + 30 + i * 24, height: 24 } })) };
}
const view = (lanes: ReturnType<typeof lane>[]) => ({ lanes, height: lanes.at(-1)!.y + lanes.at(-1)!.height + 10 }) as unknown as Parameters<typeof printSlices>[0];

describe('printSlices: a tall chart on paper', () => {
  it('cuts at lane tops or between bars, never a slice over its limit, the first lower; together they cover the chart below the axis', () => {
    const v = view([lane(54, 10), lane(324, 30), lane(1074, 3), lane(1176, 12)]);
    const { axisHeight, slices } = printSlices(v, { first: 300, rest: 400 });
    expect(axisHeight).toBe(54);
    expect(slices[0]!.height).toBeLessThanOrEqual(300);
    for (const s of slices.slice(1)) expect(s.height).toBeLessThanOrEqual(400);
    expect(slices[0]!.y).toBe(54);
    for (let i = 1; i < slices.length; i += 1) expect(slices[i]!.y).toBe(slices[i - 1]!.y + slices[i - 1]!.height);
    expect(slices.at(-1)!.y + slices.at(-1)!.height).toBe(v.height);
    const cuts = new Set(v.lanes.flatMap((l) => [l.y, ...l.bars.slice(1).map((b) => b.hit.y)]));
    for (const s of slices.slice(1)) expect(cuts.has(s.y), `cut at ${s.y}`).toBe(true);
  });

  it('keeps a lane label with its first bar, and a short chart in one slice', () => {
    const { slices } = printSlices(view([lane(54, 2), lane(132, 2)]), { first: 300, rest: 400 });
    expect(slices).toEqual([{ y: 54, height: 166 }]);
    // The second lane (label at 132, first bar at 162) would overflow the first slice: the cut is at its top, not at 162.
    const two = printSlices(view([lane(54, 8), lane(276, 8)]), { first: 250, rest: 400 }).slices;
    expect(two.map((s) => s.y)).toEqual([54, 276]);
  });
});
