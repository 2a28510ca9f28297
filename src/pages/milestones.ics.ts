import type { APIRoute } from 'astro';
import { milestonesIcs } from '../core/export-ics.ts';
import { getSite } from '../integrations/site.ts';
import { siteRoot } from '../render/site-url.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(milestonesIcs((await getSite()).model, { siteUrl: siteRoot(site) }), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
