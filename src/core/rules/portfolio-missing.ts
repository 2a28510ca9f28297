/** Every content folder needs a portfolio.yaml (at least a `title`). */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';

export const portfolioMissing: Rule = {
  id: 'portfolio-missing',
  description: 'The content folder must contain portfolio.yaml.',
  check(ctx: LoadContext) {
    if (ctx.portfolio || ctx.refused.some((r) => r.file === 'portfolio.yaml')) return []; // refused: outside-content says why
    const yml = ctx.misplaced.find((m) => m.kind === 'portfolio-yml');
    const d: Diagnostic = yml
      ? { file: yml.shown, line: 1, column: 1, field: '', rule: 'portfolio-missing', severity: 'error', message: 'the settings file must be named portfolio.yaml', suggestion: 'portfolio.yaml' }
      : {
          file: `${ctx.root}portfolio.yaml`,
          line: 1,
          column: 1,
          field: '',
          rule: 'portfolio-missing',
          severity: 'error',
          message: 'no portfolio.yaml: every content folder needs one, with at least a title',
        };
    return [d];
  },
};
