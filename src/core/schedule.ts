/**
 * Schedule facts of one project, judged against the as-of day: slip, overdue
 * and stale. Dates used as ends (end, baseline_end, updated) take their last
 * day, starts their first day (a month or quarter stands for its whole span).
 */
import { endDay, startDay, type Day } from './dates.ts';
import type { Project, Status } from './schema.ts';

/** True when the work is still open: not done and not cancelled. */
export function isOpen(status: Status): boolean {
  return status !== 'done' && status !== 'cancelled';
}

/** Day numbers for a project's start, end and baseline end, when present. */
export function projectDays(p: Pick<Project, 'start' | 'end' | 'baseline_end'>, fy: number): { startDay?: Day; endDay?: Day; baselineEndDay?: Day } {
  return {
    startDay: p.start !== undefined ? startDay(p.start, fy) : undefined,
    endDay: p.end !== undefined ? endDay(p.end, fy) : undefined,
    baselineEndDay: p.baseline_end !== undefined ? endDay(p.baseline_end, fy) : undefined,
  };
}

/** end − baseline_end in days (negative: ahead of baseline); undefined unless both are set. */
export function slipDays(p: Pick<Project, 'end' | 'baseline_end'>, fy: number): number | undefined {
  if (p.end === undefined || p.baseline_end === undefined) return undefined;
  return endDay(p.end, fy) - endDay(p.baseline_end, fy);
}

/** Open (not done, not cancelled) and its end is before the as-of day. */
export function isOverdue(p: Pick<Project, 'status' | 'end'>, fy: number, asOfDay: Day): boolean {
  return isOpen(p.status) && p.end !== undefined && endDay(p.end, fy) < asOfDay;
}

/** as-of − updated in days, when `updated` is set. */
export function daysSinceUpdate(p: Pick<Project, 'updated'>, fy: number, asOfDay: Day): number | undefined {
  return p.updated === undefined ? undefined : asOfDay - endDay(p.updated, fy);
}

/** Open and `updated` more than `reviewEveryDays` before the as-of day. No `updated`: not stale. */
export function isStale(p: Pick<Project, 'status' | 'updated'>, fy: number, asOfDay: Day, reviewEveryDays: number): boolean {
  const since = daysSinceUpdate(p, fy, asOfDay);
  return isOpen(p.status) && since !== undefined && since > reviewEveryDays;
}
