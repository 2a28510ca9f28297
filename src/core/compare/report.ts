/**
 * What `npm run compare` reports: the computed differences between two
 * models of the portfolio (base and head), section by section, most
 * important first. Plain data (ids, titles, ISO dates, numbers), so the JSON
 * format is this object as it is; the Markdown is rendered from it
 * (./markdown.ts).
 */
import type { Rag } from '../model.ts';

/** A record named by id and title (the title as the head has it, else as the base had it). */
export interface Ref {
  id: string;
  title: string;
}

/** One side of the comparison: the ref as given (`main`, `HEAD~1`) and the commit, or the working tree. */
export interface Revision {
  /** `working tree`, or the ref as given. */
  label: string;
  /** The commit, absent for the working tree. */
  commit?: string;
}

export type DependencyType = 'finish-to-start' | 'start-to-start' | 'finish-to-finish';

export interface ConflictState {
  /** Days late: the upstream date − the date needed, as /dependencies/ shows. */
  days: number;
  /** ISO dates. */
  needed: string;
  upstream: string;
}

export interface ConflictChange {
  change: 'new' | 'worse' | 'better' | 'resolved';
  /** The project that waits. */
  project: Ref;
  /** The project it waits on. */
  on: Ref;
  type: DependencyType;
  /** What the date needed is: `start`, `end` or the `need_by` milestone's name. */
  neededFor: string;
  before?: ConflictState;
  after?: ConflictState;
  /** Resolved because the dependency (or one of its projects) is gone from the head. */
  removed?: boolean;
}

export interface RiskChange {
  change: 'new' | 'worse' | 'better' | 'cleared';
  /** The downstream project put at risk. */
  project: Ref;
  /** The slipped project whose slip reaches it. */
  source: Ref;
  /** Days of delay passed on (slip propagation), as /dependencies/ shows. */
  before?: number;
  after?: number;
  /** From the slipped project to this one (the head's path; the base's when cleared). */
  path: Ref[];
}

export interface CriticalChange {
  joined: Ref[];
  left: Ref[];
}

export interface DateMove {
  project: Ref;
  field: 'start' | 'end' | 'baseline_end' | 'milestone';
  /** The milestone's name, for `milestone`. */
  milestone?: string;
  /** As written in the records (absent: added or removed). */
  from?: string;
  to?: string;
  /** to − from in days (a month or quarter counts from its last day for ends and milestones, its first for starts). */
  days?: number;
  /** Against the baseline (`end` and milestones): the baseline, and the slip before and after, in days. */
  baseline?: string;
  slipBefore?: number;
  slipAfter?: number;
}

export interface OverdueChange {
  change: 'new' | 'cleared';
  project: Ref;
  /** A milestone's name; absent for the project's end. */
  milestone?: string;
  /** The date that passed (as written, the side where it is overdue). */
  date: string;
  /** Days overdue on the side where it is overdue. */
  days: number;
}

export interface CellState {
  level: Rag;
  demand: number;
  capacity: number;
  ratio?: number;
}

export interface UtilizationChange {
  team: Ref;
  /** Fiscal quarter, `2027-Q1`. */
  period: string;
  /** Absent: no demand listed for the team then. */
  before?: CellState;
  after?: CellState;
  /** Projects whose demand in this team-quarter changed, with their FTE before and after (0: none). */
  causes: { project: Ref; before: number; after: number }[];
}

export interface BudgetChange {
  project: Ref;
  before?: { variance: number; band: Rag };
  after?: { variance: number; band: Rag };
}

export interface HealthChange {
  project: Ref;
  /** A health dimension or `overall`. */
  dimension: string;
  from?: Rag;
  to?: Rag;
  /** Why, from the side that has a value (the head's, else the base's). */
  reason?: string;
  source?: 'manual' | 'computed';
}

export interface RankChange {
  project: Ref;
  /** Rank among open work (absent: not ranked on that side). */
  from?: number;
  to?: number;
}

export interface RecordChange {
  kind: 'project' | 'program' | 'goal' | 'team';
  record: Ref;
  change: 'added' | 'removed' | 'status';
  from?: string;
  to?: string;
}

export interface GateChange {
  project: Ref;
  gate: string;
  from?: string;
  to: string;
  date?: string;
  approver?: string;
}

export interface BenefitFigures {
  baseline?: number;
  target?: number;
  actual?: number;
  /** (actual − baseline) / (target − baseline), when all three are set. */
  progress?: number;
}

export interface BenefitChange {
  kind: 'benefit' | 'key-result';
  /** The project (benefit) or goal (key result). */
  owner: Ref;
  metric: string;
  unit?: string;
  /** Absent: added or removed. */
  before?: BenefitFigures;
  after?: BenefitFigures;
}

export interface CompareReport {
  schemaVersion: 1;
  base: Revision;
  head: Revision;
  audience: string;
  /** Project fields this audience does not see, so never compared. */
  hidden: string[];
  /** The as-of days (ISO); they differ when `as_of` changed. */
  asOf: { base: string; head: string };
  /** The head's fiscal year start and currency (how dates and money read). */
  fiscalYearStart: number;
  /** True when any section has an entry. */
  changed: boolean;
  conflicts: ConflictChange[];
  atRisk: RiskChange[];
  critical: CriticalChange;
  dates: DateMove[];
  overdue: OverdueChange[];
  utilization: UtilizationChange[];
  budget: BudgetChange[];
  health: HealthChange[];
  ranks: RankChange[];
  records: RecordChange[];
  gates: GateChange[];
  benefits: BenefitChange[];
}
