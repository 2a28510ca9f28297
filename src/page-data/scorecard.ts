/**
 * Page data for scorecards: the portfolio's on /scorecard/, and a program's
 * or goal's roll-up on their pages (same sections, scoped to its projects),
 * with every chart's view model. Sections whose inputs the audience hides
 * are left out.
 */
import { groupedBars, type BarChart } from '../charts/bars.ts';
import { capacityHeatmapOf, type Heatmap, type HeatmapRowInput } from '../charts/heatmap.ts';
import { riskMatrix, type RiskMatrix } from '../charts/matrix.ts';
import { compareCodeUnits, formatDate, formatMoney, formatMoneyCompact, formatPercent, humanize } from '../core/format.ts';
import type { PortfolioModel } from '../core/model.ts';
import { titleOf } from '../core/model.ts';
import { heatmapRows, type BudgetSummary, type Scorecard, type Scorecards } from '../core/scorecard.ts';
import { shownSections, type PageSection } from './sections.ts';
import { capList, type Capped } from './paging.ts';
import type { EarnedValueRollup, EvmLevel } from '../core/earned-value.ts';
import { formatYears } from '../core/format.ts';
import type { RoiRollup } from '../core/roi.ts';
import { evmRows, evmText, roiRows, type ValueRow } from './values.ts';

export type ScorecardScope = { kind: 'program' | 'goal'; id: string };

/** A capacity heatmap: its rows (for the table) and its chart. */
export interface HeatmapBlock {
  rows: HeatmapRowInput[];
  chart: Heatmap;
}

export interface BudgetCharts {
  period: BarChart;
  vendor: BarChart;
  /** Per-project budget rows, largest variance first. */
  rows: BudgetSummary['rows'];
}

export interface ScorecardView {
  scorecard: Scorecard;
  scope?: ScorecardScope;
  /** Heading level of the sections. */
  level: 2 | 3;
  /** Prefix of the SVG ids (unique on the page). */
  id: string;
  heatmap?: HeatmapBlock;
  risks?: RiskMatrix;
  budget?: BudgetCharts;
  alignment: BarChart;
  mix: BarChart;
  /** Goal pages: alignment to their own goal is 100% by construction, so only the mix is shown. */
  showAlignment: boolean;
  /** The sections shown, in page order: what needs attention and the health matrix first, then the figures and charts. */
  sections: PageSection[];
  /** Each section by its key; absent when left out. */
  section: Partial<Record<ScorecardSectionKey, PageSection>>;
  /** Each attention list's count, linking to it; zero counts left out. */
  attention: AttentionCount[];
  /** The health matrix's rows (project ids, worst first): the first LIST_CAP; a large portfolio's healthier tail is on the projects list. */
  matrix: Capped<string>;
  /** The "On this page" list; absent on a short scorecard. */
  onThisPage?: PageSection[];
  earnedValue?: EvmView;
  valueForMoney?: ValueForMoneyView;
  /** `roi_years`, the horizon of ROI. */
  roiYears: number;
}

/** SPI or CPI in a table cell: the index, what it suggests, and how it was computed. */
export interface IndexCell extends EvmLevel {
  index: number;
  text: string;
  formula: string;
  definition: string;
}

/** One line of the earned value table: a program, a goal or a project, with its roll-up. */
export interface EvmLine {
  kind: 'programs' | 'goals' | 'projects';
  id: string;
  label: string;
  /** Projects summed (with BAC, PV, EV and AC). */
  projects: number;
  spi?: IndexCell;
  cpi?: IndexCell;
  sv?: string;
  cv?: string;
  eac?: string;
}

/** The scorecard's earned value: the scope's totals with formulas, then SPI and CPI per program and goal (the portfolio) or per project (a program or goal). */
export interface EvmView {
  figures: ValueRow[];
  /** Projects summed, and projects with a budget left out (they lack BAC, PV, EV or AC). */
  projects: number;
  left: number;
  lines: Capped<EvmLine>;
  /** What the lines are. */
  linesOf: 'programs and goals' | 'projects';
}

