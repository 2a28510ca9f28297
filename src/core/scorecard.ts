/**
 * The aggregates the scorecard and the backlog show that the portfolio model
 * does not hold: budget totals, by period and by vendor (from budget lines);
 * benefit realization across projects; goal alignment shares; the investment
 * mix; the 5×5 risk counts; the health matrix order; the attention list; and
 * the backlog's split into ranked and unscored requests.
 *
 * Pure and linear: one pass over the scope's projects (their lines, risks,
 * gates, decisions, changes and milestones), then sorts of the results.
 * Everything is computed from the audience-filtered model, so a figure
 * derived from a hidden field is `undefined` (its section is left out), and
 * every figure carries its formula with the inputs filled in.
 */
import { endDay, quarterOf, quarterLabel, startDay } from './dates.ts';
import type { Counts, PortfolioModel, ProjectView, Rag, UtilizationCell } from './model.ts';
import { budgetHealth } from './health.ts';
import { compareCodeUnits as cmp } from './format.ts';
import { linkedGoals } from './rollup.ts';
import { formatPercent, formulaNumber } from './format.ts';
import { HEALTH_DIMENSIONS, INVESTMENTS, RICE_KEYS, WSJF_KEYS, type HealthDimension, type PortfolioSettings } from './schema.ts';

/** A computed number with what it is made of, so a reader can recompute it. */
export interface Figure {
  value: number;
  /** The formula with the inputs filled in, e.g. `(2,880,000 − 2,400,000) / 2,400,000`. */
  formula: string;
  /** Anchor on the definitions page, e.g. `budget-variance`. */
  definition: string;
}

export interface BudgetBucket {
  key: string;
  planned: number;
  actual: number;
  /** Number of budget lines in the bucket. */
  lines: number;
}

export interface BudgetProjectRow {
  id: string;
  planned?: number;
  forecast?: number;
  actual?: number;
  variance?: number;
}

export interface BudgetSummary {
  planned: Figure;
  forecast: Figure;
  actual: Figure;
  /** Over the projects with both planned and forecast (planned > 0). */
  variance?: Figure & { level: Rag; reason: string };
  rows: BudgetProjectRow[];
  /** Fiscal quarter of each line's period (a line with no period goes under `none`), sorted. */
  byPeriod: BudgetBucket[];
  /** By vendor (a line with no vendor goes under `none`), largest planned first. */
  byVendor: BudgetBucket[];
}

export interface GoalAlignment {
  id: string;
  /** Open projects linked to the goal (directly or through their program). */
  openProjects: number;
  share: Figure;
  budgetShare?: Figure;
}

export interface InvestmentRow {
  kind: (typeof INVESTMENTS)[number] | 'none';
  /** Open projects of this kind. */
  projects: number;
  /** Σ planned budget of those projects; undefined when budget is hidden. */
  planned?: number;
  share?: Figure;
}

export interface RiskCell {
  likelihood: number;
  impact: number;
  /** Open risks in the cell, by project id then title. */
  risks: { project: string; title: string }[];
}

export interface RiskSummary {
  /** 25 cells, likelihood 5 → 1 (rows) × impact 1 → 5 (columns). */
  cells: RiskCell[];
  open: number;
}

export interface AttentionDecision {
  project: string;
  question: string;
  owner?: string;
  by?: string;
  /** as-of − by, in days, when `by` has passed. */
  overdueDays?: number;
}

export interface AttentionList {
  /** Overdue first (most overdue first), then by date, undated last. Undefined when decisions are hidden. */
  decisions?: AttentionDecision[];
  gates: { project: string; gate: string; date?: string; approver?: string }[];
  changes?: { project: string; id: string; title: string; cost?: number; days?: number }[];
  /** Most days since update first. */
  stale: { project: string; days: number; updated: string }[];
  /** Open projects' milestones not done whose date has passed, most overdue first. */
  overdueMilestones: { project: string; name: string; date: string; days: number }[];
  /** Open projects whose end has passed. */
  overdueProjects: { project: string; end: string; days: number }[];
}

export interface Scorecard {
  projects: string[];
  openProjects: number;
  counts: Counts;
  budget?: BudgetSummary;
  benefits?: { realization: Figure; projects: { id: string; value: number }[] };
  alignment: { goals: GoalAlignment[]; unaligned: { projects: string[]; share: Figure; budgetShare?: Figure } };
  investment: InvestmentRow[];
  risks?: RiskSummary;
  /** Open projects that are not requests (proposed), worst health first (see `compareHealth`). */
  matrix: string[];
  attention: AttentionList;
  /** Teams the scope's projects demand (all teams for the portfolio); undefined when demand is hidden. */
  teams?: string[];
}

