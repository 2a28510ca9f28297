/**
 * The site's absolute root URL (with BASE_PATH and a trailing slash) when
 * `SITE_URL` is set (Astro's `site`), else undefined: exports then use
 * site-relative links, and no sitemap is written.
 */
export function siteRoot(site: URL | undefined): string | undefined {
  if (!site) return undefined;
  return new URL(import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`, site).href;
}

/** The base path with a trailing slash: `/` or `/roadmap/`. */
export function basePath(): string {
  const b = import.meta.env.BASE_URL;
  return b.endsWith('/') ? b : `${b}/`;
}
