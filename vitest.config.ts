import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests share one built fixture site; keep files serial
    // on CI's 2 cores so builds do not compete for memory.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
