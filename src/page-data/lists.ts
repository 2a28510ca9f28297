/**
 * Page data for the site's list pages: the overview (/), the record lists
 * (/projects/, /programs/, /goals/, /teams/), "What changed" and search.
 */
import { STATUSES, type Rag, type Status } from '../core/schema.ts';
import type { GoalView, PortfolioModel, ProjectView, TeamView } from '../core/model.ts';
import { searchPartPath, type SearchDocument } from '../core/search-index.ts';
import type { ChangeLog } from '../core/changes.ts';

export interface OverviewPage {
  openCount: number;
  overdue: ProjectView[];
  stale: ProjectView[];
  conflicted: ProjectView[];
}

export function overviewPage(model: PortfolioModel): OverviewPage {
  return {
    openCount: model.projects.filter((p) => p.open).length,
    overdue: model.projects.filter((p) => p.overdue),
    stale: model.projects.filter((p) => p.stale),
    conflicted: model.projects.filter((p) => p.conflicts.length > 0),
  };
}

/** /projects/: every project, one group per status (in the contract's order), empty groups left out. */
export function projectsPage(model: PortfolioModel): { groups: { status: Status; projects: ProjectView[] }[] } {
  return { groups: STATUSES.map((status) => ({ status, projects: model.projects.filter((p) => p.record.status === status) })).filter((g) => g.projects.length > 0) };
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

/** /changes/: the newest changes (the feed has them all), and why the history is empty or partial. */
export function changesPage(changes: ChangeLog | undefined, limit = 500): { entries: ChangeLog['entries']; shown: ChangeLog['entries']; note?: string } {
  const entries = changes?.entries ?? [];
  return { entries, shown: entries.slice(0, limit), note: changes?.note };
}

/** /search/: the index parts after the first, which the page merges. */
export function searchPage(search: readonly SearchDocument[][]): { mergedParts: string[] } {
  return { mergedParts: search.slice(1).map((_, i) => searchPartPath(i + 1)) };
}
