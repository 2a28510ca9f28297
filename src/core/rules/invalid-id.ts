/** A record's id is its file name, so the file name must be a valid id: lower-case kebab-case. */
import type { Diagnostic } from '../diagnostics.ts';
import { ID_PATTERN } from '../schema.ts';
import { kebabCase } from '../suggest.ts';
import type { LoadContext, Rule } from './context.ts';
import { diagnostic } from './context.ts';

export const invalidId: Rule = {
  id: 'invalid-id',
  description: 'File names are record ids: lower-case kebab-case, e.g. crm-upgrade.md.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    for (const r of ctx.records) {
      if (ID_PATTERN.test(r.id)) continue;
      const fixed = kebabCase(r.id);
      out.push(
        diagnostic(r, [], 'invalid-id', `file name "${r.id}${r.ext}" is not a valid id: ids are lower-case kebab-case (a-z, 0-9 and -)`, {
          at: { line: 1, column: 1 },
          suggestion: fixed === undefined ? undefined : `${fixed}${r.ext}`,
        }),
      );
    }
    return out;
  },
};
