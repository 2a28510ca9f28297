/**
 * References must name something that exists: a project's program, goals,
 * teams, dependencies and demand teams; a program's goals; score keys (the
 * criteria of portfolio.yaml for `weighted`, the fixed inputs for wsjf and
 * rice); `need_by` (a milestone of the same project). Each with a
 * did-you-mean over what does exist. Values that are not ids at all are left
 * to the schema rule.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Path } from '../frontmatter.ts';
import { ID_PATTERN } from '../schema.ts';
import { suggest } from '../suggest.ts';
import type { LoadContext, RecordEntry, Rule } from './context.ts';
import { asArray, asString, criterionIds, diagnostic, isPlainObject } from './context.ts';

const KIND: Record<string, string> = { goals: 'goal', programs: 'program', projects: 'project', teams: 'team' };

export const unknownReference: Rule = {
  id: 'unknown-reference',
  description: 'Ids in program, goals, teams, dependencies, demand and scores must exist; need_by must name a milestone of the project.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    const ref = (r: RecordEntry, path: Path, value: unknown, target: 'goals' | 'programs' | 'projects' | 'teams') => {
      if (typeof value !== 'string' || !ID_PATTERN.test(value)) return;
      const ids = ctx.byId[target];
      if (ids.has(value)) return;
      out.push(
        diagnostic(r, path, 'unknown-reference', `unknown ${KIND[target]} "${value}"`, {
          suggestion: suggest(value, ids.keys(), { synonyms: false }),
        }),
      );
    };
    // Score keys are judged only against settings that were read: a portfolio.yaml that failed to parse
    // (or names no valid method) has its own diagnostic, and checking against nothing would flag every key.
    const criteria = ctx.portfolio?.raw && ctx.settings.method !== undefined ? criterionIds(ctx.settings) : undefined;

    for (const r of ctx.records) {
      const raw = r.raw;
      if (!raw) continue;
      if (r.collection === 'programs') {
        asArray(raw.goals).forEach((g, i) => ref(r, ['goals', i], g, 'goals'));
        continue;
      }
      if (r.collection !== 'projects') continue;

      ref(r, ['program'], raw.program, 'programs');
      asArray(raw.goals).forEach((g, i) => ref(r, ['goals', i], g, 'goals'));
      asArray(raw.teams).forEach((t, i) => ref(r, ['teams', i], t, 'teams'));
      asArray(raw.demand).forEach((d, i) => {
        if (isPlainObject(d)) ref(r, ['demand', i, 'team'], d.team, 'teams');
      });

      const milestones = asArray(raw.milestones)
        .map((m) => (isPlainObject(m) ? asString(m.name) : undefined))
        .filter((n): n is string => n !== undefined);
      asArray(raw.dependencies).forEach((d, i) => {
        if (!isPlainObject(d)) return;
        ref(r, ['dependencies', i, 'on'], d.on, 'projects');
        const needBy = asString(d.need_by);
        if (needBy !== undefined && needBy.trim() !== '' && !milestones.some((m) => m.trim() === needBy.trim())) {
          out.push(
            diagnostic(
              r,
              ['dependencies', i, 'need_by'],
              'unknown-reference',
              milestones.length === 0
                ? `unknown milestone "${needBy}": this project has no milestones`
                : `unknown milestone "${needBy}": need_by names one of this project's milestones`,
              { suggestion: suggest(needBy, milestones, { synonyms: false }) },
            ),
          );
        }
      });

      if (criteria && isPlainObject(raw.scores)) {
        for (const key of Object.keys(raw.scores)) {
          if (criteria.includes(key)) continue;
          const message =
            ctx.settings.method === 'weighted'
              ? criteria.length === 0
                ? `unknown criterion "${key}": portfolio.yaml defines no scoring criteria`
                : `unknown criterion "${key}", expected ${criteria.join(' | ')}`
              : `unknown ${ctx.settings.method} input "${key}", expected ${criteria.join(' | ')}`;
          out.push(diagnostic(r, ['scores', key], 'unknown-reference', message, { suggestion: suggest(key, criteria, { synonyms: false }) }));
        }
      }
    }
    return out;
  },
};
