/**
 * Named fixtures shared by the view-model tests (JSON snapshots) and the
 * rendered-SVG tests (tests/charts/svg/), so both draw the same portfolios.
 */
import { buildModel } from '../../src/core/build-model.ts';
import { goal, portfolio, program, project, settings, team } from '../core/fixtures.ts';

/** Portfolio markers for the northwind-mini fixture: a freeze, a board date, an internal release, one before and one after the data. */
export const NORTHWIND_MARKERS = [
  { name: 'Year-end change freeze', from: '2026-12-14', to: '2027-01-04', kind: 'freeze' as const },
  { name: 'Investment board', date: '2027-02-10', kind: 'board' as const },
  { name: 'SENTINEL-MARKER internal release', date: '2026-06-12', kind: 'release' as const, visibility: 'internal' as const },
  { name: 'Long ago', date: '2019-01-10' },
  { name: 'Far future', from: '2031-01-01', to: '2031-03-31' },
];

// Fixture "northwind-mini": fiscal year from April, as-of 2026-11-15 (2026-Q3).
export function northwindMini(opts: { markers?: NonNullable<Parameters<typeof settings>[0]>['markers']; audience?: string } = {}) {
  return buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4, markers: opts.markers ?? [] }),
      programs: [program('dfd', { title: 'Digital Front Door' }), program('cyber', { title: 'Cyber Security' })],
      goals: [goal('access', { title: 'Improve patient access' }), goal('cyber-goal', { title: 'Strengthen cyber resilience' })],
      teams: [team('web', { title: 'Web team' })],
      projects: [
        project('portal', {
          title: 'Patient Portal and Online Booking',
          program: 'dfd',
          goals: ['access', 'cyber-goal'],
          teams: ['web'],
          investment: 'grow',
          start: '2026-01-15',
          end: '2027-02-26',
          end_range: { optimistic: '2027-02-12', pessimistic: '2027-05-28' },
          baseline_end: '2027-02-05',
          progress: 58,
          milestones: [
            { name: 'Design approved', date: '2026-02-28', baseline: '2026-02-15', done: true },
            { name: 'Pilot live', date: '2026-10-31' },
            { name: 'Public launch', date: '2027-01-29', baseline: '2027-01-08' },
          ],
        }),
        project('contact', {
          title: 'Patient Contact Centre Telephony Replacement With A Very Long Title',
          program: 'dfd',
          goals: ['access'],
          start: '2026-03-02',
          end: '2026-10-30',
          baseline_end: '2026-07-22',
          progress: 86,
        }),
        project('epr', { title: 'EPR Upgrade', investment: 'run', start: '2026-Q1', end: '2027-Q2', baseline_end: '2027-09-30', progress: 47 }),
        project('iam', { title: 'Identity', program: 'cyber', status: 'done', start: '2025-06-01', end: '2026-03-31', progress: 100 }),
        project('tablets', { title: 'Bedside tablets', program: 'cyber', status: 'cancelled', start: '2025-07-01', end: '2026-01-30', milestones: [{ name: 'Roll-out', date: '2026-06-30' }] }),
        project('intake', { title: 'Intake idea', status: 'proposed' }),
        project('half', { title: 'Half scheduled', status: 'approved', start: '2027-05-01' }),
      ],
    }),
    // With confidence ranges: "portal" from its end_range, the other open projects from the default (no finished project has a baseline).
    { audience: opts.audience ?? 'internal', asOf: '2026-11-15', forecast: true },
  );
}

type P = ReturnType<typeof project>;
const AS_OF = '2026-06-01';
export const dagModel = (projects: P[], programs = [program('p1'), program('p2')]) => buildModel(portfolio({ projects, programs }), { audience: 'public', asOf: AS_OF });

