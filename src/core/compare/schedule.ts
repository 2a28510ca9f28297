/**
 * The schedule sections of a comparison: dependency conflicts, slip
 * propagation, the critical chain, dates moved and overdue work. Every
 * figure is the model's own (the same days as /dependencies/ and the
 * project pages show), read from both sides.
 */
import { endDay, startDay } from '../dates.ts';
import { compareCodeUnits as cmp } from '../format.ts';
import type { DependencyEdge, PortfolioModel, ProjectView } from '../model.ts';
import { overdueMilestones, overdueProjects } from '../scorecard/attention.ts';
import { byTitle, common, type Pair } from './pair.ts';
import type { ConflictChange, ConflictState, CriticalChange, DateMove, OverdueChange, Ref, RiskChange } from './report.ts';

const edgeKey = (e: DependencyEdge) => `${e.from}\0${e.on}\0${e.type}\0${e.needBy ?? ''}`;

/** The model's edges by key (a repeated dependency keeps its first edge, as the table lists it first). */
function edgesByKey(model: PortfolioModel): Map<string, DependencyEdge> {
  const out = new Map<string, DependencyEdge>();
  for (const e of model.edges) if (!out.has(edgeKey(e))) out.set(edgeKey(e), e);
  return out;
}

const conflictState = (e: DependencyEdge | undefined): ConflictState | undefined =>
  e?.conflict ? { days: e.gapDays!, needed: e.needed!, upstream: e.upstreamDate! } : undefined;

const CONFLICT_ORDER = { new: 0, worse: 1, better: 2, resolved: 3 } as const;

/** New, resolved and changed dependency conflicts (days late). New and worse first, most days late first. */
export function conflictChanges(pair: Pair): ConflictChange[] {
  const before = edgesByKey(pair.base);
  const after = edgesByKey(pair.head);
  const out: ConflictChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    const was = conflictState(b);
    const now = conflictState(a);
    if (!was && !now) continue;
    if (was && now && was.days === now.days) continue;
    const e = (a ?? b)!;
    const change = !was ? 'new' : !now ? 'resolved' : now.days > was.days ? 'worse' : 'better';
    out.push({
      change,
      project: pair.ref('projects', e.from),
      on: pair.ref('projects', e.on),
      type: e.type,
      neededFor: e.needBy ?? (e.type === 'finish-to-finish' ? 'end' : 'start'),
      ...(was ? { before: was } : {}),
      ...(now ? { after: now } : {}),
      ...(change === 'resolved' && !a ? { removed: true } : {}),
    });
  }
  const days = (c: ConflictChange) => (c.after ?? c.before)!.days;
  return out.sort((x, y) => CONFLICT_ORDER[x.change] - CONFLICT_ORDER[y.change] || days(y) - days(x) || byTitle(x.project, y.project) || byTitle(x.on, y.on));
}

/** Per (project at risk, slipped source): the days passed on, and the way each reached project came. */
function risks(model: PortfolioModel): Map<string, { target: string; source: string; days: number }> {
  const out = new Map<string, { target: string; source: string; days: number }>();
  for (const p of model.projects) {
    for (const r of p.slipPropagation?.atRisk ?? []) out.set(`${r.id}\0${p.id}`, { target: r.id, source: p.id, days: r.days });
  }
  return out;
}

/** The path a slip takes from `source` to `target` (the worst path: each step's `via`). */
function slipPath(model: PortfolioModel, source: string, target: string): string[] {
  const via = new Map((model.byId.projects.get(source)?.slipPropagation?.atRisk ?? []).map((r) => [r.id, r.via]));
  const path = [target];
  for (let cur = target; cur !== source && path.length <= via.size + 1; ) {
    const next = via.get(cur);
    if (next === undefined) break;
    path.unshift(next);
    cur = next;
  }
  return path;
}

const RISK_ORDER = { new: 0, worse: 1, better: 2, cleared: 3 } as const;

/** Projects newly (or more, less, no longer) at risk downstream of a slip, with the path. */
export function riskChanges(pair: Pair): RiskChange[] {
  const before = risks(pair.base);
  const after = risks(pair.head);
  const out: RiskChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    if (a && b && a.days === b.days) continue;
    const { target, source } = (a ?? b)!;
    const change = !b ? 'new' : !a ? 'cleared' : a.days > b.days ? 'worse' : 'better';
    out.push({
      change,
      project: pair.ref('projects', target),
      source: pair.ref('projects', source),
      ...(b ? { before: b.days } : {}),
      ...(a ? { after: a.days } : {}),
      path: slipPath(a ? pair.head : pair.base, source, target).map((id) => pair.ref('projects', id)),
    });
  }
  const days = (r: RiskChange) => r.after ?? r.before!;
  return out.sort((x, y) => RISK_ORDER[x.change] - RISK_ORDER[y.change] || days(y) - days(x) || byTitle(x.project, y.project) || byTitle(x.source, y.source));
}

/** Projects joining or leaving the critical chain. */
export function criticalChanges(pair: Pair): CriticalChange {
  const was = new Set(pair.base.projects.filter((p) => p.critical).map((p) => p.id));
  const now = new Set(pair.head.projects.filter((p) => p.critical).map((p) => p.id));
  const refs = (ids: Iterable<string>) => [...ids].map((id) => pair.ref('projects', id)).sort(byTitle);
  return { joined: refs([...now].filter((id) => !was.has(id))), left: refs([...was].filter((id) => !now.has(id))) };
}

