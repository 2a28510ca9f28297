/**
 * Page data for the record pages of programs, goals and teams: the record,
 * its projects, their mini timeline, and (programs and goals) the scoped
 * scorecard; (teams) the utilization heatmap.
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

/** What program and goal pages share: the projects rolled up, their mini timeline, the scoped scorecard. */
interface RollUpParts {
  projects: ProjectView[];
  timeline: TimelineView;
  scorecard?: ScorecardView;
}

function rollUpParts(model: PortfolioModel, scorecards: Scorecards, scope: ScorecardScope, ids: readonly string[]): RollUpParts {
  return { projects: projectsOf(model, ids), timeline: projectsTimeline(model, ids), scorecard: scorecardView(model, scorecards, scope) };
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
