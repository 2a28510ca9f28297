/**
 * Portfolio markers and named milestones on the timelines (issue 19): bands
 * and lines that take no row, labels that never overlap each other, the as-of
 * label, the axis labels or the marks on a bar, and internal markers that
 * never reach a public view.
 */
import { describe, expect, it } from 'vitest';
import { overlaps, type Box } from '../../src/charts/label-boxes.ts';
import { milestoneStrip } from '../../src/charts/roadmap-views.ts';
import { buildTimeline, labelBoxes, type TimelineView } from '../../src/charts/timeline.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolio, project } from '../core/fixtures.ts';
import { NORTHWIND_MARKERS, northwindMini } from './fixtures.ts';

/** Every pair of label boxes that overlaps, named. */
function collisions(view: TimelineView): string[] {
  const boxes = labelBoxes(view);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) if (overlaps(boxes[i].box, boxes[j].box)) out.push(`${boxes[i].what} × ${boxes[j].what}`);
  return out;
}

// Six markers within two months of the as-of day: more than the label row holds.
const CROWDED = [
  ...NORTHWIND_MARKERS,
  { name: 'Architecture board', date: '2026-11-20', kind: 'board' as const },
  { name: 'Release train 26.4', date: '2026-11-26', kind: 'release' as const },
  { name: 'Audit committee', date: '2026-12-02', kind: 'board' as const },
  { name: 'Winter pressures period', from: '2026-12-01', to: '2027-02-28', kind: 'freeze' as const },
  { name: 'Cyber exercise', date: '2026-12-09' },
];

describe('portfolio markers on the timeline', () => {
  it('take no row: the chart and its lanes keep their height and places', () => {
    const plain = buildTimeline(northwindMini());
    for (const markers of [NORTHWIND_MARKERS, CROWDED]) {
      const marked = buildTimeline(northwindMini({ markers }));
      expect(marked.markers.length).toBeGreaterThan(0);
      expect(marked.height).toBe(plain.height);
      expect(marked.lanes.map((l) => [l.y, l.height])).toEqual(plain.lanes.map((l) => [l.y, l.height]));
    }
  });

  it('draw a period as a band and a date as a line over the plot, leaving off those outside the window', () => {
    const view = buildTimeline(northwindMini({ markers: NORTHWIND_MARKERS }), undefined, { window: true });
    expect(view.markers.map((m) => [m.name, m.period, m.number])).toEqual([
      ['SENTINEL-MARKER internal release', false, 1],
      ['Year-end change freeze', true, 2],
      ['Investment board', false, 3],
    ]);
    const [, freeze, board] = view.markers;
    expect(freeze.width).toBeGreaterThan(10); // 22 days
    expect(board.width).toBe(0);
    for (const m of view.markers) expect([m.y1, m.y2]).toEqual([view.asOf.y1, view.height]);
    expect(board.text).toBe('Investment board: 10\u00a0Feb\u00a02027 (board date)');
    expect(view.markerKinds.map((k) => [k.kind, k.period, k.line])).toEqual([
      ['freeze', true, false],
      ['board', false, true],
      ['release', false, true],
    ]);
  });

  it('never overlap each other, the as-of label or the axis labels; crowded ones are cut or numbered, the name kept', () => {
    for (const grouping of ['program', 'goal', 'status'] as const) {
      for (const window of [true, false]) {
        const view = buildTimeline(northwindMini({ markers: CROWDED }), undefined, { grouping, window });
        expect(collisions(view), `${grouping} ${window}`).toEqual([]);
      }
    }
    const view = buildTimeline(northwindMini({ markers: CROWDED }), undefined, { window: true });
    const short = view.markers.filter((m) => m.label?.short);
    expect(short.length).toBeGreaterThan(0);
    for (const m of short) expect(m.label!.text === String(m.number) || (m.label!.text.endsWith('…') && m.name.startsWith(m.label!.text.slice(0, -1).trimEnd()))).toBe(true);
    // A label up in the axis is tied to its marker by a tick down to the plot.
    for (const m of view.markers) if (m.label && m.label.y < view.asOf.labelY) expect(m.tick).toEqual({ x: m.x, y1: expect.any(Number), y2: view.asOf.y1 });
  });

  it('an internal marker is in no public view, nor in the strip', () => {
    const model = northwindMini({ markers: NORTHWIND_MARKERS, audience: 'public' });
    const view = buildTimeline(model, undefined, { window: true });
    expect(JSON.stringify(view)).not.toContain('SENTINEL-MARKER');
    expect(JSON.stringify(milestoneStrip(model, model.byId.projects.get('portal')!))).not.toContain('SENTINEL-MARKER');
    const internal = northwindMini({ markers: NORTHWIND_MARKERS });
    expect(JSON.stringify(buildTimeline(internal, undefined, { window: true }))).toContain('SENTINEL-MARKER');
  });
});

