/**
 * The record sections of a comparison: backlog rank changes, records added,
 * removed or changing status, gates decided, and benefits and key results
 * moved.
 */
import { benefitRealization } from '../budget.ts';
import { compareCodeUnits as cmp } from '../format.ts';
import type { PortfolioModel, RecordKind } from '../model.ts';
import { buildBacklog } from '../scorecard.ts';
import { byTitle, common, type Pair } from './pair.ts';
import type { BenefitChange, BenefitFigures, GateChange, RankChange, RecordChange } from './report.ts';

/** Open work whose rank (the backlog's "ranking of all open work") changed, by new rank; unranked last. */
export function rankChanges(pair: Pair): RankChange[] {
  const ranks = (m: PortfolioModel) => new Map(buildBacklog(m).openRanking.map((e) => [e.id, e.rank]));
  const before = ranks(pair.base);
  const after = ranks(pair.head);
  const out: RankChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(id);
    const to = after.get(id);
    if (from === to) continue;
    // A project added or removed is listed as such; its rank shows there only through the others moving.
    if (!pair.base.byId.projects.has(id) || !pair.head.byId.projects.has(id)) continue;
    out.push({ project: pair.ref('projects', id), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return out.sort((x, y) => (x.to ?? Infinity) - (y.to ?? Infinity) || (x.from ?? Infinity) - (y.from ?? Infinity) || byTitle(x.project, y.project));
}

const KINDS: [RecordKind, RecordChange['kind']][] = [
  ['projects', 'project'],
  ['programs', 'program'],
  ['goals', 'goal'],
  ['teams', 'team'],
];
const CHANGE_ORDER = { added: 0, removed: 1, status: 2 } as const;

/** Records added or removed (as this audience sees them), and projects whose status changed. */
export function recordChanges(pair: Pair): RecordChange[] {
  const out: RecordChange[] = [];
  for (const [kind, name] of KINDS) {
    const before = pair.base.byId[kind] as ReadonlyMap<string, { record: { status?: string } }>;
    const after = pair.head.byId[kind] as ReadonlyMap<string, { record: { status?: string } }>;
    const list: RecordChange[] = [];
    for (const [id, v] of after) if (!before.has(id)) list.push({ kind: name, record: pair.ref(kind, id), change: 'added', ...(v.record.status ? { to: v.record.status } : {}) });
    for (const [id, v] of before) if (!after.has(id)) list.push({ kind: name, record: pair.ref(kind, id), change: 'removed', ...(v.record.status ? { from: v.record.status } : {}) });
    for (const id of common(before, after)) {
      const from = before.get(id)!.record.status;
      const to = after.get(id)!.record.status;
      if (from !== to && from && to) list.push({ kind: name, record: pair.ref(kind, id), change: 'status', from, to });
    }
    out.push(...list.sort((x, y) => CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] || byTitle(x.record, y.record)));
  }
  return out;
}

/** Gates whose status changed (decided, or reopened) on projects present on both sides; a new gate counts when it is already decided. */
export function gateChanges(pair: Pair): GateChange[] {
  const out: GateChange[] = [];
  for (const id of common(pair.base.byId.projects, pair.head.byId.projects)) {
    const was = [...(pair.base.byId.projects.get(id)!.record.gates ?? [])];
    for (const g of pair.head.byId.projects.get(id)!.record.gates ?? []) {
      // The same gate on the base: the first with this name not yet matched.
      const i = was.findIndex((w) => w.gate === g.gate);
      const before = i >= 0 ? was.splice(i, 1)[0] : undefined;
      if (before?.status === g.status || (!before && g.status === 'pending')) continue;
      out.push({
        project: pair.ref('projects', id),
        gate: g.gate,
        ...(before ? { from: before.status } : {}),
        to: g.status,
        ...(g.date !== undefined ? { date: g.date } : {}),
        ...(g.approver !== undefined ? { approver: g.approver } : {}),
      });
    }
  }
  return out.sort((x, y) => byTitle(x.project, y.project) || cmp(x.gate, y.gate));
}

interface Measured {
  metric: string;
  unit?: string;
  baseline?: number;
  target?: number;
  actual?: number;
}

function figures(m: Measured): BenefitFigures {
  const progress = benefitRealization(m);
  return {
    ...(m.baseline !== undefined ? { baseline: m.baseline } : {}),
    ...(m.target !== undefined ? { target: m.target } : {}),
    ...(m.actual !== undefined ? { actual: m.actual } : {}),
    ...(progress !== undefined ? { progress } : {}),
  };
}

const same = (a: BenefitFigures | undefined, b: BenefitFigures | undefined) => a?.baseline === b?.baseline && a?.target === b?.target && a?.actual === b?.actual;

/** Measures of one owner matched by metric (in order, for metrics named twice). */
function measureChanges(kind: BenefitChange['kind'], owner: BenefitChange['owner'], before: readonly Measured[], after: readonly Measured[]): BenefitChange[] {
  const out: BenefitChange[] = [];
  const was = [...before];
  for (const m of after) {
    const i = was.findIndex((w) => w.metric === m.metric);
    const b = i >= 0 ? figures(was.splice(i, 1)[0]!) : undefined;
    const a = figures(m);
    if (b && same(b, a)) continue;
    out.push({ kind, owner, metric: m.metric, ...(m.unit !== undefined ? { unit: m.unit } : {}), ...(b ? { before: b } : {}), after: a });
  }
  for (const w of was) out.push({ kind, owner, metric: w.metric, ...(w.unit !== undefined ? { unit: w.unit } : {}), before: figures(w) });
  return out;
}

/** Project benefits and goal key results whose baseline, target or actual moved (added and removed ones too). */
export function benefitChanges(pair: Pair): BenefitChange[] {
  const out: BenefitChange[] = [];
  for (const id of common(pair.base.byId.projects, pair.head.byId.projects)) {
    out.push(...measureChanges('benefit', pair.ref('projects', id), pair.base.byId.projects.get(id)!.record.benefits ?? [], pair.head.byId.projects.get(id)!.record.benefits ?? []));
  }
  for (const id of common(pair.base.byId.goals, pair.head.byId.goals)) {
    out.push(...measureChanges('key-result', pair.ref('goals', id), pair.base.byId.goals.get(id)!.record.key_results ?? [], pair.head.byId.goals.get(id)!.record.key_results ?? []));
  }
  const kindOrder = (c: BenefitChange) => (c.kind === 'key-result' ? 0 : 1);
  return out.sort((x, y) => kindOrder(x) - kindOrder(y) || byTitle(x.owner, y.owner) || cmp(x.metric, y.metric));
}
