/**
 * The aggregates the scorecard and the backlog show that the portfolio model
 * does not hold: budget totals, by period and by vendor (from budget lines);
 * benefit realization across projects; goal alignment shares; the investment
 * mix; the 5×5 risk counts; the health matrix order; the attention list; and
 * the backlog's split into ranked and unscored requests.
 *
 * One pure function per section (scorecard/: budget, benefits, alignment and
 * investment, risks, attention), each linear: one pass over the scope's
 * projects (their lines, risks, gates, decisions, changes and milestones),
 * then sorts of the results.
 * Everything is computed from the audience-filtered model, so a figure
 * derived from a hidden field is `undefined` (its section is left out), and
 * every figure carries its formula with the inputs filled in.
 */
import type { Counts, PortfolioModel, ProjectView, Rag, UtilizationCell } from './model.ts';
import { monthName } from './dates.ts';
import { compareCodeUnits as cmp, formatPercent, formulaNumber } from './format.ts';
import { HEALTH_DIMENSIONS, RICE_KEYS, WSJF_KEYS, type HealthDimension, type PortfolioSettings } from './schema.ts';
import { goalAlignment, investmentMix, openWork, type Alignment, type InvestmentRow } from './scorecard/alignment.ts';
import { attentionList, type AttentionList } from './scorecard/attention.ts';
import { benefitsSummary, type BenefitsSummary } from './scorecard/benefits.ts';
import { budgetSummary, type BudgetSummary } from './scorecard/budget.ts';
import { riskSummary, type RiskSummary } from './scorecard/risks.ts';
import { EVM_KEYS, EVM_TERMS, evmDefinition, rollupEarnedValue, type EarnedValueRollup, type EvmThresholds } from './earned-value.ts';
import { rollupRoi, type RoiRollup } from './roi.ts';

// The sections, one file each in scorecard/, re-exported for the pages and tests.
export { num, sumText, type Figure } from './scorecard/figure.ts';
export type { BudgetBucket, BudgetProjectRow, BudgetSummary } from './scorecard/budget.ts';
export type { BenefitsSummary } from './scorecard/benefits.ts';
export type { Alignment, GoalAlignment, InvestmentRow } from './scorecard/alignment.ts';
export type { RiskCell, RiskSummary } from './scorecard/risks.ts';
export { compareDecisions, type AttentionDecision, type AttentionList } from './scorecard/attention.ts';

export interface Scorecard {
  projects: string[];
  openProjects: number;
  counts: Counts;
  budget?: BudgetSummary;
  benefits?: BenefitsSummary;
  alignment: Alignment;
  investment: InvestmentRow[];
  risks?: RiskSummary;
  /** Open projects that are not requests (proposed), worst health first (see `compareHealth`). */
  matrix: string[];
  attention: AttentionList;
  /** Teams the scope's projects demand (all teams for the portfolio); undefined when demand is hidden. */
  teams?: string[];
  /** Earned value summed over the scope's projects; undefined when budget is hidden or no project has a budget. */
  earnedValue?: EarnedValueRollup;
  /** Return on investment summed over the scope's projects; undefined when budget or benefits are hidden. */
  roi?: RoiRollup;
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
  evm: EvmThresholds;
  roiYears: number;
}

/** Open projects that are not requests (proposed), worst health first: the health matrix's rows. */
export function healthMatrix(open: readonly ProjectView[]): string[] {
  return open.filter((p) => p.record.status !== 'proposed').sort(compareHealth).map((p) => p.id);
}

/** Teams the projects demand, sorted. */
export function demandedTeams(projects: readonly ProjectView[]): string[] {
  const teams = new Set<string>();
  for (const p of projects) for (const d of p.record.demand ?? []) teams.add(d.team);
  return [...teams].sort(cmp);
}

