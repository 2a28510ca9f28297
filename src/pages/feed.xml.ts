import type { APIRoute } from 'astro';
import { changesAtom } from '../core/export-atom.ts';
import { getSite } from '../integrations/site.ts';
import { feedReviews } from '../page-data/history.ts';
import { basePath, siteRoot } from '../render/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model, changes, history } = await getSite();
  const entries = changes?.entries ?? [];
  return new Response(changesAtom(model, entries, { root: siteRoot(site) ?? basePath(), reviews: feedReviews(model, history) }), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
