/**
 * What pages read: the site (src/pipeline/index.ts), and rendered record
 * bodies (Markdown rendered from the model by src/render/markdown.ts, MDX
 * through Astro's content collections).
 * A build computes the site once (./build-state.ts); the dev server
 * recomputes it on every request, so edits show on reload.
 */
import { getEntry, render } from 'astro:content';
import type { CollectionName } from '../core/schema.ts';
import { buildSite, type Site } from '../pipeline/index.ts';
import { loadSettings } from '../pipeline/settings.ts';
import { buildingSite } from './build-state.ts';
import { renderMarkdown } from '../render/markdown.ts';

/** This build's site, computed on first use; the dev server's, computed afresh. */
export function getSite(): Promise<Site> {
  const site = import.meta.env.DEV ? undefined : buildingSite();
  return site ? Promise.resolve(site) : buildSite(loadSettings(), { history: true });
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
