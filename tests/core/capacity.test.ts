import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import { buildUtilization, capacityAt, capacitySteps, demandSpans, utilizationLevel } from '../../src/core/capacity.ts';
import { project, records, team } from './fixtures.ts';

const T: [number, number] = [0.9, 1.1];
const teamRecords = (...ts: ReturnType<typeof team>[]) => ts.map((t) => ({ id: t.id, record: t.data }));

describe('demandSpans', () => {
  it('defaults from/to to the project start/end and lists overlapped quarters', () => {
    const p = project('a', {
      start: '2026-05-10',
      end: '2026-08-01',
      demand: [
        { team: 'platform', fte: 1.5 },
        { team: 'security', fte: 0.5, from: '2026-Q3', to: '2026-Q4' },
      ],
    });
    const spans = demandSpans(records([p])[0], 1);
    expect(spans.map((s) => s.periods)).toEqual([
      ['2026-Q2', '2026-Q3'], // 2026-05-10 .. 2026-08-01
      ['2026-Q3', '2026-Q4'],
    ]);
    expect(spans[1].from).toBe(dayFromParts(2026, 7, 1));
    expect(spans[1].to).toBe(dayFromParts(2026, 12, 31));
  });

  it('skips an entry without a start or an end', () => {
    const p = project('a', { end: '2026-12-31', demand: [{ team: 'platform', fte: 1 }, { team: 'x', fte: 1, from: '2026-01' }] });
    expect(demandSpans(records([p])[0], 1).map((s) => s.team)).toEqual(['x']);
  });

  it('uses fiscal quarters', () => {
    // fiscal year from April: 2026-03-15 is in FY2025 Q4 (Jan–Mar 2026), 2026-04-10 in FY2026 Q1
    const p = project('a', { demand: [{ team: 't', fte: 1, from: '2026-03-15', to: '2026-04-10' }] });
    expect(demandSpans(records([p])[0], 4)[0].periods).toEqual(['2025-Q4', '2026-Q1']);
  });
});

describe('capacity', () => {
  it('carries the latest entry forward and is 0 before the first', () => {
    const steps = capacitySteps([{ from: '2026-Q3', fte: 4 }, { from: '2026-Q1', fte: 2 }], 1);
    expect(capacityAt(steps, dayFromParts(2025, 12, 31))).toBe(0);
    expect(capacityAt(steps, dayFromParts(2026, 4, 1))).toBe(2);
    expect(capacityAt(steps, dayFromParts(2026, 7, 1))).toBe(4);
    expect(capacityAt(steps, dayFromParts(2030, 1, 1))).toBe(4);
  });

  it('levels: > 1.1 red, > 0.9 amber, else green; demand without capacity red', () => {
    expect(utilizationLevel(0.9, 1, T)).toBe('green'); // 0.9 is not > 0.9
    expect(utilizationLevel(1, 1, T)).toBe('amber'); // 1.0 > 0.9
    expect(utilizationLevel(1.1, 1, T)).toBe('amber'); // 1.1 is not > 1.1
    expect(utilizationLevel(1.2, 1, T)).toBe('red'); // 1.2 > 1.1
    expect(utilizationLevel(0.5, 0, T)).toBe('red');
    expect(utilizationLevel(0, 0, T)).toBe('green');
  });
});

