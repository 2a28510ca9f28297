/** Markdown in a folder that is not a collection is ignored by the build: say so. */
import type { Diagnostic } from '../diagnostics.ts';
import { COLLECTIONS } from '../schema.ts';
import { suggest } from '../suggest.ts';
import type { LoadContext, Rule } from './context.ts';

export const unknownFolder: Rule = {
  id: 'unknown-folder',
  description: 'Records live in goals/, programs/, projects/ or teams/; Markdown elsewhere is ignored (a warning).',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    for (const m of ctx.misplaced) {
      if (m.kind !== 'unknown-folder') continue;
      const [folder, ...rest] = m.file.split('/');
      const near = suggest(folder, COLLECTIONS, { synonyms: false });
      const d: Diagnostic = {
        file: m.shown,
        line: 1,
        column: 1,
        field: '',
        rule: 'unknown-folder',
        severity: 'warning',
        message: `not in ${COLLECTIONS.map((c) => `${c}/`).join(', ')}: ignored`,
      };
      if (near) d.suggestion = `${near}/${rest.join('/')}`;
      out.push(d);
    }
    return out;
  },
};
