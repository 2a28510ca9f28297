/**
 * Page data for the record pages of programs, goals and teams: the record,
 * its projects, their mini timeline, and (programs and goals) a summary of
 * the scoped scorecard, which has its own page (/scorecard/programs/ID/,
 * /scorecard/goals/ID/); (teams) the utilization heatmap.
 */
import { projectsTimeline, type TimelineView } from '../charts/timeline.ts';
import type { GoalView, PortfolioModel, ProgramView, ProjectView, TeamView } from '../core/model.ts';
import type { Scorecards } from '../core/scorecard.ts';
import { heatmapBlock, scorecardView, type HeatmapBlock, type ScorecardScope, type ScorecardView } from './scorecard.ts';

function projectsOf(model: PortfolioModel, ids: readonly string[]): ProjectView[] {
  return ids.map((id) => model.byId.projects.get(id)).filter((p): p is ProjectView => p !== undefined);
}

function recordOf<T>(map: Map<string, T>, kind: string, id: string): T {
  const r = map.get(id);
  if (!r) throw new Error(`no ${kind} "${id}"`);
  return r;
}

/** A scoped scorecard in a few figures, with the link to it (the page itself would repeat a whole scorecard). */
export interface ScorecardSummary {
  href: string;
  openProjects: number;
  /** What needs attention, in counts (zero counts left out). */
  items: { label: string; count: number }[];
}

export const scopedScorecardPath = (kind: 'program' | 'goal', id: string) => `/scorecard/${kind}s/${id}/`;

function scorecardSummary(view: ScorecardView | undefined, kind: 'program' | 'goal', id: string): ScorecardSummary | undefined {
  if (!view) return undefined;
  const s = view.scorecard;
  const a = s.attention;
  const item = (count: number, one: string, many: string) => ({ count, label: count === 1 ? one : many });
  const items = [
    item(s.counts.byHealth.red ?? 0, 'red health', 'red health'),
    item(s.counts.byHealth.amber ?? 0, 'amber health', 'amber health'),
    item(a.overdueProjects.length, 'overdue project', 'overdue projects'),
    item(a.overdueMilestones.length, 'overdue milestone', 'overdue milestones'),
    item(a.stale.length, 'stale record', 'stale records'),
    item(a.gates.length, 'gate pending', 'gates pending'),
    item(a.decisions?.length ?? 0, 'decision open', 'decisions open'),
  ].filter((i) => i.count > 0);
  return { href: scopedScorecardPath(kind, id), openProjects: s.openProjects, items };
}

/** What program and goal pages share: the projects rolled up, their mini timeline, the scoped scorecard's summary. */
interface RollUpParts {
  projects: ProjectView[];
  timeline: TimelineView;
  scorecard?: ScorecardSummary;
}

function rollUpParts(model: PortfolioModel, scorecards: Scorecards, scope: ScorecardScope, ids: readonly string[]): RollUpParts {
  return {
    projects: projectsOf(model, ids),
    timeline: projectsTimeline(model, ids),
    scorecard: scorecardSummary(scorecardView(model, scorecards, scope), scope.kind, scope.id),
  };
}

export interface ProgramPage extends RollUpParts {
  program: ProgramView;
}

export function programPage(model: PortfolioModel, scorecards: Scorecards, id: string): ProgramPage {
  const program = recordOf(model.byId.programs, 'program', id);
  return { program, ...rollUpParts(model, scorecards, { kind: 'program', id }, program.rollup.projects) };
}

export interface GoalPage extends RollUpParts {
  goal: GoalView;
}

export function goalPage(model: PortfolioModel, scorecards: Scorecards, id: string): GoalPage {
  const goal = recordOf(model.byId.goals, 'goal', id);
  return { goal, ...rollUpParts(model, scorecards, { kind: 'goal', id }, goal.rollup.projects) };
}

export interface TeamPage {
  team: TeamView;
  projects: ProjectView[];
  timeline: TimelineView;
  /** The team's utilization by quarter; absent without demand or capacity. */
  heatmap?: HeatmapBlock;
}

export function teamPage(model: PortfolioModel, id: string): TeamPage {
  const team = recordOf(model.byId.teams, 'team', id);
  return {
    team,
    projects: projectsOf(model, team.projects),
    timeline: projectsTimeline(model, team.projects),
    heatmap: team.utilization?.length ? heatmapBlock(model, [{ team: team.id, label: team.record.title, cells: team.utilization }]) : undefined,
  };
}

export interface ScopedScorecardPage {
  kind: 'program' | 'goal';
  id: string;
  title: string;
  /** The program's or goal's own page. */
  recordHref: { kind: 'programs' | 'goals'; id: string };
  /** Level-2 sections: the scorecard is the page. */
  view: ScorecardView;
}

/** /scorecard/programs/ID/ and /scorecard/goals/ID/: every program and goal with projects, its scoped scorecard. */
export function scopedScorecardPages(model: PortfolioModel, scorecards: Scorecards, kind: 'program' | 'goal'): ScopedScorecardPage[] {
  const records = kind === 'program' ? model.programs : model.goals;
  return records.flatMap((r) => {
    const view = scorecardView(model, scorecards, { kind, id: r.id });
    return view ? [{ kind, id: r.id, title: r.record.title, recordHref: { kind: `${kind}s` as const, id: r.id }, view: { ...view, level: 2 as const } }] : [];
  });
}
