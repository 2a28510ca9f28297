/**
 * Two files with the same id in one collection (`x.md` and `x.mdx`, or the
 * same name in two sub-folders): an error on the second, naming the first.
 * Also scoring criteria defined twice in portfolio.yaml.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { diagnostic } from './context.ts';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'Ids must be unique within a collection (x.md and x.mdx clash); criterion ids must be unique.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    for (const r of ctx.records) {
      if (!r.duplicateOf) continue;
      out.push(
        diagnostic(r, [], 'duplicate-id', `duplicate id "${r.id}": ${r.duplicateOf.shown} has the same id (ids are file names without the extension)`, {
          at: { line: 1, column: 1 },
        }),
      );
    }
    const p = ctx.portfolio;
    if (p) {
      const seen = new Map<string, number>();
      for (const c of ctx.settings.criteria) {
        const first = seen.get(c.id);
        if (first === undefined) seen.set(c.id, c.index);
        else out.push(diagnostic(p, ['scoring', 'criteria', c.index], 'duplicate-id', `criterion "${c.id}" is already defined at scoring.criteria[${first}]`));
      }
    }
    return out;
  },
};
