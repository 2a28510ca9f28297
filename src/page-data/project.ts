/**
 * Page data for /projects/[id]/: the project, a summary panel of what matters
 * first (health, dates and slip, next milestone, top risk, open decisions,
 * latest note), its sections in page order (summary, narrative, then the
 * details), the milestone strip and the dependency neighbourhood.
 */
import { neighbourhoodDiagram, type Diagram } from '../charts/dag-view.ts';
import { milestoneStrip, type MilestoneStrip } from '../charts/roadmap-views.ts';
import { hiddenHealthDimensions } from '../core/audience.ts';
import { endDay } from '../core/dates.ts';
import type { HealthDimension, PortfolioModel, ProjectView, Rag } from '../core/model.ts';
import { HEALTH_DIMENSIONS } from '../core/schema.ts';
import { decisionList, type AttentionDecision } from '../core/scorecard/attention.ts';
import type { PortfolioHistory } from '../core/history/index.ts';
import { projectTrend, type TrendBlock } from './history.ts';
import { sCurve, type SCurve } from '../charts/s-curve.ts';
import type { EvmLevel } from '../core/earned-value.ts';
import { humanize } from '../core/format.ts';
import { evmRows, roiRows, type ValueRow } from './values.ts';

export type { ValueRow } from './values.ts';
import { likelyDate, type LikelyDate } from './forecast.ts';
import { shownSections, type PageSection } from './sections.ts';

/** What a stakeholder reads first about a project; each part is absent when the record (as the audience sees it) has no data for it. */
export interface ProjectSummary {
  health: {
    overall?: Rag;
    /** Every dimension with a value, in the contract's order, with why. */
    dimensions: { dimension: HealthDimension; value: Rag; reason: string }[];
  };
  dates?: {
    start?: string;
    end?: string;
    baselineEnd?: string;
    /** end − baseline_end, in days. */
    slipDays?: number;
    progress?: number;
  };
  /** The earliest milestone not done (overdue ones included: they are still next). */
  nextMilestone?: {
    name: string;
    date: string;
    baseline?: string;
    /** Days from the as-of date to the milestone's date (its last day); negative when overdue. */
    inDays: number;
  };
  /** The open risk with the highest likelihood × impact (the first listed on a tie), and how many risks are open. */
  topRisk?: { title: string; likelihood: number; impact: number; owner?: string; mitigation?: string; open: number };
  /** Decisions needed: how many, and the most urgent (overdue first, then soonest). */
  decisions?: { open: number; first: AttentionDecision };
  /** The health note, and when the record was last reviewed. */
  note?: { text?: string; updated?: string; daysSinceUpdate?: number };
  /** What earned value suggests for schedule (SPI) and budget (CPI) health: a hint beside the health, never the health. */
  evmHints?: ({ dimension: 'schedule' | 'budget' } & EvmLevel)[];
}

/** The project page's "Earned value" section. */
export interface EarnedValueBlock {
  rows: ValueRow[];
  /** The S-curve; absent without dated budget lines. */
  curve?: SCurve;
}

/** The project page's "Return on investment" section. */
export interface RoiBlock {
  rows: ValueRow[];
  years: number;
}

export interface ProjectPage {
  project: ProjectView;
  summary: ProjectSummary;
  /** The sections shown, in page order; headings use these ids and titles. */
  sections: PageSection[];
  /** Each section by its key; absent when the page leaves it out. */
  section: Partial<Record<ProjectSectionKey, PageSection>>;
  /** The "On this page" list; absent on a short page. */
  onThisPage?: PageSection[];
  /** The milestones on a quarter strip; absent without milestones. */
  strip?: MilestoneStrip;
  /** Upstream and downstream, two steps each way; absent without dependencies. */
  neighbourhood?: Diagram;
  /** Milestone trend analysis from the portfolio's history (./history.ts); absent with fewer than two reviews of it. */
  trend?: TrendBlock & { flag?: string };
  /** "How likely is this date?" (./forecast.ts); absent for a project without a forecast. */
  likely?: LikelyDate;
  /** The overall-health label; it says so when this edition does not publish every dimension. */
  overallLabel: string;
  /** Why the overall health leaves dimensions out (a tooltip); absent when none is hidden. */
  overallReason?: string;
  earnedValue?: EarnedValueBlock;
  roi?: RoiBlock;
}

