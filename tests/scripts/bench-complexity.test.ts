/**
 * Hot paths grow linearly with the number of records. No clocks: a counter
 * of the work done by the built-in iteration (every element visited by
 * for…of, spread, map/filter/find/some/every/forEach/reduce/includes/
 * indexOf, every sort comparison, every Map/Set iteration step) is compared
 * for N and 4N records. Linear (or n log n) code grows about 4–5×; a per-record
 * scan of all records would grow 16×.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { loadPortfolio } from '../../src/core/load.ts';
import type { PortfolioInput } from '../../src/core/model.ts';
import { buildBacklog, buildScorecards } from '../../src/core/scorecard.ts';
import { searchDocuments } from '../../src/core/search-index.ts';
import { syntheticPortfolio } from '../../scripts/bench/synthetic.ts';

let work = 0;
const restore: (() => void)[] = [];

function patch<T extends object>(proto: T, name: keyof T & (string | symbol), wrap: (orig: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown): void {
  const orig = proto[name] as (...a: unknown[]) => unknown;
  Object.defineProperty(proto, name, { value: wrap(orig), configurable: true, writable: true });
  restore.push(() => Object.defineProperty(proto, name, { value: orig, configurable: true, writable: true }));
}

function countIterators(proto: object): void {
  for (const name of [Symbol.iterator, 'values', 'keys', 'entries'] as const) {
    if (!(name in proto)) continue;
    patch(proto as Record<string | symbol, unknown>, name, (orig) =>
      function (this: unknown, ...a: unknown[]) {
        const it = orig.apply(this, a) as Iterator<unknown>;
        return {
          next() {
            work++;
            return it.next();
          },
          [Symbol.iterator]() {
            return this;
          },
        };
      },
    );
  }
}

function startCounting(): void {
  work = 0;
  countIterators(Array.prototype);
  countIterators(Map.prototype);
  countIterators(Set.prototype);
  for (const name of ['map', 'filter', 'find', 'findIndex', 'some', 'every', 'forEach', 'reduce', 'includes', 'indexOf', 'flatMap'] as const) {
    patch(Array.prototype, name, (orig) =>
      function (this: unknown[], ...a: unknown[]) {
        work += this.length;
        return orig.apply(this, a);
      },
    );
  }
  patch(Array.prototype, 'sort', (orig) =>
    function (this: unknown[], cmp?: unknown) {
      if (typeof cmp !== 'function') {
        work += this.length;
        return orig.call(this);
      }
      return orig.call(this, (x: unknown, y: unknown) => {
        work++;
        return (cmp as (x: unknown, y: unknown) => number)(x, y);
      });
    },
  );
  for (const proto of [Map.prototype, Set.prototype]) {
    patch(proto as unknown as Record<string, unknown>, 'forEach', (orig) =>
      function (this: Map<unknown, unknown>, ...a: unknown[]) {
        work += this.size;
        return orig.apply(this, a);
      },
    );
  }
}

function stopCounting(): number {
  while (restore.length) restore.pop()!();
  return work;
}

const inputs = new Map<number, PortfolioInput>();
function files(n: number) {
  return syntheticPortfolio({ records: n, seed: 5 }).files;
}
function input(n: number): PortfolioInput {
  let i = inputs.get(n);
  if (!i) {
    i = loadPortfolio(files(n), { audience: 'internal' }).input!;
    inputs.set(n, i);
  }
  return i;
}
const model = (n: number) => buildModel(input(n), { audience: 'internal', asOf: '2026-11-15' });

/** The work counted for `fn` on n and on 4n records (inputs prepared outside the count). */
function growth<T>(prepare: (n: number) => T, fn: (x: T) => unknown, n = 300): { small: number; large: number; ratio: number } {
  const a = prepare(n);
  const b = prepare(4 * n);
  startCounting();
  fn(a);
  const small = stopCounting();
  startCounting();
  fn(b);
  const large = stopCounting();
  return { small, large, ratio: large / small };
}

beforeEach(() => {
  work = 0;
});
afterEach(() => {
  while (restore.length) restore.pop()!();
});

describe('hot paths grow linearly (4× records → at most ~5× work)', () => {
  it('the counter sees a quadratic scan as quadratic (self-test)', () => {
    const g = growth(
      (n) => Array.from({ length: n }, (_, i) => i),
      (xs) => xs.map((x) => xs.find((y) => y === x)),
      200,
    );
    expect(g.ratio).toBeGreaterThan(12);
    const lin = growth(
      (n) => Array.from({ length: n }, (_, i) => i),
      (xs) => new Set(xs).size,
      200,
    );
    expect(lin.ratio).toBeGreaterThan(3.5);
    expect(lin.ratio).toBeLessThan(4.5);
  });

  it('loadPortfolio (npm run check): parse, validate and every rule', () => {
    const g = growth(files, (f) => loadPortfolio(f, { audience: 'internal' }), 250);
    expect(g.small).toBeGreaterThan(1000);
    expect(g.ratio).toBeLessThan(5.5);
  });

  it('buildModel', () => {
    const g = growth(input, (i) => buildModel(i, { audience: 'internal', asOf: '2026-11-15' }));
    expect(g.small).toBeGreaterThan(1000);
    expect(g.ratio).toBeLessThan(5.5);
  });

  it('buildModel for the public audience', () => {
    const g = growth(input, (i) => buildModel(i, { audience: 'public', asOf: '2026-11-15' }));
    expect(g.ratio).toBeLessThan(5.5);
  });

  it('the scorecards (portfolio, every program, every goal) and the backlog', () => {
    // 150 → 600 records keeps the goal count at 3, so every project belongs
    // to the same number of scopes (portfolio, its program, its goals) at both sizes.
    const g = growth(
      model,
      (m) => {
        buildScorecards(m);
        buildBacklog(m);
      },
      150,
    );
    expect(g.small).toBeGreaterThan(1000);
    expect(g.ratio).toBeLessThan(5.5);
  });

  it('search documents for every record page: no scan of all records per record', () => {
    const g = growth(model, (m) => {
      searchDocuments(m, (body) => body);
    });
    expect(g.ratio).toBeLessThan(5.5);
  });
});
