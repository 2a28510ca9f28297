import { describe, expect, it } from 'vitest';
import { formulaNumber } from '../../src/core/format.ts';
import { compareByRank, rankProjects, scoreProject } from '../../src/core/scoring.ts';
import { settings } from './fixtures.ts';

const weighted = settings().scoring;
const wsjf = settings({ scoring: { method: 'wsjf' } }).scoring;
const rice = settings({ scoring: { method: 'rice' } }).scoring;

describe('formulaNumber', () => {
  it('keeps at most 4 decimals and drops trailing zeros', () => {
    expect(formulaNumber(2 / 3)).toBe('0.6667');
    expect(formulaNumber(0.5)).toBe('0.5');
    expect(formulaNumber(3)).toBe('3');
    expect(formulaNumber(1_000_000)).toBe('1000000');
    expect(formulaNumber(-0.00001)).toBe('0');
  });
});

describe('weighted score', () => {
  it('normalises on the scale, inverts, weights and explains', () => {
    const s = scoreProject({ strategic_fit: 5, value: 4, risk: 2, effort: 3 }, weighted)!;
    // n: fit (5−1)/4 = 1; value (4−1)/4 = 0.75; risk 1 − (2−1)/4 = 0.75; effort 1 − (3−1)/4 = 0.5
    // 100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10 = 100 × 7.75 / 10 = 77.5
    expect(s.method).toBe('weighted');
    expect(s.value).toBe(77.5);
    expect(s.formula).toBe('100 × (3·1 + 3·0.75 + 2·0.75 + 2·0.5) / 10');
    expect(s.terms.map((t) => t.normalized)).toEqual([1, 0.75, 0.75, 0.5]);
    // contribution = 100·w·n/Σw: 30, 22.5, 15, 10 (sum 77.5)
    expect(s.terms.map((t) => t.contribution)).toEqual([30, 22.5, 15, 10]);
    expect(s.terms[0]).toMatchObject({ criterion: 'strategic_fit', label: 'Strategic fit', value: 5, weight: 3 });
  });

  it('uses the criterion id as label when there is none, and keeps full precision', () => {
    const scoring = settings({ scoring: { method: 'weighted', scale: [0, 3], criteria: [{ id: 'a', weight: 1 }, { id: 'b', weight: 2 }] } }).scoring;
    const s = scoreProject({ a: 1, b: 3 }, scoring)!;
    // n: a 1/3, b 1 → 100 × (1·(1/3) + 2·1) / 3 = 100 × (7/3) / 3 = 700/9 = 77.777…
    expect(s.value).toBeCloseTo(700 / 9, 12);
    expect(s.formula).toBe('100 × (1·0.3333 + 2·1) / 3');
    expect(s.terms[0].label).toBe('a');
  });

  it('has no score when a criterion or all scores are missing', () => {
    expect(scoreProject({ strategic_fit: 5, value: 4, risk: 2 }, weighted)).toBeUndefined();
    expect(scoreProject(undefined, weighted)).toBeUndefined();
  });

  it('has no score without criteria', () => {
    const scoring = settings({ scoring: { method: 'weighted', criteria: [] } }).scoring;
    expect(scoreProject({ a: 1 }, scoring)).toBeUndefined();
  });
});

describe('wsjf score', () => {
  it('is cost of delay over job size', () => {
    const s = scoreProject({ business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 5 }, wsjf)!;
    // (8 + 5 + 3) / 5 = 3.2
    expect(s.value).toBe(3.2);
    expect(s.formula).toBe('(8 + 5 + 3) / 5');
    expect(s.terms.map((t) => t.label)).toEqual(['Business value', 'Time criticality', 'Risk reduction', 'Job size']);
    expect(s.terms.map((t) => t.value)).toEqual([8, 5, 3, 5]);
  });

  it('has no score with a missing input or a job size of 0', () => {
    expect(scoreProject({ business_value: 8, time_criticality: 5, job_size: 5 }, wsjf)).toBeUndefined();
    expect(scoreProject({ business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 0 }, wsjf)).toBeUndefined();
  });
});

describe('rice score', () => {
  it('is reach × impact × confidence / effort', () => {
    const s = scoreProject({ reach: 1000, impact: 2, confidence: 0.8, effort: 4 }, rice)!;
    // 1000 × 2 × 0.8 / 4 = 400
    expect(s.value).toBe(400);
    expect(s.formula).toBe('1000 × 2 × 0.8 / 4');
    expect(s.terms.map((t) => t.label)).toEqual(['Reach', 'Impact', 'Confidence', 'Effort']);
  });

  it('has no score with a missing input', () => {
    expect(scoreProject({ reach: 1000, impact: 2, effort: 4 }, rice)).toBeUndefined();
  });
});

describe('rankProjects', () => {
  it('uses competition ranking among open scored projects', () => {
    const ranks = rankProjects([
      { id: 'd', status: 'proposed', score: 60 },
      { id: 'c', status: 'proposed', score: 70 },
      { id: 'a', status: 'active', score: 80 },
      { id: 'h', status: 'on-hold', score: 70 },
      { id: 'b', status: 'approved', score: 70 },
      { id: 'e', status: 'done', score: 99 },
      { id: 'f', status: 'cancelled', score: 99 },
      { id: 'g', status: 'proposed' },
    ]);
    // 80 → 1; three at 70 → 2, 2, 2; 60 → 5 (four scores are higher: 1 + 4); done/cancelled/unscored unranked
    expect([...ranks]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['h', 2],
      ['d', 5],
    ]);
    expect(ranks.has('e')).toBe(false);
    expect(ranks.has('f')).toBe(false);
    expect(ranks.has('g')).toBe(false);
  });

  it('does not split a tie on floating-point noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in floating point; equal to 0.3 at 12 digits
    const ranks = rankProjects([
      { id: 'x', status: 'active', score: 0.1 + 0.2 },
      { id: 'y', status: 'active', score: 0.3 },
    ]);
    expect(ranks.get('x')).toBe(1);
    expect(ranks.get('y')).toBe(1);
  });

  it('compareByRank orders by rank, then id, unranked last', () => {
    const list = [
      { id: 'z', rank: 2 },
      { id: 'u' },
      { id: 'b', rank: 2 },
      { id: 'a', rank: 1 },
    ];
    expect(list.sort(compareByRank).map((p) => p.id)).toEqual(['a', 'b', 'z', 'u']);
  });
});
