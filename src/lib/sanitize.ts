/**
 * Record bodies (`.md`) are untrusted: what survives of their raw HTML is
 * GitHub's allow-list (hast-util-sanitize's default schema), plus the
 * code-block classes Markdown itself produces, including `mermaid` fences.
 * Scripts, event handlers, styles, iframes, forms and `javascript:` links are
 * removed.
 *
 * Bodies are rendered by Sätteri, Astro 7's default Markdown engine (parsing in
 * Rust; about ten times faster than unified on realistic bodies, which is
 * most of a large build's content sync — `npm run bench`). With
 * `rawHtml: true` it parses raw HTML into elements; these two hast plugins
 * then sanitize the whole tree and make code blocks focusable.
 */
import type { Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { defineHastPlugin } from 'satteri';

const codeClasses: [string, ...(string | RegExp)[]] = ['className', /^language-./, 'mermaid', 'astro-code'];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), codeClasses],
    pre: [...(defaultSchema.attributes?.pre ?? []), codeClasses, 'dataLanguage', 'tabIndex'],
  },
};

/** Replaces the document with its sanitized copy, once every earlier plugin (syntax highlighting) has run. */
export const sanitizeBody = defineHastPlugin({
  name: 'roadmap-sanitize',
  after(root, ctx) {
    ctx.replaceNode(root, sanitize(root as Root, sanitizeSchema) as Root);
  },
});

/**
 * Code blocks scroll sideways when lines are long, so keyboard users must be
 * able to focus them (axe: scrollable-region-focusable). Runs after
 * sanitizing, so the attribute is ours, not the record's.
 */
export const focusableCode = defineHastPlugin({
  name: 'roadmap-focusable-pre',
  element: {
    filter: ['pre'],
    visit(node, ctx) {
      ctx.setProperty(node, 'tabIndex', 0);
    },
  },
});
