/**
 * A record body as plain text, for the search index: parsed the way the page
 * renders it (Sätteri, raw HTML parsed into elements, then GitHub's allow-list
 * from src/lib/sanitize.ts, so a `<script>`'s text is not searchable), then
 * read out with hast-util-to-text (line breaks between blocks, like a
 * browser's innerText). MDX bodies (trusted, not sanitized on the page either)
 * are parsed as MDX: the text inside their components counts, their
 * expressions and imports do not.
 */
import type { Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toText } from 'hast-util-to-text';
import { markdownToHast, mdxToHast } from 'satteri';
import { sanitizeSchema } from './sanitize.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** Text of every text node, blocks on their own lines (MDX components are not hast elements, so toText skips them). */
function mdxText(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  const inner = (node.children ?? []).map(mdxText).join('');
  return node.type === 'mdxJsxFlowElement' || node.type === 'element' ? `${inner}\n` : inner;
}

export function bodyText(body: string, mdx: boolean): string {
  const text = mdx
    ? mdxText(mdxToHast(body, { position: false }) as Node)
    : // Without a `<` there is no raw HTML, so nothing for the allow-list to remove.
      toText((body.includes('<') ? sanitize(markdownToHast(body, { position: false, features: { rawHtml: true } }) as Root, sanitizeSchema) : markdownToHast(body, { position: false })) as Root);
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
