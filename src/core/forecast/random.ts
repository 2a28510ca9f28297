/**
 * The forecast's random numbers: mulberry32, a 32-bit generator small enough
 * to inline in the simulation loop, seeded per project from its id, so a
 * build's numbers never change unless its records do (no unseeded randomness), and a
 * project's draws do not depend on which other projects exist.
 */

/** The portfolio-wide seed mixed into every project's (a fixed number: builds are byte-identical). */
export const FORECAST_SEED = 0x2026_0020;

/** FNV-1a over the id's UTF-16 code units, mixed with the seed: a project's starting state. */
export function seedOf(id: string, seed = FORECAST_SEED): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** One mulberry32 step on `state[i]`: a uniform number in [0, 1). The simulation inlines the same. */
export function nextUniform(state: Int32Array, i: number): number {
  const a = (state[i] + 0x6d2b79f5) | 0;
  state[i] = a;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
