import type { APIRoute } from 'astro';
import { portfolioMspdi } from '../core/export-mspdi.ts';
import { getSite } from '../integrations/site.ts';

export const GET: APIRoute = async () => new Response(portfolioMspdi((await getSite()).model), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