describe('named milestones on the bars', () => {
  const view = buildTimeline(northwindMini({ markers: CROWDED }));
  // Milestones a fortnight apart on a two-year bar: long names do not fit between them.
  const dense = buildTimeline(
    buildModel(
      portfolio({
        projects: [
          project('dense', {
            title: 'Dense',
            start: '2026-01-01',
            end: '2027-12-31',
            milestones: [
              { name: 'Kick-off', date: '2026-03-01' },
              { name: 'Business case signed off by the board', date: '2026-06-01' },
              { name: 'Supplier contract awarded after dialogue', date: '2026-06-15' },
              { name: 'Data migration rehearsal complete', date: '2026-06-29' },
              { name: 'Go-live', date: '2027-06-30' },
            ],
          }),
        ],
      }),
      { audience: 'public', asOf: '2026-11-15' },
    ),
  );

  it('names a milestone where its name fits, else numbers it with a key under the lane', () => {
    const bar = dense.lanes[0].bars[0];
    // The middle of three diamonds 14 days apart has no room even for a number (its tooltip and the table name it);
    // the last one's name would run into the as-of line.
    expect(bar.milestones.map((m) => m.label?.text)).toEqual(['Kick-off', '1', undefined, '2', 'Go-live']);
    expect(dense.lanes[0].milestoneKey?.entries.map((e) => [e.number, e.name])).toEqual([
      [1, 'Business case signed off by the board'],
      [2, 'Data migration rehearsal complete'],
    ]);
    expect(dense.lanes[0].milestoneKey?.lines.map((l) => l.text)).toEqual(['1 Business case signed off by the board · 2 Data migration rehearsal complete']);
    // The key is under the bars, inside the lane.
    const key = dense.lanes[0].milestoneKey!;
    expect(key.lines[0].y).toBeGreaterThan(bar.rowY + bar.hit.height);
    expect(key.lines.at(-1)!.y).toBeLessThan(dense.lanes[0].y + dense.lanes[0].height);
    expect(collisions(dense)).toEqual([]);
  });

  it('keeps names and numbers clear of each other, the diamonds, the as-of line and the note', () => {
    expect(collisions(view)).toEqual([]);
    for (const bar of [...view.lanes, ...dense.lanes].flatMap((l) => l.bars)) {
      const marks: Box[] = bar.milestones.flatMap((m) => [
        { x0: m.x - 5, y0: m.y - 5, x1: m.x + 5, y1: m.y + 5 },
        ...(m.baseline ? [{ x0: m.baseline.x - 5, y0: m.y - 5, x1: m.baseline.x + 5, y1: m.y + 5 }] : []),
      ]);
      marks.push({ x0: view.asOf.x - 1, y0: bar.rowY, x1: view.asOf.x + 1, y1: bar.rowY + bar.hit.height });
      for (const m of bar.milestones) if (m.label) for (const b of marks) expect(overlaps(m.label.box, b), `${bar.id}/${m.name}`).toBe(false);
    }
  });

  it('a lane whose milestones all fit by name has no key and no extra height', () => {
    const few = buildTimeline(northwindMini(), undefined, { grouping: 'status' });
    const cancelled = few.lanes.find((l) => l.key === 'status:cancelled')!;
    expect(cancelled.bars[0].milestones[0].label?.text).toBe('Roll-out');
    expect(cancelled.milestoneKey).toBeUndefined();
    expect(cancelled.height).toBe(26 + 24);
  });
});

describe('portfolio markers on the milestone strip', () => {
  const model = northwindMini({ markers: CROWDED });
  const strip = milestoneStrip(model, model.byId.projects.get('portal')!)!;

  it('take no row and keep their labels clear of each other, the diamonds, the quarter labels and the as-of line', () => {
    const plain = northwindMini();
    expect(strip.height).toBe(milestoneStrip(plain, plain.byId.projects.get('portal')!)!.height);
    expect(strip.markers.length).toBe(CROWDED.length - 2); // all but 'Long ago' and 'Far future', outside the project's quarters
    const boxes: Box[] = [
      ...strip.milestones.map((m) => ({ x0: m.x - 6, y0: strip.lineY - 6, x1: m.x + 6, y1: strip.lineY + 6 })),
      { x0: strip.asOf.x - 1, y0: strip.asOf.y1, x1: strip.asOf.x + 1, y1: strip.asOf.y2 },
    ];
    const labels = strip.markers.flatMap((m) => (m.label ? [m.label.box] : []));
    expect(labels.length).toBeGreaterThan(2);
    for (const [i, a] of labels.entries()) {
      for (const b of boxes) expect(overlaps(a, b)).toBe(false);
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    expect(strip.description).toContain('Portfolio dates: ');
  });
});
