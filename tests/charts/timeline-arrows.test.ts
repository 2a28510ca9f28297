import { describe, expect, it } from 'vitest';
import { overlaps, textBox, type Box } from '../../src/charts/label-boxes.ts';
import { ARROWS_PER_LANE, freeColumn, routeBoxes, type ArrowRow } from '../../src/charts/timeline-arrows.ts';
import { buildTimeline, labelBoxes, type TimelineArrow, type TimelineBar, type TimelineView } from '../../src/charts/timeline.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';
import { dependencyWeb } from './fixtures.ts';

const view = buildTimeline(dependencyWeb());
const lane = (key: string) => view.lanes.find((l) => l.key === key)!;
const core = lane('program:core');
const bar = (id: string): TimelineBar => view.lanes.flatMap((l) => l.bars).find((b) => b.id === id)!;
const arrow = (from: string, to: string): TimelineArrow => view.lanes.flatMap((l) => l.arrows).find((a) => a.from === from && a.to === to)!;
const cy = (b: TimelineBar) => b.y + b.height / 2;
const first = (a: TimelineArrow) => a.points[0];
const tip = (a: TimelineArrow) => a.points[a.points.length - 1];
const inflate = (b: TimelineBar, by: number): Box => ({ x0: b.x - by, y0: b.y - by, x1: b.x + b.width + by, y1: b.y + b.height + by });

/** Each segment of an arrow as a zero-width box (a line), with its index. */
function segments(a: TimelineArrow): { i: number; box: Box }[] {
  return a.points.slice(1).map(([x, y], i) => {
    const [px, py] = a.points[i];
    return { i, box: { x0: Math.min(x, px), y0: Math.min(y, py), x1: Math.max(x, px) + 0.01, y1: Math.max(y, py) + 0.01 } };
  });
}

