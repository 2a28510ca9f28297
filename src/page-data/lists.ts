/**
 * Page data for the site's list pages: the overview (/), the record lists
 * (/projects/, /programs/, /goals/, /teams/), "What changed" and search.
 */
import { STATUSES, type Rag, type Status } from '../core/schema.ts';
import type { GoalView, PortfolioModel, ProjectView, TeamView } from '../core/model.ts';
import { searchPartPath } from '../core/search-index.ts';
import type { ChangeLog } from '../core/changes.ts';
import { compareCodeUnits, compareTitles, formatCount, formatDate, formatNumber, humanize } from '../core/format.ts';
import { nowNextLater } from '../charts/roadmap-views.ts';
import { capList, LIST_CAP, paginate, PAGE_SIZE, type Capped, type PageOf } from './paging.ts';

export interface OverviewPage {
  openCount: number;
  /** What the portfolio holds: `12 projects (9 open), 1 program, 3 goals and 1 team`. */
  holds: string;
  /** Most days overdue first; the rest on /projects/list/overdue/. */
  overdue: Capped<ProjectView>;
  stale: ProjectView[];
  /** Most days late first; the rest on /projects/list/conflicts/. */
  conflicted: Capped<ProjectView>;
}

export function overviewPage(model: PortfolioModel): OverviewPage {
  const openCount = model.projects.filter((p) => p.open).length;
  return {
    openCount,
    holds: `${formatCount(model.projects.length, 'project')} (${formatNumber(openCount, 0)} open), ${formatCount(model.programs.length, 'program')}, ${formatCount(model.goals.length, 'goal')} and ${formatCount(model.teams.length, 'team')}`,
    overdue: capList(overdueFirst(model)),
    stale: model.projects.filter((p) => p.stale),
    conflicted: capList(conflictedFirst(model)),
  };
}

const byTitle = (a: ProjectView, b: ProjectView) => compareTitles(a.record.title, b.record.title) || compareCodeUnits(a.id, b.id);
const HEALTH_RANK: Record<string, number> = { red: 0, amber: 1, green: 2 };
/** Worst health first (red, amber, green, none), then the soonest end, then title. */
export const worstFirst = (a: ProjectView, b: ProjectView) =>
  (HEALTH_RANK[a.health.overall ?? ''] ?? 3) - (HEALTH_RANK[b.health.overall ?? ''] ?? 3) || (a.endDay ?? Infinity) - (b.endDay ?? Infinity) || byTitle(a, b);

/** Overdue projects, most days past their end first. */
function overdueFirst(model: PortfolioModel): ProjectView[] {
  return model.projects.filter((p) => p.overdue).toSorted((a, b) => (a.endDay ?? Infinity) - (b.endDay ?? Infinity) || byTitle(a, b));
}

/** Projects with a dependency conflict, most days late (their worst conflict) first. */
function conflictedFirst(model: PortfolioModel): ProjectView[] {
  const late = (p: ProjectView) => Math.max(...p.conflicts.map((c) => c.days));
  return model.projects.filter((p) => p.conflicts.length > 0).toSorted((a, b) => late(b) - late(a) || byTitle(a, b));
}

/** A full list of projects, paginated: all of them (/projects/) or one filter (/projects/list/KEY/). */
export interface ProjectList {
  key: string;
  title: string;
  lede: string;
  /** Path of the first page. */
  base: string;
  projects: ProjectView[];
  /** Group each page's rows by status (the all-projects list). */
  byStatus: boolean;
  /** A goal's, program's or team's list: linked from its page (and back), not from every list's nav. */
  record?: { kind: (typeof RECORD_KIND)[RecordKind]; title: string; path: string };
}

/** The path of a filtered project list (the target of a summary's "N more"). */
export const projectListPath = (key: string) => `/projects/list/${key}/`;

/** The projects with these ids, in their order (an id the model does not hold is left out). */
export function projectsOf(model: PortfolioModel, ids: readonly string[]): ProjectView[] {
  return ids.map((id) => model.byId.projects.get(id)).filter((p): p is ProjectView => p !== undefined);
}

const RECORD_KIND = { goal: 'Goal', program: 'Program', team: 'Team' } as const;
export type RecordKind = keyof typeof RECORD_KIND;

/** Whether a goal's, program's or team's page shows only its first LIST_CAP projects, and it gets a full list. */
export const hasRecordList = (ids: readonly string[]) => ids.length > LIST_CAP;

/** The projects of a goal (with its programs'), a program or a team, worst first: what its page's table shows the first LIST_CAP of. */
export function recordProjects(model: PortfolioModel, ids: readonly string[]): ProjectView[] {
  return projectsOf(model, ids).toSorted(worstFirst);
}

/** The key of a record's full project list (/projects/list/goal-ID/). */
export const recordListKey = (kind: RecordKind, id: string) => `${kind}-${id}`;

/** The full project lists of goals, programs and teams whose pages show only their first LIST_CAP projects. */
function recordLists(model: PortfolioModel): ProjectList[] {
  const lede = (what: string) => `Every project ${what}, worst health first, then the soonest end.`;
  const of = (kind: RecordKind, id: string, title: string, ids: readonly string[], what: string): ProjectList[] => {
    if (!hasRecordList(ids)) return [];
    const key = recordListKey(kind, id);
    return [{ key, title: `Projects of ${title}`, lede: lede(what), base: projectListPath(key), projects: recordProjects(model, ids), byStatus: false, record: { kind: RECORD_KIND[kind], title, path: `/${kind}s/${id}/` } }];
  };
  return [
    ...model.goals.flatMap((g) => of('goal', g.id, g.record.title, g.rollup.projects, 'aligned to this goal, directly or through its program')),
    ...model.programs.flatMap((p) => of('program', p.id, p.record.title, p.rollup.projects, 'in this program')),
    ...model.teams.flatMap((t) => of('team', t.id, t.record.title, t.projects, 'this team works on')),
  ];
}

