import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { computeChanges, diffProject, snapshotOf, type ProjectRevision } from '../../src/core/changes.ts';
import { portfolio, project, settings } from './fixtures.ts';

const model = (audience = 'public') =>
  buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4 }),
      projects: [project('portal', { title: 'Patient Portal' }), project('secret', { title: 'Secret', visibility: 'internal' }), project('zeta', { title: 'Zeta' })],
    }),
    { audience, asOf: '2026-11-15' },
  );

/** Texts with the no-break spaces inside dates written as spaces, to read here. */
const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('diffProject', () => {
  it('describes a moved milestone with the signed number of days', () => {
    const changes = diffProject(
      { milestones: [{ name: 'Go-live', date: '2026-06-30' }] },
      { milestones: [{ name: 'Go-live', date: '2026-09-30' }] },
    );
    // Dates as the site writes them, never split across lines; the fields keep what the record says.
    expect(changes).toEqual([{ kind: 'milestone', field: 'milestone:Go-live', from: '2026-06-30', to: '2026-09-30', days: 92, text: 'Go-live moved 30\u00a0Jun\u00a02026 → 30\u00a0Sep\u00a02026 (+92 days)' }]);
  });

  it('reports status, start, end (earlier too), milestones added/removed/done and health, in a fixed order', () => {
    const texts = diffProject(
      {
        status: 'approved',
        start: '2026-01-15',
        end: '2026-Q3',
        health: { schedule: 'green' },
        value_status: 'on-track',
        milestones: [{ name: 'Design', date: '2026-02-28' }, { name: 'Pilot', date: '2026-05' }],
      },
      {
        status: 'active',
        start: '2026-01-15',
        end: '2026-11-30',
        health: { schedule: 'amber', budget: 'red' },
        value_status: 'at-risk',
        milestones: [{ name: 'Design', date: '2026-02-28', done: true }, { name: 'Launch', date: '2026-10-01' }],
      },
      { fiscalYearStart: 4 },
    ).map((c) => plain(c.text));
    expect(texts).toEqual([
      'Status Approved → Active',
      // 2026-Q3 (FY from April) ends 2026-12-31
      'End moved Q3 FY2026/27 → 30 Nov 2026 (−31 days)',
      'Design done',
      'Milestone Launch added (1 Oct 2026)',
      'Milestone Pilot removed',
      'Schedule health Green → Amber',
      'Budget health set to Red',
      'Value status On track → At risk',
    ]);
  });

  it('reports nothing when nothing it tracks changed', () => {
    expect(diffProject({ title: 'a', status: 'active', end: '2026-09-30' }, { title: 'b', status: 'active', end: '2026-09-30' })).toEqual([]);
  });

  it('never compares a field the audience hides', () => {
    const texts = diffProject(
      { health: { budget: 'green', schedule: 'green' }, value_status: 'on-track', milestones: [{ name: 'M', date: '2026-01-01' }] },
      { health: { budget: 'red', schedule: 'red' }, value_status: 'off-track', milestones: [{ name: 'M', date: '2026-02-01' }] },
      { hidden: ['budget', 'benefits', 'milestones'] },
    ).map((c) => c.text);
    expect(texts).toEqual(['Schedule health Green → Red']);
  });
});

describe('snapshotOf', () => {
  it('keeps only the tracked fields and tolerates invalid old versions', () => {
    expect(snapshotOf({ title: 'T', status: 'active', end: '2026-09-30', budget: { planned: 1 }, health: { schedule: 'red', note: 'n' }, milestones: [{ name: 'A', date: '2026-01-01' }, 'junk', { date: 'x' }] })).toEqual({
      title: 'T',
      status: 'active',
      start: undefined,
      end: '2026-09-30',
      value_status: undefined,
      health: { schedule: 'red' },
      milestones: [{ name: 'A', date: '2026-01-01', done: false }],
    });
    expect(snapshotOf('not a mapping')).toBeUndefined();
    expect(snapshotOf(null)).toBeUndefined();
  });
});

describe('computeChanges', () => {
  const rev = (commit: string, date: string, id: string, before: object | undefined, after: object | undefined): ProjectRevision => ({ commit, date, id, before, after });
  const revisions = [
    rev('c1', '2026-03-01T10:00:00Z', 'portal', { end: '2026-06-30' }, { end: '2026-09-30' }),
    rev('c2', '2026-05-01T10:00:00Z', 'secret', { status: 'approved' }, { status: 'active' }),
    rev('c3', '2026-05-01T10:00:00Z', 'portal', { status: 'approved' }, { status: 'active' }),
    rev('c3', '2026-05-01T10:00:00Z', 'zeta', { status: 'approved' }, { status: 'on-hold' }),
    rev('c4', '2026-06-01T10:00:00Z', 'portal', undefined, { status: 'active' }), // added: not a change
    rev('c5', '2026-07-01T10:00:00Z', 'gone', { status: 'approved' }, { status: 'active' }), // deleted since
    rev('c6', '2026-08-01T10:00:00Z', 'portal', { title: 'Old' }, { title: 'New' }), // nothing tracked
  ];

  it('lists changes newest first for projects the audience sees, titled as now', () => {
    const out = computeChanges(revisions, model('public'));
    expect(out.map((e) => `${e.date.slice(0, 10)} ${e.commit} ${e.title}: ${e.changes.map((c) => plain(c.text)).join('; ')}`)).toEqual([
      '2026-05-01 c3 Patient Portal: Status Approved → Active',
      '2026-05-01 c3 Zeta: Status Approved → On hold',
      '2026-03-01 c1 Patient Portal: End moved 30 Jun 2026 → 30 Sep 2026 (+92 days)',
    ]);
  });

  it('includes internal projects only for an audience that sees them', () => {
    expect(computeChanges(revisions, model('internal')).map((e) => e.id)).toEqual(['secret', 'portal', 'zeta', 'portal']);
  });

  it('is the same for the input in any order', () => {
    expect(computeChanges(revisions.toReversed(), model('public'))).toEqual(computeChanges(revisions, model('public')));
  });
});
