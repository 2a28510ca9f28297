/**
 * A tall timeline on paper: printed as slices of whole rows, each under its
 * own copy of the axis (the page draws the slices as <use> of the chart, so
 * they cost a few hundred bytes, not a second chart). A cut falls at a lane's
 * top or between two bars of a lane, never through a bar or between a lane's
 * label and its first bar. Heights are in chart units: the chart prints at the
 * sheet's width, which leaves ~780 units of height on a Letter and ~720 on an
 * A4 landscape sheet (10 mm margins) for the axis and a slice. The first slice
 * shares the first sheet with the title, the summary and the legend.
 */
import type { TimelineView } from './timeline.ts';

export interface PrintSlices {
  /** Height of the axis above the first lane, repeated over every slice. */
  axisHeight: number;
  slices: { y: number; height: number }[];
}

export const PRINT_SLICE = { first: 200, rest: 660 } as const;

export function printSlices(view: Pick<TimelineView, 'lanes' | 'height'>, limits: { first: number; rest: number } = PRINT_SLICE): PrintSlices {
  const top = view.lanes[0]?.y ?? 0;
  const cuts = new Set<number>([view.height]);
  for (const lane of view.lanes) {
    cuts.add(lane.y);
    for (const bar of lane.bars.slice(1)) cuts.add(bar.hit.y);
  }
  const sorted = [...cuts].filter((c) => c > top && c <= view.height).sort((a, b) => a - b);
  const slices: PrintSlices['slices'] = [];
  let start = top;
  let last = top;
  for (const cut of sorted) {
    const max = slices.length === 0 ? limits.first : limits.rest;
    if (cut - start > max && last > start) {
      slices.push({ y: start, height: last - start });
      start = last;
    }
    last = cut;
  }
  if (view.height > start) slices.push({ y: start, height: view.height - start });
  return { axisHeight: top, slices };
}
