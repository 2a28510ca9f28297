/**
 * The MS Project XML (MSPDI) importer's pure core: a plan TaskJuggler wrote
 * (tests/fixtures/mspdi/taskjuggler.tjp → .xml), a file in the shape MS
 * Project saves (project summary task, baselines, every link type), and small
 * inline plans for outline levels, cycles and bad files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/core/frontmatter.ts';
import { ImportError } from '../../src/core/import/errors.ts';
import { importMspdi, type MspdiResult } from '../../src/core/import/mspdi.ts';
import { looksLikeMspdi } from '../../src/core/import/mspdi-xml.ts';
import { formatMspdiMarkdown } from '../../src/core/import/report.ts';
import { loadPortfolio } from '../../src/core/load.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mspdi');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function record(result: MspdiResult, path: string): Record<string, any> {
  const f = result.files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in ${result.files.map((x) => x.path).join(', ')}`);
  return parseFrontMatter(f.text).data as Record<string, any>;
}

const paths = (r: MspdiResult) => r.files.map((f) => f.path);

/** A plan from rows: [uid, name, outline level, start, finish, extra XML]. */
function plan(tasks: [number, string, number, string, string, string?][], head = ''): string {
  const body = tasks
    .map(([uid, name, level, start, finish, extra = '']) => `<Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>${start}T08:00:00</Start><Finish>${finish}T17:00:00</Finish>${extra}</Task>`)
    .join('');
  return `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project">${head}<Tasks>${body}</Tasks></Project>`;
}
const link = (uid: number, type = 1) => `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>${type}</Type></PredecessorLink>`;

