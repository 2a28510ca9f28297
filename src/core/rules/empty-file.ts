import type { Rule } from './context.ts';
import { parseProblems } from './context.ts';

export const emptyFile: Rule = {
  id: 'empty-file',
  description: 'A file with nothing in it.',
  check: (ctx) => parseProblems(ctx, 'empty-file'),
};
