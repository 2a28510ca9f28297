/**
 * Writes `sitemap.xml` after the build, listing every HTML page Astro built,
 * when the site's URL is known (`SITE_URL` → Astro's `site`) and the build is
 * public. Without SITE_URL there is no sitemap (the format needs absolute
 * URLs); an internal build never gets one (its robots.txt disallows all).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sitemapPaths, sitemapXml } from '../core/sitemap.ts';
import type { Settings } from '../pipeline/settings.ts';

export function sitemap(settings: Settings): AstroIntegration {
  let root: string | undefined;
  return {
    name: 'roadmap-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.site ? new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href : undefined;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const { audience } = settings;
        if (audience !== 'public') return logger.info('no sitemap.xml: not a public build');
        if (!root) return logger.info('no sitemap.xml: set SITE_URL (e.g. https://you.github.io/roadmap) to write one');
        const paths = sitemapPaths(pages.map((p) => p.pathname));
        writeFileSync(join(fileURLToPath(dir), 'sitemap.xml'), sitemapXml(root, paths));
        logger.info(`sitemap.xml: ${paths.length} pages`);
      },
    },
  };
}
