/** The scorecard's attention list: what in the scope's open projects waits on someone or is late. */
import { endDay } from '../dates.ts';
import { compareCodeUnits as cmp } from '../format.ts';
import type { ProjectView } from '../model.ts';

export interface AttentionDecision {
  project: string;
  question: string;
  owner?: string;
  by?: string;
  /** as-of − by, in days, when `by` has passed. */
  overdueDays?: number;
}

export interface AttentionList {
  /** Overdue first (most overdue first), then by date, undated last. Undefined when decisions are hidden. */
  decisions?: AttentionDecision[];
  gates: { project: string; gate: string; date?: string; approver?: string }[];
  changes?: { project: string; id: string; title: string; cost?: number; days?: number }[];
  /** Most days since update first. */
  stale: { project: string; days: number; updated: string }[];
  /** Open projects' milestones not done whose date has passed, most overdue first. */
  overdueMilestones: { project: string; name: string; date: string; days: number }[];
  /** Open projects whose end has passed. */
  overdueProjects: { project: string; end: string; days: number }[];
}

/** Overdue first (most overdue first), then by date, undated last; ties by project and question. */
export function compareDecisions(a: AttentionDecision, b: AttentionDecision): number {
  const rank = (d: AttentionDecision) => (d.overdueDays !== undefined ? 0 : d.by !== undefined ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0 && a.overdueDays !== b.overdueDays) return b.overdueDays! - a.overdueDays!;
  return cmp(a.by ?? '', b.by ?? '') || cmp(a.project, b.project) || cmp(a.question, b.question);
}

/** Every decision of the projects, with days overdue when its `by` date (end of that period) is before the as-of day; ordered by `compareDecisions`. */
export function decisionList(projects: readonly ProjectView[], fy: number, asOfDay: number): AttentionDecision[] {
  const out: AttentionDecision[] = [];
  for (const p of projects) {
    for (const d of p.record.decisions ?? []) {
      const due = d.by !== undefined ? endDay(d.by, fy) : undefined;
      out.push({ project: p.id, question: d.question, owner: d.owner, by: d.by, overdueDays: due !== undefined && due < asOfDay ? asOfDay - due : undefined });
    }
  }
  return out.sort(compareDecisions);
}

/** Pending gates, by date (undated last), project, gate. */
export function pendingGates(projects: readonly ProjectView[]): AttentionList['gates'] {
  const out: AttentionList['gates'] = [];
  for (const p of projects) for (const g of p.record.gates ?? []) if (g.status === 'pending') out.push({ project: p.id, gate: g.gate, date: g.date, approver: g.approver });
  return out.sort((a, b) => cmp(a.date ?? '9999', b.date ?? '9999') || cmp(a.project, b.project) || cmp(a.gate, b.gate));
}

/** Open change requests, by project and id; their cost only when budget is shown. */
export function openChanges(projects: readonly ProjectView[], showCost: boolean): NonNullable<AttentionList['changes']> {
  const out: NonNullable<AttentionList['changes']> = [];
  for (const p of projects) {
    for (const ch of p.record.changes ?? []) {
      if (ch.status === 'open') out.push({ project: p.id, id: ch.id, title: ch.title, cost: showCost ? ch.cost : undefined, days: ch.days });
    }
  }
  return out.sort((a, b) => cmp(a.project, b.project) || cmp(a.id, b.id));
}

/** Stale records, most days since update first. */
export function staleRecords(projects: readonly ProjectView[]): AttentionList['stale'] {
  const out: AttentionList['stale'] = [];
  for (const p of projects) if (p.stale && p.daysSinceUpdate !== undefined && p.record.updated !== undefined) out.push({ project: p.id, days: p.daysSinceUpdate, updated: p.record.updated });
  return out.sort((a, b) => b.days - a.days || cmp(a.project, b.project));
}

/** Milestones not done whose date (end of that period) is before the as-of day, most overdue first. */
export function overdueMilestones(projects: readonly ProjectView[], fy: number, asOfDay: number): AttentionList['overdueMilestones'] {
  const out: AttentionList['overdueMilestones'] = [];
  for (const p of projects) {
    for (const m of p.record.milestones ?? []) {
      if (m.done) continue;
      const due = endDay(m.date, fy);
      if (due < asOfDay) out.push({ project: p.id, name: m.name, date: m.date, days: asOfDay - due });
    }
  }
  return out.sort((a, b) => b.days - a.days || cmp(a.project, b.project) || cmp(a.name, b.name));
}

/** Projects whose end has passed, most overdue first. */
export function overdueProjects(projects: readonly ProjectView[], asOfDay: number): AttentionList['overdueProjects'] {
  const out: AttentionList['overdueProjects'] = [];
  for (const p of projects) if (p.overdue && p.endDay !== undefined && p.record.end !== undefined) out.push({ project: p.id, end: p.record.end, days: asOfDay - p.endDay });
  return out.sort((a, b) => b.days - a.days || cmp(a.project, b.project));
}

/** The attention list of the scope's open projects; decisions and changes are undefined when hidden. */
export function attentionList(projects: readonly ProjectView[], fy: number, asOfDay: number, show: { decisions: boolean; changes: boolean; budget: boolean }): AttentionList {
  return {
    decisions: show.decisions ? decisionList(projects, fy, asOfDay) : undefined,
    gates: pendingGates(projects),
    changes: show.changes ? openChanges(projects, show.budget) : undefined,
    stale: staleRecords(projects),
    overdueMilestones: overdueMilestones(projects, fy, asOfDay),
    overdueProjects: overdueProjects(projects, asOfDay),
  };
}
