import type { Rule } from './context.ts';
import { parseProblems } from './context.ts';

export const unclosedFrontMatter: Rule = {
  id: 'unclosed-front-matter',
  description: 'The front matter must end with a --- line.',
  check: (ctx) => parseProblems(ctx, 'unclosed-front-matter'),
};
