/**
 * Marker names are unique (case and surrounding spaces ignored): the name is
 * the marker's label and its key on every timeline, so two alike are ambiguous.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';
import { asArray, asString, diagnostic, isPlainObject } from './context.ts';

const ID = 'duplicate-marker';

export const duplicateMarker: Rule = {
  id: ID,
  description: 'Portfolio marker names are unique (case ignored).',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const p = ctx.portfolio;
    if (!p?.raw) return out;
    const seen = new Map<string, number>();
    asArray(p.raw.markers).forEach((m, i) => {
      const name = isPlainObject(m) ? asString(m.name)?.trim() : undefined;
      if (!name) return;
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else out.push(diagnostic(p, ['markers', i, 'name'], ID, `marker "${name}" is already defined at markers[${first}]: names are unique`));
    });
    return out;
  },
};