/** One project in the value-for-money ranking. */
export interface ValueForMoneyRow {
  id: string;
  roi: string;
  roiFormula: string;
  payback: string;
  annualValue: string;
  cost: string;
}

/** Projects ranked by ROI (highest first, then shortest payback), the scope's total, and the projects without a valued benefit apart. */
export interface ValueForMoneyView {
  years: number;
  figures: ValueRow[];
  ranked: Capped<ValueForMoneyRow>;
  /** No benefit states annual_value: listed, not counted as zero. */
  unvalued: Capped<string>;
  /** Valued, but no usable cost. */
  uncosted: string[];
}

/** The scorecard's sections in page order, by key: the heading id and text. */
export const SCORECARD_SECTIONS = {
  attention: { id: 'attention', title: 'Needs attention' },
  matrix: { id: 'health-matrix', title: 'Health matrix' },
  projects: { id: 'projects', title: 'Projects' },
  money: { id: 'budget-and-benefits', title: 'Budget and benefits' },
  capacity: { id: 'capacity', title: 'Capacity' },
  risks: { id: 'risks', title: 'Risk heat map' },
  budgetPeriod: { id: 'budget-by-period', title: 'Budget by period' },
  budgetVendor: { id: 'budget-by-vendor', title: 'Budget by vendor' },
  earnedValue: { id: 'earned-value', title: 'Earned value' },
  valueForMoney: { id: 'value-for-money', title: 'Value for money' },
  alignment: { id: 'goal-alignment', title: 'Goal alignment' },
  mix: { id: 'investment-mix', title: 'Investment mix' },
} as const satisfies Record<string, PageSection>;
export type ScorecardSectionKey = keyof typeof SCORECARD_SECTIONS;

/** One attention list in a count: its heading id (`attention-…`), what it is, how many. */
export interface AttentionCount {
  id: string;
  label: string;
  count: number;
}

/** The attention lists' counts, in the order the lists come; lists with nothing in them left out. */
export function attentionCounts(s: Scorecard): AttentionCount[] {
  const a = s.attention;
  const item = (id: string, count: number, one: string, many: string) => ({ id: `attention-${id}`, count, label: count === 1 ? one : many });
  return [
    item('overdue-projects', a.overdueProjects.length, 'overdue project', 'overdue projects'),
    item('decisions', a.decisions?.length ?? 0, 'decision needed', 'decisions needed'),
    item('gates', a.gates.length, 'gate pending', 'gates pending'),
    item('changes', a.changes?.length ?? 0, 'change request open', 'change requests open'),
    item('stale', a.stale.length, 'stale record', 'stale records'),
    item('overdue-milestones', a.overdueMilestones.length, 'overdue milestone', 'overdue milestones'),
  ].filter((i) => i.count > 0);
}

export function heatmapBlock(model: PortfolioModel, rows: HeatmapRowInput[]): HeatmapBlock | undefined {
  return rows.length > 0 ? { rows, chart: capacityHeatmapOf(model, rows) } : undefined;
}

function budgetCharts(model: PortfolioModel, budget: BudgetSummary): BudgetCharts {
  // Bars and ticks are labelled compactly (£20.9m); each bar's title keeps the exact amount.
  const money = (n: number) => formatMoney(n, model.settings.currency);
  const compact = (n: number) => formatMoneyCompact(n, model.settings.currency);
  const fy = model.settings.fiscal_year_start;
  const series = [
    { name: 'Planned (upper bar)', className: 'series-0' },
    { name: 'Actual (lower bar)', className: 'series-1' },
  ];
  const describe = (what: string) => (r: { label: string }, sr: { name: string }, v: number | undefined) =>
    v === undefined
      ? `${r.label}: no actual reported yet (none of the ${what}'s budget lines has one)`
      : `${r.label}: ${sr.name.split(' ')[0].toLowerCase()} ${money(v)}, Σ of the ${what}'s budget lines`;
  const chart = (list: BudgetSummary['byPeriod'], none: string, what: string, label: (key: string) => string) =>
    groupedBars(
      // No line with an actual (a future quarter): "—", not £0 spent.
      list.map((b) => ({ key: b.key, label: b.key === 'none' ? none : label(b.key), values: [b.planned, b.reported > 0 ? b.actual : undefined] })),
      series,
      { format: compact, describe: describe(what) },
    );
  return {
    period: chart(budget.byPeriod, 'No period', 'period', (key) => formatDate(key, fy)),
    vendor: chart(budget.byVendor, 'No vendor', 'vendor', (key) => key),
    rows: [...budget.rows].sort((a, b) => (b.variance ?? -Infinity) - (a.variance ?? -Infinity) || compareCodeUnits(a.id, b.id)),
  };
}

