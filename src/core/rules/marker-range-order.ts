/**
 * A marker's period cannot end before it starts. The days are inclusive, so
 * `from` equal to `to` is a one-day period; a month or quarter counts as its
 * whole span (`from: 2026-12, to: 2026-12` is December).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { endDay, startDay } from '../dates.ts';
import type { LoadContext, Rule } from './context.ts';
import { asArray, asDate, diagnostic, isPlainObject } from './context.ts';

const ID = 'marker-range-order';

export const markerRangeOrder: Rule = {
  id: ID,
  description: "A portfolio marker's to is not before its from (equal is a one-day period).",
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const p = ctx.portfolio;
    if (!p?.raw) return out;
    const fy = ctx.settings.fiscalYearStart;
    asArray(p.raw.markers).forEach((m, i) => {
      if (!isPlainObject(m)) return;
      const from = asDate(m.from);
      const to = asDate(m.to);
      if (from === undefined || to === undefined) return; // invalid dates are the schema rule's
      if (endDay(to, fy) < startDay(from, fy)) out.push(diagnostic(p, ['markers', i, 'to'], ID, `to ${to} is before from ${from}`));
    });
    return out;
  },
};
