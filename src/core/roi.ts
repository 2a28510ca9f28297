/**
 * Return on investment of a project, and roll-ups (issue 20; the contract's
 * "Benefit value"; README "What the build computes").
 *
 * Annual value = Σ `annual_value` of the project's benefits that state one;
 * cost = `budget.forecast`, else `budget.planned`; over `roi_years`:
 * ROI = (annual value × years − cost) / cost, payback = cost / annual value
 * (years). Realized annual value = Σ annual_value × realization, each
 * realization clamped to 0–1 (a benefit worse than its baseline is worth
 * nothing, one past its target no more than its stated value), over the
 * valued benefits that have a realization. A project without a valued benefit
 * has no ROI and is listed as such, never counted as zero. A roll-up sums
 * annual value and cost over the projects with both, then computes ROI and
 * payback from the sums.
 */
import { formatCount, formulaNumber } from './format.ts';
import type { Project } from './schema.ts';
import { benefitRealization } from './budget.ts';
import { figure, signedNum, type Figure } from './scorecard/figure.ts';
import { sumFormula } from './earned-value.ts';

export interface ProjectRoi {
  /** Σ annual_value of the valued benefits; absent when none states one. */
  annualValue?: Figure;
  /** budget.forecast, else budget.planned. */
  cost?: Figure;
  roi?: Figure;
  /** Years until the annual value has repaid the cost. */
  payback?: Figure;
  /** Annual value at today's realization of the valued benefits. */
  realized?: Figure;
  /** Why each absent value is absent. */
  missing: Partial<Record<'annualValue' | 'cost' | 'roi' | 'payback' | 'realized', string>>;
}


/** ROI and payback from an annual value and a cost (the same for a project and a roll-up). */
function returns(annual: Figure | undefined, cost: Figure | undefined, years: number, missing: ProjectRoi['missing']): Pick<ProjectRoi, 'roi' | 'payback'> {
  const out: Pick<ProjectRoi, 'roi' | 'payback'> = {};
  if (!annual) missing.roi = missing.payback = `needs an annual value: ${missing.annualValue}`;
  else if (!cost) missing.roi = missing.payback = `needs a cost: ${missing.cost}`;
  else if (cost.value <= 0) missing.roi = missing.payback = 'the cost is 0';
  else {
    const a = annual.value;
    const c = cost.value;
    const roi = (a * years - c) / c;
    out.roi = figure(roi, `(annual value × ${years} years − cost) / cost = (${signedNum(a)} × ${years} − ${signedNum(c)}) / ${signedNum(c)} = ${formulaNumber(roi, 3)}`, 'roi');
    if (a <= 0) missing.payback = 'the annual value is 0: never paid back';
    else out.payback = figure(c / a, `cost / annual value = ${signedNum(c)} / ${signedNum(a)} = ${formulaNumber(c / a, 2)} years`, 'payback');
  }
  return out;
}

/** A project's return; undefined when the audience hides budget or benefits (the record arrives stripped of both or either) or it has neither. */
export function projectRoi(record: Pick<Project, 'budget' | 'benefits'>, years: number, hidden: { budget: boolean; benefits: boolean }): ProjectRoi | undefined {
  if (hidden.budget || hidden.benefits) return undefined;
  if (!record.budget && !record.benefits?.length) return undefined;
  const missing: ProjectRoi['missing'] = {};
  const valued = (record.benefits ?? []).filter((b) => b.annual_value !== undefined);
  let annualValue: Figure | undefined;
  if (valued.length === 0) missing.annualValue = 'no benefit states annual_value';
  else {
    const values = valued.map((b) => b.annual_value!);
    const total = values.reduce((a, b) => a + b, 0);
    annualValue = figure(total, `Σ annual_value of ${formatCount(valued.length, 'benefit')} = ${sumFormula(values, total)}`, 'annual-value');
  }
  const b = record.budget;
  let cost: Figure | undefined;
  if (b?.forecast !== undefined) cost = figure(b.forecast, `budget.forecast = ${signedNum(b.forecast)}`, 'roi-cost');
  else if (b?.planned !== undefined) cost = figure(b.planned, `budget.planned (no forecast) = ${signedNum(b.planned)}`, 'roi-cost');
  else missing.cost = 'no budget forecast or planned';
  const terms: string[] = [];
  let realizedTotal = 0;
  for (const v of valued) {
    const r = benefitRealization(v);
    if (r === undefined) continue;
    const c = Math.min(1, Math.max(0, r));
    realizedTotal += v.annual_value! * c;
    terms.push(`${signedNum(v.annual_value!)} × ${formulaNumber(c * 100, 1)}%${c !== r ? ` (${formulaNumber(r * 100, 1)}% clamped)` : ''}`);
  }
  let realized: Figure | undefined;
  if (valued.length > 0 && terms.length === 0) missing.realized = 'no valued benefit has baseline, target and actual';
  else if (terms.length > 0) {
    const shown = terms.length <= 4 ? terms.join(' + ') : `${terms.slice(0, 3).join(' + ')} + … (${terms.length} benefits)`;
    realized = figure(realizedTotal, `Σ annual_value × realization (clamped to 0–100%) = ${shown} = ${signedNum(realizedTotal)}`, 'realized-value');
  } else missing.realized = missing.annualValue;
  return { annualValue, cost, ...returns(annualValue, cost, years, missing), realized, missing };
}

export interface RoiRollup {
  annualValue?: Figure;
  cost?: Figure;
  roi?: Figure;
  payback?: Figure;
  realized?: Figure;
  missing: ProjectRoi['missing'];
  /** Projects with an annual value and a cost > 0, summed. */
  projects: string[];
  /** Projects with no valued benefit: listed, not counted as zero. */
  unvalued: string[];
  /** Valued projects without a usable cost. */
  uncosted: string[];
}

/** Σ annual value, Σ cost and Σ realized over the projects with both; ROI and payback from the sums; undefined when no project has a return to show. */
export function rollupRoi(items: readonly { id: string; roi?: ProjectRoi }[], years: number): RoiRollup | undefined {
  const projects: string[] = [];
  const unvalued: string[] = [];
  const uncosted: string[] = [];
  const values: number[] = [];
  const costs: number[] = [];
  const realized: number[] = [];
  let any = false;
  for (const { id, roi } of items) {
    if (!roi) continue;
    any = true;
    if (!roi.annualValue) unvalued.push(id);
    else if (!roi.cost || roi.cost.value <= 0) uncosted.push(id);
    else {
      projects.push(id);
      values.push(roi.annualValue.value);
      costs.push(roi.cost.value);
      realized.push(roi.realized?.value ?? 0);
    }
  }
  if (!any) return undefined;
  const missing: ProjectRoi['missing'] = {};
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const n = formatCount(projects.length, 'project');
  let annualValue: Figure | undefined;
  let cost: Figure | undefined;
  let realizedFigure: Figure | undefined;
  if (projects.length === 0) {
    missing.annualValue = 'no project has a valued benefit and a cost';
    missing.cost = missing.annualValue;
    missing.realized = missing.annualValue;
  } else {
    annualValue = figure(sum(values), `Σ annual value of ${n} = ${sumFormula(values, sum(values))}`, 'annual-value');
    cost = figure(sum(costs), `Σ cost of ${n} = ${sumFormula(costs, sum(costs))}`, 'roi-cost');
    realizedFigure = figure(sum(realized), `Σ realized annual value of ${n} = ${sumFormula(realized, sum(realized))}`, 'realized-value');
  }
  return { annualValue, cost, ...returns(annualValue, cost, years, missing), realized: realizedFigure, missing, projects, unvalued, uncosted };
}