export interface Visibility {
  budget: boolean;
  benefits: boolean;
  risks: boolean;
  scores: boolean;
  demand: boolean;
  decisions: boolean;
  changes: boolean;
}

export function visibility(hidden: readonly string[]): Visibility {
  const h = new Set(hidden);
  return {
    budget: !h.has('budget'),
    benefits: !h.has('benefits'),
    risks: !h.has('risks'),
    scores: !h.has('scores'),
    demand: !h.has('demand'),
    decisions: !h.has('decisions'),
    changes: !h.has('changes'),
  };
}

// ---------------------------------------------------------------------------
// number text for formulas (fixed en-GB grouping, no currency: the page names it)

const GROUP = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** `2880000` → `2,880,000`; at most 2 decimals. */
export const num = (n: number) => GROUP.format(n);
const NONE = 'none';

/** Σ of a list, as formula text: `a + b + c`, shortened to `a + b + … (n values)` past `max` terms. */
export function sumText(values: readonly number[], max = 6): string {
  if (values.length === 0) return '0';
  if (values.length <= max) return values.map(num).join(' + ');
  return `${values.slice(0, max - 1).map(num).join(' + ')} + … (${values.length} values)`;
}

function figure(value: number, formula: string, definition: string): Figure {
  return { value, formula, definition };
}

// ---------------------------------------------------------------------------
// health order

const SEVERITY: Record<Rag | 'none', number> = { red: 3, amber: 2, green: 1, none: 0 };
export const MATRIX_DIMENSIONS: readonly HealthDimension[] = HEALTH_DIMENSIONS;

function healthKey(p: ProjectView): number[] {
  let reds = 0;
  let ambers = 0;
  for (const d of MATRIX_DIMENSIONS) {
    const v = p.health[d]?.value;
    if (v === 'red') reds += 1;
    else if (v === 'amber') ambers += 1;
  }
  return [SEVERITY[p.health.overall ?? 'none'], reds, ambers];
}

/** Worst first: overall red, amber, green, none; then more red dimensions, more amber ones; then title, id. */
export function compareHealth(a: ProjectView, b: ProjectView): number {
  const ka = healthKey(a);
  const kb = healthKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  return cmp(a.record.title, b.record.title) || cmp(a.id, b.id);
}

// ---------------------------------------------------------------------------
// the scorecard of a set of projects

export interface ScorecardContext {
  fy: number;
  asOfDay: number;
  visible: Visibility;
  /** program id → its goals, to link projects to goals through their program. */
  programs: ReadonlyMap<string, { id: string; record: { goals?: string[] } }>;
  /** Goal ids to report alignment for, sorted. */
  goalIds: readonly string[];
  /** Teams to list in the heatmap when the scope is the whole portfolio. */
  allTeams?: readonly string[];
  budgetThresholds: readonly [number, number];
}

