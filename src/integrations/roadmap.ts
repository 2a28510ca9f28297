/**
 * The `roadmap` Astro integrations.
 *
 * `roadmap()` runs the pipeline's check before Astro builds anything: a build
 * with errors prints them all (the same lines as `npm run check`) and stops
 * before anything is written; the dev server prints them and keeps running,
 * and the page shows the error until it is fixed. A build writes into a
 * staging folder; `publish()`, the last integration, moves it into place when
 * every step succeeded (src/io/publish.ts).
 */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { formatCount } from '../core/format.ts';
import { hasMermaidFence } from '../core/mermaid.ts';
import { availableMemoryBytes, favourMemoryOverHeapGrowth, memoryAdvice, startHeapWatchdog, type HeapWatchdog } from '../io/memory-guard.ts';
import { copyMermaid, MERMAID_FOLDER, mermaidFile, mermaidModule } from '../io/mermaid-assets.ts';
import { NO_GIT_NOTE } from '../io/history-git.ts';
import { discardStaged, publishStaged, stagingDir } from '../io/publish.ts';
import { checkContent } from '../pipeline/index.ts';
import { DEFAULT_CHECK_CACHE, type Settings } from '../pipeline/settings.ts';
import { buildingSite, prepareSite, startBuild } from './build-state.ts';

/** The output folder the build was asked for, and the staging folder it writes into. */
interface Output {
  outDir: string;
  staging: string;
  published: boolean;
}
let output: Output | undefined;

/** `settings`: from loadSettings() in astro.config.mjs, the one reading of the environment. */
export function roadmap(settings: Settings): AstroIntegration {
  let heapWatchdog: HeapWatchdog | undefined; // memory guard: stops a build that runs out of heap (src/io/memory-guard.ts)
  let usesMermaid = false;
  let base = '/';
  return {
    name: 'roadmap',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Where MermaidLoader finds mermaid (copied into the site, not bundled: src/io/mermaid-assets.ts).
        base = config.base;
        updateConfig({ vite: { define: { __ROADMAP_MERMAID__: JSON.stringify(mermaidModule(base)) } } });
        // Files unchanged since the last check (or build) are not parsed again (src/io/check-cache.ts):
        // in ROADMAP_CHECK_CACHE when set (or nowhere when `off`), else under Astro's cache folder.
        const checkCache = settings.checkCache === DEFAULT_CHECK_CACHE ? fileURLToPath(new URL('roadmap-check/', config.cacheDir)) : settings.checkCache;
        const result = await checkContent({ ...settings, checkCache });
        if (result.exitCode !== 0 || !result.input) {
          process.stderr.write(result.output);
          if (command === 'build') throw new Error('The content has errors (listed above); nothing was built. Fix them and run `npm run check`.');
          return;
        }
        const input = result.input;
        if (command === 'build') {
          startBuild(settings, input);
          // The portfolio's history (src/pipeline/history.ts): past review periods from git, cached per machine.
          await prepareSite({
            onStats: (s) => logger.info(`history: ${formatCount(s.samples, 'sample')}, ${s.computed} computed${s.inWorker ? ` (${s.inWorker} in a child process)` : ''}, the rest cached (${s.seconds.toFixed(2)} s)`),
          });
          // No git is a choice (info); a shallow clone or content that does not pass check is worth a warning.
          const note = buildingSite()?.history?.note;
          if (note) (note === NO_GIT_NOTE ? logger.info(note) : logger.warn(note));
          // Only a site with a ```mermaid block gets mermaid's files.
          usesMermaid = [input.projects, input.programs, input.goals, input.teams].flat().some((r) => hasMermaidFence(r.body));
          // Vite's dependency optimizer pre-bundles browser code for the dev server; a build has no use for it.
          updateConfig({ vite: { optimizeDeps: { noDiscovery: true, include: [] } } });
          const outDir = fileURLToPath(config.outDir);
          output = { outDir, staging: stagingDir(outDir), published: false };
          discardStaged(output.staging);
          updateConfig({ outDir: pathToFileURL(`${output.staging}/`) });
          // Say up front when the records will not fit in memory, and what to do (src/io/memory-guard.ts).
          const advice = memoryAdvice({ records: input.projects.length, heapLimit: v8.getHeapStatistics().heap_size_limit, available: availableMemoryBytes() });
          if (advice) logger.warn(advice);
          favourMemoryOverHeapGrowth();
          heapWatchdog?.stop();
          heapWatchdog = startHeapWatchdog({ records: input.projects.length, outDir: output.outDir, pagesDir: output.staging });
        }
        logger.info(result.output.trim().split('\n').at(-1) ?? 'content is valid');
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base.endsWith('/') ? base : `${base}/`}${MERMAID_FOLDER}`;
        server.middlewares.use((req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          const file = path.startsWith(prefix) ? mermaidFile(path.slice(prefix.length)) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': () => {
        heapWatchdog?.stop();
        heapWatchdog = undefined;
        if (output && usesMermaid) copyMermaid(output.staging);
      },
    },
  };
}

/** Moves the finished site into place; list it last, after every integration that writes into the output. */
export function publish(): AstroIntegration {
  return {
    name: 'roadmap-publish',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (!output) return;
        publishStaged(output.staging, output.outDir);
        output.published = true;
        logger.info(`site written to ${output.outDir}`);
      },
    },
  };
}

// A build that failed (or was stopped) leaves nothing staged: the staging folder may hold internal text.
process.once('exit', () => {
  if (output && !output.published) discardStaged(output.staging);
});
