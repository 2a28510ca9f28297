/**
 * A record's body, rendered: Markdown from the model (./markdown.ts, sanitized),
 * MDX through Astro's content collections (only Astro can compile it).
 */
import { getEntry, render } from 'astro:content';
import type { CollectionName } from '../core/schema.ts';
import { renderMarkdown } from './markdown.ts';

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
