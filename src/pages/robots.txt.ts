/**
 * robots.txt: a public build may be indexed (with the sitemap when SITE_URL
 * is set); any other audience disallows everything (its pages also carry
 * `noindex`). Crawlers read robots.txt only at the host root, so on a
 * project site (BASE_PATH) the `noindex` meta is what protects an internal build.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../integrations/site.ts';
import { siteRoot } from '../render/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { model } = await getSite();
  const root = siteRoot(site);
  const text =
    model.audience === 'public'
      ? `User-agent: *\nAllow: /\n${root ? `\nSitemap: ${root}sitemap.xml\n` : ''}`
      : 'User-agent: *\nDisallow: /\n';
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