function alignmentCharts(model: PortfolioModel, s: Scorecard): { alignment: BarChart; mix: BarChart } {
  const pct = (n: number | undefined) => formatPercent(n);
  const budgetShown = s.investment.some((r) => r.planned !== undefined);
  return {
    alignment: groupedBars(
      [
        ...s.alignment.goals.map((g) => ({ key: g.id, label: titleOf(model, 'goals', g.id), values: [g.share.value] })),
        { key: '~unaligned', label: 'No goal (unaligned)', values: [s.alignment.unaligned.share.value] },
      ],
      [{ name: 'Share of open projects', className: 'series-0' }],
      { format: pct, describe: (r, _s, v) => `${r.label}: ${pct(v)} of open projects` },
    ),
    mix: groupedBars(
      s.investment.map((r) => ({ key: r.kind, label: r.kind === 'none' ? 'Not classified' : humanize(r.kind), values: [r.share?.value ?? 0] })),
      [{ name: budgetShown ? 'Share of open planned budget' : 'Share of open projects', className: 'series-0' }],
      { format: pct, describe: (r, _s, v) => `${r.label}: ${pct(v)} of ${budgetShown ? 'open planned budget' : 'open projects'}` },
    ),
  };
}

/** The scorecard of the portfolio (no scope) or of a program or goal; undefined when it has no projects. */
export function scorecardView(model: PortfolioModel, scorecards: Scorecards, scope?: ScorecardScope): ScorecardView | undefined {
  const s = !scope ? scorecards.portfolio : scope.kind === 'program' ? scorecards.programs.get(scope.id) : scorecards.goals.get(scope.id);
  if (!s || s.projects.length === 0) return undefined;
  const heatmap = heatmapBlock(model, heatmapRows(model, s.teams));
  const risks = s.risks && riskMatrix(s.risks.cells.map((c) => ({ likelihood: c.likelihood, impact: c.impact, count: c.risks.length })));
  const showAlignment = scope?.kind !== 'goal';
  const shown: Record<ScorecardSectionKey, boolean> = {
    attention: true,
    matrix: s.matrix.length > 0,
    projects: !scope,
    money: s.budget !== undefined || s.benefits !== undefined,
    capacity: heatmap !== undefined,
    risks: risks !== undefined,
    budgetPeriod: (s.budget?.byPeriod.length ?? 0) > 0,
    budgetVendor: (s.budget?.byVendor.length ?? 0) > 0,
    alignment: showAlignment && s.openProjects > 0 && s.alignment.goals.length > 0,
    mix: s.investment.length > 0,
    earnedValue: s.earnedValue !== undefined && s.earnedValue.projects.length > 0,
    valueForMoney: s.roi !== undefined && (s.roi.projects.length > 0 || s.roi.uncosted.length > 0),
  };
  return {
    scorecard: s,
    scope,
    level: scope ? 3 : 2,
    id: scope ? `sc-${scope.kind}` : 'sc',
    heatmap,
    risks,
    budget: s.budget && budgetCharts(model, s.budget),
    ...alignmentCharts(model, s),
    showAlignment,
    ...shownSections(SCORECARD_SECTIONS, shown),
    attention: attentionCounts(s),
    matrix: capList(s.matrix),
    roiYears: model.settings.roi_years,
    ...(shown.earnedValue ? { earnedValue: evmView(model, scorecards, s.earnedValue!, scope) } : {}),
    ...(shown.valueForMoney ? { valueForMoney: valueForMoneyView(model, s.roi!) } : {}),
  };
}

