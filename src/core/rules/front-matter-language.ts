import type { Rule } from './context.ts';
import { parseProblems } from './context.ts';

export const frontMatterLanguage: Rule = {
  id: 'front-matter-language',
  description: 'Front matter must be YAML; ---js, ---toml and the like are refused and never executed.',
  check: (ctx) => parseProblems(ctx, 'front-matter-language'),
};
