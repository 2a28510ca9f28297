/**
 * Per-criterion bars for the backlog: how much each input gives a score.
 *
 * - weighted: the criterion's contribution 100 × wᵢ·nᵢ / Σw (the parts add up
 *   to the score), drawn against the most it could give (100 × wᵢ / Σw);
 * - wsjf: each numerator input's share value / job_size (the parts add up to
 *   the score), drawn against the largest score in the list; job size is the
 *   divisor and gets no bar;
 * - rice: the inputs multiply, so nothing adds up; each input is drawn
 *   against the largest value of that input in the list.
 */
import type { Score } from '../core/model.ts';
import { formulaNumber } from '../core/format.ts';
import { miniBar, type MiniBar } from './bars.ts';

export interface ContributionBar {
  criterion: string;
  label: string;
  /** The input as written. */
  value: number;
  /** What the bar shows, e.g. `30` points or `÷ 3`. */
  text: string;
  bar?: MiniBar;
}

const f = (n: number) => formulaNumber(n, 2);

/** Context for one list of scores: the largest score and the largest value of each input. */
export interface ContributionScale {
  maxScore: number;
  maxInput: Map<string, number>;
}

export function contributionScale(scores: readonly Score[]): ContributionScale {
  const maxInput = new Map<string, number>();
  let maxScore = 0;
  for (const s of scores) {
    maxScore = Math.max(maxScore, s.value);
    for (const t of s.terms) maxInput.set(t.criterion, Math.max(maxInput.get(t.criterion) ?? 0, t.value));
  }
  return { maxScore, maxInput };
}

export function contributionBars(score: Score, scale: ContributionScale): ContributionBar[] {
  if (score.method === 'weighted') {
    const total = score.terms.reduce((a, t) => a + (t.weight ?? 0), 0);
    return score.terms.map((t) => {
      const most = (100 * t.weight!) / total;
      return {
        criterion: t.criterion,
        label: t.label,
        value: t.value,
        text: f(t.contribution!),
        bar: miniBar(
          t.contribution!,
          most,
          `${t.label}: ${f(t.value)} on the scale → normalised ${f(t.normalized!)}; 100 × ${f(t.weight!)}·${f(t.normalized!)} / ${f(total)} = ${f(t.contribution!)} of at most ${f(most)} points`,
        ),
      };
    });
  }
  if (score.method === 'wsjf') {
    const job = score.terms.find((t) => t.criterion === 'job_size')!.value;
    return score.terms.map((t) => {
      if (t.criterion === 'job_size') return { criterion: t.criterion, label: t.label, value: t.value, text: `÷ ${f(t.value)}` };
      const part = t.value / job;
      return {
        criterion: t.criterion,
        label: t.label,
        value: t.value,
        text: f(part),
        bar: miniBar(part, scale.maxScore, `${t.label}: ${f(t.value)} / job size ${f(job)} = ${f(part)} of the score ${f(score.value)}`),
      };
    });
  }
  return score.terms.map((t) => {
    const max = scale.maxInput.get(t.criterion) ?? t.value;
    return {
      criterion: t.criterion,
      label: t.label,
      value: t.value,
      text: f(t.value),
      bar: miniBar(t.value, max, `${t.label}: ${f(t.value)} (the largest ${t.label.toLowerCase()} in the backlog is ${f(max)}); ${t.criterion === 'effort' ? 'divides' : 'multiplies'} the score`),
    };
  });
}
