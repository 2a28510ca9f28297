/**
 * Record bodies (`.md`) are untrusted: what survives of their raw HTML is
 * GitHub's allow-list (hast-util-sanitize's default schema, the one
 * rehype-sanitize uses), plus the code-block classes Markdown itself produces,
 * including `mermaid` fences. Scripts, event handlers, styles, iframes, forms
 * and `javascript:` links are removed. Used by src/render/markdown.ts (the page)
 * and src/render/body-text.ts (the search index), so both keep the same things.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const codeClasses: [string, ...(string | RegExp)[]] = ['className', /^language-./, 'mermaid'];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), codeClasses],
    pre: [...(defaultSchema.attributes?.pre ?? []), codeClasses],
  },
};
