import { describe, expect, it } from 'vitest';
import { resolveAsOf } from '../../src/core/as-of.ts';

const now = new Date('2026-05-04T23:30:00+02:00'); // 2026-05-04T21:30Z

describe('resolveAsOf', () => {
  it('prefers as_of in portfolio.yaml', () => {
    expect(resolveAsOf('2026-11-15', '2025-01-01', now)).toBe('2026-11-15');
  });

  it('falls back to ROADMAP_AS_OF, trimmed', () => {
    expect(resolveAsOf(undefined, ' 2025-01-31 ', now)).toBe('2025-01-31');
  });

  it('falls back to today in UTC when the environment value is unset or blank', () => {
    expect(resolveAsOf(undefined, undefined, now)).toBe('2026-05-04');
    expect(resolveAsOf(undefined, '  ', now)).toBe('2026-05-04');
    // 2026-05-05T01:00+02:00 is still 2026-05-04 in UTC
    expect(resolveAsOf(undefined, '', new Date('2026-05-05T01:00:00+02:00'))).toBe('2026-05-04');
  });

  it('rejects an environment value that is not an existing day', () => {
    expect(() => resolveAsOf(undefined, '2026-02-30', now)).toThrow(/ROADMAP_AS_OF=2026-02-30/);
    expect(() => resolveAsOf(undefined, '2026-Q1', now)).toThrow(/YYYY-MM-DD/);
  });
});
