import type { APIRoute } from 'astro';
import { milestonesIcs } from '../core/export-ics.ts';
import { getPortfolio } from '../lib/portfolio.ts';
import { siteRoot } from '../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(milestonesIcs(await getPortfolio(), { siteUrl: siteRoot(site) }), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
