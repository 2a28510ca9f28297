import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { recordOfPath, searchFacets, uiText } from '../../src/core/search-facets.ts';
import { goal, portfolio, program, project, settings, team } from './fixtures.ts';

const model = buildModel(
  portfolio({
    settings: settings(),
    programs: [program('dig', { title: 'Digital & <Front> Door' })],
    goals: [goal('g1', { title: 'Access' }), goal('g2', { title: 'Cyber' })],
    teams: [team('sec', { title: 'Security Review' }), team('plat', { title: 'Platform' })],
    projects: [
      project('portal', {
        status: 'active',
        program: 'dig',
        goals: ['g2', 'g1'],
        teams: ['plat'],
        demand: [{ team: 'sec', fte: 0.5, from: '2026-Q1', to: '2026-Q2' }],
        investment: 'grow',
        tags: ['cloud', 'booking', 'cloud'],
        end: '2026-09-30',
        start: '2026-01-01',
      }),
      project('bare', { status: 'proposed' }),
      project('hidden', { visibility: 'internal' }),
    ],
  }),
  { audience: 'public', asOf: '2026-11-15' },
);

describe('searchFacets', () => {
  it('gives a project its filters (sorted, de-duplicated, titles for references) and card meta', () => {
    const f = searchFacets(model, 'projects', 'portal')!;
    expect(Object.fromEntries(f.filters)).toEqual({
      type: ['Project'],
      status: ['active'],
      program: [uiText('Digital & <Front> Door')],
      goal: ['Access', 'Cyber'],
      team: ['Platform'],
      health: [model.byId.projects.get('portal')!.health.overall ?? 'none'],
      investment: ['grow'],
      tag: ['booking', 'cloud'],
    });
    expect(f.meta).toEqual([
      ['status', 'active'],
      ['health', model.byId.projects.get('portal')!.health.overall ?? 'none'],
      ['end', '2026-09-30'],
    ]);
  });

  it('leaves out empty filters and the end date when absent', () => {
    const f = searchFacets(model, 'projects', 'bare')!;
    expect(f.filters.map(([k]) => k)).toEqual(['type', 'status', 'health']);
    expect(f.meta.map(([k]) => k)).toEqual(['status', 'health']);
  });

  it('has nothing for a record the audience does not see, a type for other records', () => {
    expect(searchFacets(model, 'projects', 'hidden')).toBeUndefined();
    expect(searchFacets(model, 'programs', 'dig')).toEqual({ filters: [['type', ['Program']]], meta: [] });
    expect(searchFacets(model, 'teams', 'sec')).toEqual({ filters: [['type', ['Team']]], meta: [] });
  });

  it('escapes filter values twice for Pagefind UI (which decodes twice, then uses innerHTML)', () => {
    expect(uiText('R&D <i>')).toBe('R&amp;amp;D &amp;lt;i&amp;gt;');
    expect(uiText('plain')).toBe('plain');
  });
});

describe('recordOfPath', () => {
  it('recognises record pages only', () => {
    expect(recordOfPath('/projects/patient-portal/')).toEqual({ kind: 'projects', id: 'patient-portal' });
    expect(recordOfPath('/teams/sec')).toEqual({ kind: 'teams', id: 'sec' });
    expect(recordOfPath('/projects/')).toBeUndefined();
    expect(recordOfPath('/search/')).toBeUndefined();
    expect(recordOfPath('/projects/a/b/')).toBeUndefined();
  });
});
