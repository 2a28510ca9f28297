import type { APIRoute } from 'astro';
import { portfolioJsonText } from '../core/export-json.ts';
import { getSite } from '../integrations/site.ts';

export const GET: APIRoute = async () =>
  new Response(portfolioJsonText((await getSite()).model), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
