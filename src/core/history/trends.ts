/**
 * What the samples show over time: milestone trend analysis (each
 * milestone's and the end's forecast date at each sample), which projects
 * keep slipping, and what changed between two reviews (the compare engine,
 * src/core/compare/, cut to what /history/ lists). Pure.
 */
import type { CompareReport, ConflictChange, DateMove, HealthChange, RecordChange } from '../compare/index.ts';
import type { HistorySample, SampleProject } from './sample.ts';

/** The end's series is named by this (a milestone may not be called so: it is not a milestone name a record can give, as names are text and this is the empty string). */
export const END_SERIES = '';

export interface TrendPoint {
  /** The sample's as-of day (ISO): x. */
  asOf: string;
  /** The forecast date at that sample (ISO): y. */
  date: string;
}

export interface MilestoneTrend {
  /** The milestone's name; END_SERIES for the project's end. */
  name: string;
  points: TrendPoint[];
  /** Done at the latest sample that has it. */
  done: boolean;
}

/** Each project's versions across the samples, oldest first: one pass, for pages that each ask about one project. */
export function projectVersions(samples: readonly HistorySample[]): Map<string, { sample: HistorySample; project: SampleProject }[]> {
  const out = new Map<string, { sample: HistorySample; project: SampleProject }[]>();
  for (const sample of samples) {
    for (const project of sample.projects) {
      let list = out.get(project.id);
      if (!list) out.set(project.id, (list = []));
      list.push({ sample, project });
    }
  }
  return out;
}

/**
 * For one project, a series per milestone (by name) and one for the end, in the order of the latest sample, the end last.
 * A series ends at the first review that has it done: a reached date has no forecast left to trend.
 * `versions`: projectVersions(samples), when asking about many projects.
 */
export function milestoneTrends(samples: readonly HistorySample[], id: string, versions?: ReadonlyMap<string, { sample: HistorySample; project: SampleProject }[]>): MilestoneTrend[] {
  const series = new Map<string, MilestoneTrend>();
  const order: string[] = [];
  const mine = versions ? (versions.get(id) ?? []) : samples.flatMap((sample) => sample.projects.filter((p) => p.id === id).map((project) => ({ sample, project })));
  for (const { sample: s, project: p } of mine) {
    const add = (name: string, date: string, done: boolean) => {
      let t = series.get(name);
      if (!t) series.set(name, (t = { name, points: [], done }));
      if (t.done && t.points.length) return;
      t.points.push({ asOf: s.asOf, date });
      t.done = done;
    };
    for (const m of p.milestones) add(m.name, m.date, m.done);
    if (p.end) add(END_SERIES, p.end, p.status === 'done');
    order.splice(0, order.length, ...p.milestones.map((m) => m.name));
  }
  const named = order.filter((n) => series.has(n)).map((n) => series.get(n)!);
  const rest = [...series.values()].filter((t) => t.name !== END_SERIES && !order.includes(t.name));
  return [...named, ...rest, ...(series.has(END_SERIES) ? [series.get(END_SERIES)!] : [])];
}

/** The reviews the "slipped in N of the last M" flag looks back over. */
export const SLIP_WINDOW = 6;

export interface SlipRecord {
  /** Reviews (from one sample to the next) in which the project's end moved later. */
  slipped: number;
  /** Reviews looked at: the last SLIP_WINDOW transitions in which the project had an end on both sides. */
  reviews: number;
}

/** Per project in the latest sample: in how many of the last reviews its forecast end moved later. */
export function slipRecords(samples: readonly HistorySample[], window = SLIP_WINDOW): Map<string, SlipRecord> {
  const out = new Map<string, SlipRecord>();
  const latest = samples.at(-1);
  if (!latest) return out;
  const ends = samples.map((s) => new Map(s.projects.flatMap((p) => (p.end ? [[p.id, p.end] as const] : []))));
  for (const p of latest.projects) {
    let slipped = 0;
    let reviews = 0;
    for (let i = samples.length - 1; i > 0 && reviews < window; i -= 1) {
      const before = ends[i - 1]!.get(p.id);
      const after = ends[i]!.get(p.id);
      if (before === undefined || after === undefined) continue;
      reviews += 1;
      if (after > before) slipped += 1;
    }
    if (reviews > 0) out.set(p.id, { slipped, reviews });
  }
  return out;
}

/** A project keeps slipping: its end moved later in at least half of the last reviews, and at least twice. */
export function keepsSlipping(r: SlipRecord | undefined): boolean {
  return r !== undefined && r.slipped >= 2 && r.slipped * 2 >= r.reviews;
}

/** What changed between two samples, as /history/ lists it: the compare engine's sections a steering committee reads. */
export interface PeriodChanges {
  /** The as-of days of the two samples (ISO). */
  from: string;
  to: string;
  conflicts: ConflictChange[];
  /** Overall health only. */
  health: HealthChange[];
  /** Ends and milestones that moved (added and removed dates are in `records` or not listed). */
  dates: DateMove[];
  records: RecordChange[];
}

export function periodChanges(report: CompareReport): PeriodChanges {
  return {
    from: report.asOf.base,
    to: report.asOf.head,
    conflicts: report.conflicts.filter((c) => c.change === 'new' || c.change === 'resolved'),
    // Overall health, with the reason of the dimension that moved it there (the overall value has none of its own).
    health: report.health
      .filter((h) => h.dimension === 'overall')
      .map((h) => (h.reason ? h : { ...h, reason: report.health.find((d) => d.dimension !== 'overall' && d.project.id === h.project.id && d.to === h.to && d.reason)?.reason })),
    dates: report.dates.filter((d) => (d.field === 'end' || d.field === 'milestone') && d.from !== undefined && d.to !== undefined && d.days !== 0),
    records: report.records,
  };
}

/** The portfolio's history as the site shows it. */
export interface PortfolioHistory {
  every: 'week' | 'month' | 'quarter';
  /** Oldest first; the last is now (no commit). */
  samples: HistorySample[];
  /** Between each sample and the next: changes[i] is samples[i] → samples[i + 1]. */
  changes: PeriodChanges[];
  /** Why there are no past samples (or fewer): no git, a shallow clone, samples that did not validate. */
  note?: string;
}
