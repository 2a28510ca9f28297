/**
 * Page data for the portfolio's history: /history/ (trends, the projects
 * that keep slipping, what changed between reviews), the trends section of
 * the scorecard, a project's milestone trend chart and the roadmap's
 * "slipped in N of the last M reviews" flag. Every chart has its table.
 */
import { trendChart, type TrendChart, type TrendSeriesInput } from '../charts/trend.ts';
import type { PeriodChanges, PortfolioHistory, HistorySample } from '../core/history/index.ts';
import { dayOfIso, END_SERIES, keepsSlipping, milestoneTrends, projectVersions, slipRecords, type MilestoneTrend, type SlipRecord } from '../core/history/index.ts';

/** What every project page asks of one history, computed once per history (2,000 pages share it). */
const indexes = new WeakMap<PortfolioHistory, { versions: ReturnType<typeof projectVersions>; slips: Map<string, SlipRecord>; labels: Map<string, HistorySample> }>();
function indexOf(history: PortfolioHistory) {
  let index = indexes.get(history);
  if (!index) indexes.set(history, (index = { versions: projectVersions(history.samples), slips: slipRecords(history.samples), labels: new Map(history.samples.map((s) => [s.asOf, s])) }));
  return index;
}
import { formatCount, formatDate, formatDayCount, formatDays, formatMoneyCompact, formatNumber, formatPercent, formatSlipRecord, humanize } from '../core/format.ts';
import type { ChangeLog } from '../core/changes.ts';
import type { ReviewEntry } from '../core/export-atom.ts';
import type { PortfolioModel } from '../core/model.ts';
import { changesPages } from './lists.ts';

export interface TrendTable {
  head: string[];
  rows: string[][];
}

export interface TrendBlock {
  id: string;
  title: string;
  /** What the chart shows, in a sentence (also the chart's accessible name); alone when there is nothing to draw. */
  caption: string;
  chart?: TrendChart;
  table?: TrendTable;
}

/** A sample's name: its as-of day, and `now` for the last. */
function sampleLabel(s: HistorySample, fy: number): string {
  return s.commit ? formatDate(s.asOf, fy) : `${formatDate(s.asOf, fy)} (now)`;
}

function block(id: string, title: string, caption: string, samples: readonly HistorySample[], fy: number, series: { name: string; className: string; value: (s: HistorySample) => number | undefined }[], o: { stacked?: boolean; integer?: boolean; format: (n: number) => string }): TrendBlock {
  const inputs: TrendSeriesInput[] = series.map((s) => ({
    name: s.name,
    className: s.className,
    points: samples.map((x) => {
      const v = s.value(x);
      return { x: dayOfIso(x.asOf), y: v, title: `${sampleLabel(x, fy)}, ${s.name.toLowerCase()}: ${v === undefined ? 'not known' : o.format(v)}` };
    }),
  }));
  return {
    id,
    title,
    caption,
    chart: trendChart(inputs, { stacked: o.stacked, integer: o.integer, format: o.format, zero: true, fiscalYearStart: fy }),
    table: {
      head: ['Review', ...series.map((s) => s.name)],
      rows: samples.map((x) => [sampleLabel(x, fy), ...series.map((s) => {
        const v = s.value(x);
        return v === undefined ? '—' : o.format(v);
      })]),
    },
  };
}

const count = (n: number) => formatNumber(n, 0);

