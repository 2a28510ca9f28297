import { describe, expect, it } from 'vitest';
import { hiddenFields, seesInternal, stripFields, visibleProjects } from '../../src/core/audience.ts';
import { project, settings } from './fixtures.ts';

describe('hiddenFields', () => {
  it('returns the hide list of a known audience', () => {
    expect(hiddenFields(settings(), 'public')).toEqual(['budget', 'benefits', 'risks', 'scores', 'demand', 'decisions', 'changes']);
    expect(hiddenFields(settings(), 'internal')).toEqual([]);
  });

  it('throws for an unknown audience, naming the known ones', () => {
    expect(() => hiddenFields(settings(), 'board')).toThrow('unknown audience "board"; known audiences: internal, public');
    expect(() => hiddenFields(settings(), 'constructor')).toThrow(/unknown audience/);
  });
});

describe('visibleProjects', () => {
  const ps = [
    project('pub', { dependencies: [{ on: 'secret' }, { on: 'other' }, { on: 'ghost' }] }),
    project('secret', { visibility: 'internal' }),
    project('other'),
  ];

  it('drops internal records and dependencies on them for other audiences', () => {
    const v = visibleProjects(ps, 'public');
    expect(v.map((p) => p.id)).toEqual(['pub', 'other']);
    // unknown ids are left for validation to report
    expect(v[0].data.dependencies!.map((d) => d.on)).toEqual(['other', 'ghost']);
    expect(ps[0].data.dependencies).toHaveLength(3); // input untouched
  });

  it('keeps everything for the internal audience', () => {
    expect(seesInternal('internal')).toBe(true);
    expect(visibleProjects(ps, 'internal').map((p) => p.id)).toEqual(['pub', 'secret', 'other']);
  });
});

describe('stripFields', () => {
  it('returns a copy without hidden fields and never strips title or status', () => {
    const p = project('a', { budget: { planned: 1 }, scores: { value: 3 }, summary: 'x' });
    const s = stripFields(p.data, ['budget', 'scores', 'title', 'status']);
    expect(s).toEqual({ title: 'Project a', status: 'active', visibility: 'public', summary: 'x' });
    expect(p.data.budget).toEqual({ planned: 1 });
  });
});
