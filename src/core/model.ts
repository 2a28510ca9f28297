/**
 * The portfolio model: everything the site shows, computed once per build from
 * validated records (see `buildModel` in `src/core/build-model.ts`). Pages,
 * charts and exports read this and nothing else.
 *
 * A value is `undefined` when it cannot be computed (missing inputs) or when
 * the audience hides the field it is derived from.
 */
import type { SCHEMA_VERSION } from './version.ts';
import type { Day } from './dates.ts';
import type { EarnedValue } from './earned-value.ts';
import type { ProjectRoi } from './roi.ts';
import type { PortfolioForecast, ProjectForecast } from './forecast/index.ts';
import type {
  Goal,
  HealthDimension,
  Loaded,
  MarkerKind,
  PortfolioSettings,
  Program,
  Project,
  Rag,
  Status,
  Team,
} from './schema.ts';

export type { Day, Rag, Status, HealthDimension };

export interface ScoreTerm {
  /** Criterion id (weighted) or input name (wsjf, rice). */
  criterion: string;
  label: string;
  value: number;
  /** weighted only: normalised 0..1 after inversion. */
  normalized?: number;
  weight?: number;
  /** weighted only: share of the 0..100 score this criterion contributes: 100 · w·n / Σw. */
  contribution?: number;
}

export interface Score {
  method: 'weighted' | 'wsjf' | 'rice';
  value: number;
  terms: ScoreTerm[];
  /** The formula with the inputs filled in, e.g. `100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10`. */
  formula: string;
}

export interface HealthValue {
  value: Rag;
  /** `manual` when set in the record's `health`, else `computed`. */
  source: 'manual' | 'computed';
  /** Why, in words a stakeholder understands, e.g. `slip 20 days > 14`. */
  reason: string;
}

export type Health = Partial<Record<HealthDimension, HealthValue>> & {
  /** The worst dimension present; undefined when no dimension has a value. */
  overall?: Rag;
  note?: string;
};

export interface Conflict {
  /** Upstream project id. */
  on: string;
  type: 'finish-to-start' | 'start-to-start' | 'finish-to-finish';
  /** The date the dependency is needed (ISO). */
  needed: string;
  /** What the date needed is: `start`, `end` or the `need_by` milestone's name. */
  neededFor: string;
  /** The upstream date compared with it (ISO). */
  upstream: string;
  /** upstream − needed, in days (> 0). */
  days: number;
}

export interface DependencyEdge {
  from: string; // the dependent project
  on: string; // the upstream project
  kind: string;
  type: 'finish-to-start' | 'start-to-start' | 'finish-to-finish';
  needBy?: string;
  note?: string;
  /** ISO dates, when both sides have them. */
  needed?: string;
  upstreamDate?: string;
  /** upstreamDate − needed in days; > 0 is a conflict, ≥ 0 is tight. */
  gapDays?: number;
  tight: boolean;
  conflict: boolean;
  critical: boolean;
  /** Confidence ranges: the probability (0..1) the upstream is delivered by the date needed; absent without a forecast or dates. */
  onTimeProbability?: number;
}

export interface ProjectView {
  id: string;
  file: string;
  /** The validated record as written (minus fields the audience hides). */
  record: Project;
  body: string;
  /** Day numbers for the record's dates, when present. */
  startDay?: Day;
  endDay?: Day;
  baselineEndDay?: Day;
  open: boolean;
  score?: Score;
  rank?: number;
  slipDays?: number;
  health: Health;
  budgetVariance?: number;
  /** Mean realization of the benefits that have baseline, target and actual. */
  benefitRealization?: number;
  benefitRealizations: { metric: string; value?: number }[];
  stale: boolean;
  /** Days since `updated` (as-of − updated), when `updated` is set. */
  daysSinceUpdate?: number;
  critical: boolean;
  conflicts: Conflict[];
  /** Dependencies of this project (outgoing edges) and projects that depend on it (incoming). */
  dependsOn: DependencyEdge[];
  dependents: DependencyEdge[];
  overdue: boolean;
  /** Earned value as of the as-of date (src/core/earned-value.ts); absent without a budget or when the audience hides it. */
  earnedValue?: EarnedValue;
  /** Return on investment (src/core/roi.ts); absent when the audience hides budget or benefits, or the record has neither. */
  roi?: ProjectRoi;
  /** Confidence ranges (src/core/forecast/): P50/P80/P95 ends of an open project with an end; absent without a forecast. */
  forecast?: ProjectForecast;
  /** Slip propagation (src/core/propagation.ts); absent when the project neither slips onto others nor is put at risk. */
  slipPropagation?: {
    /** Downstream projects this project's slip puts at risk, transitively. */
    atRisk: SlipRisk[];
    /** Slipped upstream projects that put this project at risk. */
    riskFrom: SlipRisk[];
  };
}

