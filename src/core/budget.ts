/**
 * Budget variance and benefit realization of one project.
 */
import type { Project } from './schema.ts';

type Budget = NonNullable<Project['budget']>;
type Benefit = NonNullable<Project['benefits']>[number];

/** A ratio only when it is a number: a tiny divisor or huge inputs overflow to ±Infinity or NaN. */
const finite = (n: number): number | undefined => (Number.isFinite(n) ? n : undefined);

/** (forecast − planned) / planned; undefined unless both are set, planned > 0 and the ratio is finite. */
export function budgetVariance(budget: Budget | undefined): number | undefined {
  if (!budget || budget.planned === undefined || budget.forecast === undefined || budget.planned <= 0) return undefined;
  return finite((budget.forecast - budget.planned) / budget.planned);
}

/** (actual − baseline) / (target − baseline); undefined unless all three are set, target ≠ baseline and the ratio is finite. */
export function benefitRealization(b: Pick<Benefit, 'baseline' | 'target' | 'actual'>): number | undefined {
  if (b.baseline === undefined || b.target === undefined || b.actual === undefined) return undefined;
  if (b.target === b.baseline) return undefined;
  return finite((b.actual - b.baseline) / (b.target - b.baseline));
}

/** Realization per benefit, in the record's order. */
export function benefitRealizations(benefits: readonly Benefit[] | undefined): { metric: string; value?: number }[] {
  return (benefits ?? []).map((b) => ({ metric: b.metric, value: benefitRealization(b) }));
}

/** Arithmetic mean of the defined realizations; undefined when none is defined or the sum overflows. */
export function meanRealization(list: readonly { value?: number }[]): number | undefined {
  const values = list.map((r) => r.value).filter((v): v is number => v !== undefined);
  if (values.length === 0) return undefined;
  return finite(values.reduce((a, b) => a + b, 0) / values.length);
}
