/**
 * The timeline legend's swatches as geometry (TimelineLegend.astro draws
 * them): the chart's own mark sizes, diamonds and patterns in small boxes.
 */
import { arrowHead } from './timeline-arrows.ts';
import { HEALTH_PATTERNS, TIMELINE_MARKS as M, diamond } from './timeline.ts';

// Legend swatch boxes: a bar-sized one and a narrow one for a single milestone.
const SWATCH = { width: 30, height: 14 };
const MS_SWATCH = { width: 16, height: 14, cx: 8, cy: 7 };

/**
 * The timeline legend's swatches, drawn with the chart's own bar height,
 * corner radius, diamond sizes, baseline and overdue heights and patterns, so
 * the key matches the marks.
 */
export const TIMELINE_LEGEND = {
  swatch: SWATCH,
  msSwatch: MS_SWATCH,
  asOfSwatch: { width: 12, height: 14 },
  bar: { x: 1, y: 1, width: SWATCH.width - 2, height: M.barHeight, rx: M.barRadius },
  progressWidth: (SWATCH.width - 2) / 2,
  baseline: { x: 1, y: 9, width: 20, height: M.baselineHeight, tickX: 21, tickY1: 2, tickY2: 13 },
  milestone: diamond(MS_SWATCH.cx, MS_SWATCH.cy, M.diamond),
  milestoneBaseline: diamond(MS_SWATCH.cx, MS_SWATCH.cy, M.baselineDiamond),
  lateCross: { x1: MS_SWATCH.cx - M.lateCross, x2: MS_SWATCH.cx + M.lateCross, y: MS_SWATCH.cy },
  overdue: { x: 1, y: 5, width: SWATCH.width - 2, height: M.overdueGapHeight },
  /** The confidence whisker (P50 to P95) after a bar's end. */
  whisker: { bar: { x: 1, y: 1, width: 12, height: M.barHeight, rx: M.barRadius }, path: `M9 7H29M9 ${7 - M.whiskerTick}V${7 + M.whiskerTick}M29 ${7 - M.whiskerTick}V${7 + M.whiskerTick}` },
  asOf: { x: 6, y1: 0, y2: 14 },
  /** A portfolio marker: a band (period) and/or a line (date). */
  marker: { width: 16, height: 14, band: { x: 2, width: 10 }, lineX: 12 },
  patterns: HEALTH_PATTERNS,
  /** A dependency arrow, drawn with the chart's arrowhead. */
  arrow: { width: 30, height: 14, path: 'M1 7H24', head: arrowHead([[1, 7], [29, 7]]) },
} as const;