/** One project put at risk by (or putting at risk) another through a slip. */
export interface SlipRisk {
  /** The other project's id. */
  id: string;
  /** Days of delay the slip passes on. */
  days: number;
  /** The project it arrives through (the upstream on the worst path); the source itself for a direct dependent. */
  via: string;
}

export interface UtilizationCell {
  /** Fiscal quarter label, e.g. `2026-Q1`. */
  period: string;
  demand: number;
  capacity: number;
  /** demand / capacity; undefined when capacity is 0. */
  ratio?: number;
  level: Rag;
  /** Projects demanding this team in this period, with their FTE. */
  projects: { id: string; fte: number }[];
}

export interface TeamView {
  id: string;
  file: string;
  record: Team;
  body: string;
  /** undefined when the audience hides `demand`. */
  utilization?: UtilizationCell[];
  /** Projects naming this team in `teams` or `demand`. */
  projects: string[];
}

export interface Counts {
  byStatus: Partial<Record<Status, number>>;
  byHealth: Partial<Record<Rag | 'none', number>>;
  total: number;
}

export interface RollUp extends Counts {
  projects: string[];
  /** Σ planned / forecast of the projects' budgets; undefined when budget is hidden. */
  budgetPlanned?: number;
  budgetForecast?: number;
}

export interface GoalView {
  id: string;
  file: string;
  record: Goal;
  body: string;
  rollup: RollUp;
  programs: string[];
  /** Share (0..1) of the planned budget of open projects that is linked to this goal. */
  budgetShare?: number;
}

export interface ProgramView {
  id: string;
  file: string;
  record: Program;
  body: string;
  rollup: RollUp;
}

/** A portfolio marker the audience may see, with its days: a date has `firstDay` = `lastDay`. */
export interface MarkerView {
  name: string;
  kind: MarkerKind;
  /** `date` for a date marker; `from` and `to` for a period (as written). */
  date?: string;
  from?: string;
  to?: string;
  visibility: 'public' | 'internal';
  firstDay: Day;
  lastDay: Day;
  period: boolean;
}

export interface PortfolioModel {
  schemaVersion: typeof SCHEMA_VERSION;
  settings: PortfolioSettings & { as_of: string };
  audience: string;
  /** Project fields the audience hides. */
  hidden: string[];
  asOfDay: Day;
  projects: ProjectView[];
  programs: ProgramView[];
  goals: GoalView[];
  teams: TeamView[];
  byId: {
    projects: Map<string, ProjectView>;
    programs: Map<string, ProgramView>;
    goals: Map<string, GoalView>;
    teams: Map<string, TeamView>;
  };
  edges: DependencyEdge[];
  /** Confidence ranges, when the model was built with them (a build and the exports; not compare or history samples). */
  forecast?: PortfolioForecast;
  /** Portfolio markers the audience may see (internal ones only for `internal`), by first day then name. */
  markers: MarkerView[];
  portfolio: Counts & {
    budgetPlanned?: number;
    budgetForecast?: number;
    /** Share (0..1) of open projects linked to no goal. */
    unalignedShare: number;
    unalignedProjects: string[];
    /** Share of open projects' planned budget linked to no goal; undefined when budget hidden. */
    unalignedBudgetShare?: number;
  };
}

/** Validated input to `buildModel`. */
export interface PortfolioInput {
  settings: PortfolioSettings;
  projects: Loaded<Project>[];
  programs: Loaded<Program>[];
  goals: Loaded<Goal>[];
  teams: Loaded<Team>[];
}

export type RecordKind = keyof PortfolioModel['byId'];

/** A record's title, or its id when the audience cannot see it (or it does not exist). */
export function titleOf(model: PortfolioModel, kind: RecordKind, id: string): string {
  return model.byId[kind].get(id)?.record.title ?? id;
}
