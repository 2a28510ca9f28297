/** Figures: a scorecard number with its formula text (fixed en-GB grouping, no currency: the page names it). */
import { formatPercent } from '../format.ts';

/** A computed number with what it is made of, so a reader can recompute it. */
export interface Figure {
  value: number;
  /** The formula with the inputs filled in, e.g. `(2,880,000 − 2,400,000) / 2,400,000`. */
  formula: string;
  /** Anchor on the definitions page, e.g. `budget-variance`. */
  definition: string;
}

const GROUP = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** `2880000` → `2,880,000`; at most 2 decimals. */
export const num = (n: number) => GROUP.format(n);
/** A signed amount in formula text, with a true minus: `62,500`, `−22.5`. */
export const signedNum = (n: number) => num(n).replace(/^-/, '\u2212');
/** The bucket of a budget line with no period or no vendor. */
export const NONE = 'none';

/** Σ of a list, as formula text: `a + b + c`, shortened to `a + b + … (n values)` past `max` terms. */
export function sumText(values: readonly number[], max = 6): string {
  if (values.length === 0) return '0';
  if (values.length <= max) return values.map(num).join(' + ');
  return `${values.slice(0, max - 1).map(num).join(' + ')} + … (${values.length} values)`;
}

export function figure(value: number, formula: string, definition: string): Figure {
  return { value, formula, definition };
}

/** `part / total` as a figure, e.g. `2 / 3 open projects = 66.67%`; undefined when the total is 0. */
export function share(part: number, total: number, what: string, definition: string): Figure | undefined {
  return total > 0 ? figure(part / total, `${num(part)} / ${num(total)} ${what} = ${formatPercent(part / total, { digits: 2 })}`, definition) : undefined;
}
