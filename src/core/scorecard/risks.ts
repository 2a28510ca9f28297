/** The scorecard's risk section: the 5×5 likelihood × impact counts of open risks. */
import { compareCodeUnits as cmp } from '../format.ts';
import type { ProjectView } from '../model.ts';

export interface RiskCell {
  likelihood: number;
  impact: number;
  /** Open risks in the cell, by project id then title. */
  risks: { project: string; title: string }[];
}

export interface RiskSummary {
  /** 25 cells, likelihood 5 → 1 (rows) × impact 1 → 5 (columns). */
  cells: RiskCell[];
  open: number;
}

/** The open risks of `projects` (the scope's open projects) in a 5×5 grid, most likely row first, as the heat map reads. */
export function riskSummary(projects: readonly ProjectView[]): RiskSummary {
  const byCell = new Map<string, RiskCell['risks']>();
  let open = 0;
  for (const p of projects) {
    for (const risk of p.record.risks ?? []) {
      if (risk.status !== 'open') continue;
      open += 1;
      const key = `${risk.likelihood}x${risk.impact}`;
      const list = byCell.get(key);
      if (list) list.push({ project: p.id, title: risk.title });
      else byCell.set(key, [{ project: p.id, title: risk.title }]);
    }
  }
  const cells: RiskCell[] = [];
  for (let l = 5; l >= 1; l--) {
    for (let i = 1; i <= 5; i++) {
      const list = byCell.get(`${l}x${i}`) ?? [];
      cells.push({ likelihood: l, impact: i, risks: list.sort((a, b) => cmp(a.project, b.project) || cmp(a.title, b.title)) });
    }
  }
  return { cells, open };
}
