import type { APIRoute } from 'astro';
import { portfolioCsv } from '../core/export-csv.ts';
import { getSite } from '../integrations/site.ts';

export const GET: APIRoute = async () =>
  new Response(portfolioCsv((await getSite()).model), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
