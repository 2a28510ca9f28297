/**
 * A file the reader refused (src/io/read-content.ts): a link whose real path
 * is outside the content folder, which would publish text from anywhere on
 * the machine. Never read; an error naming the link.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { LoadContext, Rule } from './context.ts';

export const outsideContent: Rule = {
  id: 'outside-content',
  description: 'Files (and folders) must be inside the content folder: links to anywhere else are refused.',
  check(ctx: LoadContext) {
    return ctx.refused.map(
      (r): Diagnostic => ({ file: r.shown, line: 1, column: 1, field: '', rule: 'outside-content', severity: 'error', message: r.why }),
    );
  },
};
