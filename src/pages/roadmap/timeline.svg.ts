import type { APIRoute } from 'astro';
import { getSite } from '../../integrations/site.ts';
import { embedSvgResponse } from '../../layouts/embed-svg.ts';
import { roadmapEmbed } from '../../page-data/embeds.ts';

export const GET: APIRoute = async ({ site }) => embedSvgResponse(roadmapEmbed((await getSite()).model), site);
