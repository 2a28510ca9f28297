/**
 * `astro build` through Astro's JavaScript API, so a benchmark run gets its
 * own cache folder (a cold content-layer cache every time, and no sharing of
 * `node_modules/.astro/` with other builds in the same checkout).
 *
 *     node scripts/bench/astro-build.ts ROOT OUT_DIR CACHE_DIR
 *
 * Environment (ROADMAP_CONTENT, ROADMAP_AUDIENCE…) is passed through.
 */
import { build } from 'astro';
import path from 'node:path';

const [root, outDir, cacheDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!root || !outDir || !cacheDir) {
  process.stderr.write('usage: node scripts/bench/astro-build.ts ROOT OUT_DIR CACHE_DIR\n');
  process.exit(2);
}
await build({ root, outDir, cacheDir });
