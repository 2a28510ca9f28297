/**
 * Which commits are samples: the last commit of each review period
 * (`history.every`: week, month or fiscal quarter, by the commit's UTC day),
 * newest first up to `max_samples` including now. The period that holds the
 * as-of day is now's own: the build's model stands for it, so no commit of
 * it is sampled. Pure: the commits and the as-of day are given.
 */
import { dayFromParts, quarterOf, quarterLabel, type Day } from '../dates.ts';
import type { HISTORY_PERIODS } from '../schema.ts';

export type HistoryEvery = (typeof HISTORY_PERIODS)[number];

export interface CommitRef {
  commit: string;
  /** Commit date, ISO 8601 in UTC (`2026-10-02T09:15:00Z`). */
  date: string;
}

/** A day from an ISO date or date-time (its UTC day). */
export function dayOfIso(iso: string): Day {
  return dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The review period a day falls in: a week (Monday to Sunday, keyed by its Monday's day number), a month `2026-04`, or a fiscal quarter `2026-Q1`. */
export function periodOf(day: Day, every: HistoryEvery, fiscalYearStart = 1): string {
  if (every === 'quarter') {
    const { fy, q } = quarterOf(day, fiscalYearStart);
    return quarterLabel(fy, q);
  }
  if (every === 'month') return new Date(day * 86_400_000).toISOString().slice(0, 7);
  // Day 0 (1970-01-01) was a Thursday: the Monday on or before `day`.
  const monday = day - ((day + 3) % 7 + 7) % 7;
  return `W${monday}`;
}

/**
 * The sample commits, oldest first: the last commit (by date, then the order
 * given: git log lists newest first) of each period before the as-of day's
 * period, the newest `maxSamples − 1` of them (now is the last sample).
 * Commits after the as-of day are left out.
 */
export function pickSamples(commits: readonly CommitRef[], opts: { every: HistoryEvery; maxSamples: number; asOfDay: Day; fiscalYearStart?: number }): CommitRef[] {
  const fy = opts.fiscalYearStart ?? 1;
  const current = periodOf(opts.asOfDay, opts.every, fy);
  const last = new Map<string, { ref: CommitRef; day: Day; time: number; order: number }>();
  commits.forEach((ref, order) => {
    const day = dayOfIso(ref.date);
    if (day > opts.asOfDay) return;
    const period = periodOf(day, opts.every, fy);
    if (period === current) return;
    const time = Date.parse(ref.date);
    const seen = last.get(period);
    // Newer date wins; on a tie, the one git listed first (the newer in history).
    if (!seen || time > seen.time) last.set(period, { ref, day, time, order });
  });
  return [...last.values()]
    .sort((a, b) => a.time - b.time || b.order - a.order)
    .slice(-(opts.maxSamples - 1))
    .map((s) => s.ref);
}
