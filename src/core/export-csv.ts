/**
 * `/portfolio.csv`: one row per project the audience sees, with the computed
 * columns, for spreadsheets. RFC 4180: CRLF line ends, every text cell quoted
 * and its quotes doubled. Safe to open in Excel / LibreOffice / Sheets under
 * either separator, even one that ignores the quotes: wherever a piece of a
 * text cell starts (the cell, or after a `;`, `,` or line break) with `=`,
 * `+`, `-`, `@` (or their fullwidth forms, or a tab / CR, which some apps strip
 * first), optionally after spaces, a `'` is put before it, so it is never run
 * as a formula (OWASP "CSV injection"). Numbers the build computes are written
 * as plain numbers, never prefixed (a slip of -5 days stays -5). A value the
 * audience hides is an empty cell.
 */
import { round4 } from './export-json.ts';
import type { PortfolioModel, ProjectView } from './model.ts';
import { HEALTH_DIMENSIONS } from './schema.ts';
import { EVM_KEYS } from './earned-value.ts';

type Cell = string | number | boolean | undefined;

/** A formula lead character at the start of the text or of a `;`/`,`/line-separated piece (after spaces). */
const FORMULA_START = /(^|[;,\r\n])([ \u3000]*)([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** A text cell made safe from formula injection: `'` before every formula lead character that starts a piece. */
export function neutralize(text: string): string {
  return text.replace(FORMULA_START, "$1$2'$3");
}

/** One field: text always quoted (quotes doubled), numbers and booleans as they are. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${neutralize(value).replaceAll('"', '""')}"`;
}

export function csvLine(cells: Cell[]): string {
  return cells.map(csvField).join(',');
}

const list = (values: readonly string[] | undefined) => (values && values.length ? values.join('; ') : undefined);

interface Column {
  name: string;
  value: (p: ProjectView, model: PortfolioModel) => Cell;
}

export const CSV_COLUMNS: readonly Column[] = [
  { name: 'id', value: (p) => p.id },
  { name: 'title', value: (p) => p.record.title },
  { name: 'status', value: (p) => p.record.status },
  { name: 'phase', value: (p) => p.record.phase },
  { name: 'summary', value: (p) => p.record.summary },
  { name: 'program', value: (p) => p.record.program },
  { name: 'goals', value: (p) => list(p.record.goals) },
  { name: 'investment', value: (p) => p.record.investment },
  { name: 'sponsor', value: (p) => p.record.sponsor },
  { name: 'business_owner', value: (p) => p.record.owners?.business },
  { name: 'technical_owner', value: (p) => p.record.owners?.technical },
  { name: 'teams', value: (p) => list(p.record.teams) },
  { name: 'tags', value: (p) => list(p.record.tags) },
  { name: 'start', value: (p) => p.record.start },
  { name: 'end', value: (p) => p.record.end },
  { name: 'baseline_end', value: (p) => p.record.baseline_end },
  { name: 'progress', value: (p) => p.record.progress },
  { name: 'slip_days', value: (p) => p.slipDays },
  { name: 'overdue', value: (p) => p.overdue },
  { name: 'health', value: (p) => p.health.overall },
  ...HEALTH_DIMENSIONS.map((dim) => ({ name: `health_${dim}`, value: (p: ProjectView) => p.health[dim]?.value })),
  { name: 'score', value: (p) => round4(p.score?.value) },
  { name: 'rank', value: (p) => p.rank },
  { name: 'budget_planned', value: (p) => p.record.budget?.planned },
  { name: 'budget_forecast', value: (p) => p.record.budget?.forecast },
  { name: 'budget_variance', value: (p) => round4(p.budgetVariance) },
  { name: 'benefit_realization', value: (p) => round4(p.benefitRealization) },
  // Earned value and ROI (src/core/earned-value.ts, src/core/roi.ts): empty when hidden or missing.
  ...EVM_KEYS.map((k) => ({ name: `evm_${k}`, value: (p: ProjectView) => round4(p.earnedValue?.figures[k]?.value) })),
  { name: 'annual_value', value: (p) => p.roi?.annualValue?.value },
  { name: 'roi', value: (p) => round4(p.roi?.roi?.value) },
  { name: 'payback_years', value: (p) => round4(p.roi?.payback?.value) },
  { name: 'critical', value: (p) => p.critical },
  { name: 'conflicts', value: (p) => p.conflicts.length },
  { name: 'depends_on', value: (p) => list(p.dependsOn.map((e) => e.on)) },
  { name: 'stale', value: (p) => p.stale },
  { name: 'updated', value: (p) => p.record.updated },
  // Confidence ranges (issue 20): an open project's P-dates, empty without a forecast.
  { name: 'p50_end', value: (p) => p.forecast?.p50 },
  { name: 'p80_end', value: (p) => p.forecast?.p80 },
  { name: 'p95_end', value: (p) => p.forecast?.p95 },
];

/** The CSV text: a header row, then one row per project in model order; CRLF after every row. */
export function portfolioCsv(model: PortfolioModel): string {
  const rows = [csvLine(CSV_COLUMNS.map((c) => c.name))];
  for (const p of model.projects) rows.push(csvLine(CSV_COLUMNS.map((c) => c.value(p, model))));
  return `${rows.join('\r\n')}\r\n`;
}
