import type { Rule } from './context.ts';
import { parseProblems } from './context.ts';

export const noFrontMatter: Rule = {
  id: 'no-front-matter',
  description: 'A record must start with --- on its first line.',
  check: (ctx) => parseProblems(ctx, 'no-front-matter'),
};