/** The scorecard of `projects` (a scope: the portfolio, a program or a goal). */
export function buildScorecard(projects: readonly ProjectView[], counts: Counts, c: ScorecardContext): Scorecard {
  const { fy, asOfDay, visible } = c;
  const sorted = [...projects].sort((a, b) => cmp(a.id, b.id));

  // budget accumulators
  const plannedValues: number[] = [];
  const forecastValues: number[] = [];
  const actualValues: number[] = [];
  let bothPlanned = 0;
  let bothForecast = 0;
  let bothCount = 0;
  const rows: BudgetProjectRow[] = [];
  const byPeriod = new Map<string, BudgetBucket>();
  const byVendor = new Map<string, BudgetBucket>();
  const bucket = (m: Map<string, BudgetBucket>, key: string) => {
    let b = m.get(key);
    if (!b) m.set(key, (b = { key, planned: 0, actual: 0, lines: 0 }));
    return b;
  };

  // benefits
  const realizations: { id: string; value: number }[] = [];

  // alignment and investment (open projects)
  const goalSet = new Set(c.goalIds);
  const openOfGoal = new Map<string, number>();
  const openPlannedOfGoal = new Map<string, number>();
  const unaligned: string[] = [];
  let unalignedPlanned = 0;
  let openCount = 0;
  let openPlanned = 0;
  const investment = new Map<InvestmentRow['kind'], { projects: number; planned: number }>();

  // risks
  const riskCells = new Map<string, RiskCell['risks']>();
  let openRisks = 0;

  // attention
  const decisions: AttentionDecision[] = [];
  const gates: AttentionList['gates'] = [];
  const changes: NonNullable<AttentionList['changes']> = [];
  const stale: AttentionList['stale'] = [];
  const overdueMilestones: AttentionList['overdueMilestones'] = [];
  const overdueProjects: AttentionList['overdueProjects'] = [];
  const teams = new Set<string>();

  const open: ProjectView[] = [];

  for (const p of sorted) {
    const r = p.record;
    // budget: every project in scope, whatever its status (as the roll-ups)
    if (visible.budget && r.budget) {
      const b = r.budget;
      let actual: number | undefined;
      for (const line of b.lines ?? []) {
        const period = line.period !== undefined ? quarterLabel(...quarterTuple(startDay(line.period, fy), fy)) : NONE;
        const pb = bucket(byPeriod, period);
        const vb = bucket(byVendor, line.vendor ?? NONE);
        for (const x of [pb, vb]) {
          x.planned += line.planned ?? 0;
          x.actual += line.actual ?? 0;
          x.lines += 1;
        }
        if (line.actual !== undefined) actual = (actual ?? 0) + line.actual;
      }
      if (b.planned !== undefined) plannedValues.push(b.planned);
      if (b.forecast !== undefined) forecastValues.push(b.forecast);
      if (actual !== undefined) actualValues.push(actual);
      if (b.planned !== undefined && b.forecast !== undefined && b.planned > 0) {
        bothPlanned += b.planned;
        bothForecast += b.forecast;
        bothCount += 1;
      }
      rows.push({ id: p.id, planned: b.planned, forecast: b.forecast, actual, variance: p.budgetVariance });
    }
    if (visible.benefits && p.benefitRealization !== undefined) realizations.push({ id: p.id, value: p.benefitRealization });
    if (visible.demand) for (const d of r.demand ?? []) teams.add(d.team);

    if (!p.open) continue;
    open.push(p);
    openCount += 1;
    const planned = visible.budget ? (r.budget?.planned ?? 0) : 0;
    openPlanned += planned;
    const goals = linkedGoals(p, c.programs).filter((g) => goalSet.has(g));
    for (const g of goals) {
      openOfGoal.set(g, (openOfGoal.get(g) ?? 0) + 1);
      openPlannedOfGoal.set(g, (openPlannedOfGoal.get(g) ?? 0) + planned);
    }
    if (goals.length === 0) {
      unaligned.push(p.id);
      unalignedPlanned += planned;
    }
    const kind = r.investment ?? 'none';
    const inv = investment.get(kind) ?? { projects: 0, planned: 0 };
    inv.projects += 1;
    inv.planned += planned;
    investment.set(kind, inv);

    if (visible.risks) {
      for (const risk of r.risks ?? []) {
        if (risk.status !== 'open') continue;
        openRisks += 1;
        const key = `${risk.likelihood}x${risk.impact}`;
        const list = riskCells.get(key);
        if (list) list.push({ project: p.id, title: risk.title });
        else riskCells.set(key, [{ project: p.id, title: risk.title }]);
      }
    }
    if (visible.decisions) {
      for (const d of r.decisions ?? []) {
        const due = d.by !== undefined ? endDay(d.by, fy) : undefined;
        decisions.push({
          project: p.id,
          question: d.question,
          owner: d.owner,
          by: d.by,
          overdueDays: due !== undefined && due < asOfDay ? asOfDay - due : undefined,
        });
      }
    }
    for (const g of r.gates ?? []) {
      if (g.status === 'pending') gates.push({ project: p.id, gate: g.gate, date: g.date, approver: g.approver });
    }
    if (visible.changes) {
      for (const ch of r.changes ?? []) {
        if (ch.status === 'open') changes.push({ project: p.id, id: ch.id, title: ch.title, cost: visible.budget ? ch.cost : undefined, days: ch.days });
      }
    }
    if (p.stale && p.daysSinceUpdate !== undefined && r.updated !== undefined) stale.push({ project: p.id, days: p.daysSinceUpdate, updated: r.updated });
    for (const m of r.milestones ?? []) {
      if (m.done) continue;
      const due = endDay(m.date, fy);
      if (due < asOfDay) overdueMilestones.push({ project: p.id, name: m.name, date: m.date, days: asOfDay - due });
    }
    if (p.overdue && p.endDay !== undefined && r.end !== undefined) overdueProjects.push({ project: p.id, end: r.end, days: asOfDay - p.endDay });
  }

  // --- budget
  let budget: BudgetSummary | undefined;
  if (visible.budget && rows.length > 0) {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const planned = sum(plannedValues);
    const forecast = sum(forecastValues);
    let variance: BudgetSummary['variance'];
    const ratio = bothPlanned > 0 ? (bothForecast - bothPlanned) / bothPlanned : NaN;
    if (bothCount > 0 && Number.isFinite(ratio)) {
      const v = ratio;
      const h = budgetHealth(v, c.budgetThresholds)!;
      variance = {
        ...figure(v, `(${num(bothForecast)} − ${num(bothPlanned)}) / ${num(bothPlanned)} = ${formatPercent(v, { signed: true, digits: 2 })}, Σ forecast and Σ planned of the ${bothCount} projects with both`, 'budget-variance'),
        level: h.value,
        reason: h.reason,
      };
    }
    budget = {
      planned: figure(planned, `Σ budget.planned of ${plannedValues.length} projects = ${sumText(plannedValues)}`, 'budget-planned'),
      forecast: figure(forecast, `Σ budget.forecast of ${forecastValues.length} projects = ${sumText(forecastValues)}`, 'budget-forecast'),
      actual: figure(sum(actualValues), `Σ budget line actuals of ${actualValues.length} projects = ${sumText(actualValues)}`, 'budget-actual'),
      variance,
      rows,
      byPeriod: [...byPeriod.values()].sort((a, b) => (a.key === NONE ? 1 : b.key === NONE ? -1 : cmp(a.key, b.key))),
      byVendor: [...byVendor.values()].sort((a, b) => (a.key === NONE ? 1 : b.key === NONE ? -1 : b.planned - a.planned || cmp(a.key, b.key))),
    };
  }

  // --- benefits
  let benefits: Scorecard['benefits'];
  const realizationMean = realizations.length > 0 ? realizations.reduce((a, b) => a + b.value, 0) / realizations.length : NaN;
  if (visible.benefits && Number.isFinite(realizationMean)) {
    const mean = realizationMean;
    benefits = {
      realization: figure(
        mean,
        `mean of ${realizations.length} projects' benefit realization = (${sumText(realizations.map((r) => Number(r.value.toFixed(4))))}) / ${realizations.length} = ${formatPercent(mean, { digits: 2 })}`,
        'benefit-realization',
      ),
      projects: realizations,
    };
  }

  // --- alignment
  const share = (part: number, total: number, what: string, def: string) =>
    total > 0 ? figure(part / total, `${num(part)} / ${num(total)} ${what} = ${formatPercent(part / total, { digits: 2 })}`, def) : undefined;
  const goalsOut: GoalAlignment[] = c.goalIds.map((g) => {
      const n = openOfGoal.get(g) ?? 0;
      return {
        id: g,
        openProjects: n,
        share: share(n, openCount, 'open projects', 'goal-share') ?? figure(0, 'no open projects', 'goal-share'),
        budgetShare: visible.budget ? share(openPlannedOfGoal.get(g) ?? 0, openPlanned, 'of open planned budget', 'goal-budget-share') : undefined,
      };
  });
  const alignment: Scorecard['alignment'] = {
    goals: goalsOut,
    unaligned: {
      projects: unaligned,
      share: share(unaligned.length, openCount, 'open projects', 'unaligned-share') ?? figure(0, 'no open projects', 'unaligned-share'),
      budgetShare: visible.budget ? share(unalignedPlanned, openPlanned, 'of open planned budget', 'unaligned-budget-share') : undefined,
    },
  };

  // --- investment mix
  const investmentRows: InvestmentRow[] = [...INVESTMENTS, 'none' as const]
    .filter((k) => investment.has(k))
    .map((k) => {
      const inv = investment.get(k)!;
      return {
        kind: k,
        projects: inv.projects,
        planned: visible.budget ? inv.planned : undefined,
        share: visible.budget ? share(inv.planned, openPlanned, 'of open planned budget', 'investment-mix') : share(inv.projects, openCount, 'open projects', 'investment-mix'),
      };
    });

  // --- risks
  let risks: RiskSummary | undefined;
  if (visible.risks) {
    const cells: RiskCell[] = [];
    for (let l = 5; l >= 1; l--) {
      for (let i = 1; i <= 5; i++) {
        const list = riskCells.get(`${l}x${i}`) ?? [];
        cells.push({ likelihood: l, impact: i, risks: list.sort((a, b) => cmp(a.project, b.project) || cmp(a.title, b.title)) });
      }
    }
    risks = { cells, open: openRisks };
  }

  // --- attention
  const attention: AttentionList = {
    decisions: visible.decisions ? decisions.sort(compareDecisions) : undefined,
    gates: gates.sort((a, b) => cmp(a.date ?? '9999', b.date ?? '9999') || cmp(a.project, b.project) || cmp(a.gate, b.gate)),
    changes: visible.changes ? changes.sort((a, b) => cmp(a.project, b.project) || cmp(a.id, b.id)) : undefined,
    stale: stale.sort((a, b) => b.days - a.days || cmp(a.project, b.project)),
    overdueMilestones: overdueMilestones.sort((a, b) => b.days - a.days || cmp(a.project, b.project) || cmp(a.name, b.name)),
    overdueProjects: overdueProjects.sort((a, b) => b.days - a.days || cmp(a.project, b.project)),
  };

  return {
    projects: sorted.map((p) => p.id),
    openProjects: openCount,
    counts,
    budget,
    benefits,
    alignment,
    investment: investmentRows,
    risks,
    matrix: open.filter((p) => p.record.status !== 'proposed').sort(compareHealth).map((p) => p.id),
    attention,
    teams: visible.demand ? (c.allTeams ? [...c.allTeams] : [...teams].sort(cmp)) : undefined,
  };
}

