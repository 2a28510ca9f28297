import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { healthLabel, searchDocuments, searchPartPath, searchParts, uiText, type SearchDocument } from '../../src/core/search-index.ts';
import { goal, portfolio, program, project, settings, team } from './fixtures.ts';

const model = buildModel(
  portfolio({
    settings: settings(),
    programs: [program('dig', { title: 'Digital & <Front> Door', owner: 'Ann Lee' })],
    goals: [goal('g1', { title: 'Access' }), goal('g2', { title: 'Cyber' })],
    teams: [team('sec', { title: 'Security Review' }), team('plat', { title: 'Platform' })],
    projects: [
      project('portal', {
        title: 'Patient Portal',
        summary: 'Book appointments online.',
        status: 'active',
        program: 'dig',
        goals: ['g2', 'g1'],
        teams: ['plat'],
        demand: [{ team: 'sec', fte: 0.5, from: '2026-Q1', to: '2026-Q2' }],
        investment: 'grow',
        tags: ['cloud', 'booking', 'cloud', 'production-readiness'],
        end: '2026-09-30',
        start: '2026-01-01',
        milestones: [{ name: 'Identity go-live', date: '2026-06-30' }],
        risks: [{ title: 'Identity vendor delay', likelihood: 3, impact: 4, mitigation: 'Second supplier' }],
      }),
      project('bare', { status: 'on-hold' }),
      project('hidden', { visibility: 'internal', title: 'Hidden project' }),
    ],
  }),
  { audience: 'internal', asOf: '2026-11-15' },
);
const publicModel = buildModel(
  portfolio({ settings: settings(), projects: [project('open', { title: 'Open', risks: [{ title: 'SECRET risk', likelihood: 1, impact: 1 }] }), project('hidden', { visibility: 'internal', title: 'Hidden' })] }),
  { audience: 'public', asOf: '2026-11-15' },
);

const docs = searchDocuments(model, (body) => `TEXT(${body.trim()})`);
const doc = (url: string) => docs.find((d) => d.url === url)!;

