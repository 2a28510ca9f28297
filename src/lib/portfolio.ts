/**
 * What pages read: the portfolio model (computed once per build, see
 * src/lib/model.ts) and rendered record bodies: Markdown rendered from the
 * model (src/lib/markdown.ts), MDX through Astro's content collections.
 */
import { getEntry, render } from 'astro:content';
import type { PortfolioModel } from '../core/model.ts';
import type { CollectionName } from '../core/schema.ts';
import { renderMarkdown } from './markdown.ts';
import { portfolioModel } from './model.ts';

export function getPortfolio(): Promise<PortfolioModel> {
  return portfolioModel({ dev: import.meta.env.DEV });
}

export type RenderedBody = { html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] };

/** A record's body, rendered: sanitized HTML for Markdown, an Astro component for MDX. */
export async function renderBody(collection: CollectionName, record: { id: string; file: string; body: string }): Promise<RenderedBody | undefined> {
  if (!record.body.trim()) return undefined;
  if (!record.file.endsWith('.mdx')) return { html: renderMarkdown(record.body) };
  const entry = await getEntry(collection, record.id);
  if (!entry) throw new Error(`${record.file}: the MDX body is missing from the ${collection} collection`);
  const { Content } = await render(entry);
  return { Content };
}