const indexCell = (model: PortfolioModel, r: EarnedValueRollup | undefined, k: 'spi' | 'cpi'): IndexCell | undefined => {
  const f = r?.figures[k];
  const level = k === 'spi' ? r?.hint.schedule : r?.hint.budget;
  return f && level ? { index: f.value, text: evmText(model, k)(f.value), formula: f.formula, definition: f.definition, ...level } : undefined;
};

function evmLine(model: PortfolioModel, kind: EvmLine['kind'], id: string, r: EarnedValueRollup): EvmLine {
  const money = (n: number | undefined) => (n === undefined ? undefined : formatMoney(n, model.settings.currency));
  return {
    kind,
    id,
    label: titleOf(model, kind, id),
    projects: r.projects.length,
    spi: indexCell(model, r, 'spi'),
    cpi: indexCell(model, r, 'cpi'),
    sv: money(r.figures.sv?.value),
    cv: money(r.figures.cv?.value),
    eac: money(r.figures.eac?.value),
  };
}

/** Earned value of a scope: totals, and a line per program and goal (portfolio) or per project (a program or goal), worst SPI first. */
export function evmView(model: PortfolioModel, scorecards: Scorecards, r: EarnedValueRollup, scope?: ScorecardScope): EvmView {
  const figures = evmRows(model, r);
  const lines: EvmLine[] = [];
  if (!scope) {
    for (const [kind, map] of [['programs', scorecards.programs], ['goals', scorecards.goals]] as const) {
      for (const [id, sc] of map) if (sc.earnedValue && sc.earnedValue.projects.length > 0) lines.push(evmLine(model, kind, id, sc.earnedValue));
    }
  } else {
    for (const id of r.projects) {
      const e = model.byId.projects.get(id)?.earnedValue;
      if (e) lines.push(evmLine(model, 'projects', id, { ...e, projects: [id], left: [] }));
    }
  }
  const spi = (l: EvmLine) => l.spi?.index ?? Infinity;
  lines.sort((a, b) => spi(a) - spi(b) || compareCodeUnits(a.label, b.label));
  return { figures, projects: r.projects.length, left: r.left.length, lines: capList(lines), linesOf: scope ? 'projects' : 'programs and goals' };
}

/** The value-for-money ranking of a scope's projects, and its totals. */
export function valueForMoneyView(model: PortfolioModel, r: RoiRollup): ValueForMoneyView {
  const cur = model.settings.currency;
  const money = (n: number) => formatMoney(n, cur);
  const years = model.settings.roi_years;
  const ranked = r.projects
    .map((id) => model.byId.projects.get(id)!)
    .filter((p) => p.roi?.roi)
    .sort((a, b) => b.roi!.roi!.value - a.roi!.roi!.value || (a.roi!.payback?.value ?? Infinity) - (b.roi!.payback?.value ?? Infinity) || compareCodeUnits(a.id, b.id))
    .map((p) => {
      const x = p.roi!;
      return { id: p.id, roi: formatPercent(x.roi!.value, { signed: true }), roiFormula: x.roi!.formula, payback: formatYears(x.payback?.value), annualValue: money(x.annualValue!.value), cost: money(x.cost!.value) };
    });
  return {
    years,
    figures: roiRows(model, r, { annualValue: 'Σ of the valued projects', cost: 'Σ of the valued projects', roi: `over ${years} years, from the sums`, payback: 'Σ cost / Σ annual value' }),
    ranked: capList(ranked),
    unvalued: capList(r.unvalued),
    uncosted: r.uncosted,
  };
}

/** What this edition withholds, in words (e.g. "budget, scores"), for the scorecard's note. */
export function withheldSections(visible: Scorecards['visible']): string[] {
  return [
    !visible.budget && 'budget',
    !visible.scores && 'scores',
    !visible.demand && 'capacity demand',
    !visible.risks && 'risks',
    !visible.benefits && 'benefits',
    !visible.decisions && 'decisions',
    !visible.changes && 'change requests',
  ].filter((x): x is string => typeof x === 'string');
}
