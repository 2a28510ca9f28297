import type { Rule } from './context.ts';
import { parseProblems } from './context.ts';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  description: 'The front matter (or portfolio.yaml) must be valid YAML: no duplicate keys, no alias bombs.',
  check: (ctx) => parseProblems(ctx, 'yaml-syntax'),
};
