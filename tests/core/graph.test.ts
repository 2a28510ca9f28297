import { describe, expect, it } from 'vitest';
import { analyzeDependencies, buildEdges, components } from '../../src/core/graph.ts';
import { project, records } from './fixtures.ts';

const analyze = (...ps: ReturnType<typeof project>[]) => analyzeDependencies(records(ps), 1);

describe('dependency edges', () => {
  it('finish-to-start: upstream end against the dependent start', () => {
    const a = analyze(
      project('app', { start: '2026-05-01', end: '2026-09-30', dependencies: [{ on: 'idp', kind: 'security', note: 'SSO' }] }),
      project('idp', { start: '2026-01-01', end: '2026-05-10' }),
    );
    // 2026-05-10 − 2026-05-01 = 9 days late
    expect(a.edges).toEqual([
      {
        from: 'app',
        on: 'idp',
        kind: 'security',
        type: 'finish-to-start',
        needBy: undefined,
        note: 'SSO',
        needed: '2026-05-01',
        upstreamDate: '2026-05-10',
        gapDays: 9,
        tight: true,
        conflict: true,
        critical: true, // app has the latest end; the edge is tight finish-to-start
      },
    ]);
    expect(a.conflicts.get('app')).toEqual([
      { on: 'idp', type: 'finish-to-start', needed: '2026-05-01', neededFor: 'start', upstream: '2026-05-10', days: 9 },
    ]);
    expect(a.dependsOn.get('app')).toHaveLength(1);
    expect(a.dependents.get('idp')![0].from).toBe('app');
  });

  it('need_by: the named milestone date is needed, for any type', () => {
    const a = analyze(
      project('app', {
        start: '2026-01-01',
        end: '2026-12-31',
        milestones: [{ name: 'Go-live', date: '2026-09-30' }],
        dependencies: [
          { on: 'idp', need_by: 'Go-live' },
          { on: 'idp', type: 'start-to-start', need_by: 'Go-live' },
          { on: 'idp', need_by: 'No such milestone' },
        ],
      }),
      project('idp', { start: '2026-10-15', end: '2026-09-01' }),
    );
    // FS: idp end 2026-09-01 − 2026-09-30 = −29 → slack, not tight
    expect(a.edges[0]).toMatchObject({ needed: '2026-09-30', upstreamDate: '2026-09-01', gapDays: -29, tight: false, conflict: false });
    // SS with need_by: idp start 2026-10-15 − 2026-09-30 = 15 → conflict
    expect(a.edges[1]).toMatchObject({ type: 'start-to-start', needed: '2026-09-30', upstreamDate: '2026-10-15', gapDays: 15, conflict: true });
    // unknown milestone → no date, no gap
    expect(a.edges[2]).toMatchObject({ needed: undefined, gapDays: undefined, tight: false, conflict: false });
    expect(a.conflicts.get('app')).toEqual([
      { on: 'idp', type: 'start-to-start', needed: '2026-09-30', neededFor: 'Go-live', upstream: '2026-10-15', days: 15 },
    ]);
  });

  it('start-to-start compares starts; equal dates are tight, not a conflict', () => {
    const a = analyze(
      project('b', { start: '2026-03-01', dependencies: [{ on: 'a', type: 'start-to-start' }] }),
      project('a', { start: '2026-03-01', end: '2026-04-30' }),
    );
    expect(a.edges[0]).toMatchObject({ gapDays: 0, tight: true, conflict: false });
    expect(a.conflicts.has('b')).toBe(false);
  });

  it('finish-to-finish compares ends; a quarter end is its last day', () => {
    const a = analyze(
      project('b', { end: '2026-Q4', dependencies: [{ on: 'a', type: 'finish-to-finish' }] }),
      project('a', { end: '2027-01-15' }),
    );
    // 2027-01-15 − 2026-12-31 = 15
    expect(a.edges[0]).toMatchObject({ needed: '2026-12-31', upstreamDate: '2027-01-15', gapDays: 15, conflict: true });
    expect(a.conflicts.get('b')![0]).toMatchObject({ neededFor: 'end', days: 15 });
  });

  it('has no gap when a date is missing, and drops unknown upstreams', () => {
    const edges = buildEdges(records([project('b', { start: '2026-01-01', dependencies: [{ on: 'a' }, { on: 'ghost' }] }), project('a')]), 1);
    expect(edges.map((e) => e.edge.on)).toEqual(['a']);
    expect(edges[0].edge).toMatchObject({ gapDays: undefined, tight: false, conflict: false });
  });

  it('sorts edges by dependent, then upstream', () => {
    const edges = buildEdges(
      records([project('z', { dependencies: [{ on: 'b' }, { on: 'a' }] }), project('b', { dependencies: [{ on: 'a' }] }), project('a')]),
      1,
    );
    expect(edges.map((e) => `${e.edge.from}>${e.edge.on}`)).toEqual(['b>a', 'z>a', 'z>b']);
  });
});

