/**
 * Label placement by bounding boxes: a text's box from the chart's width
 * estimate (`textWidth`), and the first candidate position whose box stays
 * inside the bounds and clear of every obstacle. The timeline's marker labels
 * and milestone names use it; each placed label becomes an obstacle for the
 * next, so labels never overlap (greedy, in the order given).
 */
import { round, textWidth } from './time-scale.ts';

/** An axis-aligned box in chart units: x0 < x1, y0 < y1. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** True when the boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Above the baseline: ascenders and capitals; below it: descenders. */
const ASCENT = 0.8;
const DESCENT = 0.25;
/** The width estimate is per character; 10% more keeps real glyphs inside the box. */
const WIDTH_MARGIN = 1.1;

/** The estimated width of a label, with the margin its box uses. */
export function labelWidth(text: string, fontSize: number, bold = false): number {
  return round(textWidth(text, fontSize) * WIDTH_MARGIN * (bold ? 1.1 : 1));
}

/** The box of a text drawn at (x, baseline y) with this anchor. */
export function textBox(text: string, x: number, y: number, anchor: 'start' | 'end', fontSize: number, bold = false): Box {
  const w = labelWidth(text, fontSize, bold);
  const x0 = anchor === 'start' ? x : x - w;
  return { x0: round(x0), y0: round(y - fontSize * ASCENT), x1: round(x0 + w), y1: round(y + fontSize * DESCENT) };
}

/** A vertical line (or thin mark) from y0 to y1 as an obstacle `pad` wide either side. */
export function lineBox(x: number, y0: number, y1: number, pad = 1): Box {
  return { x0: round(x - pad), y0, x1: round(x + pad), y1 };
}

export interface LabelCandidate {
  text: string;
  x: number;
  anchor: 'start' | 'end';
}

export interface PlacedLabel extends LabelCandidate {
  y: number;
  box: Box;
}

/**
 * The first candidate, drawn at baseline `y`, whose box lies within
 * `bounds` (x only) and overlaps no obstacle; undefined when none does.
 * Linear in the obstacles per candidate.
 */
export function placeLabel(
  candidates: readonly LabelCandidate[],
  y: number,
  fontSize: number,
  obstacles: readonly Box[],
  bounds: { x0: number; x1: number },
  bold = false,
): PlacedLabel | undefined {
  for (const c of candidates) {
    const box = textBox(c.text, c.x, y, c.anchor, fontSize, bold);
    if (box.x0 < bounds.x0 || box.x1 > bounds.x1) continue;
    if (obstacles.some((o) => overlaps(o, box))) continue;
    return { ...c, y, box };
  }
  return undefined;
}

/**
 * The room to the right of `x` on the row `y0`–`y1` before the nearest
 * obstacle or the bound: how wide a label starting at `x` may be.
 */
export function roomRight(x: number, y0: number, y1: number, obstacles: readonly Box[], x1: number): number {
  let limit = x1;
  for (const o of obstacles) if (o.y0 < y1 && y0 < o.y1 && o.x1 > x && o.x0 < limit) limit = Math.max(x, o.x0);
  return limit - x;
}
