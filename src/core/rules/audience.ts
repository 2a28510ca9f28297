/**
 * Audiences decide what a published site leaves out, so mistakes here leak
 * data: every `hide` entry must name a project field that can be hidden (a
 * typo would publish the field), and the audience being built
 * (ROADMAP_AUDIENCE, else `public`) must be defined.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { DEFAULT_AUDIENCES, HIDEABLE_FIELDS } from '../schema.ts';
import { suggest } from '../suggest.ts';
import type { LoadContext, Rule } from './context.ts';
import { asArray, diagnostic, isPlainObject } from './context.ts';

export const audience: Rule = {
  id: 'audience',
  description: 'hide lists name project fields only; ROADMAP_AUDIENCE (default public) must be a defined audience.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const p = ctx.portfolio;
    if (!p?.raw) return out;
    const raw = p.raw.audiences;
    const audiences = raw === undefined ? DEFAULT_AUDIENCES : isPlainObject(raw) ? raw : undefined;
    if (!audiences) return out; // not a mapping: the schema rule says so

    if (isPlainObject(raw)) {
      for (const [name, a] of Object.entries(raw)) {
        if (!isPlainObject(a)) continue;
        asArray(a.hide).forEach((field, i) => {
          if (typeof field !== 'string' || HIDEABLE_FIELDS.includes(field)) return;
          const path = ['audiences', name, 'hide', i];
          if (field === 'title' || field === 'status') {
            out.push(diagnostic(p, path, 'audience', `${field} cannot be hidden: every audience sees a project's title and status`));
          } else {
            out.push(
              diagnostic(p, path, 'audience', `unknown project field "${field}": it hides nothing, so a typo here publishes the field`, {
                suggestion: suggest(field, HIDEABLE_FIELDS, { synonyms: false }),
              }),
            );
          }
        });
      }
    }

    const names = Object.keys(audiences);
    const wanted = ctx.audience ?? 'public';
    if (!names.includes(wanted)) {
      const message =
        ctx.audience === undefined
          ? `no "public" audience: builds without ROADMAP_AUDIENCE publish for public (defined: ${names.join(', ') || 'none'})`
          : `ROADMAP_AUDIENCE is "${wanted}", which is not an audience here (defined: ${names.join(', ') || 'none'})`;
      out.push(
        diagnostic(p, raw === undefined ? [] : ['audiences'], 'audience', message, {
          suggestion: ctx.audience === undefined ? undefined : suggest(wanted, names, { synonyms: false }),
          field: 'audiences',
        }),
      );
    }
    return out;
  },
};