const FIELD_ORDER = { end: 0, milestone: 1, start: 2, baseline_end: 3 } as const;

/** A date field moved, added or removed; days from the span's `edge` (first day for a start, last for an end). */
function moved(project: Ref, field: DateMove['field'], from: string | undefined, to: string | undefined, fy: number, edge: 'start' | 'end'): DateMove | undefined {
  if (from === to) return undefined;
  const day = edge === 'start' ? startDay : endDay;
  const move: DateMove = { project, field };
  if (from !== undefined) move.from = from;
  if (to !== undefined) move.to = to;
  if (from !== undefined && to !== undefined) move.days = day(to, fy) - day(from, fy);
  return move;
}

/** Start, end, baseline end and milestones moved, per project on both sides; the largest moves first. */
export function dateMoves(pair: Pair): DateMove[] {
  const fy = pair.head.settings.fiscal_year_start;
  const fyBase = pair.base.settings.fiscal_year_start;
  const out: DateMove[] = [];
  for (const id of common(pair.base.byId.projects, pair.head.byId.projects)) {
    const b = pair.base.byId.projects.get(id)!;
    const a = pair.head.byId.projects.get(id)!;
    const project = pair.ref('projects', id);
    const end = moved(project, 'end', b.record.end, a.record.end, fy, 'end');
    if (end) {
      if (a.record.baseline_end !== undefined) end.baseline = a.record.baseline_end;
      if (b.slipDays !== undefined) end.slipBefore = b.slipDays;
      if (a.slipDays !== undefined) end.slipAfter = a.slipDays;
      out.push(end);
    }
    const start = moved(project, 'start', b.record.start, a.record.start, fy, 'start');
    if (start) out.push(start);
    const baseline = moved(project, 'baseline_end', b.record.baseline_end, a.record.baseline_end, fy, 'end');
    if (baseline) out.push(baseline);
    const was = new Map((b.record.milestones ?? []).map((m) => [m.name, m]));
    const now = new Map((a.record.milestones ?? []).map((m) => [m.name, m]));
    for (const name of new Set([...was.keys(), ...now.keys()])) {
      const mb = was.get(name);
      const ma = now.get(name);
      const m = moved(project, 'milestone', mb?.date, ma?.date, fy, 'end');
      if (!m) continue;
      m.milestone = name;
      const slip = (ms: typeof ma, year: number) => (ms?.baseline !== undefined ? endDay(ms.date, year) - endDay(ms.baseline, year) : undefined);
      const baselineOf = ma?.baseline ?? mb?.baseline;
      if (baselineOf !== undefined) m.baseline = baselineOf;
      const sb = slip(mb, fyBase);
      const sa = slip(ma, fy);
      if (sb !== undefined) m.slipBefore = sb;
      if (sa !== undefined) m.slipAfter = sa;
      out.push(m);
    }
  }
  const size = (m: DateMove) => (m.days === undefined ? -1 : Math.abs(m.days));
  return out.sort(
    (x, y) => size(y) - size(x) || byTitle(x.project, y.project) || FIELD_ORDER[x.field] - FIELD_ORDER[y.field] || cmp(x.milestone ?? '', y.milestone ?? ''),
  );
}

/** Open projects' ends and milestones overdue on one side (the scorecard's attention lists). */
function overdueOf(model: PortfolioModel): Map<string, { project: string; milestone?: string; date: string; days: number }> {
  const open: ProjectView[] = model.projects.filter((p) => p.open);
  const fy = model.settings.fiscal_year_start;
  const out = new Map<string, { project: string; milestone?: string; date: string; days: number }>();
  for (const o of overdueProjects(open, model.asOfDay)) out.set(`${o.project}\0`, { project: o.project, date: o.end, days: o.days });
  for (const o of overdueMilestones(open, fy, model.asOfDay)) out.set(`${o.project}\0m:${o.name}`, { project: o.project, milestone: o.name, date: o.date, days: o.days });
  return out;
}

/** Ends and milestones newly overdue (or no longer), most days overdue first. */
export function overdueChanges(pair: Pair): OverdueChange[] {
  const before = overdueOf(pair.base);
  const after = overdueOf(pair.head);
  const out: OverdueChange[] = [];
  for (const [key, o] of after) {
    if (before.has(key)) continue;
    out.push({ change: 'new', project: pair.ref('projects', o.project), ...(o.milestone !== undefined ? { milestone: o.milestone } : {}), date: o.date, days: o.days });
  }
  for (const [key, o] of before) {
    // A project removed from the head is listed as removed, not as no longer overdue.
    if (after.has(key) || !pair.head.byId.projects.has(o.project)) continue;
    out.push({ change: 'cleared', project: pair.ref('projects', o.project), ...(o.milestone !== undefined ? { milestone: o.milestone } : {}), date: o.date, days: o.days });
  }
  const order = (o: OverdueChange) => (o.change === 'new' ? 0 : 1);
  return out.sort((x, y) => order(x) - order(y) || y.days - x.days || byTitle(x.project, y.project) || cmp(x.milestone ?? '', y.milestone ?? ''));
}
