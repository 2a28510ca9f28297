/**
 * Prioritization scores and backlog rank (contract: "What the build computes").
 *
 * - weighted: 100 × Σ wᵢ·nᵢ / Σ wᵢ, nᵢ = (v − min) / (max − min) on the scale,
 *   an inverted criterion uses 1 − nᵢ.
 * - wsjf: (business_value + time_criticality + risk_reduction) / job_size.
 * - rice: reach × impact × confidence / effort.
 *
 * A project missing any input has no score. Values keep full precision; only
 * the formula string is rounded (to at most 4 decimals) for display.
 */
import type { PortfolioSettings, Status } from './schema.ts';
import { RICE_KEYS, WSJF_KEYS } from './schema.ts';
import { formulaNumber } from './format.ts';
import { isOpen } from './schedule.ts';
import type { Score, ScoreTerm } from './model.ts';

export type ScoringSettings = PortfolioSettings['scoring'];
export type Scores = Record<string, number> | undefined;

const LABELS: Record<string, string> = {
  business_value: 'Business value',
  time_criticality: 'Time criticality',
  risk_reduction: 'Risk reduction',
  job_size: 'Job size',
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  effort: 'Effort',
};

function has(scores: Scores, key: string): scores is Record<string, number> {
  return scores !== undefined && typeof scores[key] === 'number' && Number.isFinite(scores[key]);
}

/** The score of one project under the portfolio's scoring model, or undefined when an input is missing. */
export function scoreProject(scores: Scores, scoring: ScoringSettings): Score | undefined {
  switch (scoring.method) {
    case 'wsjf':
      return wsjfScore(scores);
    case 'rice':
      return riceScore(scores);
    default:
      return weightedScore(scores, scoring);
  }
}

/** Weighted scoring. No criteria (Σw = 0) means no score. */
export function weightedScore(scores: Scores, scoring: Pick<ScoringSettings, 'criteria' | 'scale'>): Score | undefined {
  const { criteria, scale } = scoring;
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0 || totalWeight <= 0) return undefined;
  if (!criteria.every((c) => has(scores, c.id))) return undefined;
  const [min, max] = scale;
  const terms: ScoreTerm[] = criteria.map((c) => {
    const value = scores![c.id];
    const n = (value - min) / (max - min);
    const normalized = c.invert ? 1 - n : n;
    return {
      criterion: c.id,
      label: c.label ?? c.id,
      value,
      normalized,
      weight: c.weight,
      contribution: (100 * c.weight * normalized) / totalWeight,
    };
  });
  const weightedSum = terms.reduce((sum, t) => sum + t.weight! * t.normalized!, 0);
  if (!Number.isFinite((100 * weightedSum) / totalWeight)) return undefined;
  const inner = terms.map((t) => `${formulaNumber(t.weight!)}·${formulaNumber(t.normalized!)}`).join(' + ');
  return {
    method: 'weighted',
    value: (100 * weightedSum) / totalWeight,
    terms,
    formula: `100 × (${inner}) / ${formulaNumber(totalWeight)}`,
  };
}

function plainTerms(scores: Record<string, number>, keys: readonly string[]): ScoreTerm[] {
  return keys.map((k) => ({ criterion: k, label: LABELS[k] ?? k, value: scores[k] }));
}

/** WSJF. A job size of 0 gives no score (the quotient would not be a number). */
export function wsjfScore(scores: Scores): Score | undefined {
  if (!WSJF_KEYS.every((k) => has(scores, k))) return undefined;
  const s = scores!;
  const value = (s.business_value + s.time_criticality + s.risk_reduction) / s.job_size;
  if (!Number.isFinite(value)) return undefined;
  const f = formulaNumber;
  return {
    method: 'wsjf',
    value,
    terms: plainTerms(s, WSJF_KEYS),
    formula: `(${f(s.business_value)} + ${f(s.time_criticality)} + ${f(s.risk_reduction)}) / ${f(s.job_size)}`,
  };
}

/** RICE. An effort of 0 gives no score. */
export function riceScore(scores: Scores): Score | undefined {
  if (!RICE_KEYS.every((k) => has(scores, k))) return undefined;
  const s = scores!;
  const value = (s.reach * s.impact * s.confidence) / s.effort;
  if (!Number.isFinite(value)) return undefined;
  const f = formulaNumber;
  return {
    method: 'rice',
    value,
    terms: plainTerms(s, RICE_KEYS),
    formula: `${f(s.reach)} × ${f(s.impact)} × ${f(s.confidence)} / ${f(s.effort)}`,
  };
}

export interface Rankable {
  id: string;
  status: Status;
  score?: number;
}

/**
 * Competition ranking (1, 2, 2, 4) of scored projects that are not done or
 * cancelled, highest score first. Scores are compared at 12 significant digits
 * so that floating-point noise does not split a tie. Returns id → rank.
 */
export function rankProjects(items: readonly Rankable[]): Map<string, number> {
  const ranked = items
    .filter((p) => p.score !== undefined && isOpen(p.status))
    .map((p) => ({ id: p.id, key: Number(p.score!.toPrecision(12)) }))
    .sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranks = new Map<string, number>();
  ranked.forEach((p, i) => {
    const prev = ranked[i - 1];
    ranks.set(p.id, prev && prev.key === p.key ? ranks.get(prev.id)! : i + 1);
  });
  return ranks;
}

/** The order `rankProjects` sorts in: by rank, ties by id. */
export function compareByRank(a: { id: string; rank?: number }, b: { id: string; rank?: number }): number {
  const ra = a.rank ?? Infinity;
  const rb = b.rank ?? Infinity;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
