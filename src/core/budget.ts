/**
 * Budget variance and benefit realization of one project.
 */
import type { Project } from './schema.ts';

type Budget = NonNullable<Project['budget']>;
type Benefit = NonNullable<Project['benefits']>[number];

/** x when it is a finite number, else undefined: a quotient by a vanishing divisor is no figure at all. */
export function finite(x: number): number | undefined {
  return Number.isFinite(x) ? x : undefined;
}

/** (forecast − planned) / planned; undefined unless both are set and planned > 0 (and the quotient is finite). */
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