/**
 * A project page's sections in order: the summary and the narrative (the
 * record's body) first, then the detail tables. Ids carry a `sec-` prefix:
 * the body's own headings get ids from their text (a GMPP body has "Budget"
 * and "Schedule"), and a link must reach the page's section, not the body's.
 */
export const PROJECT_SECTIONS = {
  summary: { id: 'sec-summary', title: 'Summary' },
  notes: { id: 'sec-notes', title: 'Notes' },
  overview: { id: 'sec-overview', title: 'Overview' },
  milestones: { id: 'sec-milestones', title: 'Milestones' },
  trend: { id: 'milestone-trend', title: 'Milestone trend' },
  forecast: { id: 'sec-forecast', title: 'How likely is this date?' },
  dependencies: { id: 'sec-dependencies', title: 'Dependencies' },
  gates: { id: 'sec-gates', title: 'Gates' },
  budget: { id: 'sec-budget', title: 'Budget' },
  earnedValue: { id: 'sec-earned-value', title: 'Earned value' },
  benefits: { id: 'sec-benefits', title: 'Benefits' },
  roi: { id: 'sec-roi', title: 'Return on investment' },
  risks: { id: 'sec-risks', title: 'Risks' },
  score: { id: 'sec-score', title: 'Score' },
  demand: { id: 'sec-demand', title: 'Resource demand' },
  decisions: { id: 'sec-decisions', title: 'Decisions needed' },
  changes: { id: 'sec-changes', title: 'Change requests' },
} as const satisfies Record<string, PageSection>;
export type ProjectSectionKey = keyof typeof PROJECT_SECTIONS;

const some = (xs: readonly unknown[] | undefined) => (xs?.length ?? 0) > 0;

export function projectPage(model: PortfolioModel, id: string, history?: PortfolioHistory): ProjectPage {
  const project = model.byId.projects.get(id);
  if (!project) throw new Error(`no project "${id}"`);
  const trend = projectTrend(model, history, id);
  const likely = likelyDate(model, project);
  const r = project.record;
  const shown: Record<ProjectSectionKey, boolean> = {
    summary: true,
    notes: project.body.trim() !== '',
    overview: [r.phase, r.investment, r.sponsor, r.owners?.business, r.owners?.technical, r.value_status, r.readiness].some((x) => x !== undefined) || some(r.goals) || some(r.teams) || some(r.tags),
    milestones: some(r.milestones),
    trend: trend !== undefined,
    forecast: likely !== undefined,
    dependencies: project.dependsOn.length > 0 || project.dependents.length > 0,
    gates: some(r.gates),
    budget: r.budget !== undefined && (r.budget.planned !== undefined || r.budget.forecast !== undefined || some(r.budget.lines)),
    earnedValue: some(r.budget?.lines) && project.earnedValue !== undefined,
    benefits: some(r.benefits),
    roi: project.roi?.annualValue !== undefined,
    risks: some(r.risks),
    score: project.score !== undefined,
    demand: some(r.demand),
    decisions: some(r.decisions),
    changes: some(r.changes),
  };
  return {
    project,
    summary: projectSummary(model, project),
    ...shownSections(PROJECT_SECTIONS, shown),
    strip: milestoneStrip(model, project),
    neighbourhood: neighbourhoodDiagram(model, id, 2),
    ...(trend ? { trend } : {}),
    ...(likely ? { likely } : {}),
    ...overallHealthLabel(model),
    ...(shown.earnedValue ? { earnedValue: earnedValueBlock(model, project) } : {}),
    ...(shown.roi ? { roi: roiBlock(model, project) } : {}),
  };
}

