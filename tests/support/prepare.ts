/**
 * `beforeAll` whose failure fails the tests of its suite. When a plain
 * `beforeAll` throws (a build that does not build, no Chromium on CI),
 * vitest reports its tests as skipped, and a run could read "0 failed".
 * Here the hook keeps the error and a `beforeEach` rethrows it, so every
 * test of the suite fails with the hook's message. Also returns a getter
 * for the setup's value.
 */
import { beforeAll, beforeEach } from 'vitest';

export function prepare<T>(setup: () => Promise<T>, timeout?: number): () => T {
  let value: T | undefined;
  let error: unknown;
  let ran = false;
  beforeAll(async () => {
    try {
      value = await setup();
    } catch (caught) {
      error = caught;
    } finally {
      ran = true;
    }
  }, timeout);
  beforeEach(() => {
    if (error !== undefined) throw error;
  });
  return () => {
    if (error !== undefined) throw error;
    if (!ran) throw new Error('prepare(): the setup has not run');
    return value as T;
  };
}