// Named fixtures (dates hand-worked in the comments).
export const DAG_FIXTURES: Record<string, P[]> = {
  // c needs b by 04-01, b ends 04-11: 10 days late. a → b tight (b starts 03-01 = a's end): critical.
  chain: [
    project('a', { start: '2026-01-01', end: '2026-03-01', dependencies: [] }),
    project('b', { start: '2026-03-01', end: '2026-04-11', dependencies: [{ on: 'a', kind: 'infrastructure' }] }),
    project('c', { start: '2026-04-01', end: '2026-09-30', dependencies: [{ on: 'b', kind: 'data' }] }),
  ],
  diamond: [
    project('top', { start: '2026-01-01', end: '2026-02-01' }),
    project('left', { start: '2026-02-01', end: '2026-05-01', dependencies: [{ on: 'top', kind: 'security' }] }),
    project('right', { start: '2026-03-01', end: '2026-04-01', dependencies: [{ on: 'top', kind: 'vendor' }] }),
    project('bottom', { start: '2026-05-01', end: '2026-12-31', dependencies: [{ on: 'left' }, { on: 'right', type: 'start-to-start' }] }),
  ],
  'fan-in': [
    project('x', { start: '2026-01-01', end: '2026-03-01' }),
    project('y', { start: '2026-01-01', end: '2026-03-20' }),
    project('z', { start: '2026-01-01', end: '2026-02-01' }),
    project('sink', { start: '2026-03-10', end: '2026-08-01', dependencies: [{ on: 'x' }, { on: 'y', kind: 'training' }, { on: 'z', type: 'finish-to-finish' }] }),
  ],
  'fan-out': [
    project('hub', { start: '2026-01-01', end: '2026-04-01', baseline_end: '2026-03-15' }),
    project('o1', { start: '2026-03-20', end: '2026-06-01', dependencies: [{ on: 'hub' }] }),
    project('o2', { start: '2026-04-10', end: '2026-06-01', dependencies: [{ on: 'hub', kind: 'business' }] }),
    project('o3', { start: '2026-04-01', end: '2026-07-01', dependencies: [{ on: 'hub' }] }),
  ],
  disconnected: [
    project('a', { start: '2026-01-01', end: '2026-02-01' }),
    project('b', { start: '2026-03-01', end: '2026-04-01', dependencies: [{ on: 'a' }] }),
    project('c', { start: '2026-01-01', end: '2026-02-01' }),
    project('d', { start: '2026-03-01', end: '2026-05-01', dependencies: [{ on: 'c' }] }),
    project('alone', { start: '2026-01-01', end: '2026-02-01' }),
  ],
  'cross-program': [
    project('p1-a', { program: 'p1', start: '2026-01-01', end: '2026-03-01' }),
    project('p1-b', { program: 'p1', start: '2026-03-01', end: '2026-06-01', dependencies: [{ on: 'p1-a' }] }),
    project('p2-a', { program: 'p2', start: '2026-02-01', end: '2026-08-01', dependencies: [{ on: 'p1-a', kind: 'data' }] }),
    project('none', { start: '2026-06-01', end: '2026-09-01', dependencies: [{ on: 'p1-b' }, { on: 'p2-a' }] }),
  ],
  // The contract's examples: need_by milestone, start-to-start and finish-to-finish conflicts.
  'contract-conflicts': [
    project('idp', { start: '2026-01-01', end: '2027-03-19' }),
    project('portal', {
      start: '2026-01-01',
      end: '2027-06-30',
      milestones: [{ name: 'Public launch', date: '2027-01-29' }],
      dependencies: [{ on: 'idp', kind: 'security', need_by: 'Public launch' }],
    }),
    project('epr', { start: '2026-05-01', end: '2027-09-30' }),
    project('eprescribing', { start: '2026-06-01', end: '2027-03-31', dependencies: [{ on: 'epr', type: 'start-to-start' }] }),
    project('segmentation', { start: '2026-01-01', end: '2027-12-31', dependencies: [{ on: 'epr', type: 'finish-to-finish', kind: 'infrastructure' }] }),
  ],
};