/** Every earned value with its formula (or why it is missing), and the S-curve. */
export function earnedValueBlock(model: PortfolioModel, p: ProjectView): EarnedValueBlock | undefined {
  const e = p.earnedValue;
  if (!e) return undefined;
  const curve = sCurve(e, model.asOfDay, model.settings.currency, model.settings.fiscal_year_start);
  return { rows: evmRows(model, e), ...(curve ? { curve } : {}) };
}

/** Annual value, cost, ROI, payback and realized value, each with its formula (or why it is missing). */
export function roiBlock(model: PortfolioModel, p: ProjectView): RoiBlock | undefined {
  const r = p.roi;
  if (!r) return undefined;
  const years = model.settings.roi_years;
  return { years, rows: roiRows(model, r, { annualValue: 'Σ annual_value of the valued benefits', cost: 'budget forecast, else planned', roi: `over ${years} years`, payback: 'cost / annual value' }) };
}

/** The summary panel's parts, from the model (no formatting: the component formats dates and days). */
export function projectSummary(model: PortfolioModel, p: ProjectView): ProjectSummary {
  const r = p.record;
  const fy = model.settings.fiscal_year_start;
  const asOf = model.asOfDay;
  const dimensions = HEALTH_DIMENSIONS.flatMap((d) => {
    const h = p.health[d];
    return h ? [{ dimension: d, value: h.value, reason: h.reason }] : [];
  });
  const hasDates = r.start !== undefined || r.end !== undefined || r.baseline_end !== undefined || r.progress !== undefined;
  const next = (r.milestones ?? [])
    .filter((m) => !m.done)
    .map((m) => ({ m, due: endDay(m.date, fy) }))
    .reduce<{ m: NonNullable<typeof r.milestones>[number]; due: number } | undefined>((best, x) => (!best || x.due < best.due ? x : best), undefined);
  const openRisks = (r.risks ?? []).filter((k) => k.status === 'open');
  const top = openRisks.reduce<(typeof openRisks)[number] | undefined>((best, k) => (!best || k.likelihood * k.impact > best.likelihood * best.impact ? k : best), undefined);
  const decisions = decisionList([p], fy, asOf);
  const hasNote = p.health.note !== undefined || r.updated !== undefined;
  return {
    health: { overall: p.health.overall, dimensions },
    dates: hasDates ? { start: r.start, end: r.end, baselineEnd: r.baseline_end, slipDays: p.slipDays, progress: r.progress } : undefined,
    nextMilestone: next && { name: next.m.name, date: next.m.date, baseline: next.m.baseline, inDays: next.due - asOf },
    topRisk: top && { title: top.title, likelihood: top.likelihood, impact: top.impact, owner: top.owner, mitigation: top.mitigation, open: openRisks.length },
    decisions: decisions.length > 0 ? { open: decisions.length, first: decisions[0] } : undefined,
    note: hasNote ? { text: p.health.note, updated: r.updated, daysSinceUpdate: p.daysSinceUpdate } : undefined,
    ...evmHints(p),
  };
}

/** What SPI and CPI suggest, beside schedule and budget health; left out when earned value has neither. */
function evmHints(p: ProjectView): Pick<ProjectSummary, 'evmHints'> {
  const hints = (['schedule', 'budget'] as const).flatMap((dimension) => {
    const h = p.earnedValue?.hint[dimension];
    return h ? [{ dimension, ...h }] : [];
  });
  return hints.length > 0 ? { evmHints: hints } : {};
}

/** "Overall health", or "Overall health (of published dimensions)" when the audience hides some: a public rating is not the internal one. */
export function overallHealthLabel(model: PortfolioModel): { overallLabel: string; overallReason?: string } {
  const hidden = hiddenHealthDimensions(model.hidden);
  if (hidden.length === 0) return { overallLabel: 'Overall health' };
  const names = hidden.map((d) => humanize(d).toLowerCase());
  return {
    overallLabel: 'Overall health (of published dimensions)',
    overallReason: `The worst of the published dimensions; this edition does not publish ${names.join(' or ')} health.`,
  };
}
