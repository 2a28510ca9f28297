/**
 * The as-of date everything "late", "overdue" or "stale" is judged against:
 * `as_of` in portfolio.yaml, else the ROADMAP_AS_OF environment value, else
 * today (UTC). Pure: the caller passes the environment value and the clock.
 */
import { dateProblem, todayIso } from './dates.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Resolve the as-of day as `YYYY-MM-DD`. An empty or blank environment value
 * counts as unset; a value that is not an existing day throws (the settings
 * value is already validated by the schema).
 */
export function resolveAsOf(settingsAsOf: string | undefined, envValue: string | undefined, now: Date): string {
  if (settingsAsOf !== undefined && settingsAsOf !== '') return settingsAsOf;
  const env = envValue?.trim();
  if (env) {
    const problem = DAY.test(env) ? dateProblem(env) : 'expected a day: YYYY-MM-DD';
    if (problem) throw new Error(`ROADMAP_AS_OF=${env}: ${problem}`);
    return env;
  }
  return todayIso(now);
}
