/**
 * A record body as plain text, for the search index: the same sanitized tree
 * the page renders (src/render/markdown.ts, so a `<script>`'s text is no more
 * searchable than it is visible), read out with hast-util-to-text (line
 * breaks between blocks, like a browser's innerText). MDX bodies (trusted, not
 * sanitized on the page either) are parsed as MDX: the text inside their
 * components counts, their expressions and imports do not.
 */
import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { mdxToHast } from 'satteri';
import { bodyTree } from './markdown.ts';

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
  const text = mdx ? mdxText(mdxToHast(body, { position: false }) as Node) : toText(bodyTree(body) as Root);
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
