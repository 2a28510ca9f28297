import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  DIAGRAM_LIMIT,
  connectedProjects,
  crossProgramEdges,
  neighbourhoodDiagram,
  portfolioDiagram,
  programDiagram,
  programGroups,
  programOverviewDiagram,
  OVERVIEW_PER_ROW,
  type Diagram,
} from '../../src/charts/dag-view.ts';
import { program, project } from '../core/fixtures.ts';
import { DAG_FIXTURES as FIXTURES, dagModel as model } from './fixtures.ts';

const summary = (d: Diagram) => ({
  nodes: d.nodes.map((n) => `${n.id}@${n.x},${n.y}${n.critical ? ' critical' : ''}${n.external ? ' external' : ''}${n.focus ? ' focus' : ''} ${n.health}`),
  edges: d.edges.map((e) => `${e.from}>${e.to} ${e.tone}${e.dash ? ` dash ${e.dash}` : ''} w${e.strokeWidth}${e.label ? ` "${e.label.text}"` : ''}`),
});

describe('dependency diagrams on named fixtures', () => {
  for (const [name, projects] of Object.entries(FIXTURES)) {
    it(`${name}: snapshot of the view model`, async () => {
      const d = portfolioDiagram(model(projects));
      await expect(JSON.stringify(d, null, 2)).toMatchFileSnapshot(`__snapshots__/dag-view.${name}.json`);
    });
  }

  it('chain: conflict red with days, critical edge thick, nodes left to right', () => {
    const d = portfolioDiagram(model(FIXTURES.chain));
    expect(summary(d)).toEqual({
      // a and b are active and ended before the as-of date (overdue: red); c has no health input.
      nodes: ['a@8,8 critical red', 'b@296,8 critical red', 'c@584,8 critical none'],
      edges: ['a>b infrastructure w3', 'b>c conflict w3 "10 d late"'],
    });
    expect(d.hasConflict).toBe(true);
    expect(d.edges[1].title).toBe('Project c waits on Project b: Data, finish to start, needed 1\u00a0Apr\u00a02026, delivered 11\u00a0Apr\u00a02026, 10 d late, critical chain');
  });

  it('diamond and fan-in: types as dash patterns, kinds as tones, no crossings', () => {
    const d = portfolioDiagram(model(FIXTURES.diamond));
    // bottom ends last; left ends the day bottom starts and top ends the day left starts: tight finish-to-start, critical (thick).
    expect(summary(d).edges).toEqual(['left>bottom other w3', 'right>bottom other dash 7 4 w1.5', 'top>left security w3', 'top>right vendor w1.5']);
    expect(d.crossings).toBe(0);
    expect(d.types).toEqual(['finish-to-start', 'start-to-start']);
    const f = portfolioDiagram(model(FIXTURES['fan-in']));
    expect(f.edges.map((e) => e.tone)).toEqual(['other', 'conflict', 'other']); // x has 9 days of slack; y (training) is late, so it is drawn as a conflict
    expect(f.edges[2].dash).toBe('2 3');
    expect(f.edges[1].label?.text).toBe('10 d late'); // y ends 03-20, sink starts 03-10
  });

  it('draws each arrowhead at the end of its edge, pointing the way the edge runs (a reversed edge of a cycle: left)', () => {
    expect(arrowHead(100, 50)).toBe('M91.9,45.5l9,4.5-9,4.5z');
    expect(arrowHead(100, 50, -1)).toBe('M108.1,45.5l-9,4.5 9,4.5z');
    for (const projects of Object.values(FIXTURES))
      for (const e of portfolioDiagram(model(projects)).edges) {
        const end = e.d.match(/([\d.]+),([\d.]+)$/)!.map(Number);
        const [x, y] = e.head.match(/^M([\d.-]+),([\d.-]+)l(-?9)/)!.slice(1).map(Number);
        const tip = x! + (e.head.includes('l-9') ? -9 : 9);
        expect(Math.abs(tip - end[1]!), e.d).toBeCloseTo(0.9, 5);
        expect(y! + 4.5).toBeCloseTo(end[2]!, 5);
      }
  });

  it('disconnected: only projects with dependencies are drawn', () => {
    const m = model(FIXTURES.disconnected);
    expect(connectedProjects(m).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(portfolioDiagram(m).nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('cross-program: groups, cross edges, per-program diagram with external neighbours, program overview', () => {
    const m = model(FIXTURES['cross-program']);
    expect(programGroups(m).map((g) => [g.program, g.projects, g.internal, g.cross])).toEqual([
      ['p1', ['p1-a', 'p1-b'], 1, 2],
      ['p2', ['p2-a'], 0, 2],
      ['', ['none'], 0, 2],
    ]);
    expect(crossProgramEdges(m).map((e) => `${e.from}>${e.on}`)).toEqual(['none>p1-b', 'none>p2-a', 'p2-a>p1-a']);
    const p2 = programDiagram(m, 'p2');
    expect(p2.nodes.map((n) => `${n.id}${n.external ? ' external' : ''}`)).toEqual(['none external', 'p1-a external', 'p2-a']);
    const overview = programOverviewDiagram(m);
    expect(overview.nodes.map((n) => [n.id, n.lines[0].text, n.link])).toEqual([
      ['p1', 'Program p1', { to: 'program-dependencies', id: 'p1' }],
      ['p2', 'Program p2', { to: 'program-dependencies', id: 'p2' }],
      ['~none', 'No program', { to: 'program-dependencies', id: '_none' }],
    ]);
    expect(overview.edges.map((e) => `${e.from}>${e.to} ${e.label?.text}`)).toEqual(['p1>p2 1 late', 'p1>~none 1', 'p2>~none 1 late']); // p2-a starts 02-01, p1-a ends 03-01; none starts 06-01, p2-a ends 08-01
  });

  it('program overview: 12 programs in a chain wrap into rows of OVERVIEW_PER_ROW, reading order kept, edges between box edges', () => {
    // Program k's project waits on program k−1's: one layer per program, 12 in a row before wrapping.
    const ids = Array.from({ length: 12 }, (_, i) => `g${String(i + 1).padStart(2, '0')}`);
    const m = model(
      ids.map((g, i) => project(`${g}-x`, { program: g, start: `2026-${String(i + 1).padStart(2, '0')}-01`, end: `2026-${String(i + 1).padStart(2, '0')}-20`, dependencies: i ? [{ on: `${ids[i - 1]}-x` }] : [] })),
      ids.map((g) => program(g)),
    );
    const d = programOverviewDiagram(m);
    expect(OVERVIEW_PER_ROW).toBe(4);
    const pos = (id: string) => d.nodes.find((n) => n.id === id)!;
    // Rows of 4, left to right in the chain's order.
    expect(ids.map((g) => [pos(g).x, pos(g).y])).toEqual([
      [16, 16], [288, 16], [560, 16], [832, 16],
      [16, 159], [288, 159], [560, 159], [832, 159],
      [16, 302], [288, 302], [560, 302], [832, 302],
    ]);
    expect(d.width).toBe(1048);
    expect(Math.max(...d.nodes.map((n) => n.y + n.height))).toBeLessThanOrEqual(d.height);
    // Neighbours in a row: right side to left side; row to row: bottom of g04 to top of g05.
    expect(d.edges.find((e) => e.from === 'g01')!.d).toBe('M216,43.5C252,43.5,252,43.5,288,43.5');
    expect(d.edges.find((e) => e.from === 'g04')!.d).toBe('M932,71C932,115,116,115,116,159');
  });

  it('contract conflicts: need_by 49 days, start-to-start and finish-to-finish without conflict', () => {
    const d = portfolioDiagram(model(FIXTURES['contract-conflicts']));
    expect(d.edges.filter((e) => e.conflict).map((e) => `${e.from}>${e.to} ${e.label?.text}`)).toEqual(['idp>portal 49 d late']);
  });

  it('neighbourhood: two steps each way, the project in focus, nothing beyond', () => {
    const projects = [
      project('u2', { start: '2026-01-01', end: '2026-02-01' }),
      project('u1', { start: '2026-02-01', end: '2026-03-01', dependencies: [{ on: 'u2' }] }),
      project('me', { start: '2026-03-01', end: '2026-04-01', dependencies: [{ on: 'u1' }] }),
      project('d1', { start: '2026-04-01', end: '2026-05-01', dependencies: [{ on: 'me' }] }),
      project('d2', { start: '2026-05-01', end: '2026-06-01', dependencies: [{ on: 'd1' }] }),
      project('d3', { start: '2026-06-01', end: '2026-07-01', dependencies: [{ on: 'd2' }] }),
      project('u3', { start: '2025-01-01', end: '2026-01-01' }),
    ];
    projects[0] = project('u2', { start: '2026-01-01', end: '2026-02-01', dependencies: [{ on: 'u3' }] });
    const m = model(projects);
    const d = neighbourhoodDiagram(m, 'me')!;
    expect(d.nodes.map((n) => `${n.id}${n.focus ? '*' : ''}`)).toEqual(['d1', 'd2', 'me*', 'u1', 'u2']);
    expect(d.edges).toHaveLength(4);
    expect(neighbourhoodDiagram(model([project('solo')]), 'solo')).toBeUndefined();
  });

  it('hostile titles: shortened text only, Mermaid source inert', () => {
    const evil = '"]; n9 --> n1 <script>alert(1)</script>';
    const m = model([project('a', { title: evil }), project('b', { title: 'B -->|x| C', dependencies: [{ on: 'a' }] })]);
    const d = portfolioDiagram(m);
    expect(d.nodes[0].lines.map((l) => l.text).join(' ')).toContain('<script>alert(1)</script>'); // Astro escapes it when rendering
    expect(d.mermaid).toBe(
      [
        'flowchart LR',
        '  n1["#34;#93;#59; n9 --#62; n1 #60;script#62;alert(1)#60;/script#62;"]',
        '  n2["B --#62;#124;x#124; C"]',
        '  n1 -->|"Other, finish to start"| n2',
        '',
      ].join('\n'),
    );
  });

  it('the size limit', () => {
    expect(DIAGRAM_LIMIT).toBe(150);
  });
});
