import type { APIRoute } from 'astro';
import { changesAtom } from '../core/export-atom.ts';
import { getChangeLog } from '../lib/git-history.ts';
import { getPortfolio } from '../lib/portfolio.ts';
import { contentDir } from '../lib/read-content.ts';
import { basePath, siteRoot } from '../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const model = await getPortfolio();
  const { entries } = getChangeLog(model, contentDir());
  return new Response(changesAtom(model, entries, { root: siteRoot(site) ?? basePath() }), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
