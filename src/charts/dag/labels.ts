/**
 * Text in and around a dependency diagram, pure geometry: node text wrapped to
 * the box (estimated widths, src/charts/time-scale.ts), and edge labels placed
 * where nothing else is — not on their own arrow, another arrow, a box or
 * another label. Edges are read back from their SVG path strings (d3 writes
 * `M x,y` then cubic `C` segments), so the label test sees what is drawn.
 */
import { textWidth, wrapText } from '../time-scale.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Font sizes and line heights of node text (the component's CSS uses the same sizes), and how much wider than
 * the per-character estimate the text is drawn: measured in Chromium with DejaVu Sans (the widest common
 * sans-serif), the semi-bold title at most 1.24×, the subtitle 1.04×.
 */
export const NODE_FONT = { title: 11.5, sub: 10.5, titleLine: 14, subLine: 13, titleWeight: 1.25, subWeight: 1.05 } as const;
/** Node text box: inset left and right, first baseline from the top, gap from the title to the subtitle, space under the last baseline. */
export const NODE_PAD = { x: 8, first: 17, between: 16, bottom: 9 } as const;
/** Edge label: 11 px bold (1.22× the estimate, measured as the titles), its baseline 9 px below its top, 12 px tall; 2 px of halo each side. */
export const LABEL_FONT = { size: 11, weight: 1.25, ascent: 9, height: 12, halo: 2 } as const;

export interface NodeText {
  lines: { text: string; kind: 'title' | 'sub'; dy: number }[];
  /** Box height that holds the lines. */
  height: number;
  /** True when the title was cut (the full title is in the node's tooltip). */
  truncated: boolean;
}

/** Words longer than a line split into pieces that fit (only for titles that must be shown whole). */
function splitLongWords(text: string, maxWidth: number, fontSize: number): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => {
      if (textWidth(w, fontSize) <= maxWidth) return [w];
      const parts: string[] = [];
      let cur = '';
      for (const ch of w) {
        if (cur && textWidth(cur + ch, fontSize) > maxWidth) {
          parts.push(cur);
          cur = '';
        }
        cur += ch;
      }
      if (cur) parts.push(cur);
      return parts;
    })
    .join(' ');
}

/**
 * A node's title wrapped to at most `titleLines` lines of the box's inner width (then cut with "…"),
 * `Infinity` for the diagram's own project (never cut), and the subtitle in at most two lines; the box height follows.
 */
export function nodeText(title: string, sub: string, width: number, titleLines: number): NodeText {
  const inner = width - 2 * NODE_PAD.x;
  const titleFont = NODE_FONT.title * NODE_FONT.titleWeight;
  const t = wrapText(titleLines === Infinity ? splitLongWords(title, inner, titleFont) : title, inner, titleFont, titleLines);
  const s = wrapText(sub, inner, NODE_FONT.sub * NODE_FONT.subWeight, 2);
  const lines: NodeText['lines'] = [];
  let y = NODE_PAD.first;
  t.lines.forEach((text, i) => {
    if (i > 0) y += NODE_FONT.titleLine;
    lines.push({ text, kind: 'title', dy: y });
  });
  s.lines.forEach((text, i) => {
    y += i === 0 ? NODE_PAD.between : NODE_FONT.subLine;
    lines.push({ text, kind: 'sub', dy: y });
  });
  return { lines, height: y + NODE_PAD.bottom, truncated: t.truncated || s.truncated };
}

/** Width of an edge label's text (estimated, bold). */
export function labelWidth(text: string): number {
  return Math.ceil(textWidth(text, LABEL_FONT.size) * LABEL_FONT.weight);
}

/** The box an edge label covers, halo included, from its anchor (centre x, baseline y). */
export function labelBox(label: { x: number; y: number; text: string }): Rect {
  const w = labelWidth(label.text) + 2 * LABEL_FONT.halo;
  return { x: label.x - w / 2, y: label.y - LABEL_FONT.ascent - LABEL_FONT.halo, width: w, height: LABEL_FONT.height + 2 * LABEL_FONT.halo };
}

/** A path string of `M` and cubic `C` commands (as d3 and wrapRows write them) as a polyline, each cubic in `steps` pieces. */
export function pathPolyline(d: string, steps = 10): [number, number][] {
  const out: [number, number][] = [];
  const re = /([MC])([^MC]*)/g;
  let m: RegExpExecArray | null;
  let cur: [number, number] = [0, 0];
  while ((m = re.exec(d))) {
    const v = m[2].split(/[\s,]+/).filter(Boolean).map(Number);
    if (m[1] === 'M') {
      cur = [v[0], v[1]];
      out.push(cur);
    } else {
      for (let k = 0; k + 5 < v.length + 0; k += 6) {
        const [x1, y1, x2, y2, x3, y3] = v.slice(k, k + 6);
        const [x0, y0] = cur;
        for (let i = 1; i <= steps; i++) {
          const t = i / steps;
          const u = 1 - t;
          out.push([u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3]);
        }
        cur = [x3, y3];
      }
    }
  }
  return out;
}

