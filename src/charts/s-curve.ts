/**
 * A project's earned value S-curve: cumulative planned value (PV) and actual
 * cost (AC) over its budget periods, earned value (EV) at the as-of date, and
 * a line at the as-of date. The geometry is the trend chart's (./trend.ts);
 * this module decides the points and the table beside the chart.
 *
 * PV rises by each period's planned at the period's end (the day after its
 * last day), and pro rata at the as-of date inside a period, as the PV figure
 * does. AC rises by each period's reported actual at its end, up to the as-of
 * date; the current period's actual counts at the as-of date. EV is known
 * only at the as-of date (from `progress`): one point.
 */
import type { Day } from '../core/dates.ts';
import type { EarnedValue } from '../core/earned-value.ts';
import { formatDate, formatDay, formatMoney, formatMoneyCompact } from '../core/format.ts';
import { trendChart, type TrendChart, type TrendPointInput, type TrendSeriesInput } from './trend.ts';

export interface SCurveRow {
  /** The period as the site names it (`Q3 FY2026`, `Jul 2026`). */
  period: string;
  planned: string;
  cumulativePlanned: string;
  actual: string;
  cumulativeActual: string;
}

export interface SCurve {
  chart: TrendChart;
  /** The same numbers as the chart, one row per period. */
  rows: SCurveRow[];
}

/** The S-curve of one project; undefined without dated lines (no periods) or without BAC. */
export function sCurve(e: EarnedValue, asOfDay: Day, currency: string, fy: number): SCurve | undefined {
  const periods = e.periods;
  if (periods.length === 0 || !e.figures.bac) return undefined;
  const money = (n: number) => formatMoney(n, currency);
  const start = periods[0]!.first;
  const pv: TrendPointInput[] = [{ x: start, y: 0, title: `PV ${money(0)} on ${formatDay(start)}` }];
  const ac: TrendPointInput[] = [{ x: start, y: 0, title: `AC ${money(0)} on ${formatDay(start)}` }];
  const rows: SCurveRow[] = [];
  let cumPlanned = 0;
  let cumActual = 0;
  let reported = false;
  // Points in day order, as-of points among them, where the period containing the as-of date is crossed.
  const ends = periods.map((p) => ({ p, end: p.last + 1 }));
  let asOfPlaced = asOfDay <= start;
  const placeAsOf = () => {
    if (asOfPlaced) return;
    asOfPlaced = true;
    if (e.figures.pv) pv.push({ x: asOfDay, y: e.figures.pv.value, title: `PV ${money(e.figures.pv.value)} at the as-of date` });
    if (e.figures.ac) ac.push({ x: asOfDay, y: e.figures.ac.value, title: `AC ${money(e.figures.ac.value)} at the as-of date` });
  };
  for (const { p, end } of [...ends].sort((a, b) => a.end - b.end)) {
    if (end > asOfDay) placeAsOf();
    cumPlanned += p.planned;
    pv.push({ x: end, y: cumPlanned, title: `PV ${money(cumPlanned)} by the end of ${formatDate(p.period, fy)}` });
    if (p.actual !== undefined) {
      cumActual += p.actual;
      reported = true;
    }
    if (end <= asOfDay && reported) ac.push({ x: end, y: cumActual, title: `AC ${money(cumActual)} by the end of ${formatDate(p.period, fy)}` });
  }
  placeAsOf();
  // Running sums again in period order for the table.
  let runPlanned = 0;
  let runActual: number | undefined;
  for (const p of periods) {
    runPlanned += p.planned;
    if (p.actual !== undefined) runActual = (runActual ?? 0) + p.actual;
    rows.push({
      period: formatDate(p.period, fy),
      planned: money(p.planned),
      cumulativePlanned: money(runPlanned),
      actual: p.actual === undefined ? '—' : money(p.actual),
      cumulativeActual: runActual === undefined || p.actual === undefined ? '—' : money(runActual),
    });
  }
  const series: TrendSeriesInput[] = [
    { name: 'Planned value (PV)', className: 't-0', points: pv.sort((a, b) => a.x - b.x) },
    ...(ac.length > 1 ? [{ name: 'Actual cost (AC)', className: 't-red', points: ac.sort((a, b) => a.x - b.x) }] : []),
    ...(e.figures.ev ? [{ name: 'Earned value (EV)', className: 't-green', points: [{ x: asOfDay, y: e.figures.ev.value, title: `EV ${money(e.figures.ev.value)} at the as-of date` }] }] : []),
  ];
  const chart = trendChart(series, { zero: true, format: (n) => formatMoneyCompact(n, currency), fiscalYearStart: fy, height: 220, rule: { day: asOfDay, text: `As of ${formatDay(asOfDay)}` } });
  return { chart, rows };
}
