/**
 * The synthetic portfolio behind `npm run bench`: deterministic, valid (no
 * diagnostics at all, for both audiences) and shaped as documented.
 */
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/core/load.ts';
import { prng, syntheticPortfolio, syntheticShape } from '../../scripts/bench/synthetic.ts';

describe('synthetic portfolio', () => {
  it('is byte-identical for the same records and seed, and differs for another seed', () => {
    const a = syntheticPortfolio({ records: 120, seed: 7 });
    const b = syntheticPortfolio({ records: 120, seed: 7 });
    const c = syntheticPortfolio({ records: 120, seed: 8 });
    expect(b.files).toEqual(a.files);
    expect(b.counts).toEqual(a.counts);
    expect(c.files.map((f) => f.text)).not.toEqual(a.files.map((f) => f.text));
  });

  it('the PRNG is seeded and uniform in [0, 1)', () => {
    const r = prng(42);
    const xs = Array.from({ length: 1000 }, r);
    expect(prng(42)()).toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('has one file per record plus portfolio.yaml, sorted, in the contract layout', () => {
    const { files, counts } = syntheticPortfolio({ records: 300 });
    expect(counts).toMatchObject({ projects: 300, programs: 6, goals: 3, teams: 8 });
    expect(syntheticShape(10_000)).toEqual({ programs: 200, goals: 40, teams: 250 });
    expect(files.length).toBe(1 + counts.projects + counts.programs + counts.goals + counts.teams);
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
    expect(files.filter((f) => f.path.startsWith('projects/')).length).toBe(300);
    expect(files[0]!.path).toBe('goals/goal-001.md');
    expect(files.some((f) => f.path === 'projects/project-300.md')).toBe(true);
    // About 1.5 dependencies per project.
    expect(counts.dependencies / counts.projects).toBeGreaterThan(1.3);
    expect(counts.dependencies / counts.projects).toBeLessThan(1.7);
  });

  it('bodies have a realistic length (1–4 KB of Markdown with headings)', () => {
    const { files } = syntheticPortfolio({ records: 100 });
    const bodies = files.filter((f) => f.path.startsWith('projects/')).map((f) => f.text.slice(f.text.indexOf('\n---\n', 4) + 5));
    const mean = bodies.reduce((s, b) => s + b.length, 0) / bodies.length;
    expect(mean).toBeGreaterThan(1000);
    expect(mean).toBeLessThan(4000);
    expect(bodies.every((b) => b.startsWith('## Background\n'))).toBe(true);
  });

  for (const audience of ['public', 'internal']) {
    it(`passes loadPortfolio with no diagnostics at all (${audience})`, () => {
      const { files, counts } = syntheticPortfolio({ records: 400, seed: 3 });
      const { input, diagnostics } = loadPortfolio(files, { audience, strict: true });
      expect(diagnostics).toEqual([]);
      expect(input?.projects.length).toBe(400);
      expect(input?.programs.length).toBe(counts.programs);
      const deps = input!.projects.reduce((s, p) => s + (p.data.dependencies?.length ?? 0), 0);
      expect(deps).toBe(counts.dependencies);
      const statuses = new Set(input!.projects.map((p) => p.data.status));
      expect([...statuses].sort()).toEqual(['active', 'approved', 'cancelled', 'done', 'on-hold', 'proposed']);
      expect(input!.projects.filter((p) => p.data.visibility === 'internal').length).toBe(10);
    });
  }
});