function quarterTuple(day: number, fy: number): [number, number] {
  const q = quarterOf(day, fy);
  return [q.fy, q.q];
}

/** Overdue first (most overdue first), then by date, undated last; ties by project and question. */
export function compareDecisions(a: AttentionDecision, b: AttentionDecision): number {
  const rank = (d: AttentionDecision) => (d.overdueDays !== undefined ? 0 : d.by !== undefined ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0 && a.overdueDays !== b.overdueDays) return b.overdueDays! - a.overdueDays!;
  return cmp(a.by ?? '', b.by ?? '') || cmp(a.project, b.project) || cmp(a.question, b.question);
}

// ---------------------------------------------------------------------------
// all scorecards of a model

export interface Scorecards {
  portfolio: Scorecard;
  programs: Map<string, Scorecard>;
  goals: Map<string, Scorecard>;
  visible: Visibility;
}

/** The portfolio's, every program's and every goal's scorecard. Cost: O(projects × (1 + goals linked)). */
export function buildScorecards(model: PortfolioModel): Scorecards {
  const visible = visibility(model.hidden);
  const ctx: ScorecardContext = {
    fy: model.settings.fiscal_year_start,
    asOfDay: model.asOfDay,
    visible,
    programs: model.byId.programs,
    goalIds: model.goals.map((g) => g.id),
    budgetThresholds: model.settings.thresholds.budget_variance,
  };
  const of = (ids: readonly string[]) => ids.map((id) => model.byId.projects.get(id)!).filter(Boolean);
  return {
    visible,
    portfolio: buildScorecard(model.projects, model.portfolio, { ...ctx, allTeams: model.teams.map((t) => t.id) }),
    programs: new Map(model.programs.map((p) => [p.id, buildScorecard(of(p.rollup.projects), p.rollup, ctx)])),
    goals: new Map(model.goals.map((g) => [g.id, buildScorecard(of(g.rollup.projects), g.rollup, ctx)])),
  };
}

