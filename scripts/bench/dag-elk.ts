/**
 * Dependency diagrams: our layered layout (src/charts/dag.ts, labels by
 * src/charts/dag/labels.ts) against elkjs' layered algorithm (orthogonal
 * edge routing, ELK's edge-label placement), on the same boxes (same widths,
 * same wrapped heights) and the same edges. Counts, per set of diagrams:
 * edge crossings, edges through a box that is not one of their ends, label
 * collisions (label–label, label–edge, label–box), labels left out, and
 * layout time.
 *
 *     node scripts/bench/dag-elk.ts [--content DIR] [--root REPO] [--neighbourhoods N]
 *
 * `--root` measures another checkout's view models (e.g. main, before a change) with this one's counting.
 * elkjs is a devDependency for this comparison only; nothing in src/ imports it.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { labelBox, labelWidth, LABEL_FONT, pathPolyline, rectsOverlap, segmentHitsRect, type Rect } from '../../src/charts/dag/labels.ts';

type Pt = [number, number];
interface Drawing {
  boxes: (Rect & { id: string })[];
  edges: { from: string; to: string; pts: Pt[] }[];
  labels: { edge: number; box: Rect }[];
  dropped: number;
}
interface Counts {
  diagrams: number;
  edges: number;
  crossings: number;
  edgeThroughBox: number;
  labelLabel: number;
  labelEdge: number;
  labelOwnEdge: number;
  labelBox: number;
  labels: number;
  dropped: number;
  ms: number;
  width: number;
  height: number;
}

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const here = path.resolve(import.meta.dirname, '../..');
const root = path.resolve(arg('--root') ?? here);
const content = path.resolve(arg('--content') ?? path.join(here, 'content'));
const maxNeighbourhoods = Number(arg('--neighbourhoods') ?? 0);

const load = (rel: string) => import(pathToFileURL(path.join(root, rel)).href);
const { loadSettings } = await load('src/pipeline/settings.ts');
const { buildSite } = await load('src/pipeline/index.ts');
const dv = await load('src/charts/dag-view.ts');

/** Proper crossing of two segments (touching at an end does not count). */
function cross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(c, d, a);
  const d2 = o(c, d, b);
  const d3 = o(a, b, c);
  const d4 = o(a, b, d);
  return ((d1 > 1e-9 && d2 < -1e-9) || (d1 < -1e-9 && d2 > 1e-9)) && ((d3 > 1e-9 && d4 < -1e-9) || (d3 < -1e-9 && d4 > 1e-9));
}

const bbox = (pts: Pt[]): Rect => {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs) + 1e-3, height: Math.max(...ys) - Math.min(...ys) + 1e-3 };
};
const shrink = (r: Rect, by: number): Rect => ({ x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by });

function count(dr: Drawing, ms: number, size: { width: number; height: number }): Counts {
  const c: Counts = { diagrams: 1, edges: dr.edges.length, crossings: 0, edgeThroughBox: 0, labelLabel: 0, labelEdge: 0, labelOwnEdge: 0, labelBox: 0, labels: dr.labels.length, dropped: dr.dropped, ms, ...size };
  const boxes = dr.edges.map((e) => bbox(e.pts));
  for (let i = 0; i < dr.edges.length; i++)
    for (let j = i + 1; j < dr.edges.length; j++) {
      if (!rectsOverlap(boxes[i], boxes[j])) continue;
      const a = dr.edges[i].pts;
      const b = dr.edges[j].pts;
      for (let p = 1; p < a.length; p++) for (let q = 1; q < b.length; q++) if (cross(a[p - 1], a[p], b[q - 1], b[q])) c.crossings++;
    }
  for (const e of dr.edges)
    for (const b of dr.boxes) {
      if (b.id === e.from || b.id === e.to) continue;
      const inner = shrink(b, 1);
      if (e.pts.some((p, k) => k > 0 && segmentHitsRect(e.pts[k - 1], p, inner))) c.edgeThroughBox++;
    }
  for (let i = 0; i < dr.labels.length; i++) {
    const l = dr.labels[i];
    for (let j = i + 1; j < dr.labels.length; j++) if (rectsOverlap(l.box, dr.labels[j].box)) c.labelLabel++;
    for (const b of dr.boxes) if (rectsOverlap(l.box, b)) c.labelBox++;
    dr.edges.forEach((e, k) => {
      if (e.pts.some((p, m) => m > 0 && segmentHitsRect(e.pts[m - 1], p, l.box))) {
        c.labelEdge++;
        if (k === l.edge) c.labelOwnEdge++;
      }
    });
  }
  return c;
}

