import { describe, expect, it } from 'vitest';
import { neighbourhoodDiagram, portfolioDiagram, programDiagram, programOverviewDiagram, TITLE_LINES, type Diagram } from '../../src/charts/dag-view.ts';
import { LABEL_FONT, labelBox, NODE_FONT, nodeText, pathPolyline, placeLabels, rectsOverlap, segmentHitsRect } from '../../src/charts/dag/labels.ts';
import { textWidth } from '../../src/charts/time-scale.ts';
import { program, project } from '../core/fixtures.ts';
import { DAG_FIXTURES, dagModel as model } from './fixtures.ts';

/** Every collision the drawing has: label–label, label–box, label–edge (its own arrow included), box–box, and text outside its box. */
function collisions(d: Diagram): string[] {
  const out: string[] = [];
  const labels = d.edges.flatMap((e) => (e.label ? [{ id: `${e.from}>${e.to}`, box: labelBox(e.label) }] : []));
  const lines = d.edges.map((e) => ({ id: `${e.from}>${e.to}`, pts: pathPolyline(e.d) }));
  labels.forEach((l, i) => {
    labels.slice(i + 1).forEach((m) => rectsOverlap(l.box, m.box) && out.push(`label ${l.id} on label ${m.id}`));
    d.nodes.forEach((n) => rectsOverlap(l.box, n) && out.push(`label ${l.id} on box ${n.id}`));
    lines.forEach((e) => e.pts.some((p, k) => k > 0 && segmentHitsRect(e.pts[k - 1], p, l.box)) && out.push(`label ${l.id} crossed by edge ${e.id}`));
    if (l.box.x < 0 || l.box.y < 0 || l.box.x + l.box.width > d.width || l.box.y + l.box.height > d.height) out.push(`label ${l.id} outside the drawing`);
  });
  d.nodes.forEach((n, i) => {
    d.nodes.slice(i + 1).forEach((m) => rectsOverlap(n, m) && out.push(`box ${n.id} on box ${m.id}`));
    for (const l of n.lines) {
      const w = textWidth(l.text, l.kind === 'title' ? NODE_FONT.title * NODE_FONT.titleWeight : NODE_FONT.sub * NODE_FONT.subWeight);
      if (n.textX + w > n.x + n.width - 8) out.push(`"${l.text}" runs past the right of ${n.id}`);
      if (l.y + 3 > n.y + n.height) out.push(`"${l.text}" runs past the bottom of ${n.id}`);
    }
  });
  return out;
}

/** `n` upstream projects that all end after the sink starts: n late edges into one box. */
function crowded(n: number) {
  const ups = Array.from({ length: n }, (_, i) => project(`up${String(i).padStart(2, '0')}`, { program: 'p1', start: '2026-01-01', end: `2026-03-${String(2 + i).padStart(2, '0')}` }));
  // A chain in front of half of them, so late edges also run through columns.
  const pre = Array.from({ length: n / 2 }, (_, i) => project(`pre${i}`, { program: 'p2', start: '2025-06-01', end: '2026-01-15' }));
  const upsWithPre = ups.map((u, i) => (i < n / 2 ? project(u.id, { ...u.data, dependencies: [{ on: `pre${i}` }] }) : u));
  const sink = project('sink', { program: 'p1', title: 'Everything waits here', start: '2026-03-01', end: '2026-09-01', dependencies: ups.map((u) => ({ on: u.id })) });
  return model([...pre, ...upsWithPre, sink]);
}