describe('timeline dependency arrows (fixture dependency-web)', () => {
  it('starts on the upstream edge and ends on the dependent edge of its type', () => {
    const fs = arrow('design', 'build');
    expect(first(fs)[0]).toBeCloseTo(bar('design').x + bar('design').width - 2, 5); // just inside design's end
    expect(first(fs)[1]).toBe(bar('design').y + bar('design').height); // its bottom: build is below
    expect(tip(fs)).toEqual([bar('build').x, cy(bar('build'))]); // build's start

    const ss = arrow('design', 'pilot');
    expect(first(ss)[0]).toBeCloseTo(bar('design').x + 2, 5); // design's start
    expect(tip(ss)).toEqual([bar('pilot').x, cy(bar('pilot'))]);

    const ff = arrow('build', 'cutover');
    expect(first(ff)[0]).toBeCloseTo(bar('build').x + bar('build').width - 2, 5);
    expect(tip(ff)).toEqual([bar('cutover').x + bar('cutover').width, cy(bar('cutover'))]); // cut-over's end, from the right
    expect(tip(ff)[0]).toBeLessThan(ff.points[ff.points.length - 2][0]);

    const toMilestone = arrow('design', 'cutover');
    const go = bar('cutover').milestones.find((m) => m.name === 'Go decision')!;
    expect(tip(toMilestone)).toEqual([go.x - 5, cy(bar('cutover'))]); // the need_by diamond's left tip
  });

  it('runs upward when the upstream is drawn below, leaving its top edge', () => {
    const up = arrow('late', 'early');
    expect(core.bars.findIndex((b) => b.id === 'late')).toBeGreaterThan(core.bars.findIndex((b) => b.id === 'early'));
    expect(first(up)[1]).toBe(bar('late').y);
    expect(tip(up)).toEqual([bar('early').x, cy(bar('early'))]);
  });

  it('never passes through a bar (2 px wider) except its own two at their ends', () => {
    let checked = 0;
    for (const l of view.lanes) {
      for (const a of l.arrows) {
        const segs = segments(a);
        for (const b of l.bars) {
          for (const { i, box } of segs) {
            if (!overlaps(box, inflate(b, 2))) continue;
            const ownStart = b.id === a.from && i === 0;
            const ownEnd = b.id === a.to && i >= segs.length - 2;
            expect(ownStart || ownEnd, `${a.from}→${a.to} segment ${i} crosses ${b.id}`).toBe(true);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('crosses the rows between at a free column: the long platform bar is between design and pilot', () => {
    const ss = arrow('design', 'pilot');
    const platform = bar('platform');
    const vertical = segments(ss).filter(({ box }) => box.y0 < platform.y && box.y1 > platform.y + platform.height);
    expect(vertical).toHaveLength(1);
    expect(vertical[0].box.x0 < platform.x - 2 || vertical[0].box.x0 > platform.x + platform.width + 2).toBe(true);
  });

  it('draws a conflict red with its days late, and the critical chain', () => {
    const fs = arrow('design', 'build');
    expect(fs.state).toBe('conflict');
    expect(fs.label?.text).toBe('57 d late'); // design ends 2026-06-30, build starts 2026-05-04
    expect(fs.tooltip).toBe('Build waits on Design authority (infrastructure, finish to start); 57 days late');
    expect(bar('build').waitsOn).toEqual([{ id: 'design', title: 'Design authority', type: 'finish-to-start', state: 'conflict', daysLate: 57, drawn: 'arrow' }]);
    // Conflicts are drawn last, on top of the quiet ones.
    const states = core.arrows.map((a) => a.state);
    expect(states.lastIndexOf('quiet')).toBeLessThan(states.indexOf('conflict'));
    expect(view.arrowKinds).toEqual({ quiet: true, critical: expect.any(Boolean), conflict: true, stub: true });
  });

  it('ends an arrow from another lane or an undrawn project in a labelled stub', () => {
    const cross = arrow('design', 'reporting');
    expect(cross.stub).toBe(true);
    expect(tip(cross)).toEqual([bar('reporting').x, cy(bar('reporting'))]);
    expect(cross.points).toHaveLength(2);
    expect(cross.tooltip).toBe('Reporting waits on Design authority (data, finish to start); in another lane');
    expect(cross.label?.text).toMatch(/^from Design authority/);
    const undated = arrow('someday', 'training');
    expect(undated.stub).toBe(true);
    expect(undated.tooltip).toContain('; no dates yet');
    // Its only room is across the as-of line: a stub's label may cross it, a milestone's may not.
    expect(undated.label?.text).toBe('from Someday');
    expect(undated.label!.box.x0 < view.asOf.x && undated.label!.box.x1 > view.asOf.x).toBe(true);
    expect(bar('training').waitsOn[0].drawn).toBe('stub');
  });

  it('measures arrow labels bold, as .dep-label draws them, so a long stub label cannot run off the plot', () => {
    const labelled = view.lanes.flatMap((l) => l.arrows).filter((a) => a.label);
    expect(labelled.length).toBeGreaterThan(1);
    for (const a of labelled) expect(a.label!.box, `${a.from}→${a.to}`).toEqual(textBox(a.label!.text, a.label!.x, a.label!.y, a.label!.anchor, 11, true));
  });

  it('keeps milestone names and arrow labels clear of every arrow and of each other', () => {
    const labels = labelBoxes(view).filter((l) => l.what.startsWith('milestone') || l.what.startsWith('arrow'));
    expect(labels.some((l) => l.what.endsWith('A long milestone name beside the arrows'))).toBe(true);
    const arrowBoxes = view.lanes.flatMap((l) => l.arrows.flatMap((a) => routeBoxes(a.points, 1).map((box) => ({ a, box }))));
    for (const l of labels.filter((x) => x.what.startsWith('milestone'))) {
      for (const { a, box } of arrowBoxes) expect(overlaps(l.box, box), `${l.what} over ${a.from}→${a.to}`).toBe(false);
    }
    for (const [i, l] of labels.entries()) for (const m of labels.slice(i + 1)) expect(overlaps(l.box, m.box), `${l.what} / ${m.what}`).toBe(false);
  });

  it('draws no arrows when asked not to; with them, the table lists all 7 dependencies', () => {
    const bare = buildTimeline(dependencyWeb(), undefined, { arrows: false });
    expect(bare.lanes.flatMap((l) => l.arrows)).toEqual([]);
    expect(view.dependencies).toBe(7);
  });
});

describe('a lane with more dependencies than ARROWS_PER_LANE', () => {
  const n = ARROWS_PER_LANE + 1;
  const model = buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4 }),
      programs: [program('big')],
      projects: [
        project('hub', { program: 'big', start: '2026-01-05', end: '2026-03-31' }),
        ...Array.from({ length: n }, (_, i) =>
          project(`p${String(i).padStart(2, '0')}`, {
            program: 'big',
            start: i === 0 ? '2026-03-02' : '2026-04-06', // p00 starts before the hub ends: a conflict
            end: '2026-12-18',
            dependencies: [{ on: 'hub', kind: 'data' }],
          }),
        ),
      ],
    }),
    { audience: 'internal', asOf: '2026-11-15' },
  );
  const v: TimelineView = buildTimeline(model);
  const big = v.lanes[0];

  it('draws only conflicts and the critical chain, says so, and the table keeps every pair', () => {
    expect(big.arrows.every((a) => a.state !== 'quiet')).toBe(true);
    expect(big.arrows.some((a) => a.to === 'p00' && a.state === 'conflict')).toBe(true);
    expect(big.arrowsLimited).toEqual({ total: n, drawn: big.arrows.length });
    expect(v.arrowsLimited).toEqual([{ lane: 'Program big', total: n, drawn: big.arrows.length }]);
    expect(big.bars.flatMap((b) => b.waitsOn)).toHaveLength(n);
    expect(big.bars.flatMap((b) => b.waitsOn).filter((w) => w.drawn === 'off')).toHaveLength(n - big.arrows.length);
  });
});

describe('freeColumn', () => {
  const row = (x: number, width: number, soft: [number, number][] = []): ArrowRow => ({ id: 'r', rowY: 0, rowH: 24, x, width, y: 6, height: 12, milestones: [], soft });

  it('takes the wanted column when no bar is there, else the nearest gap between the ends', () => {
    expect(freeColumn([row(100, 50)], 300, 280, 300, 0, 1000)).toBe(300);
    expect(freeColumn([row(100, 300)], 200, 90, 200, 0, 1000)).toBeLessThan(97); // the gap before the bar, on the way
    expect(freeColumn([row(0, 1000)], 200, 100, 200, 0, 1000)).toBeUndefined();
  });

  it('goes round a note when that is short, and through it when the way round is long', () => {
    const x = freeColumn([row(100, 100, [[205, 260]])], 230, 210, 230, 0, 1000)!;
    expect(x < 205 - 3 || x > 260 + 3).toBe(true); // 30 px round beats crossing the note
    expect(freeColumn([row(20, 180, [[205, 600]])], 230, 210, 230, 0, 1000)).toBe(230); // 194 px round (left) or 373 (right) does not
  });
});