/** The scorecard of `projects` (a scope: the portfolio, a program or a goal): one section function each, a section left out when its field is hidden. */
export function buildScorecard(projects: readonly ProjectView[], counts: Counts, c: ScorecardContext): Scorecard {
  const { fy, asOfDay, visible } = c;
  const sorted = [...projects].sort((a, b) => cmp(a.id, b.id));
  // Budget, benefits and demand cover every project in scope, whatever its status (as the roll-ups); the rest only open work.
  const open = sorted.filter((p) => p.open);
  const work = openWork(open, visible.budget);
  return {
    projects: sorted.map((p) => p.id),
    openProjects: open.length,
    counts,
    budget: visible.budget ? budgetSummary(sorted, fy, c.budgetThresholds) : undefined,
    benefits: visible.benefits ? benefitsSummary(sorted) : undefined,
    alignment: goalAlignment(work, c.goalIds, c.programs),
    investment: investmentMix(work),
    risks: visible.risks ? riskSummary(open) : undefined,
    matrix: healthMatrix(open),
    attention: attentionList(open, fy, asOfDay, visible),
    teams: visible.demand ? (c.allTeams ? [...c.allTeams] : demandedTeams(sorted)) : undefined,
    earnedValue: visible.budget ? rollupEarnedValue(sorted, c.evm) : undefined,
    roi: visible.budget && visible.benefits ? rollupRoi(sorted, c.roiYears) : undefined,
  };
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
    evm: model.settings.evm,
    roiYears: model.settings.roi_years,
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

// ---------------------------------------------------------------------------
// the definitions page

/** Earned value and ROI definitions (src/core/earned-value.ts, src/core/roi.ts). */
function evmDefinitions(settings: Pick<PortfolioSettings, 'evm' | 'roi_years'>): Definition[] {
  const level = ([a, r]: readonly [number, number]) => `amber below ${formulaNumber(a, 3)}, red below ${formulaNumber(r, 3)}`;
  const notes: Partial<Record<(typeof EVM_KEYS)[number], string>> = {
    pv: 'As of the start of the as-of day: days before it have passed. A line\'s period is a day, a month or a fiscal quarter.',
    ac: 'The current period\'s actual counts in full (money spent, not a plan); a period without a reported actual adds nothing.',
    spi: `Suggests schedule health (a hint beside it, never the health itself): ${level(settings.evm.spi)} (evm.spi).`,
    cpi: `Suggests budget health (a hint beside it, never the health itself): ${level(settings.evm.cpi)} (evm.cpi).`,
    eac: 'Computed as BAC × AC / EV.',
  };
  const rollup = 'In a program, goal or the portfolio: BAC, PV, EV and AC summed over the projects that have all four, the rest from the sums.';
  return [
    ...EVM_KEYS.map((k) => ({ id: evmDefinition(k), term: `${EVM_TERMS[k].term} (${EVM_TERMS[k].name})`, formula: EVM_TERMS[k].formula, notes: [notes[k], k === 'bac' ? rollup : undefined].filter(Boolean).join(' ') || undefined })),
    { id: 'annual-value', term: 'Annual value', formula: 'Σ annual_value of the project\'s benefits that state one (money a year when the target is met)', notes: 'A project with no valued benefit has no return and is listed apart, never counted as zero.' },
    { id: 'roi-cost', term: 'Cost (for ROI)', formula: 'budget.forecast, else budget.planned' },
    { id: 'roi', term: 'Return on investment', formula: `(annual value × ${settings.roi_years} years − cost) / cost`, notes: `Over roi_years (${settings.roi_years}). In a scope: from Σ annual value and Σ cost of the projects with both.` },
    { id: 'payback', term: 'Payback period', formula: 'cost / annual value, in years' },
    { id: 'realized-value', term: 'Realized annual value', formula: 'Σ annual_value × benefit realization, each realization clamped to 0–100%, over valued benefits with baseline, target and actual' },
  ];
}

export interface Definition {
  /** Anchor on /scorecard/definitions/. */
  id: string;
  term: string;
  formula: string;
  notes?: string;
}

/** Every formula the scorecard and backlog show, in reading order (anchors are linked from the figures). */
export function definitions(settings: Pick<PortfolioSettings, 'thresholds' | 'scoring' | 'review_every_days' | 'fiscal_year_start' | 'evm' | 'roi_years'> & Partial<Pick<PortfolioSettings, 'forecast'>>): Definition[] {
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
    // Confidence ranges (src/core/forecast/).
    ...(settings.forecast
      ? [
          { id: 'forecast-range', term: 'P50 / P80 / P95 end', formula: `the end a project meets in 50%, 80% and 95% of ${settings.forecast.iterations} simulated runs (nearest rank); each run draws its end from its end_range (triangular: optimistic, end, pessimistic), else end + slip ratio × (end − start), then passes on what each dependency's slack cannot absorb, upstream first`, notes: `Slip ratio: (end − baseline_end) / (baseline_end − start) of the finished projects when there are ${settings.forecast.min_samples} or more (forecast.min_samples), else a default triangular −10% / 0 / +50%. Drift: with ${settings.forecast.drift_min_reviews} or more reviews in the history open with an end (forecast.drift_min_reviews), r = (its end at the latest − at the first) / (days between them), between 0 and 0.9; every draw is then remaining × r / (1 − r) days later (remaining = end − as-of, at least 0). A drawn end is never before the as-of date unless the typed end is.` },
          { id: 'forecast-need-by', term: 'Chance on time (dependency)', formula: 'share of the runs in which the upstream date is on or before the date needed as typed', notes: `A likely conflict: on time as typed, and a chance under ${formatPercent(settings.forecast.likely_conflict_below, { digits: 0 })} (forecast.likely_conflict_below).` },
        ]
      : []),
    { id: 'health-schedule', term: 'Schedule health', formula: `red when not done and end < as-of; else amber when slip > ${sa} days, red when slip > ${sr} days` },
    { id: 'health-budget', term: 'Budget health', formula: `variance against thresholds: amber > ${formatPercent(ba, { digits: 2 })}, red > ${formatPercent(br, { digits: 2 })}` },
    { id: 'health-resources', term: 'Resources health', formula: `the worst utilization of a team the project demands, in a quarter it demands it: amber > ${formatPercent(ca, { digits: 2 })}, red > ${formatPercent(cr, { digits: 2 })}` },
    { id: 'health-benefits', term: 'Benefits health', formula: 'value_status: on-track green, at-risk amber, off-track red' },
    { id: 'health-overall', term: 'Overall health', formula: 'the worst dimension present (a manual value in the record wins over the computed one)' },
    { id: 'budget-planned', term: 'Budget planned', formula: 'Σ budget.planned of the projects in scope (every status)' },
    { id: 'budget-forecast', term: 'Budget forecast', formula: 'Σ budget.forecast of the projects in scope' },
    { id: 'budget-actual', term: 'Actual spend', formula: 'Σ actual of the budget lines of the projects in scope' },
    { id: 'budget-variance', term: 'Budget variance', formula: '(Σ forecast − Σ planned) / Σ planned, over the projects with both (planned > 0)', notes: `Coloured as budget health: amber > ${formatPercent(ba, { digits: 2 })}, red > ${formatPercent(br, { digits: 2 })}.` },
    { id: 'budget-by-period', term: 'Budget by period', formula: 'Σ planned and Σ actual of budget lines per fiscal quarter of the line\'s period', notes: `Fiscal years start in ${monthName(settings.fiscal_year_start)}; a line's period is shown as its fiscal quarter (Q1 FY…).` },
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
    ...evmDefinitions(settings),
  ];
}
