/** The build's memory guard: the up-front estimate against the heap limit and the machine (no real memory pressure needed). */
import { describe, expect, it } from 'vitest';
import { availableMemoryBytes, estimateHeapBytes, HEAP_BASE_BYTES, HEAP_PER_RECORD_BYTES, memoryAdvice } from '../../src/lib/memory-guard.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('memoryAdvice', () => {
  it('the estimate is linear in records', () => {
    expect(estimateHeapBytes(0)).toBe(HEAP_BASE_BYTES);
    expect(estimateHeapBytes(10_000) - estimateHeapBytes(5_000)).toBe(5_000 * HEAP_PER_RECORD_BYTES);
  });
  it('says nothing when the estimate fits', () => {
    expect(memoryAdvice({ records: 2_000, heapLimit: 4 * GB, available: 16 * GB })).toBeUndefined();
    expect(memoryAdvice({ records: 10_000, heapLimit: 4288 * MB, available: 7 * GB })).toBeUndefined();
  });
  it('warns for 500 records under a 312 MB heap limit (measured to fail) and not under 492 MB (measured to pass)', () => {
    expect(memoryAdvice({ records: 500, heapLimit: 312 * MB, available: 16 * GB })).toContain('500 records need about 348 MB');
    expect(memoryAdvice({ records: 500, heapLimit: 492 * MB, available: 16 * GB })).toBeUndefined();
  });
  it('suggests --max-old-space-size when the heap limit is too low but the machine has room', () => {
    const msg = memoryAdvice({ records: 20_000, heapLimit: 2 * GB, available: 16 * GB })!;
    expect(msg).toContain('20,000 records need about 4,156 MB of JavaScript heap');
    expect(msg).toContain("above Node's limit of 2,048 MB");
    expect(msg).toContain('NODE_OPTIONS=--max-old-space-size=5376');
  });
  it('says the machine is too small when the estimate exceeds its memory', () => {
    const msg = memoryAdvice({ records: 50_000, heapLimit: 4 * GB, available: 4 * GB })!;
    expect(msg).toContain('only 4,096 MB is available');
    expect(msg).not.toContain('NODE_OPTIONS');
  });
  it('uses a cgroup limit below the machine memory, and ignores "max"', () => {
    expect(availableMemoryBytes(() => `${512 * MB}\n`)).toBe(512 * MB);
    expect(availableMemoryBytes(() => 'max\n')).toBeGreaterThan(512 * MB);
    expect(availableMemoryBytes(() => undefined)).toBeGreaterThan(512 * MB);
  });
});
