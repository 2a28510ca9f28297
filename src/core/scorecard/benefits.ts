/** The scorecard's benefits section: the mean benefit realization of the projects in scope. */
import { formatPercent } from '../format.ts';
import type { ProjectView } from '../model.ts';
import { figure, sumText, type Figure } from './figure.ts';

export interface BenefitsSummary {
  realization: Figure;
  projects: { id: string; value: number }[];
}

/** Mean of the projects' realizations (every status), with the per-project values; undefined when no project has one. */
export function benefitsSummary(projects: readonly ProjectView[]): BenefitsSummary | undefined {
  const realizations = projects.flatMap((p) => (p.benefitRealization !== undefined ? [{ id: p.id, value: p.benefitRealization }] : []));
  const mean = realizations.length > 0 ? realizations.reduce((a, b) => a + b.value, 0) / realizations.length : NaN;
  if (!Number.isFinite(mean)) return undefined;
  return {
    realization: figure(
      mean,
      `mean of ${realizations.length} projects' benefit realization = (${sumText(realizations.map((r) => Number(r.value.toFixed(4))))}) / ${realizations.length} = ${formatPercent(mean, { digits: 2 })}`,
      'benefit-realization',
    ),
    projects: realizations,
  };
}
