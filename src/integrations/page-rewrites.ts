/**
 * After the pages are written, one read and write of each page for the
 * post-build passes: the Content-Security-Policy's script hashes cut to the
 * page's own (src/render/csp-hashes.ts, see csp.ts) and the inline SVG's empty
 * shapes self-closing (src/render/svg-leaves.ts). The same pages, fewer bytes.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rewritePages } from '../io/rewrite-pages.ts';
import { pageScriptHashes } from '../render/csp-hashes.ts';
import { selfCloseSvgLeaves } from '../render/svg-leaves.ts';

export function pageRewrites(): AstroIntegration {
  return {
    name: 'roadmap-page-rewrites',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { pages, saved } = rewritePages(fileURLToPath(dir), (html) => pageScriptHashes(selfCloseSvgLeaves(html)));
        logger.info(`${pages} pages rewritten: own script hashes only, self-closing SVG shapes (${Math.round(saved / 1024)} KB less)`);
      },
    },
  };
}
