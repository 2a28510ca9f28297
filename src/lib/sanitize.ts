/**
 * What survives of raw HTML in a `.md` record body: GitHub's allow-list
 * (hast-util-sanitize's default schema, the one rehype-sanitize uses), plus
 * the code-block classes Markdown itself produces, including `mermaid` fences.
 * Scripts, event handlers, styles, iframes and forms are removed.
 */
import { defaultSchema } from 'rehype-sanitize';

const codeClasses: [string, ...(string | RegExp)[]] = ['className', /^language-./, 'mermaid', 'astro-code'];

export const sanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), codeClasses],
    pre: [...(defaultSchema.attributes?.pre ?? []), codeClasses, 'dataLanguage', 'tabIndex'],
  },
};
