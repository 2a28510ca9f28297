import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../integrations/site.ts';
import { embedSvgResponse } from '../../../layouts/embed-svg.ts';
import { embedIds, recordEmbed } from '../../../page-data/embeds.ts';

export const getStaticPaths: GetStaticPaths = async () => embedIds((await getSite()).model, 'teams').map((id) => ({ params: { id } }));

export const GET: APIRoute = async ({ params, site }) => embedSvgResponse(recordEmbed((await getSite()).model, 'teams', params.id!)!, site);
