/**
 * Page data for the record pages of programs, goals and teams: the record,
 * its projects, their mini timeline, and (programs and goals) the scoped
 * scorecard; (teams) the utilization heatmap.
 */
import { projectsTimeline, type TimelineView } from '../charts/timeline.ts';
import type { GoalView, PortfolioModel, ProgramView, ProjectView, TeamView } from '../core/model.ts';
import type { Scorecards } from '../core/scorecard.ts';
import { heatmapBlock, scorecardView, type HeatmapBlock, type ScorecardView } from './scorecard.ts';

function projectsOf(model: PortfolioModel, ids: readonly string[]): ProjectView[] {
  return ids.map((id) => model.byId.projects.get(id)).filter((p): p is ProjectView => p !== undefined);
}

function recordOf<T>(map: Map<string, T>, kind: string, id: string): T {
  const r = map.get(id);
  if (!r) throw new Error(`no ${kind} "${id}"`);
  return r;
}

export interface ProgramPage {
  program: ProgramView;
  projects: ProjectView[];
  timeline: TimelineView;
  scorecard?: ScorecardView;
}

export function programPage(model: PortfolioModel, scorecards: Scorecards, id: string): ProgramPage {
  const program = recordOf(model.byId.programs, 'program', id);
  return {
    program,
    projects: projectsOf(model, program.rollup.projects),
    timeline: projectsTimeline(model, program.rollup.projects),
    scorecard: scorecardView(model, scorecards, { kind: 'program', id }),
  };
}

export interface GoalPage {
  goal: GoalView;
  projects: ProjectView[];
  timeline: TimelineView;
  scorecard?: ScorecardView;
}

export function goalPage(model: PortfolioModel, scorecards: Scorecards, id: string): GoalPage {
  const goal = recordOf(model.byId.goals, 'goal', id);
  return {
    goal,
    projects: projectsOf(model, goal.rollup.projects),
    timeline: projectsTimeline(model, goal.rollup.projects),
    scorecard: scorecardView(model, scorecards, { kind: 'goal', id }),
  };
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