describe('dependency diagram text and labels: nothing collides', () => {
  for (const [name, projects] of Object.entries(DAG_FIXTURES)) {
    it(`${name}: no label, box or edge on another; text inside its box`, () => {
      expect(collisions(portfolioDiagram(model(projects)))).toEqual([]);
    });
  }

  it('crowded: 16 late edges into one box, every label drawn clear of the others or listed', () => {
    const m = crowded(16);
    for (const d of [portfolioDiagram(m), programDiagram(m, 'p1'), neighbourhoodDiagram(m, 'sink')!]) {
      const late = d.edges.filter((e) => e.labelText);
      // 16 into the sink, and 8 more: each pre project ends after its up project starts.
      expect(late.filter((e) => e.to === 'sink').length).toBe(16);
      expect(collisions(d)).toEqual([]);
      expect(late.filter((e) => e.label).length + d.unplaced.length).toBe(late.length);
      // The layout keeps room for each label: none needs the list here.
      expect(d.unplaced).toEqual([]);
    }
  });

  it('program overview: counts on the wrapped curves clear of each other', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `g${i}`);
    const m = model(
      ids.flatMap((g, i) => [
        project(`${g}-a`, { program: g, start: '2026-01-01', end: '2026-05-01', dependencies: i ? [{ on: `${ids[i - 1]}-a` }, { on: `${ids[0]}-a` }] : [] }),
      ]),
      ids.map((g) => program(g)),
    );
    const d = programOverviewDiagram(m);
    expect(d.edges.filter((e) => e.labelText).length).toBeGreaterThan(8);
    expect(collisions(d)).toEqual([]);
  });

  it('a label with no free place is left out and listed, not drawn over something', () => {
    // One box fills the drawing: no position is free.
    const placed = placeLabels(100, 30, [{ x: 0, y: 0, width: 100, height: 30 }], [{ d: 'M0,15C50,15,50,15,100,15', text: '30 d late' }]);
    expect(placed).toEqual([undefined]);
    const free = placeLabels(200, 60, [], [{ d: 'M0,30C100,30,100,30,200,30', text: '30 d late' }])[0]!;
    expect(segmentHitsRect([0, 30], [200, 30], labelBox(free))).toBe(false);
    expect(labelBox(free).y + labelBox(free).height).toBeLessThanOrEqual(30);
  });
});

describe('box text', () => {
  const long = 'Electronic Prescribing and Medicines Administration Replacement Programme for the Northern Acute Hospitals Group and its Community Services';

  it('wraps to three lines, then cuts with "…"; the box grows with the lines', () => {
    const t = nodeText(long, 'Red health', 200, TITLE_LINES);
    const title = t.lines.filter((l) => l.kind === 'title').map((l) => l.text);
    expect(title).toHaveLength(3);
    expect(title[2].endsWith('…')).toBe(true);
    expect(t.truncated).toBe(true);
    expect(nodeText('Short', 'Green health', 200, TITLE_LINES).height).toBe(42);
    expect(t.height).toBe(42 + 2 * NODE_FONT.titleLine);
  });

  it("the neighbourhood diagram's own project always shows its whole title; others are cut", () => {
    const word = 'Supercalifragilisticexpialidociousinteroperabilityplatform';
    const m = model([
      project('me', { title: `${long} ${word}`, start: '2026-03-01', end: '2026-04-01', dependencies: [{ on: 'up' }] }),
      project('up', { title: long, start: '2026-01-01', end: '2026-03-20' }),
    ]);
    const d = neighbourhoodDiagram(m, 'me')!;
    const titleOf = (id: string) =>
      d.nodes
        .find((n) => n.id === id)!
        .lines.filter((l) => l.kind === 'title')
        .map((l) => l.text);
    const me = titleOf('me');
    expect(me.join(' ').replace(/\s+/g, '')).toBe(`${long} ${word}`.replace(/\s+/g, ''));
    expect(me.some((l) => l.includes('…'))).toBe(false);
    expect(me.length).toBeGreaterThan(TITLE_LINES);
    expect(titleOf('up')).toHaveLength(TITLE_LINES);
    expect(titleOf('up')[TITLE_LINES - 1].endsWith('…')).toBe(true);
    expect(collisions(d)).toEqual([]);
    // The full title stays in the tooltip of the box that cuts it; the box that shows it whole has none.
    expect(d.nodes.find((n) => n.id === 'up')!.title!.startsWith(long)).toBe(true);
    expect(d.nodes.find((n) => n.id === 'me')!.title).toBeUndefined();
  });

  it('a long subtitle wraps inside the box', () => {
    const m = model(
      [project('a', { program: 'p1', start: '2026-01-01', end: '2026-02-01' }), project('b', { program: 'p1', start: '2026-02-01', end: '2026-03-01', dependencies: [{ on: 'a' }] })],
      [program('p1', { title: 'A Program With A Remarkably Long Name That Would Run Past The Border' })],
    );
    const d = portfolioDiagram(m);
    expect(d.nodes[0].lines.filter((l) => l.kind === 'sub').length).toBe(2);
    expect(collisions(d)).toEqual([]);
    expect(LABEL_FONT.size).toBe(11);
  });
});