/** Whether two rectangles overlap (touching is not overlapping). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether the segment p–q passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(p: readonly [number, number], q: readonly [number, number], r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const clip = (den: number, num: number) => {
    if (den === 0) return num < 0 ? false : true;
    const t = num / den;
    if (den < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  // Strictly inside: an edge that only touches the rectangle's border does not count.
  return clip(-dx, p[0] - r.x - 1e-6) && clip(dx, r.x + r.width - p[0] - 1e-6) && clip(-dy, p[1] - r.y - 1e-6) && clip(dy, r.y + r.height - p[1] - 1e-6) && t0 < t1;
}

/** A uniform grid of rectangles and segments, so a candidate label is tested against what is near it only. */
class Grid {
  private cells = new Map<number, { rects: Rect[]; segs: (readonly [number, number])[][] }>();
  private size: number;
  constructor(size: number) {
    this.size = size;
  }
  /** Cells covering x0..x1 × y0..y1 (drawings stay far below 65,536 cells a side). */
  private each(x0: number, y0: number, x1: number, y1: number, f: (key: number) => boolean | void): boolean {
    const s = this.size;
    for (let i = Math.floor(x0 / s); i <= Math.floor(x1 / s); i++) for (let j = Math.floor(y0 / s); j <= Math.floor(y1 / s); j++) if (f(i * 65536 + j) === false) return false;
    return true;
  }
  private cell(k: number) {
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { rects: [], segs: [] }));
    return c;
  }
  addRect(r: Rect): void {
    this.each(r.x, r.y, r.x + r.width, r.y + r.height, (k) => void this.cell(k).rects.push(r));
  }
  addSegment(p: readonly [number, number], q: readonly [number, number]): void {
    const seg = [p, q];
    this.each(Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1]), (k) => void this.cell(k).segs.push(seg));
  }
  free(r: Rect): boolean {
    return this.each(r.x, r.y, r.x + r.width, r.y + r.height, (k) => {
      const c = this.cells.get(k);
      if (!c) return true;
      for (const o of c.rects) if (rectsOverlap(o, r)) return false;
      for (const [p, q] of c.segs) if (segmentHitsRect(p, q, r)) return false;
      return true;
    });
  }
}

/** Where along its edge a label is tried, as fractions of the edge's length: the middle first, then out towards both ends. */
const ALONG = [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.88, 0.12, 0.94, 0.06];
/** Clearance between a label's box and the edge it is placed beside. */
const CLEAR = 1;
/** Height a label needs beside its edge: what a layout keeps free for it (src/charts/dag.ts `labelHeight`). */
export const LABEL_ROOM = LABEL_FONT.height + 2 * LABEL_FONT.halo + CLEAR;

/** A point at `f` of a polyline's length. */
function pointAlong(pts: readonly [number, number][], f: number): [number, number] {
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
  let want = total * f;
  for (let i = 1; i < pts.length; i++) {
    const len = Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    if (want <= len && len > 0) {
      const t = want / len;
      return [pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])];
    }
    want -= len;
  }
  return pts[pts.length - 1];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Edge labels placed clear of every box, every edge (their own included) and each other, inside the drawing:
 * for each label in turn, the room its layout kept for it (`at`, when given), then positions along its edge
 * (middle first) are tried centred above, centred below,
 * then beside the edge to either side; the first free one is taken. A label with no free position is
 * left out (undefined) and the diagram lists it under the drawing.
 */
export function placeLabels(
  width: number,
  height: number,
  boxes: readonly Rect[],
  edges: readonly { d: string; text?: string; at?: readonly [number, number] }[],
): ({ x: number; y: number; text: string } | undefined)[] {
  const grid = new Grid(40);
  for (const b of boxes) grid.addRect(b);
  const lines = edges.map((e) => pathPolyline(e.d));
  for (const pts of lines) for (let i = 1; i < pts.length; i++) grid.addSegment(pts[i - 1], pts[i]);
  return edges.map((e, i) => {
    if (!e.text) return undefined;
    const w = labelWidth(e.text) + 2 * LABEL_FONT.halo;
    const h = LABEL_FONT.height + 2 * LABEL_FONT.halo;
    const anchors = [...(e.at ? [e.at] : []), ...ALONG.map((f) => pointAlong(lines[i], f))];
    for (const [px, py] of anchors) {
      // Top-left corners: above and below, centred, then starting or ending at the point.
      const tries: [number, number][] = [
        [px - w / 2, py - CLEAR - h],
        [px - w / 2, py + CLEAR],
        [px + CLEAR + 2, py - CLEAR - h],
        [px - w - CLEAR - 2, py - CLEAR - h],
        [px + CLEAR + 2, py + CLEAR],
        [px - w - CLEAR - 2, py + CLEAR],
      ];
      for (const [x, y] of tries) {
        // Rounded first, so the box tested is the box drawn.
        const label = { x: r1(x + w / 2), y: r1(y + LABEL_FONT.halo + LABEL_FONT.ascent), text: e.text };
        const r = labelBox(label);
        if (r.x < 0 || r.y < 0 || r.x + r.width > width || r.y + r.height > height || !grid.free(r)) continue;
        grid.addRect(r);
        return label;
      }
    }
    return undefined;
  });
}