/** The trend blocks of the portfolio: health mix, conflicts, slip, budget, the most loaded teams, the backlog. */
export function trendBlocks(model: PortfolioModel, history: PortfolioHistory, only?: readonly string[]): TrendBlock[] {
  const fy = model.settings.fiscal_year_start;
  const samples = history.samples;
  const out: TrendBlock[] = [];
  const want = (id: string) => !only || only.includes(id);
  if (want('trend-health'))
    out.push(
      block('trend-health', 'Health mix', 'Projects by overall health at each review: green, amber, red and none, stacked.', samples, fy, [
        { name: 'Green', className: 't-green', value: (s) => s.health.green },
        { name: 'Amber', className: 't-amber', value: (s) => s.health.amber },
        { name: 'Red', className: 't-red', value: (s) => s.health.red },
        { name: 'No health', className: 't-none', value: (s) => s.health.none },
      ], { stacked: true, integer: true, format: count }),
    );
  if (want('trend-conflicts')) out.push(block('trend-conflicts', 'Open dependency conflicts', 'Late dependencies of open projects at each review.', samples, fy, [{ name: 'Conflicts', className: 't-0', value: (s) => s.conflicts }], { integer: true, format: count }));
  if (want('trend-slip'))
    out.push(block('trend-slip', 'Total slip', 'Days past the baseline end, summed over open projects that slip, at each review.', samples, fy, [{ name: 'Total slip (days)', className: 't-1', value: (s) => s.slip.total }], { integer: true, format: count }));
  if (want('trend-slip-median'))
    out.push(block('trend-slip-median', 'Median slip', 'The median slip of open projects that slip, in days, and how many slip.', samples, fy, [
      { name: 'Median slip (days)', className: 't-0', value: (s) => s.slip.median },
      { name: 'Projects slipping', className: 't-2', value: (s) => s.slip.projects },
    ], { format: (n) => formatNumber(n, 1) }));
  const currency = model.settings.currency;
  if (want('trend-budget') && samples.some((s) => s.budget?.planned !== undefined || s.budget?.forecast !== undefined))
    out.push(block('trend-budget', 'Budget: forecast against planned', 'The portfolio’s total forecast and planned budget at each review.', samples, fy, [
      { name: 'Planned', className: 't-2', value: (s) => s.budget?.planned },
      { name: 'Forecast', className: 't-0', value: (s) => s.budget?.forecast },
    ], { format: (n) => formatMoneyCompact(n, currency) }));
  const latest = samples.at(-1)?.utilization;
  if (want('trend-utilization') && latest) {
    const top = latest.filter((t) => t.ratio !== undefined).sort((a, b) => b.ratio! - a.ratio! || a.id.localeCompare(b.id)).slice(0, 3);
    if (top.length)
      out.push(block('trend-utilization', 'Utilization of the most loaded teams', `Demand as a share of capacity in the quarter of each review, for the ${top.length === 1 ? 'team' : `${top.length} teams`} most loaded now.`, samples, fy,
        top.map((t, i) => ({ name: t.title, className: `t-${i}`, value: (s) => s.utilization?.find((u) => u.id === t.id)?.ratio })),
        { format: (n) => formatPercent(n, { digits: 0 }) }));
  }
  if (want('trend-backlog')) out.push(block('trend-backlog', 'Backlog', 'Proposed projects waiting for a decision at each review.', samples, fy, [{ name: 'Requests', className: 't-0', value: (s) => s.backlog }], { integer: true, format: count }));
  return out;
}

export interface PeriodItem {
  /** What kind of change, when the line starts with one: `New conflict`, `Added project`. */
  lead?: string;
  /** The record it is about (linked when `projectId` is set). */
  title: string;
  /** The rest of the line, after the title. */
  text: string;
  /** The project it is about, when it has a page now. */
  projectId?: string;
  /** `new`/`resolved` conflicts, a health that got worse or better… for a marker. */
  tone?: 'worse' | 'better';
}

export interface PeriodView {
  id: string;
  title: string;
  /** The first PERIOD_ITEMS changes (conflicts, health, dates, records, in that order). */
  items: PeriodItem[];
  /** How many more there are. */
  more: number;
}

/** Changes listed per period: a big portfolio's month can move hundreds of dates (What changed lists every field edit). */
export const PERIOD_ITEMS = 50;

const RANK = { green: 0, amber: 1, red: 2 } as const;

function periodItems(model: PortfolioModel, c: PeriodChanges): PeriodItem[] {
  const fy = model.settings.fiscal_year_start;
  const known = (id: string) => (model.byId.projects.has(id) ? id : undefined);
  const items: PeriodItem[] = [];
  for (const x of c.conflicts) {
    items.push(
      x.change === 'new'
        ? { lead: 'New conflict', title: x.project.title, text: ` waits on ${x.on.title}, ${formatDayCount(x.after!.days)} late`, projectId: known(x.project.id), tone: 'worse' }
        : { lead: 'Conflict resolved', title: x.project.title, text: ` no longer waits late on ${x.on.title}`, projectId: known(x.project.id), tone: 'better' },
    );
  }
  for (const h of c.health) {
    const worse = (h.to ? RANK[h.to] : -1) > (h.from ? RANK[h.from] : -1);
    items.push({ title: h.project.title, text: `: health ${h.from ? humanize(h.from) : 'none'} → ${h.to ? humanize(h.to) : 'none'}${h.reason ? ` (${h.reason})` : ''}`, projectId: known(h.project.id), tone: worse ? 'worse' : 'better' });
  }
  for (const d of c.dates) {
    const what = d.field === 'end' ? 'end' : `${d.milestone}`;
    items.push({ title: d.project.title, text: `: ${what} ${formatDate(d.from, fy)} → ${formatDate(d.to, fy)} (${formatDays(d.days)})`, projectId: known(d.project.id), tone: (d.days ?? 0) > 0 ? 'worse' : 'better' });
  }
  for (const r of c.records) {
    const status = (s?: string) => (s ? ` (${humanize(s)})` : '');
    const projectId = r.kind === 'project' ? known(r.record.id) : undefined;
    if (r.change === 'status') items.push({ title: r.record.title, text: `: status ${humanize(r.from!)} → ${humanize(r.to!)}`, projectId });
    else items.push({ lead: `${r.change === 'added' ? 'Added' : 'Removed'} ${r.kind}`, title: r.record.title, text: status(r.change === 'added' ? r.to : r.from), projectId });
  }
  return items;
}

