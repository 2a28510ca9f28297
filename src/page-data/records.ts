/**
 * Page data for the record pages of programs, goals and teams: the record,
 * its projects, their mini timeline, and (programs and goals) a summary of
 * the scoped scorecard, which has its own page (/scorecard/programs/ID/,
 * /scorecard/goals/ID/); (teams) the utilization heatmap.
 */
import { progressBar, type ProgressBar } from '../charts/progress.ts';
import { COLLAPSE_AT, isScheduled, projectsTimeline, type TimelineView } from '../charts/timeline.ts';
import { hasRecordList, projectListPath, projectsOf, recordListKey, recordProjects, worstFirst, type RecordKind } from './lists.ts';
import { capList, LIST_CAP } from './paging.ts';
import { embedRef, type TimelineEmbed } from './embeds.ts';
import { benefitRealization } from '../core/budget.ts';
import { formatCount, formatPercent, formatYears, formulaNumber } from '../core/format.ts';
import { evmText } from './values.ts';
import type { GoalView, PortfolioModel, ProgramView, ProjectView, TeamView } from '../core/model.ts';
import type { Goal } from '../core/schema.ts';
import type { Scorecards } from '../core/scorecard.ts';
import { heatmapBlock, scorecardView, type HeatmapBlock, type ScorecardScope, type ScorecardView } from './scorecard.ts';
import { shownSections, type PageSection, type ShownSections } from './sections.ts';

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
  /** Earned value and return on investment in a sentence each, from the scope's sums; absent when hidden or not computed. */
  earnedValue?: string;
  roi?: string;
}

export const scopedScorecardPath = (kind: 'program' | 'goal', id: string) => `/scorecard/${kind}s/${id}/`;

function scorecardSummary(model: PortfolioModel, view: ScorecardView | undefined, kind: 'program' | 'goal', id: string): ScorecardSummary | undefined {
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
  return { href: scopedScorecardPath(kind, id), openProjects: s.openProjects, items, ...valueLines(model, view) };
}

/** "SPI 0.71, CPI 0.74 (5 projects)" and "ROI +23.1% over 5 years, payback 4.1 years (3 valued projects)". */
function valueLines(model: PortfolioModel, view: ScorecardView): Pick<ScorecardSummary, 'earnedValue' | 'roi'> {
  const e = view.scorecard.earnedValue;
  const r = view.scorecard.roi;
  const out: Pick<ScorecardSummary, 'earnedValue' | 'roi'> = {};
  if (e && (e.figures.spi || e.figures.cpi)) {
    const idx = [e.figures.spi && `SPI ${evmText(model, 'spi')(e.figures.spi.value)}`, e.figures.cpi && `CPI ${evmText(model, 'cpi')(e.figures.cpi.value)}`].filter(Boolean).join(', ');
    out.earnedValue = `${idx} (${formatCount(e.projects.length, 'project')})`;
  }
  if (r?.roi) out.roi = `ROI ${formatPercent(r.roi.value, { signed: true })} over ${view.roiYears} years${r.payback ? `, payback ${formatYears(r.payback.value)}` : ''} (${formatCount(r.projects.length, 'valued project')})`;
  return out;
}

/** The sections record pages can have; a page's list holds those it shows, in this order. */
const RECORD_SECTIONS = {
  keyResults: { id: 'key-results', title: 'Key results' },
  capacity: { id: 'capacity', title: 'Capacity' },
  utilization: { id: 'utilization', title: 'Utilization by quarter' },
  goals: { id: 'goals', title: 'Goals' },
  programs: { id: 'programs', title: 'Programs' },
  rollup: { id: 'roll-up', title: 'Roll-up' },
  timeline: { id: 'mini-timeline-h', title: 'Timeline' },
  projects: { id: 'projects', title: 'Projects' },
  notes: { id: 'notes', title: 'Notes' },
} as const satisfies Record<string, PageSection>;
type RecordSectionKey = keyof typeof RECORD_SECTIONS;

/** The sections of a record page (by key, shown or not), the list in page order, and its "On this page" list. */
export type RecordSections = ShownSections<RecordSectionKey>;

