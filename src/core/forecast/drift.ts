/**
 * A project's own drift (README, "Confidence ranges"): how fast its forecast
 * end moved later across the reviews of its history (src/core/history), the
 * samples the build's audience sees. Among the reviews in which it was open
 * and had an end, with at least `minReviews` of them:
 *
 *   r = (end at the latest − end at the first) / (days between those reviews),
 *
 * clamped to [0, MAX_DRIFT]: a recovery gives 0 (drift never brings a range
 * earlier). If the end keeps moving r days per day, the work ends when the
 * calendar catches the moving end: as-of + t = end + r·t, so t = remaining /
 * (1 − r) and the end lands remaining · r / (1 − r) days after the typed one
 * (`driftExtraDays`). Pure.
 */
import { dayOfIso, type HistorySample } from '../history/index.ts';
import { isOpen } from '../schedule.ts';
import type { Status } from '../schema.ts';

/** The highest drift rate counted: at 0.9 the remaining time stretches tenfold (a rate of 1 never ends). */
export const MAX_DRIFT = 0.9;

export interface ProjectDrift {
  /** Reviews (history samples, now included) in which the project was open and had an end. */
  reviews: number;
  /** The first and latest of those reviews' as-of days (ISO). */
  from: string;
  to: string;
  /** Its end at those reviews (ISO). */
  firstEnd: string;
  lastEnd: string;
  /** lastEnd − firstEnd, and to − from, in days. */
  movedDays: number;
  spanDays: number;
  /** movedDays / spanDays clamped to [0, MAX_DRIFT]: days the end moved later per day that passed. */
  rate: number;
}

/** Per project with at least `minReviews` reviews open with an end (and two distinct review days): its drift. */
export function forecastDrift(samples: readonly HistorySample[], minReviews: number): Map<string, ProjectDrift> {
  const seen = new Map<string, { reviews: number; from: string; firstEnd: string; to: string; lastEnd: string }>();
  for (const s of samples) {
    for (const p of s.projects) {
      if (p.end === undefined || !isOpen(p.status as Status)) continue;
      const d = seen.get(p.id);
      if (d) {
        d.reviews += 1;
        d.to = s.asOf;
        d.lastEnd = p.end;
      } else seen.set(p.id, { reviews: 1, from: s.asOf, firstEnd: p.end, to: s.asOf, lastEnd: p.end });
    }
  }
  const out = new Map<string, ProjectDrift>();
  for (const [id, d] of seen) {
    const spanDays = dayOfIso(d.to) - dayOfIso(d.from);
    if (d.reviews < minReviews || spanDays <= 0) continue;
    const movedDays = dayOfIso(d.lastEnd) - dayOfIso(d.firstEnd);
    out.set(id, { ...d, movedDays, spanDays, rate: Math.min(MAX_DRIFT, Math.max(0, movedDays / spanDays)) });
  }
  return out;
}

/** The days a drift of `rate` adds to an end `remainingDays` away (≥ 0), if it continues: remaining · r / (1 − r), whole days. */
export function driftExtraDays(remainingDays: number, rate: number): number {
  const r = Math.min(MAX_DRIFT, Math.max(0, rate));
  return Math.round((Math.max(0, remainingDays) * r) / (1 - r));
}