export interface SlippingProject {
  id: string;
  title: string;
  text: string;
}

export interface HistoryPage {
  note?: string;
  /** Past reviews and now. */
  sampleCount: number;
  every: string;
  /** The first and last review's days, as written on the page. */
  span?: { from: string; to: string };
  trends: TrendBlock[];
  slipping: SlippingProject[];
  /** Newest first. */
  periods: PeriodView[];
}

/** Projects whose end moved later in at least half of the last reviews (and at least twice), most slips first. */
export function slippingProjects(model: PortfolioModel, history: PortfolioHistory): SlippingProject[] {
  const out: (SlippingProject & { n: number })[] = [];
  for (const [id, r] of indexOf(history).slips) {
    const p = model.byId.projects.get(id);
    if (!p || !p.open || !keepsSlipping(r)) continue;
    out.push({ id, title: p.record.title, text: formatSlipRecord(r.slipped, r.reviews), n: r.slipped });
  }
  return out.sort((a, b) => b.n - a.n || a.title.localeCompare(b.title)).map(({ n: _n, ...rest }) => rest);
}

export function historyPage(model: PortfolioModel, history: PortfolioHistory): HistoryPage {
  const fy = model.settings.fiscal_year_start;
  const s = history.samples;
  const enough = s.length >= 2;
  return {
    note: history.note,
    sampleCount: s.length,
    every: history.every,
    span: enough ? { from: formatDate(s[0]!.asOf, fy), to: formatDate(s.at(-1)!.asOf, fy) } : undefined,
    trends: enough ? trendBlocks(model, history) : [],
    slipping: enough ? slippingProjects(model, history) : [],
    periods: history.changes
      .map((c, i) => {
        const items = periodItems(model, c);
        return { id: `period-${i + 1}`, title: `${sampleLabel(s[i]!, fy)} → ${sampleLabel(s[i + 1]!, fy)}`, items: items.slice(0, PERIOD_ITEMS), more: Math.max(0, items.length - PERIOD_ITEMS) };
      })
      .reverse(),
  };
}

/** Period counts for a title: `2 new conflicts, 1 health change, 5 dates moved`. */
function periodSummary(c: PeriodChanges): string {
  const n = (k: number, one: string, many?: string) => (k ? formatCount(k, one, many) : '');
  const appeared = c.conflicts.filter((x) => x.change === 'new').length;
  return [
    n(appeared, 'new conflict'),
    n(c.conflicts.length - appeared, 'conflict resolved', 'conflicts resolved'),
    n(c.health.length, 'health change'),
    n(c.dates.length, 'date moved', 'dates moved'),
    n(c.records.length, 'record change'),
  ].filter(Boolean).join(', ');
}

/** The feed's entries for review periods with computed changes (newest last, as the history keeps them); none with fewer than two reviews. */
export function feedReviews(model: PortfolioModel, history: PortfolioHistory | undefined): ReviewEntry[] {
  if (!history || history.samples.length < 2) return [];
  const fy = model.settings.fiscal_year_start;
  const s = history.samples;
  const out: ReviewEntry[] = [];
  history.changes.forEach((c, i) => {
    const items = periodItems(model, c);
    if (!items.length) return;
    const [from, to] = [s[i]!, s[i + 1]!];
    const lines = items.slice(0, PERIOD_ITEMS).map((x) => `${x.lead ? `${x.lead}: ` : ''}${x.title}${x.text}`);
    if (items.length > PERIOD_ITEMS) lines.push(`… and ${formatNumber(items.length - PERIOD_ITEMS, 0)} more on the history page`);
    out.push({
      id: from.asOf,
      title: `Review ${sampleLabel(from, fy)} → ${sampleLabel(to, fy)}: ${periodSummary(c)}`,
      updated: to.committed ?? `${to.asOf}T00:00:00Z`,
      href: `history/#period-${i + 1}`,
      lines,
    });
  });
  return out;
}