describe('critical chain', () => {
  // a → b → c tight finish-to-start; d feeds c with slack; e feeds b start-to-start (tight but not FS).
  const chain = () => [
    project('a', { start: '2026-01-01', end: '2026-03-31' }),
    project('b', { start: '2026-03-31', end: '2026-06-30', dependencies: [{ on: 'a' }, { on: 'e', type: 'start-to-start' }] }), // a end = b start → gap 0, tight
    project('c', { start: '2026-06-15', end: '2026-12-31', dependencies: [{ on: 'b' }, { on: 'd' }] }), // b end 06-30 − 06-15 = 15, tight
    project('d', { start: '2026-01-01', end: '2026-02-28' }), // d end 02-28 − c start 06-15 < 0: slack
    project('e', { start: '2026-03-31', end: '2026-04-30' }), // SS gap 0: tight, but not walked
    project('lonely', { end: '2030-12-31' }), // no dependencies: never critical
  ];

  it('walks upstream from the latest end along tight finish-to-start edges', () => {
    const a = analyze(...chain());
    expect([...a.critical].sort()).toEqual(['a', 'b', 'c']);
    expect(a.edges.filter((e) => e.critical).map((e) => `${e.from}>${e.on}`)).toEqual(['b>a', 'c>b']);
    expect(a.edges.find((e) => e.from === 'b' && e.on === 'e')).toMatchObject({ tight: true, critical: false });
  });

  it('handles each connected group separately', () => {
    const a = analyze(
      ...chain(),
      project('x', { start: '2026-01-01', end: '2026-02-01' }),
      project('y', { start: '2026-01-15', end: '2026-03-01', dependencies: [{ on: 'x' }] }), // gap 17, tight
    );
    expect([...a.critical].sort()).toEqual(['a', 'b', 'c', 'x', 'y']);
  });

  it('starts from every project sharing the latest end', () => {
    const a = analyze(
      project('u', { end: '2026-03-31' }),
      project('p', { start: '2026-03-01', end: '2026-12-31', dependencies: [{ on: 'u' }] }), // tight (30)
      project('q', { start: '2026-06-01', end: '2026-12-31', dependencies: [{ on: 'u' }] }), // slack
    );
    expect([...a.critical].sort()).toEqual(['p', 'q', 'u']);
  });

  it('marks nothing in a group where no project has an end', () => {
    const a = analyze(project('b', { start: '2026-01-01', dependencies: [{ on: 'a' }] }), project('a', { start: '2025-01-01' }));
    expect(a.critical.size).toBe(0);
  });

  it('terminates on a cycle', () => {
    const a = analyze(
      project('a', { start: '2026-01-01', end: '2026-06-30', dependencies: [{ on: 'b' }] }), // b end 06-30 ≥ a start: tight
      project('b', { start: '2026-01-01', end: '2026-06-30', dependencies: [{ on: 'a' }] }),
      project('s', { start: '2026-01-01', end: '2026-01-31', dependencies: [{ on: 's' }] }), // self-loop
    );
    expect([...a.critical].sort()).toEqual(['a', 'b', 's']);
    expect(a.edges.every((e) => e.critical)).toBe(true);
  });

  it('handles a long chain without recursion', () => {
    const n = 5000;
    const ps = Array.from({ length: n }, (_, i) =>
      project(`p${i}`, { start: '2026-01-01', end: '2026-01-01', dependencies: i > 0 ? [{ on: `p${i - 1}` }] : [] }),
    );
    const a = analyzeDependencies(records(ps), 1);
    expect(a.critical.size).toBe(n); // all ends equal → all are start points, all edges tight (gap 0)
  });
});

describe('components', () => {
  it('groups projects connected either way', () => {
    const edge = (from: string, on: string) => ({ from, on, kind: 'other', type: 'finish-to-start' as const, tight: false, conflict: false, critical: false });
    expect(components([edge('c', 'a'), edge('b', 'd'), edge('a', 'e')])).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
  });
});
