/** A project with some criteria scored but not all gets no score: warn, naming the missing ones. */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { criterionIds, diagnostic, isPlainObject, projects } from './context.ts';

export const missingScoreCriterion: Rule = {
  id: 'missing-score-criterion',
  description: 'A project that scores some criteria but not all has no score (a warning).',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    if (!ctx.portfolio || ctx.settings.method === undefined) return out;
    const criteria = criterionIds(ctx.settings);
    for (const r of projects(ctx)) {
      const scores = r.raw?.scores;
      if (!isPlainObject(scores)) continue;
      const present = criteria.filter((c) => Object.hasOwn(scores, c));
      if (present.length === 0 || present.length === criteria.length) continue;
      const missing = criteria.filter((c) => !Object.hasOwn(scores, c));
      out.push(diagnostic(r, ['scores'], 'missing-score-criterion', `no score: missing ${missing.join(', ')}`, { severity: 'warning' }));
    }
    return out;
  },
};
