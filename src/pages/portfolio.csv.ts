import type { APIRoute } from 'astro';
import { portfolioCsv } from '../core/export-csv.ts';
import { getPortfolio } from '../lib/portfolio.ts';

export const GET: APIRoute = async () =>
  new Response(portfolioCsv(await getPortfolio()), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
