/** Key results with direction and progress (issue 16, item 11): from baseline towards target, clamped and explained. */
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/charts/progress.ts';
import { keyResultView } from '../../src/page-data/records.ts';

describe('keyResultView', () => {
  it('higher is better when the target is above the baseline: progress from baseline towards target', () => {
    const k = keyResultView({ metric: 'Online share', unit: '%', baseline: 18, target: 35, actual: 24 });
    expect(k.direction).toBe('higher');
    expect(k.progress).toBeCloseTo(6 / 17);
    expect(k.formula).toBe('(24 − 18) / (35 − 18) = 35.3%');
    expect(k.bar).toEqual({ width: 120, height: 10, fill: 42.35, clamped: false });
    expect(k.explanation).toBeUndefined();
  });

  it('lower is better when the target is below the baseline: a fall is progress', () => {
    const k = keyResultView({ metric: 'Racks', baseline: 42, target: 10, actual: 31 });
    expect(k.direction).toBe('lower');
    expect(k.progress).toBeCloseTo(11 / 32);
    expect(k.formula).toBe('(31 − 42) / (10 − 42) = 34.4%');
  });

  it('past the target the bar is full, the wrong way it is empty, and it says so', () => {
    const past = keyResultView({ metric: 'm', baseline: 10, target: 20, actual: 25 });
    expect(past.progress).toBe(1.5);
    expect(past.bar).toMatchObject({ fill: 120, clamped: true });
    expect(past.explanation).toBe('Past the target: the bar shows 100%.');
    const wrong = keyResultView({ metric: 'm', baseline: 10, target: 4, actual: 12 });
    expect(wrong.direction).toBe('lower');
    expect(wrong.progress).toBeCloseTo(-1 / 3);
    expect(wrong.bar).toMatchObject({ fill: 0, clamped: true });
    expect(wrong.explanation).toBe('Moved away from the target (up from the baseline): the bar shows 0%.');
    expect(keyResultView({ metric: 'm', baseline: -5, target: 5, actual: -10 }).formula).toBe('(−10 − −5) / (5 − −5) = −50%');
  });

  it('without a current value, baseline or target there is no figure and no bar, and the reason is given', () => {
    const noActual = keyResultView({ metric: 'm', baseline: 10, target: 20 });
    expect(noActual).toMatchObject({ direction: 'higher', progress: undefined, bar: undefined, formula: undefined });
    expect(noActual.explanation).toBe('No current value yet, so no progress.');
    expect(keyResultView({ metric: 'm', target: 20, actual: 5 })).toMatchObject({ direction: undefined, explanation: 'No progress figure: the key result has no baseline.' });
    expect(keyResultView({ metric: 'm', actual: 5 }).explanation).toBe('No progress figure: the key result has no baseline or target.');
    expect(keyResultView({ metric: 'm', baseline: 5, target: 5, actual: 5 })).toMatchObject({ direction: undefined, explanation: 'No progress figure: the target equals the baseline.' });
  });
});

describe('progressBar', () => {
  it('fills the share of the width, clamped to 0..100%; nothing without a figure', () => {
    expect(progressBar(0.5, 100, 8)).toEqual({ width: 100, height: 8, fill: 50, clamped: false });
    expect(progressBar(-0.2)?.fill).toBe(0);
    expect(progressBar(2)?.fill).toBe(120);
    expect(progressBar(undefined)).toBeUndefined();
    expect(progressBar(Number.NaN)).toBeUndefined();
  });
});
