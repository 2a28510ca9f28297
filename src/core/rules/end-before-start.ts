/**
 * Spans that end before they start: a project's end or baseline_end before its
 * start, a demand entry's `to` before its `from`. A month or quarter counts as
 * its whole span (start: first day, end: last day), so `start: 2026-Q1,
 * end: 2026-Q1` is fine. Dates that are themselves invalid are left to the
 * schema rule.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { endDay, startDay } from '../dates.ts';
import type { LoadContext, RecordEntry, Rule } from './context.ts';
import { asArray, asDate, diagnostic, isPlainObject, projects } from './context.ts';

function compare(
  r: RecordEntry,
  obj: Record<string, unknown>,
  base: (string | number)[],
  from: string,
  to: string,
  fy: number,
  out: Diagnostic[],
): void {
  const a = asDate(obj[from]);
  const b = asDate(obj[to]);
  if (a === undefined || b === undefined) return;
  if (endDay(b, fy) < startDay(a, fy)) {
    out.push(diagnostic(r, [...base, to], 'end-before-start', `${to} ${b} is before ${from} ${a}`));
  }
}

export const endBeforeStart: Rule = {
  id: 'end-before-start',
  description: 'A project cannot end (or be baselined to end) before it starts; demand cannot end before it starts.',
  check(ctx: LoadContext) {
    const fy = ctx.settings.fiscalYearStart;
    const out: Diagnostic[] = [];
    for (const r of projects(ctx)) {
      const raw = r.raw as Record<string, unknown>;
      compare(r, raw, [], 'start', 'end', fy, out);
      compare(r, raw, [], 'start', 'baseline_end', fy, out);
      asArray(raw.demand).forEach((d, i) => {
        if (isPlainObject(d)) compare(r, d, ['demand', i], 'from', 'to', fy, out);
      });
    }
    return out;
  },
};
