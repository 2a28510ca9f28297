import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolioJsonText, round4 } from '../../src/core/export-json.ts';
import { portfolio, project, settings } from './fixtures.ts';

describe('round4', () => {
  it('rounds to 4 decimals', () => {
    expect(round4(67.49999999)).toBe(67.5);
    expect(round4(1 / 3)).toBe(0.3333);
    expect(round4(undefined)).toBeUndefined();
  });

  it('keeps a huge number as it is instead of overflowing to Infinity (fuzz counterexample)', () => {
    expect(round4(1e308)).toBe(1e308);
    expect(round4(-Number.MAX_VALUE)).toBe(-Number.MAX_VALUE);
    expect(round4(2 ** 52 + 1)).toBe(2 ** 52 + 1);
  });
});

describe('portfolioJsonText', () => {
  it('writes a rice score past 2^52 as that number, not null', () => {
    const input = portfolio({
      settings: settings({ scoring: { method: 'rice', criteria: [], scale: [1, 5] } }),
      projects: [project('p', { scores: { reach: 1e9, impact: 1e9, confidence: 1, effort: 1 } })],
    });
    const json = JSON.parse(portfolioJsonText(buildModel(input, { audience: 'internal', asOf: '2026-11-15' })));
    expect(json.projects[0].score).toBe(1e18);
  });
});
