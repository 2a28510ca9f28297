/**
 * A project's `end_range` is a three-point estimate around its `end`:
 * optimistic ≤ end ≤ pessimistic, each taken as an end (a month or quarter is
 * its last day), and it needs an `end` to be around. Invalid dates are the
 * schema rule's.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { endDay } from '../dates.ts';
import type { LoadContext, Rule } from './context.ts';
import { asDate, diagnostic, isPlainObject, projects } from './context.ts';

const ID = 'end-range';

export const endRange: Rule = {
  id: ID,
  description: "A project's end_range has optimistic ≤ end ≤ pessimistic, and an end.",
  check(ctx: LoadContext) {
    const fy = ctx.settings.fiscalYearStart;
    const out: Diagnostic[] = [];
    for (const r of projects(ctx)) {
      const raw = r.raw as Record<string, unknown>;
      const range = raw.end_range;
      if (!isPlainObject(range)) continue;
      if (raw.end === undefined || raw.end === null) {
        out.push(diagnostic(r, ['end_range'], ID, 'end_range needs an end: the most likely end, between optimistic and pessimistic'));
        continue;
      }
      const end = asDate(raw.end);
      if (end === undefined) continue;
      const opt = asDate(range.optimistic);
      const pess = asDate(range.pessimistic);
      if (opt !== undefined && endDay(opt, fy) > endDay(end, fy)) {
        out.push(diagnostic(r, ['end_range', 'optimistic'], ID, `optimistic ${opt} is after end ${end}: optimistic ≤ end ≤ pessimistic`));
      }
      if (pess !== undefined && endDay(pess, fy) < endDay(end, fy)) {
        out.push(diagnostic(r, ['end_range', 'pessimistic'], ID, `pessimistic ${pess} is before end ${end}: optimistic ≤ end ≤ pessimistic`));
      }
    }
    return out;
  },
};