const recordSections = (shown: Partial<Record<RecordSectionKey, boolean>>): RecordSections => shownSections(RECORD_SECTIONS, shown);

const hasBody = (r: { body: string }) => r.body.trim() !== '';

/**
 * A record page's timeline: at most LIST_CAP projects drawn, the worst health
 * first (then the soonest end); the page's project table lists every project.
 * Above COLLAPSE_AT the chart is one summary row of them all, so nothing is
 * left off. `more` counts the charted projects left off; `charted` is the whole count.
 */
export function recordTimeline(model: PortfolioModel, ids: readonly string[], cap = LIST_CAP): { timeline: TimelineView; more: number; charted: number } {
  const scheduled = projectsOf(model, ids).filter(isScheduled);
  if (scheduled.length <= cap || scheduled.length > COLLAPSE_AT) {
    const timeline = projectsTimeline(model, ids);
    return { timeline, more: 0, charted: timeline.charted };
  }
  const keep = new Set(scheduled.toSorted(worstFirst).slice(0, cap).map((p) => p.id));
  const drawn = new Set(scheduled.map((p) => p.id));
  // Undated projects stay in: the chart's note counts them.
  const timeline = projectsTimeline(model, ids.filter((id) => keep.has(id) || !drawn.has(id)), scheduled.length);
  return { timeline, more: scheduled.length - keep.size, charted: scheduled.length };
}

/** A record page's project table: all its projects, or past LIST_CAP the first LIST_CAP worst first and the rest on its full list. */
export interface RecordProjects {
  projects: ProjectView[];
  /** Projects left off the table, and where the full list is; absent when the table has them all. */
  projectsMore?: { count: number; to: string };
}

function recordTable(model: PortfolioModel, kind: RecordKind, id: string, ids: readonly string[]): RecordProjects {
  if (!hasRecordList(ids)) return { projects: projectsOf(model, ids) };
  const { shown, more } = capList(recordProjects(model, ids));
  return { projects: shown, projectsMore: { count: more, to: projectListPath(recordListKey(kind, id)) } };
}

/** What program and goal pages share: the projects rolled up, their mini timeline, the scoped scorecard's summary. */
interface RollUpParts extends RecordProjects {
  timeline: TimelineView;
  /** Charted projects the timeline leaves off (recordTimeline); the table lists them. */
  timelineMore: number;
  /** The timeline as a file to embed elsewhere, when it has one. */
  embed?: Pick<TimelineEmbed, 'path' | 'label'>;
  scorecard?: ScorecardSummary;
}

function rollUpParts(model: PortfolioModel, scorecards: Scorecards, scope: ScorecardScope, ids: readonly string[], title: string): RollUpParts {
  const { timeline, more, charted } = recordTimeline(model, ids);
  return {
    ...recordTable(model, scope.kind, scope.id, ids),
    timeline,
    timelineMore: more,
    embed: embedRef(scope.kind === 'program' ? 'programs' : 'goals', scope.id, title, charted),
    scorecard: scorecardSummary(model, scorecardView(model, scorecards, scope), scope.kind, scope.id),
  };
}

export interface ProgramPage extends RollUpParts, RecordSections {
  program: ProgramView;
}

export function programPage(model: PortfolioModel, scorecards: Scorecards, id: string): ProgramPage {
  const program = recordOf(model.byId.programs, 'program', id);
  const parts = rollUpParts(model, scorecards, { kind: 'program', id }, program.rollup.projects, program.record.title);
  const rolled = parts.projects.length > 0;
  const sections = recordSections({
    goals: (program.record.goals?.length ?? 0) > 0,
    rollup: rolled,
    timeline: rolled && parts.timeline.charted > 0,
    projects: rolled,
    notes: hasBody(program),
  });
  return { program, ...parts, ...sections };
}

/** Which way a key result should move: from its baseline towards its target. */
export type KeyResultDirection = 'higher' | 'lower';

