/**
 * The scorecards (portfolio, every program, every goal) and the backlog,
 * computed once per model: a memoised wrapper around `src/core/scorecard.ts`
 * so program and goal pages do not each scan the portfolio.
 */
import type { PortfolioModel } from '../core/model.ts';
import { buildBacklog, buildScorecards, type Backlog, type Scorecards } from '../core/scorecard.ts';

const scorecards = new WeakMap<PortfolioModel, Scorecards>();
const backlogs = new WeakMap<PortfolioModel, Backlog>();

export function getScorecards(model: PortfolioModel): Scorecards {
  let s = scorecards.get(model);
  if (!s) scorecards.set(model, (s = buildScorecards(model)));
  return s;
}

export function getBacklog(model: PortfolioModel): Backlog {
  let b = backlogs.get(model);
  if (!b) backlogs.set(model, (b = buildBacklog(model)));
  return b;
}
