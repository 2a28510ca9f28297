/**
 * The `roadmap` Astro integration: validates every record before Astro builds
 * anything. A build with errors prints them all (the same lines as
 * `npm run check`) and stops before `dist/` is written; the dev server prints
 * them and keeps running, and the page shows the error until it is fixed.
 */
import type { AstroIntegration } from 'astro';
import { runCheck } from '../../scripts/check.ts';
import { contentDir } from './read-content.ts';
import { audienceName } from './audience-name.ts';
import { shareInput } from './shared-input.ts';
import { availableMemoryBytes, memoryAdvice, startHeapWatchdog, type HeapWatchdog } from './memory-guard.ts';
import { hasMermaidFence } from '../core/mermaid.ts';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { checkCacheDir } from './check-cache.ts';
import { searchPartChars } from './search.ts';

const MERMAID_UNUSED = fileURLToPath(new URL('./mermaid-unused.ts', import.meta.url));

export function roadmap(): AstroIntegration {
  let heapWatchdog: HeapWatchdog | undefined; // memory guard: stops a build that runs out of heap (src/lib/memory-guard.ts)
  return {
    name: 'roadmap',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const dir = contentDir();
        const audience = audienceName();
        // A bad ROADMAP_SEARCH_PART_CHARS stops the build here, before anything is written (src/lib/search.ts).
        if (command === 'build') searchPartChars();
        // Files unchanged since the last check (or build) are not parsed again (src/lib/check-cache.ts).
        const cache = checkCacheDir(fileURLToPath(new URL('roadmap-check/', config.cacheDir)));
        const result = await runCheck(dir, { strict: process.env.ROADMAP_STRICT === '1', audience, cache });
        if (result.exitCode === 0) {
          const input = result.input;
          if (command === 'build' && input) {
            shareInput({ dir, audience, input });
            if (![input.projects, input.programs, input.goals, input.teams].flat().some((r) => hasMermaidFence(r.body))) {
              // No record page will load mermaid (src/components/MermaidLoader.astro): do not bundle it.
              updateConfig({ vite: { resolve: { alias: [{ find: /^mermaid$/, replacement: MERMAID_UNUSED }] } } });
            }
            // Vite's dependency optimizer pre-bundles browser code for the dev server; a build has no use for it,
            // but its scan ran in every cold build (about 0.5 s). The built site is byte-identical without it.
            updateConfig({ vite: { optimizeDeps: { noDiscovery: true, include: [] } } });
            // Say up front when the records will not fit in memory, and what to do (src/lib/memory-guard.ts).
            const advice = memoryAdvice({ records: input.projects.length, heapLimit: v8.getHeapStatistics().heap_size_limit, available: availableMemoryBytes() });
            if (advice) logger.warn(advice);
            heapWatchdog?.stop();
            heapWatchdog = startHeapWatchdog({ records: input.projects.length, outDir: config.outDir });
          }
          logger.info(result.output.trim().split('\n').at(-1) ?? 'content is valid');
          return;
        }
        process.stderr.write(result.output);
        if (command === 'build') {
          throw new Error('The content has errors (listed above); nothing was built. Fix them and run `npm run check`.');
        }
      },
      'astro:build:done': () => {
        heapWatchdog?.stop();
        heapWatchdog = undefined;
      },
    },
  };
}