// Fixture "security-review over-allocated": fiscal_year_start 4, as-of 2026-11-15.
// Capacity 1.5 from 2026-Q1 then 2 from 2026-Q3; demand 0.8 + 0.5 + 1.2 = 2.5 in 2026-Q3.
export function securityReview() {
  return buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4 }),
      teams: [team('security-review', { title: 'Security review', kind: 'role', capacity: [{ from: '2026-Q1', fte: 1.5 }, { from: '2026-Q3', fte: 2 }] })],
      projects: [
        project('iam', { title: 'IAM', start: '2026-07-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 0.8 }] }),
        project('soc', { title: 'SOC', start: '2026-10-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 0.5 }] }),
        project('seg', { title: 'Segmentation', start: '2026-10-01', end: '2027-03-31', demand: [{ team: 'security-review', fte: 1.2 }] }),
        project('held', { status: 'on-hold', start: '2026-10-01', end: '2026-12-31', demand: [{ team: 'security-review', fte: 9 }] }),
      ],
    }),
    { audience: 'internal', asOf: '2026-11-15' },
  );
}

// Fixture "seventy-years": a 1997–2067 axis (a mainframe run to retirement) with a
// short project inside it, as-of 2026-11-15: the narrowest bands the axis draws.
export function seventyYears() {
  return buildModel(
    portfolio({
      programs: [program('core', { title: 'Core systems' })],
      projects: [
        project('mainframe', { title: 'Mainframe operations', program: 'core', start: '1997-01-15', end: '2067-11-30', progress: 42 }),
        project('upgrade', {
          title: 'Storage upgrade',
          program: 'core',
          start: '2026-03-01',
          end: '2027-06-30',
          baseline_end: '2027-03-31',
          milestones: [{ name: 'Cut-over', date: '2026-09-30' }],
        }),
      ],
    }),
    { audience: 'internal', asOf: '2026-11-15' },
  );
}

/**
 * Fixture "dependency-web": one program whose projects wait on each other in
 * every way the timeline draws (as-of 2026-11-15, fiscal year from April):
 * - `build` FS on `design`, starting before design ends: a conflict, drawn backward in x;
 * - `pilot` SS on `design`, crossing the long `platform` bar's rows;
 * - `cutover` FF on `build`, and FS on `design` for its `Go decision` milestone;
 * - `early` FS on `late`, which starts after it: a row below, so the arrow runs upward;
 * - `reporting` (another program) FS on `design`: a stub in its own lane;
 * - `training` FS on `someday`, which has no dates: a stub.
 */
export function dependencyWeb() {
  return buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4 }),
      programs: [program('core', { title: 'Core platform' }), program('mi', { title: 'Management information' })],
      projects: [
        project('design', { title: 'Design authority', program: 'core', start: '2026-01-05', end: '2026-06-30', milestones: [{ name: 'Design signed off', date: '2026-06-15' }] }),
        project('platform', { title: 'Platform run', program: 'core', start: '2026-01-10', end: '2027-12-31' }),
        project('build', { title: 'Build', program: 'core', start: '2026-05-04', end: '2026-12-18', dependencies: [{ on: 'design', kind: 'infrastructure' }] }),
        project('pilot', { title: 'Pilot', program: 'core', start: '2026-07-01', end: '2026-10-30', dependencies: [{ on: 'design', kind: 'business', type: 'start-to-start' }] }),
        project('cutover', {
          title: 'Cut-over',
          program: 'core',
          start: '2026-09-01',
          end: '2027-03-31',
          milestones: [{ name: 'Go decision', date: '2026-11-30' }, { name: 'A long milestone name beside the arrows', date: '2027-01-15' }],
          dependencies: [
            { on: 'build', kind: 'infrastructure', type: 'finish-to-finish' },
            { on: 'design', kind: 'business', need_by: 'Go decision' },
          ],
        }),
        project('early', { title: 'Early adopter', program: 'core', start: '2026-08-03', end: '2027-06-30', dependencies: [{ on: 'late', kind: 'data' }] }),
        project('late', { title: 'Late supplier', program: 'core', start: '2026-10-01', end: '2027-01-29' }),
        project('reporting', { title: 'Reporting', program: 'mi', start: '2026-08-03', end: '2027-02-26', dependencies: [{ on: 'design', kind: 'data' }] }),
        project('training', { title: 'Training', program: 'mi', start: '2027-01-04', end: '2027-05-28', dependencies: [{ on: 'someday', kind: 'training' }] }),
        project('someday', { title: 'Someday', status: 'proposed' }),
      ],
    }),
    { audience: 'internal', asOf: '2026-11-15' },
  );
}
