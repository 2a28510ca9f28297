/** A project cannot depend on itself. */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { dependencyEntries, diagnostic, projects } from './context.ts';

export const selfDependency: Rule = {
  id: 'self-dependency',
  description: 'A project cannot depend on itself.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    for (const r of projects(ctx)) {
      for (const d of dependencyEntries(r)) {
        if (d.on === r.id) out.push(diagnostic(r, ['dependencies', d.index, 'on'], 'self-dependency', `a project cannot depend on itself ("${r.id}")`));
      }
    }
    return out;
  },
};
