import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Kept under tests/ (the repository's top level is fixed); paths are from the repo root.
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Tests of pure code (no environment, globals, files or processes of their own): they share workers instead of
 * a fresh worker and module graph per file. The property test of check and the validation tests stub the
 * environment or build sites, so they stay isolated.
 */
const PURE = [
  'tests/{charts,page-data,pipeline,render}/**/*.test.ts',
  'tests/core/**/!(fuzz-check|validation).test.ts',
  'tests/io/{memory-guard,read-content}.test.ts',
  'tests/build/html-helpers.test.ts',
  'tests/architecture.test.ts',
];

/** Tests that stub the environment around code that reads it at import: a fresh worker and module graph each. */
const ISOLATED = ['tests/core/fuzz-check.test.ts', 'tests/core/validation.test.ts'];

export default defineConfig({
  root,
  test: {
    // Four projects: pure tests and the other TypeScript tests (shared workers), two that stay isolated, and the chart
    // components rendered to SVG (they need Astro's Vite plugin: tests/charts/svg/vitest.config.ts).
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, isolate: false } },
      // The build, browser and CLI tests share workers too (no file mocks modules or changes the process's
      // globals; stubbed variables are restored after each test): Playwright, the support modules and the
      // scripts' modules load once per worker, not once per file.
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...PURE, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      'tests/charts/svg/vitest.config.ts',
    ],
    // Build and browser tests share built sites: the global setup provides a
    // per-run folder where `tests/support/build-site.ts` memoises each build
    // (one per option set, for every worker) and serialises Astro builds with
    // a lock, so test files may run in parallel without builds competing.
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: true,
    // Three files at a time on two cores: a browser or build test often waits on a build, and the third keeps
    // both cores busy meanwhile.
    maxWorkers: 3,
    testTimeout: 30_000,
    // A hook may wait for other files' builds (they take turns) before its own.
    hookTimeout: 600_000,
  },
});