// ---------------------------------------------------------------------------
// the backlog

export interface BacklogEntry {
  id: string;
  rank: number;
}

export interface UnscoredEntry {
  id: string;
  /** Inputs the scoring method needs that the record lacks; undefined when scores are hidden. */
  missing?: string[];
  /** Inputs present but unusable, e.g. `job size is 0`. */
  problem?: string;
}

export interface Backlog {
  method: 'weighted' | 'wsjf' | 'rice';
  /** Proposed projects with a rank, by rank then id. */
  ranked: BacklogEntry[];
  /** Proposed projects without a rank, by id. */
  unscored: UnscoredEntry[];
  /** All ranked open projects (requests and work in flight), by rank then id. */
  openRanking: BacklogEntry[];
  /** Proposed projects that are stale. */
  stale: string[];
}

/** The inputs a scoring method needs. */
export function requiredInputs(settings: Pick<PortfolioSettings, 'scoring'>): { id: string; label: string }[] {
  const m = settings.scoring.method;
  if (m === 'wsjf') return WSJF_KEYS.map((k) => ({ id: k, label: k }));
  if (m === 'rice') return RICE_KEYS.map((k) => ({ id: k, label: k }));
  return settings.scoring.criteria.map((c) => ({ id: c.id, label: c.label ?? c.id }));
}