/** Our diagram as drawn. */
function ours(d: any): Drawing {
  return {
    boxes: d.nodes.map((n: any) => ({ id: n.id, x: n.x, y: n.y, width: n.width, height: n.height })),
    edges: d.edges.map((e: any) => ({ from: e.from, to: e.to, pts: pathPolyline(e.d) })),
    labels: d.edges.flatMap((e: any, i: number) => (e.label ? [{ edge: i, box: labelBox(e.label) }] : [])),
    dropped: d.unplaced?.length ?? 0,
  };
}

const elk = new ELK();
/** The same boxes and edges laid out by ELK layered. */
async function elkDrawing(d: any): Promise<{ dr: Drawing; ms: number; width: number; height: number }> {
  const text = (e: any) => e.labelText ?? e.label?.text;
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.spacing.nodeNodeBetweenLayers': '88',
      'elk.spacing.nodeNode': '16',
      'elk.spacing.edgeLabel': '2',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: d.nodes.map((n: any) => ({ id: n.id, width: n.width, height: n.height })),
    edges: d.edges.map((e: any, i: number) => ({
      id: `e${i}`,
      sources: [e.from],
      targets: [e.to],
      labels: text(e) ? [{ text: text(e), width: labelWidth(text(e)) + 2 * LABEL_FONT.halo, height: LABEL_FONT.height + 2 * LABEL_FONT.halo }] : [],
    })),
  };
  const t0 = performance.now();
  const out: ElkNode = await elk.layout(graph);
  const ms = performance.now() - t0;
  const dr: Drawing = {
    boxes: out.children!.map((n) => ({ id: n.id, x: n.x!, y: n.y!, width: n.width!, height: n.height! })),
    edges: (out.edges ?? []).map((e: any) => ({
      from: e.sources[0],
      to: e.targets[0],
      pts: (e.sections ?? []).flatMap((s: any) => [[s.startPoint.x, s.startPoint.y], ...(s.bendPoints ?? []).map((b: any) => [b.x, b.y]), [s.endPoint.x, s.endPoint.y]] as Pt[]),
    })),
    labels: (out.edges ?? []).flatMap((e: any, i: number) => (e.labels ?? []).filter((l: any) => l.x !== undefined).map((l: any) => ({ edge: i, box: { x: l.x, y: l.y, width: l.width, height: l.height } }))),
    dropped: 0,
  };
  return { dr, ms, width: out.width ?? 0, height: out.height ?? 0 };
}

const sum = (xs: Counts[]): Counts =>
  xs.reduce(
    (a, b) => {
      for (const k of Object.keys(a) as (keyof Counts)[]) a[k] = k === 'width' || k === 'height' ? Math.max(a[k], b[k]) : a[k] + b[k];
      return a;
    },
    { diagrams: 0, edges: 0, crossings: 0, edgeThroughBox: 0, labelLabel: 0, labelEdge: 0, labelOwnEdge: 0, labelBox: 0, labels: 0, dropped: 0, ms: 0, width: 0, height: 0 },
  );

const site = await buildSite(loadSettings({ ...process.env, ROADMAP_CONTENT: content }, root));
const model = site.model;
const sets: [string, () => any[]][] = [];
if (site.dependencies.split) {
  sets.push(['program diagrams', () => site.dependencies.groups.map((g: any) => dv.programDiagram(model, g.program, site.dependencies.edgesByProgram.get(g.program || dv.NO_PROGRAM)))]);
} else sets.push(['portfolio diagram', () => [dv.portfolioDiagram(model)]]);
if (maxNeighbourhoods > 0) {
  const ids = dv.connectedProjects(model).slice(0, maxNeighbourhoods).map((p: any) => p.id);
  sets.push([`neighbourhoods (${ids.length})`, () => ids.map((id: string) => dv.neighbourhoodDiagram(model, id))]);
}

console.log(`content ${content}, view models from ${root}`);
for (const [name, make] of sets) {
  const t0 = performance.now();
  const diagrams = make();
  const oursMs = performance.now() - t0;
  const a = sum(diagrams.map((d) => count(ours(d), 0, { width: d.width, height: d.height })));
  a.ms = oursMs;
  const e: Counts[] = [];
  for (const d of diagrams) {
    const r = await elkDrawing(d);
    e.push(count(r.dr, r.ms, { width: r.width, height: r.height }));
  }
  const b = sum(e);
  console.log(`\n${name}: ${a.diagrams} diagrams, ${a.edges} edges, ${a.labels + a.dropped} labels`);
  console.log('| | crossings | edges through a box | label–label | label–edge (own) | label–box | labels left out | widest × tallest | time |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [who, c] of [['ours', a], ['elkjs', b]] as const)
    console.log(`| ${who} | ${c.crossings} | ${c.edgeThroughBox} | ${c.labelLabel} | ${c.labelEdge} (${c.labelOwnEdge}) | ${c.labelBox} | ${c.dropped} | ${Math.round(c.width)} × ${Math.round(c.height)} | ${Math.round(c.ms)} ms${who === 'ours' ? ' (with text and labels)' : ''} |`);
}
