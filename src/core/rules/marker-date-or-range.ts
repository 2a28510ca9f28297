/**
 * A portfolio marker is a date or a period: `date`, or `from` and `to`, never
 * both and never neither (a `from` without its `to` is a half period).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { asArray, diagnostic, isPlainObject } from './context.ts';

const ID = 'marker-date-or-range';

export const markerDateOrRange: Rule = {
  id: ID,
  description: 'A portfolio marker has either a date or from + to: not both, not neither.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const p = ctx.portfolio;
    if (!p?.raw) return out;
    asArray(p.raw.markers).forEach((m, i) => {
      if (!isPlainObject(m)) return; // not a mapping: the schema rule says so
      const has = (k: string) => Object.hasOwn(m, k) && m[k] !== null && m[k] !== undefined;
      const at = ['markers', i];
      if (has('date') && (has('from') || has('to'))) {
        out.push(diagnostic(p, [...at, has('from') ? 'from' : 'to'], ID, 'a marker has either a date or from + to, not both: remove the date or the period'));
      } else if (!has('date') && !has('from') && !has('to')) {
        out.push(diagnostic(p, at, ID, 'a marker needs a date, or from and to for a period', { field: `markers[${i}].date` }));
      } else if (has('from') !== has('to')) {
        const missing = has('from') ? 'to' : 'from';
        out.push(diagnostic(p, [...at, has('from') ? 'from' : 'to'], ID, `a period needs both from and to: add ${missing} (or use date for a single day)`));
      }
    });
    return out;
  },
};
