/**
 * What a change does to the portfolio: the computed differences between
 * the model of a base revision and the model of a head revision, built for
 * the same audience (so nothing that audience may not see can appear).
 * Pure and deterministic: sorted, no clock.
 */
import { hiddenFields } from '../audience.ts';
import type { PortfolioInput, PortfolioModel } from '../model.ts';
import { pairOf } from './pair.ts';
import { benefitChanges, gateChanges, rankChanges, recordChanges } from './records.ts';
import type { CompareReport, Revision } from './report.ts';
import { budgetChanges, healthChanges, utilizationChanges } from './resources.ts';
import { conflictChanges, criticalChanges, dateMoves, overdueChanges, riskChanges } from './schedule.ts';

export type * from './report.ts';
export { renderMarkdown, renderJson, renderProblems, cutMarkdown, COMMENT_LIMIT, COMMENT_MARKER } from './markdown.ts';

export function compareModels(base: PortfolioModel, head: PortfolioModel, revisions: { base: Revision; head: Revision }): CompareReport {
  if (base.audience !== head.audience) throw new Error(`both models must be built for one audience (base: ${base.audience}, head: ${head.audience})`);
  const pair = pairOf(base, head);
  const sections = {
    conflicts: conflictChanges(pair),
    atRisk: riskChanges(pair),
    critical: criticalChanges(pair),
    dates: dateMoves(pair),
    overdue: overdueChanges(pair),
    utilization: utilizationChanges(pair),
    budget: budgetChanges(pair),
    health: healthChanges(pair),
    ranks: rankChanges(pair),
    records: recordChanges(pair),
    gates: gateChanges(pair),
    benefits: benefitChanges(pair),
  };
  const changed = Object.values(sections).some((s) => (Array.isArray(s) ? s.length > 0 : s.joined.length + s.left.length > 0));
  return {
    schemaVersion: 1,
    base: revisions.base,
    head: revisions.head,
    audience: head.audience,
    hidden: [...head.hidden].sort(),
    asOf: { base: base.settings.as_of, head: head.settings.as_of },
    fiscalYearStart: head.settings.fiscal_year_start,
    changed,
    ...sections,
  };
}

/**
 * Both inputs with one hide list for `audience`: every field either side
 * hides from it. A change to `audiences` then cannot show, on one side, a
 * field the other side hides.
 */
export function withSharedAudience(base: PortfolioInput, head: PortfolioInput, audience: string): [PortfolioInput, PortfolioInput] {
  const hide = [...new Set([...hiddenFields(base.settings, audience), ...hiddenFields(head.settings, audience)])].sort();
  const shared = (input: PortfolioInput): PortfolioInput => ({ ...input, settings: { ...input.settings, audiences: { ...input.settings.audiences, [audience]: { hide } } } });
  return [shared(base), shared(head)];
}