describe('MS Project XML import: a TaskJuggler plan', () => {
  const result = importMspdi({ fileName: 'taskjuggler.xml', text: read('taskjuggler.xml') });

  it('makes a project per top-level summary task (TaskJuggler numbers that level 0), with its milestones', () => {
    expect(paths(result)).toEqual([
      'portfolio.yaml',
      'projects/customer-portal.md',
      'projects/data-platform.md',
      'projects/identity-platform.md',
      'projects/reporting.md',
      'teams/data-engineering.md',
      'teams/platform-engineering.md',
      'teams/security-review.md',
    ]);
    const identity = record(result, 'projects/identity-platform.md');
    expect(identity).toMatchObject({ title: 'Identity platform', start: '2026-01-05', end: '2026-03-27', status: 'done', progress: 100 });
    expect(identity.milestones).toEqual([
      { name: 'Design approved', date: '2026-01-30' },
      { name: 'SSO live', date: '2026-03-27' },
    ]);
    expect(record(result, 'projects/reporting.md')).toMatchObject({ status: 'active', progress: 10 });
  });

  it('turns cross-project links into dependencies with their types, and a milestone successor into need_by', () => {
    expect(record(result, 'projects/customer-portal.md').dependencies).toEqual([
      { on: 'identity-platform', type: 'finish-to-start', need_by: 'Go-live', note: 'MS Project: "Go-live" FS after "SSO live"' },
    ]);
    expect(record(result, 'projects/data-platform.md').dependencies).toEqual([{ on: 'identity-platform', type: 'start-to-start', note: 'MS Project: "Ingest" SS after "Design"' }]);
    expect(record(result, 'projects/reporting.md').dependencies).toEqual([{ on: 'data-platform', type: 'finish-to-start', note: 'MS Project: "Build" FS after "Build"' }]);
    expect(record(result, 'projects/identity-platform.md').dependencies).toBeUndefined();
    expect(result.report.notes).toContain('8 links between tasks of the same project: the plan\'s own detail, not imported');
  });

  it('turns resource groups into teams and assignments into demand by fiscal quarter', () => {
    expect(record(result, 'teams/platform-engineering.md')).toEqual({ title: 'Platform Engineering', kind: 'team', capacity: [{ from: '2026-Q1', fte: 2 }] });
    const portal = record(result, 'projects/customer-portal.md');
    expect(portal.teams).toEqual(['platform-engineering', 'security-review']);
    expect(portal.demand.map((d: { team: string; from: string }) => `${d.team} ${d.from}`)).toEqual(['platform-engineering 2026-Q1', 'platform-engineering 2026-Q2', 'security-review 2026-Q2']);
    const settings = result.files.find((f) => f.path === 'portfolio.yaml')!.text;
    expect(settings).toContain('title: Northwind delivery plan');
    expect(settings).toContain('as_of: 2026-04-15');
    expect(settings).toContain('currency: GBP');
  });

  it('passes check and gives the same files on every run', () => {
    expect(loadPortfolio(result.files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(importMspdi({ fileName: 'taskjuggler.xml', text: read('taskjuggler.xml') }).files).toEqual(result.files);
  });
});

describe('MS Project XML import: a file shaped as MS Project saves it', () => {
  const text = read('ms-project.xml');

  it('skips the project summary task: the top level is OutlineLevel 1', () => {
    const r = importMspdi({ fileName: 'ms-project.xml', text });
    expect(paths(r).filter((p) => p.startsWith('projects/'))).toEqual(['projects/digital-channels.md', 'projects/platform.md']);
    expect(r.report.notes[0]).toBe('task 0 "Northwind programmes" is the project summary task (the file itself): not a project');
    // Go-live waits for SSO live; the start-to-finish link the other way is dropped, so no cycle.
    expect(record(r, 'projects/digital-channels.md').dependencies).toEqual([{ on: 'platform', type: 'finish-to-start', need_by: 'Go-live', note: 'MS Project: "Go-live" FS after "SSO live"' }]);
  });

  it('--projects-at 2: programs above, baselines, % complete, FF links; SF and links to other files dropped and reported', () => {
    const r = importMspdi({ fileName: 'ms-project.xml', text, projectsAt: 2 });
    expect(paths(r)).toEqual([
      'portfolio.yaml',
      'programs/digital-channels.md',
      'programs/platform.md',
      'projects/customer-portal-replatform.md',
      'projects/data-platform.md',
      'projects/identity-platform.md',
      'projects/mobile-app.md',
      'teams/digital-delivery.md',
      'teams/security-reviewer.md',
    ]);
    const portal = record(r, 'projects/customer-portal-replatform.md');
    expect(portal).toMatchObject({ program: 'digital-channels', status: 'active', start: '2026-01-15', end: '2026-09-30', baseline_end: '2026-06-30', progress: 45 });
    expect(portal.milestones).toEqual([
      { name: 'Design approved', date: '2026-02-28', baseline: '2026-02-15', done: true },
      { name: 'Go-live', date: '2026-09-30', baseline: '2026-06-30' },
    ]);
    // A finish at midnight ends the day before.
    expect(record(r, 'projects/identity-platform.md').end).toBe('2026-07-31');
    expect(record(r, 'projects/mobile-app.md').dependencies).toEqual([{ on: 'customer-portal-replatform', type: 'finish-to-finish', note: 'MS Project: "Mobile build" FF after "Build"' }]);
    expect(record(r, 'projects/data-platform.md').dependencies).toEqual([{ on: 'identity-platform', type: 'start-to-start', note: 'MS Project: "Data Platform" SS after "Identity Platform"' }]);
    expect(r.report.entries.map((e) => `${e.column} ${e.row} ${e.reason}`)).toEqual(['link 8 start-to-finish link', 'link 13 link to another file', 'resource 3 material resource']);
    // Fiscal year from April (FYStartDate 4): January-March 2026 is 2025-Q4.
    expect(portal.demand[0]).toEqual({ team: 'digital-delivery', fte: 0.67, from: '2025-Q4', to: '2025-Q4' });
    expect(record(r, 'teams/security-reviewer.md')).toMatchObject({ kind: 'role', capacity: [{ from: '2025-Q4', fte: 1 }] });
    const md = formatMspdiMarkdown(r.report);
    expect(md).toContain('| 8 | link | Data Platform → Mobile build | dependencies | dropped: a start-to-finish link');
    expect(md).toContain('| tasks at outline level 2 (OutlineLevel 2 in the file) | projects (milestones there are dropped) |');
    expect(md).toContain('| projects/customer-portal-replatform.md (Customer Portal Replatform) | 2 | 2 | 1 | 3 |');
  });
});

describe('MS Project XML import: outline levels, cycles and bad files', () => {
  it('a plan without a project summary task whose top level is 1: every task there is a project but a milestone', () => {
    const r = importMspdi({
      fileName: 'p.xml',
      text: plan([
        [1, 'Alpha', 1, '2026-01-05', '2026-03-31', '<Summary>1</Summary>'],
        [2, 'A1', 2, '2026-01-05', '2026-03-31'],
        [3, 'Beta', 1, '2026-02-02', '2026-05-29', '<Summary>1</Summary>'],
        [4, 'B1', 2, '2026-02-02', '2026-05-29', link(2, 0)],
        [5, 'Loose task', 1, '2026-02-02', '2026-05-29'],
        [6, 'Board', 1, '2026-03-02', '2026-03-02', '<Milestone>1</Milestone>'],
      ]),
    });
    expect(paths(r)).toEqual(['portfolio.yaml', 'projects/alpha.md', 'projects/beta.md', 'projects/loose-task.md']);
    expect(record(r, 'projects/beta.md').dependencies).toEqual([{ on: 'alpha', type: 'finish-to-finish', note: 'MS Project: "B1" FF after "A1"' }]);
    expect(r.report.entries.map((e) => `${e.row} ${e.reason}`)).toEqual(['6 milestone outside any project']);
  });

  it('--projects-at 2: a task above that level with nothing under it is in no project, and the report says so', () => {
    const r = importMspdi({
      fileName: 'p.xml',
      projectsAt: 2,
      text: plan([
        [1, 'Programme', 1, '2026-01-05', '2026-06-30'],
        [2, 'Project', 2, '2026-01-05', '2026-06-30'],
        [3, 'Loose', 1, '2026-01-05', '2026-06-30'],
      ]),
    });
    expect(paths(r)).toEqual(['portfolio.yaml', 'programs/programme.md', 'projects/project.md']);
    expect(r.report.notes).toContain('1 task above outline level 2 with no tasks under it: in no project, not imported');
  });

  it('drops the link that would close a cycle of projects, and reports it', () => {
    const r = importMspdi({
      fileName: 'cycle.xml',
      text: plan([
        [1, 'Alpha', 1, '2026-01-05', '2026-06-30'],
        [2, 'A1', 2, '2026-01-05', '2026-03-31'],
        [3, 'A2', 2, '2026-04-01', '2026-06-30', link(5)],
        [4, 'Beta', 1, '2026-01-05', '2026-06-30'],
        [5, 'B1', 2, '2026-01-05', '2026-03-31', link(2)],
      ]),
    });
    expect(record(r, 'projects/alpha.md').dependencies).toEqual([{ on: 'beta', type: 'finish-to-start', note: 'MS Project: "A2" FS after "B1"' }]);
    expect(record(r, 'projects/beta.md').dependencies).toBeUndefined();
    expect(r.report.entries).toMatchObject([{ row: 5, column: 'link', reason: 'would make a cycle of projects' }]);
  });

  it('refuses what it cannot use, with a message', () => {
    const fail = (text: string, projectsAt?: number) => () => importMspdi({ fileName: 'x.xml', text, projectsAt });
    expect(fail('<Project><Tasks><Task></Project>')).toThrow(/^x\.xml:1:\d+: not well-formed XML/);
    expect(fail('<?xml version="1.0"?><html></html>')).toThrow(/root element is <html>, not <Project>/);
    expect(fail(plan([[1, 'Alpha', 1, '2026-01-05', '2026-06-30']]), 3)).toThrow(/--projects-at 3: the plan's outline has 1 level/);
    expect(fail(plan([[1, 'Board', 1, '2026-01-05', '2026-01-05', '<Milestone>1</Milestone>']]))).toThrow(/no task at outline level 1 but 1 milestone/);
    expect(fail(plan([]))).toThrow(ImportError);
  });

  it('recognises an MSPDI file by name or root element', () => {
    expect(looksLikeMspdi('plan.XML', '')).toBe(true);
    expect(looksLikeMspdi('export', '\uFEFF<?xml version="1.0"?>\n<!-- x --><Project xmlns="http://schemas.microsoft.com/project">')).toBe(true);
    expect(looksLikeMspdi('register.csv', 'Project,Status\n')).toBe(false);
  });
});