/** The scorecard's trends: health mix and open conflicts, with a link to /history/ for the rest; undefined with fewer than two samples. */
export function scorecardTrends(model: PortfolioModel, history: PortfolioHistory | undefined): TrendBlock[] | undefined {
  if (!history || history.samples.length < 2) return undefined;
  return trendBlocks(model, history, ['trend-health', 'trend-conflicts', 'trend-slip']);
}

/** A done series' last point meets the diagonal on its date, when it was reached between that review and the one before (as the chart's reader expects). */
function reachedAt(t: MilestoneTrend, k: number): number | undefined {
  if (!t.done || k !== t.points.length - 1) return undefined;
  const date = dayOfIso(t.points[k]!.date);
  const after = k ? dayOfIso(t.points[k - 1]!.asOf) : -Infinity;
  return date > after && date <= dayOfIso(t.points[k]!.asOf) ? date : undefined;
}

/** A project's milestone trend chart: each milestone's and the end's forecast at each review; undefined with fewer than two samples of it. */
export function projectTrend(model: PortfolioModel, history: PortfolioHistory | undefined, id: string): (TrendBlock & { flag?: string }) | undefined {
  if (!history) return undefined;
  const fy = model.settings.fiscal_year_start;
  const index = indexOf(history);
  const trends = milestoneTrends(history.samples, id, index.versions);
  const reports = new Set(trends.flatMap((t) => t.points.map((p) => p.asOf)));
  if (reports.size < 2) return undefined;
  const label = (asOf: string) => sampleLabel(index.labels.get(asOf)!, fy);
  const name = (n: string) => (n === END_SERIES ? 'Project end' : n);
  const series: TrendSeriesInput[] = trends.map((t, i) => ({
    name: name(t.name),
    className: t.name === END_SERIES ? 't-end' : `t-${i % 6}`,
    dashed: t.done,
    // No title per point: the table has every figure, and the page is repeated for every project.
    points: t.points.map((p, k) => ({ x: reachedAt(t, k) ?? dayOfIso(p.asOf), y: dayOfIso(p.date), title: '' })),
  }));
  const asOfs = [...reports].sort();
  const r = index.slips.get(id);
  // Nothing moved: a sentence, not a flat chart (a project page is repeated for every project).
  if (trends.every((t) => t.points.every((p) => p.date === t.points[0]!.date))) {
    return { id: 'milestone-trend', title: 'Milestone trend', caption: `No milestone or end date moved over the last ${formatNumber(asOfs.length - 1, 0)} ${asOfs.length === 2 ? 'review' : 'reviews'} (since ${label(asOfs[0]!)}).` };
  }
  return {
    id: 'milestone-trend',
    title: 'Milestone trend',
    caption: 'The forecast date of each milestone and of the project’s end at each review: a line that climbs is a date that slipped; the dashed diagonal is where a date meets the review day.',
    chart: trendChart(series, { dates: true, diagonal: true, fiscalYearStart: fy, height: 240, xs: asOfs.map(dayOfIso) }),
    table: {
      head: ['Review', ...trends.map((t) => name(t.name))],
      rows: asOfs.map((a) => [label(a), ...trends.map((t) => (t.done && a > t.points.at(-1)!.asOf ? 'done' : formatDate(t.points.find((p) => p.asOf === a)?.date, fy)))]),
    },
    flag: keepsSlipping(r) ? formatSlipRecord(r!.slipped, r!.reviews) : undefined,
  };
}

/** The roadmap's flag per open project that keeps slipping: id → `slipped in N of the last M reviews`. */
export function slipFlags(model: PortfolioModel, history: PortfolioHistory | undefined): Map<string, string> {
  if (!history || history.samples.length < 2) return new Map();
  return new Map(slippingProjects(model, history).map((p) => [p.id, p.text]));
}

/** /changes/ (its first page): the field edits, and above them what the last review period changed (History's newest period). */
export function changesIndexPage(model: PortfolioModel, changes: ChangeLog | undefined, history: PortfolioHistory | undefined) {
  const first = changesPages(changes)[0]!;
  const review = history && history.samples.length >= 2 ? historyPage(model, history).periods[0] : undefined;
  return { ...first, review };
}
