/**
 * Scores must fit the scoring model: weighted scores within `scoring.scale`;
 * wsjf and rice inputs not negative, and the divisor (wsjf `job_size`, rice
 * `effort`) greater than 0.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { criterionIds, diagnostic, isPlainObject, projects } from './context.ts';

export const scoreRange: Rule = {
  id: 'score-range',
  description: 'Weighted scores lie within scoring.scale; wsjf job_size and rice effort are greater than 0.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const s = ctx.settings;
    if (!ctx.portfolio || s.method === undefined) return out;
    const known = new Set(criterionIds(s));
    for (const r of projects(ctx)) {
      const scores = r.raw?.scores;
      if (!isPlainObject(scores)) continue;
      for (const [key, v] of Object.entries(scores)) {
        if (typeof v !== 'number' || !Number.isFinite(v) || !known.has(key)) continue;
        let problem: string | undefined;
        if (s.method === 'weighted') {
          if (s.scale && (v < s.scale[0] || v > s.scale[1])) problem = `${v} is outside the scale ${s.scale[0]} to ${s.scale[1]} (scoring.scale)`;
        } else if ((s.method === 'wsjf' && key === 'job_size') || (s.method === 'rice' && key === 'effort')) {
          if (v <= 0) problem = `${key} must be greater than 0 (the score divides by it), got ${v}`;
        } else if (v < 0) {
          problem = `${key} must be 0 or more, got ${v}`;
        }
        if (problem) out.push(diagnostic(r, ['scores', key], 'score-range', problem));
      }
    }
    return out;
  },
};