export function buildBacklog(model: PortfolioModel): Backlog {
  const scoresVisible = !model.hidden.includes('scores');
  const needed = requiredInputs(model.settings);
  const method = model.settings.scoring.method;
  const byRank = (a: BacklogEntry, b: BacklogEntry) => a.rank - b.rank || cmp(a.id, b.id);
  const ranked: BacklogEntry[] = [];
  const openRanking: BacklogEntry[] = [];
  const unscored: UnscoredEntry[] = [];
  const stale: string[] = [];
  for (const p of model.projects) {
    if (p.rank !== undefined && p.open) openRanking.push({ id: p.id, rank: p.rank });
    if (p.record.status !== 'proposed') continue;
    if (p.stale) stale.push(p.id);
    if (p.rank !== undefined) {
      ranked.push({ id: p.id, rank: p.rank });
      continue;
    }
    if (!scoresVisible) {
      unscored.push({ id: p.id });
      continue;
    }
    const s = p.record.scores ?? {};
    const missing = needed.filter((n) => typeof s[n.id] !== 'number' || !Number.isFinite(s[n.id])).map((n) => n.label);
    let problem: string | undefined;
    if (missing.length === 0) {
      if (method === 'wsjf' && s.job_size === 0) problem = 'job_size is 0';
      else if (method === 'rice' && s.effort === 0) problem = 'effort is 0';
      else if (method === 'weighted' && needed.length === 0) problem = 'the scoring model has no criteria';
      else problem = 'the score is not a finite number (a divisor too close to 0?)';
    }
    unscored.push({ id: p.id, missing, problem });
  }
  return { method, ranked: ranked.sort(byRank), unscored, openRanking: openRanking.sort(byRank), stale: stale.sort(cmp) };
}

/** Heatmap rows for a scorecard: each listed team's utilization cells (empty when demand is hidden). */
export function heatmapRows(model: PortfolioModel, teams: readonly string[] | undefined): { team: string; label: string; kind: string; cells: UtilizationCell[] }[] {
  if (!teams) return [];
  const out: { team: string; label: string; kind: string; cells: UtilizationCell[] }[] = [];
  for (const id of teams) {
    const t = model.byId.teams.get(id);
    if (!t || !t.utilization) continue;
    out.push({ team: id, label: t.record.title, kind: t.record.kind, cells: t.utilization });
  }
  return out;
}

/** Days as formula text. */

// ---------------------------------------------------------------------------
// the definitions page

export interface Definition {
  /** Anchor on /scorecard/definitions/. */
  id: string;
  term: string;
  formula: string;
  notes?: string;
}