describe('searchDocuments', () => {
  it('has one document per record page the audience sees, and nothing else', () => {
    expect(docs.map((d) => d.url).toSorted()).toEqual(
      ['/goals/g1/', '/goals/g2/', '/programs/dig/', '/projects/bare/', '/projects/hidden/', '/projects/portal/', '/teams/plat/', '/teams/sec/'].toSorted(),
    );
    const pub = searchDocuments(publicModel, (b) => b);
    expect(pub.map((d) => d.url)).toEqual(['/projects/open/']);
    // A field the public audience hides is not searchable either.
    expect(JSON.stringify(pub)).not.toContain('SECRET');
  });

  it('gives a project its filters (sorted, de-duplicated, words not ids, titles for references, escaped for the UI) and card meta', () => {
    const f = doc('/projects/portal/');
    const health = healthLabel(model.byId.projects.get('portal')!.health.overall);
    expect(health).toMatch(/^(Green|Amber|Red|No data)$/);
    expect(f.filters).toEqual({
      type: ['Project'],
      status: ['Active'],
      program: ['Digital &amp; &lt;Front&gt; Door'],
      goal: ['Access', 'Cyber'],
      team: ['Platform', 'Security Review'],
      health: [health],
      investment: ['Grow'],
      tag: ['booking', 'cloud', 'production readiness'],
    });
    expect(f.meta).toEqual({ title: 'Patient Portal', type: 'Project', status: 'Active', health, end: '30\u00a0Sep\u00a02026' });
  });

  it('words status and health as the badges do: no raw ids such as on-hold or none', () => {
    expect(doc('/projects/bare/').filters).toMatchObject({ status: ['On hold'], health: ['No data'] });
    expect([healthLabel('green'), healthLabel('red'), healthLabel('none'), healthLabel(undefined)]).toEqual(['Green', 'Red', 'No data', 'No data']);
    const values = docs.flatMap((d) => Object.values(d.filters).flat());
    expect(values.filter((v) => /^(on-hold|none|active|proposed|green|amber|red)$|-/.test(v))).toEqual([]);
  });

  it('makes the words of a project searchable: title, summary, body text, references, milestones, risks', () => {
    const c = doc('/projects/portal/').content;
    for (const words of ['Patient Portal', 'Book appointments online.', 'Program: Digital & <Front> Door', 'Goals: Access, Cyber', 'Milestone: Identity go-live', 'Risk: Identity vendor delay', 'Mitigation: Second supplier']) {
      expect(c).toContain(words);
    }
    // The text is plain text: record characters are kept as they are, never escaped or turned into markup.
    expect(c).not.toContain('&amp;');
  });

  it('leaves out empty filters and the end date when absent', () => {
    const f = doc('/projects/bare/');
    expect(Object.keys(f.filters)).toEqual(['type', 'status', 'health']);
    expect(Object.keys(f.meta)).toEqual(['title', 'type', 'status', 'health']);
  });

  it('gives programs, goals and teams their title, type filter and text', () => {
    expect(doc('/programs/dig/')).toMatchObject({ meta: { title: 'Digital & <Front> Door', type: 'Program' }, filters: { type: ['Program'] } });
    expect(doc('/programs/dig/').content).toContain('Owner: Ann Lee');
    expect(doc('/teams/sec/')).toMatchObject({ meta: { title: 'Security Review', type: 'Team' }, filters: { type: ['Team'] } });
    expect(doc('/goals/g1/').filters).toEqual({ type: ['Goal'] });
  });

  it('turns bodies into text with the given function, telling MDX from Markdown, and skips empty bodies', () => {
    const withBody = buildModel(
      portfolio({ settings: settings(), projects: [project('a', { title: 'A' }), project('b', { title: 'B' })] }),
      { audience: 'public', asOf: '2026-11-15' },
    );
    withBody.projects[0]!.body = 'Some *Markdown*';
    withBody.projects[0]!.file = 'content/projects/a.md';
    withBody.projects[1]!.body = '<Note>hi</Note>';
    withBody.projects[1]!.file = 'content/projects/b.mdx';
    const seen: [string, boolean][] = [];
    const out = searchDocuments(withBody, (body, mdx) => (seen.push([body, mdx]), 'converted'));
    expect(seen).toEqual([
      ['Some *Markdown*', false],
      ['<Note>hi</Note>', true],
    ]);
    expect(out[0]!.content).toContain('converted');
  });

  it('escapes filter values once for Pagefind UI (which shows them with innerHTML)', () => {
    expect(uiText('R&D <i>')).toBe('R&amp;D &lt;i&gt;');
    expect(uiText('plain')).toBe('plain');
  });
});

describe('searchParts', () => {
  const d = (url: string, chars: number): SearchDocument => ({ url, content: 'x'.repeat(chars), meta: { title: url }, filters: {} });
  const urls = (parts: SearchDocument[][]) => parts.map((p) => p.map((x) => x.url));

  it('fills parts in order up to the character budget, a longer document on its own', () => {
    const docs = [d('a', 40), d('b', 60), d('c', 1), d('d', 250), d('e', 99), d('f', 1)];
    // 40+60 = 100 fits; +1 would not. 1, then 250 alone (over the budget), 99+1 = 100.
    expect(urls(searchParts(docs, 100))).toEqual([['a', 'b'], ['c'], ['d'], ['e', 'f']]);
    expect(urls(searchParts(docs, 1000))).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
  });

  it('always has one part, empty for no documents', () => {
    expect(searchParts([], 100)).toEqual([[]]);
  });

  it('keeps the example-sized index whole and splits a 10,000-record one by default', () => {
    expect(searchParts(Array.from({ length: 2000 }, (_, i) => d(`p${i}`, 3000))).length).toBe(1);
    expect(searchParts(Array.from({ length: 10000 }, (_, i) => d(`p${i}`, 3000))).length).toBe(4);
  });

  it('places the first part at the root of the bundle and the others in part-N/', () => {
    expect([0, 1, 2].map(searchPartPath)).toEqual(['', 'part-2/', 'part-3/']);
  });
});
