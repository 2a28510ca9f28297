import type { APIRoute } from 'astro';
import { portfolioJsonText } from '../core/export-json.ts';
import { getPortfolio } from '../lib/portfolio.ts';

export const GET: APIRoute = async () =>
  new Response(portfolioJsonText(await getPortfolio()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