/** Every full project list: all, overdue, conflicts, slipping, each status (worst first), Now / Next / Later, and those of big goals, programs and teams. */
export function projectLists(model: PortfolioModel): ProjectList[] {
  const list = (key: string, title: string, lede: string, projects: ProjectView[]): ProjectList => ({ key, title, lede, base: projectListPath(key), projects, byStatus: false });
  const nnl = nowNextLater(model);
  const ids = (key: string) => nnl.columns.find((c) => c.key === key)!.projects.map((id) => model.byId.projects.get(id)!);
  return [
    { key: 'all', title: 'Projects', lede: `${model.projects.length} projects and requests, by status.`, base: '/projects/', projects: STATUSES.flatMap((s) => model.projects.filter((p) => p.record.status === s)), byStatus: true },
    list('overdue', 'Overdue projects', 'Open projects past their end date, most days overdue first.', overdueFirst(model)),
    list('conflicts', 'Projects with a dependency conflict', 'Projects that need something later than it is delivered, most days late first.', conflictedFirst(model)),
    list(
      'slipping',
      'Slips putting others at risk',
      'Slipped projects whose slip passes on to projects downstream, most projects at risk first.',
      model.projects
        .filter((p) => (p.slipPropagation?.atRisk.length ?? 0) > 0)
        .toSorted((a, b) => b.slipPropagation!.atRisk.length - a.slipPropagation!.atRisk.length || compareCodeUnits(a.id, b.id)),
    ),
    ...STATUSES.map((s) => list(s, `${humanize(s)} projects`, `Every project with status “${humanize(s)}”, worst health first, then the soonest end.`, model.projects.filter((p) => p.record.status === s).toSorted(worstFirst))),
    list('now', 'Now: in flight', `In flight on ${formatDate(model.settings.as_of, model.settings.fiscal_year_start)}, worst health first, then the soonest end.`, ids('now').toSorted(worstFirst)),
    list('next', 'Next', `${nnl.columns[1].description}, soonest start first.`, ids('next')),
    list('later', 'Later', `${nnl.columns[2].description}, soonest start first.`, ids('later')),
    ...recordLists(model),
  ];
}

export interface ProjectListPage {
  list: Omit<ProjectList, 'projects'>;
  /** Every list, to link them all from each page (key, title, count). */
  lists: { key: string; title: string; base: string; count: number }[];
  page: PageOf<ProjectView>;
  /** The page's rows, by status (one group, status undefined, when the list is not grouped). */
  groups: { status?: Status; projects: ProjectView[] }[];
}

/** Every page of every project list, with its path below /projects/ ('' for /projects/, 'page/2', 'list/overdue', 'list/overdue/page/2'). */
export function projectListPages(model: PortfolioModel, size = PAGE_SIZE): (ProjectListPage & { path: string })[] {
  const all = projectLists(model);
  const lists = all.filter((l) => !l.record).map((l) => ({ key: l.key, title: l.title, base: l.base, count: l.projects.length }));
  return all.flatMap(({ projects, ...list }) =>
    paginate(projects, list.base, size).map((page) => ({
      path: `${list.key === 'all' ? '' : `list/${list.key}`}${page.page > 1 ? `${list.key === 'all' ? '' : '/'}page/${page.page}` : ''}`,
      list,
      lists,
      page,
      groups: list.byStatus
        ? STATUSES.map((status) => ({ status, projects: page.items.filter((p) => p.record.status === status) })).filter((g) => g.projects.length > 0)
        : [{ projects: page.items }],
    })),
  );
}

/** /projects/: the first page of all projects, grouped by status (in the contract's order), empty groups left out. */
export function projectsPage(model: PortfolioModel, size = PAGE_SIZE): ProjectListPage {
  return projectListPages(model, size)[0];
}

/** /goals/: the share-of-budget column only when the audience sees budgets. */
export function goalsPage(model: PortfolioModel): { goals: GoalView[]; showShare: boolean } {
  return { goals: model.goals, showShare: model.goals.some((g) => g.budgetShare !== undefined) };
}

/** The worst of some utilization levels (red, then amber, then green); undefined for none. */
export function worstLevel(levels: readonly Rag[]): Rag | undefined {
  return levels.includes('red') ? 'red' : levels.includes('amber') ? 'amber' : levels.length ? 'green' : undefined;
}

/** /teams/: each team's worst utilization, the column only when the audience sees demand. */
export function teamsPage(model: PortfolioModel): { teams: { team: TeamView; worst?: Rag }[]; showUtil: boolean } {
  return {
    teams: model.teams.map((team) => ({ team, worst: worstLevel((team.utilization ?? []).map((u) => u.level)) })),
    showUtil: model.teams.some((t) => t.utilization !== undefined),
  };
}

/** /changes/ and /changes/page/N/: every change, newest first, in pages; and why the history is empty or partial. */
export function changesPages(changes: ChangeLog | undefined, size = PAGE_SIZE): { total: number; page: PageOf<ChangeLog['entries'][number]>; note?: string }[] {
  const entries = changes?.entries ?? [];
  return paginate(entries, '/changes/', size).map((page) => ({ total: entries.length, page, note: changes?.note }));
}

/** /search/: the index parts after the first, which the page merges. */
export function searchPage(partCount: number): { mergedParts: string[] } {
  return { mergedParts: Array.from({ length: Math.max(0, partCount - 1) }, (_, i) => searchPartPath(i + 1)) };
}