describe('buildUtilization', () => {
  const projects = records([
    project('a', { status: 'active', demand: [{ team: 'platform', fte: 1, from: '2026-Q2', to: '2026-Q3' }] }),
    project('b', { status: 'approved', start: '2026-05-10', end: '2026-08-01', demand: [{ team: 'platform', fte: 1.5 }, { team: 'security', fte: 0.5, from: '2026-Q3', to: '2026-Q3' }] }),
    project('c', { status: 'proposed', demand: [{ team: 'platform', fte: 5, from: '2026-Q2', to: '2026-Q2' }] }),
    project('d', { status: 'active', demand: [{ team: 'platform', fte: 1 }] }),
    project('e', { status: 'on-hold', demand: [{ team: 'platform', fte: 1, from: '2026-Q2', to: '2026-Q2' }] }),
  ]);
  const teams = teamRecords(
    team('platform', { capacity: [{ from: '2026-Q1', fte: 2 }, { from: '2026-Q3', fte: 4 }] }),
    team('security'),
    team('later', { capacity: [{ from: '2027-Q1', fte: 3 }] }),
    team('mid', { capacity: [{ from: '2026-02-15', fte: 3 }] }),
  );
  const u = buildUtilization(projects, teams, 1, T);

  it('sums approved and active demand per quarter against capacity', () => {
    const cells = u.byTeam.get('platform')!;
    // Q1 listed from the first capacity entry; demand only from a (Q2–Q3) and b (Q2–Q3)
    expect(cells.map((c) => c.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(cells[0]).toEqual({ period: '2026-Q1', demand: 0, capacity: 2, ratio: 0, level: 'green', projects: [] });
    // Q2: a 1 + b 1.5 = 2.5 (c proposed, d no dates, e on-hold do not count) / 2 = 1.25 > 1.1 → red
    expect(cells[1]).toEqual({
      period: '2026-Q2',
      demand: 2.5,
      capacity: 2,
      ratio: 1.25,
      level: 'red',
      projects: [
        { id: 'a', fte: 1 },
        { id: 'b', fte: 1.5 },
      ],
    });
    // Q3: 2.5 / 4 = 0.625 → green
    expect(cells[2]).toMatchObject({ demand: 2.5, capacity: 4, ratio: 0.625, level: 'green' });
  });

  it('is red with demand and no capacity', () => {
    // security: 0.5 FTE in 2026-Q3, no capacity → ratio undefined, red
    expect(u.byTeam.get('security')).toEqual([{ period: '2026-Q3', demand: 0.5, capacity: 0, ratio: undefined, level: 'red', projects: [{ id: 'b', fte: 0.5 }] }]);
  });

  it('has no ratio, not Infinity, when a tiny capacity overflows it; still red (fuzz counterexample)', () => {
    const v = buildUtilization(
      records([project('a', { status: 'approved', demand: [{ team: 't', fte: 4, from: '2026-Q1', to: '2026-Q1' }] })]),
      teamRecords(team('t', { capacity: [{ from: '2026-Q1', fte: 5e-324 }] })),
      1,
      T,
    );
    expect(v.byTeam.get('t')).toEqual([{ period: '2026-Q1', demand: 4, capacity: 5e-324, ratio: undefined, level: 'red', projects: [{ id: 'a', fte: 4 }] }]);
  });

  it('lists nothing for capacity starting after the last demand', () => {
    // last demand in the portfolio is 2026-Q3; capacity starts 2027-Q1
    expect(u.byTeam.get('later')).toEqual([]);
  });

  it('counts capacity from a mid-quarter date only from the next quarter', () => {
    // from 2026-02-15: Q1 starts 2026-01-01 before it → 0; Q2 starts 2026-04-01 → 3
    expect(u.byTeam.get('mid')!.map((c) => [c.period, c.capacity])).toEqual([
      ['2026-Q1', 0],
      ['2026-Q2', 3],
      ['2026-Q3', 3],
    ]);
  });

  it('gives a cell for any team and quarter', () => {
    // 2028-Q1: capacity 4 carried forward, no demand
    expect(u.cell('platform', '2028-Q1')).toMatchObject({ demand: 0, capacity: 4, ratio: 0, level: 'green' });
    // a team without a record has no capacity
    expect(u.cell('ghost', '2026-Q2')).toMatchObject({ demand: 0, capacity: 0, ratio: undefined, level: 'green' });
  });

  it('sums two entries of one project for one team', () => {
    const v = buildUtilization(
      records([project('a', { demand: [{ team: 't', fte: 0.5, from: '2026-Q1', to: '2026-Q1' }, { team: 't', fte: 0.25, from: '2026-01', to: '2026-02' }] })]),
      teamRecords(team('t', { capacity: [{ from: '2026-Q1', fte: 1 }] })),
      1,
      T,
    );
    // 0.5 + 0.25 = 0.75 of 1 → 0.75 green
    expect(v.byTeam.get('t')).toEqual([{ period: '2026-Q1', demand: 0.75, capacity: 1, ratio: 0.75, level: 'green', projects: [{ id: 'a', fte: 0.75 }] }]);
  });

  it('ignores floating-point noise in sums and threshold comparisons', () => {
    const v = buildUtilization(
      records([
        project('a', { demand: [{ team: 't', fte: 0.1, from: '2026-Q1', to: '2026-Q1' }] }),
        project('b', { demand: [{ team: 't', fte: 0.2, from: '2026-Q1', to: '2026-Q1' }] }),
        project('c', { demand: [{ team: 't', fte: 0.8, from: '2026-Q1', to: '2026-Q1' }] }),
      ]),
      teamRecords(team('t', { capacity: [{ from: '2026-Q1', fte: 1 }] })),
      1,
      T,
    );
    // 0.1 + 0.2 + 0.8 is 1.1000000000000001 in floating point; kept as 1.1, and 1.1 is not > 1.1 → amber, not red
    expect(v.byTeam.get('t')![0]).toMatchObject({ demand: 1.1, ratio: 1.1, level: 'amber' });
  });
});