/** Every formula the scorecard and backlog show, in reading order (anchors are linked from the figures). */
export function definitions(settings: Pick<PortfolioSettings, 'thresholds' | 'scoring' | 'review_every_days' | 'fiscal_year_start'>): Definition[] {
  const [sa, sr] = settings.thresholds.schedule_slip_days;
  const [ba, br] = settings.thresholds.budget_variance;
  const [ca, cr] = settings.thresholds.capacity_utilization;
  const criteria = settings.scoring.criteria.map((c) => `${c.label ?? c.id} (weight ${formulaNumber(c.weight)}${c.invert ? ', inverted' : ''})`).join(', ');
  return [
    { id: 'score-weighted', term: 'Score (weighted)', formula: '100 × Σ wᵢ·nᵢ / Σ wᵢ, nᵢ = (v − min) / (max − min); an inverted criterion uses 1 − nᵢ', notes: `Scale ${settings.scoring.scale[0]}–${settings.scoring.scale[1]}.${criteria ? ` Criteria: ${criteria}.` : ''}` },
    { id: 'contribution', term: 'Criterion contribution (weighted)', formula: '100 × wᵢ·nᵢ / Σ wᵢ; the contributions add up to the score' },
    { id: 'score-wsjf', term: 'Score (WSJF)', formula: '(business_value + time_criticality + risk_reduction) / job_size', notes: 'Each input\'s contribution is its value / job_size.' },
    { id: 'score-rice', term: 'Score (RICE)', formula: 'reach × impact × confidence / effort' },
    { id: 'rank', term: 'Rank', formula: 'competition rank (1, 2, 2, 4) by score, highest first, among scored projects that are not done or cancelled' },
    { id: 'stale', term: 'Stale', formula: `open and as-of − updated > ${settings.review_every_days} days (review_every_days)` },
    { id: 'slip', term: 'Slip', formula: 'end − baseline_end, in days' },
    { id: 'health-schedule', term: 'Schedule health', formula: `red when not done and end < as-of; else amber when slip > ${sa} days, red when slip > ${sr} days` },
    { id: 'health-budget', term: 'Budget health', formula: `variance against thresholds: amber > ${formatPercent(ba, { digits: 2 })}, red > ${formatPercent(br, { digits: 2 })}` },
    { id: 'health-resources', term: 'Resources health', formula: `the worst utilization of a team the project demands, in a quarter it demands it: amber > ${formatPercent(ca, { digits: 2 })}, red > ${formatPercent(cr, { digits: 2 })}` },
    { id: 'health-benefits', term: 'Benefits health', formula: 'value_status: on-track green, at-risk amber, off-track red' },
    { id: 'health-overall', term: 'Overall health', formula: 'the worst dimension present (a manual value in the record wins over the computed one)' },
    { id: 'budget-planned', term: 'Budget planned', formula: 'Σ budget.planned of the projects in scope (every status)' },
    { id: 'budget-forecast', term: 'Budget forecast', formula: 'Σ budget.forecast of the projects in scope' },
    { id: 'budget-actual', term: 'Actual spend', formula: 'Σ actual of the budget lines of the projects in scope' },
    { id: 'budget-variance', term: 'Budget variance', formula: '(Σ forecast − Σ planned) / Σ planned, over the projects with both (planned > 0)', notes: `Coloured as budget health: amber > ${formatPercent(ba, { digits: 2 })}, red > ${formatPercent(br, { digits: 2 })}.` },
    { id: 'budget-by-period', term: 'Budget by period', formula: 'Σ planned and Σ actual of budget lines per fiscal quarter of the line\'s period', notes: `Fiscal years start in month ${settings.fiscal_year_start}.` },
    { id: 'budget-by-vendor', term: 'Budget by vendor', formula: 'Σ planned and Σ actual of budget lines per vendor' },
    { id: 'benefit-realization', term: 'Benefit realization', formula: 'per benefit (actual − baseline) / (target − baseline); per project the mean of its benefits; in a scope the mean of its projects' },
    { id: 'goal-share', term: 'Share of open work aligned to a goal', formula: 'open projects linked to the goal (directly or through their program) / open projects' },
    { id: 'goal-budget-share', term: 'Share of open budget aligned to a goal', formula: 'Σ planned of open projects linked to the goal / Σ planned of open projects' },
    { id: 'unaligned-share', term: 'Unaligned share', formula: 'open projects linked to no goal / open projects' },
    { id: 'unaligned-budget-share', term: 'Unaligned budget share', formula: 'Σ planned of open projects linked to no goal / Σ planned of open projects' },
    { id: 'investment-mix', term: 'Investment mix', formula: 'Σ planned of open projects of each investment kind / Σ planned of open projects (by count of open projects when budget is not published)' },
    { id: 'utilization', term: 'Utilization', formula: 'Σ FTE demanded by approved and active projects in the fiscal quarter / the team\'s capacity then', notes: `The last capacity entry carries forward. Amber > ${formatPercent(ca, { digits: 2 })}, red > ${formatPercent(cr, { digits: 2 })} or demand with no capacity.` },
    { id: 'risk-matrix', term: 'Risk heat map', formula: 'count of open risks per likelihood × impact (1–5 each); cells with likelihood × impact ≥ 15 are high, ≥ 8 medium' },
    { id: 'overdue-decision', term: 'Overdue decision', formula: 'an open project\'s decision whose `by` date is before the as-of date; days overdue = as-of − by' },
    { id: 'overdue-milestone', term: 'Overdue milestone', formula: 'an open project\'s milestone not done whose date is before the as-of date' },
    { id: 'overdue-project', term: 'Overdue project', formula: 'open and end < as-of; days = as-of − end' },
  ];
}