/** A key result as the goal page shows it: its direction and its progress from baseline towards target. */
export interface KeyResultView {
  metric: string;
  unit?: string;
  baseline?: number;
  target?: number;
  actual?: number;
  /** From baseline vs target; absent when either is missing or they are equal. */
  direction?: KeyResultDirection;
  /** (actual − baseline) / (target − baseline), unclamped (above 1 is past the target, below 0 the wrong way); absent without all three or when target = baseline. */
  progress?: number;
  /** The formula with the inputs filled in, e.g. `(24 − 18) / (35 − 18) = 35.3%`. */
  formula?: string;
  /** The bar, clamped to 0..100%. */
  bar?: ProgressBar;
  /** Why there is no figure, or why the bar is clamped; absent when the bar shows the figure as it is. */
  explanation?: string;
}

export function keyResultView(k: NonNullable<Goal['key_results']>[number]): KeyResultView {
  const { metric, unit, baseline, target, actual } = k;
  const direction: KeyResultDirection | undefined = baseline === undefined || target === undefined || baseline === target ? undefined : target > baseline ? 'higher' : 'lower';
  const progress = benefitRealization({ baseline, target, actual });
  const n = (x: number) => formulaNumber(x);
  const formula = progress !== undefined ? `(${n(actual!)} − ${n(baseline!)}) / (${n(target!)} − ${n(baseline!)}) = ${formatPercent(progress)}` : undefined;
  const bar = progressBar(progress);
  const explanation =
    baseline === undefined || target === undefined
      ? `No progress figure: the key result has no ${baseline === undefined && target === undefined ? 'baseline or target' : baseline === undefined ? 'baseline' : 'target'}.`
      : baseline === target
        ? 'No progress figure: the target equals the baseline.'
        : actual === undefined
          ? 'No current value yet, so no progress.'
          : progress === undefined
            ? undefined
            : progress > 1
              ? 'Past the target: the bar shows 100%.'
              : progress < 0
                ? `Moved away from the target (${direction === 'higher' ? 'down' : 'up'} from the baseline): the bar shows 0%.`
                : undefined;
  return { metric, unit, baseline, target, actual, direction, progress, formula, bar, explanation };
}

export interface GoalPage extends RollUpParts, RecordSections {
  goal: GoalView;
  keyResults: KeyResultView[];
}

export function goalPage(model: PortfolioModel, scorecards: Scorecards, id: string): GoalPage {
  const goal = recordOf(model.byId.goals, 'goal', id);
  const parts = rollUpParts(model, scorecards, { kind: 'goal', id }, goal.rollup.projects, goal.record.title);
  const keyResults = (goal.record.key_results ?? []).map(keyResultView);
  const rolled = parts.projects.length > 0;
  const sections = recordSections({
    keyResults: keyResults.length > 0,
    programs: goal.programs.length > 0,
    rollup: rolled,
    timeline: rolled && parts.timeline.charted > 0,
    projects: rolled,
    notes: hasBody(goal),
  });
  return { goal, keyResults, ...parts, ...sections };
}

export interface TeamPage extends RecordSections, RecordProjects {
  team: TeamView;
  timeline: TimelineView;
  /** Charted projects the timeline leaves off (recordTimeline); the table lists them. */
  timelineMore: number;
  embed?: Pick<TimelineEmbed, 'path' | 'label'>;
  /** The team's utilization by quarter; absent without demand or capacity. */
  heatmap?: HeatmapBlock;
}

export function teamPage(model: PortfolioModel, id: string): TeamPage {
  const team = recordOf(model.byId.teams, 'team', id);
  const table = recordTable(model, 'team', id, team.projects);
  const { timeline, more: timelineMore, charted } = recordTimeline(model, team.projects);
  const heatmap = team.utilization?.length ? heatmapBlock(model, [{ team: team.id, label: team.record.title, cells: team.utilization }]) : undefined;
  const sections = recordSections({
    capacity: (team.record.capacity?.length ?? 0) > 0,
    utilization: heatmap !== undefined,
    timeline: team.projects.length > 0 && timeline.charted > 0,
    projects: team.projects.length > 0,
    notes: hasBody(team),
  });
  return { team, ...table, timeline, timelineMore, embed: embedRef('teams', id, team.record.title, charted), heatmap, ...sections };
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
