/**
 * sitemap.xml (sitemaps.org 0.9): absolute URLs only, so it is written only
 * when the site's URL is known (SITE_URL), and only for a public build.
 */
import { xmlEscape } from './export-atom.ts';

/** `root` is the absolute site root with the base path and a trailing slash; `paths` are site-relative (`projects/x/`). */
export function sitemapXml(root: string, paths: readonly string[]): string {
  const urls = [...new Set(paths)].toSorted().map((p) => `  <url><loc>${xmlEscape(new URL(p, root).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Page paths worth listing: HTML pages (directory URLs), not the 404 page. */
export function sitemapPaths(pathnames: readonly string[]): string[] {
  return pathnames
    .map((p) => p.replace(/^\/+/, ''))
    .filter((p) => (p === '' || p.endsWith('/')) && !/^404\/?$/.test(p));
}
