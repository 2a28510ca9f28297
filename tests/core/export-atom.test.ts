import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import type { ChangeEntry } from '../../src/core/changes.ts';
import { changesAtom, xmlEscape } from '../../src/core/export-atom.ts';
import { checkXml, type XmlElement } from '../support/xml.ts';
import { portfolio, project, settings } from './fixtures.ts';

const HOSTILE = `<script>alert(1)</script> & "quotes" 'apos' \u0001 ]]>`;
const model = buildModel(portfolio({ settings: settings({ title: `Portfolio ${HOSTILE}` }), projects: [project('p', { title: HOSTILE })] }), { audience: 'public', asOf: '2026-11-15' });

const entries: ChangeEntry[] = [
  {
    commit: 'abc123',
    date: '2026-10-02T09:15:00Z',
    id: 'p',
    title: HOSTILE,
    changes: [
      { kind: 'milestone', field: 'milestone:Go-live', from: '2026-06-30', to: '2026-09-30', days: 92, text: 'Go-live moved 2026-06-30 → 2026-09-30 (+92 days)' },
      { kind: 'status', field: 'status', from: 'approved', to: 'active', text: 'Status approved → active' },
    ],
  },
  { commit: 'def456', date: '2026-09-01T08:00:00Z', id: 'p', title: HOSTILE, changes: [{ kind: 'status', field: 'status', text: 'Status x → y' }] },
];

const child = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

describe('changesAtom', () => {
  it('is well-formed Atom with escaped text, even for hostile titles', () => {
    const xml = changesAtom(model, entries, { root: 'https://x.example/roadmap/' });
    const { problems, root } = checkXml(xml);
    expect(problems).toEqual([]);
    expect(root!.name).toBe('feed');
    expect(root!.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root!, 'title')[0]!.text).toBe(`Portfolio <script>alert(1)</script> & "quotes" 'apos'  ]]>: what changed`);
    expect(child(root!, 'updated')[0]!.text).toBe('2026-10-02T09:15:00Z');
    expect(child(root!, 'id')[0]!.text).toBe('https://x.example/roadmap/feed.xml');
    const items = child(root!, 'entry');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(child(first, 'id')[0]!.text).toBe('urn:roadmap:change:abc123:p');
    expect(child(first, 'title')[0]!.text).toBe(`<script>alert(1)</script> & "quotes" 'apos'  ]]>: Go-live moved 2026-06-30 → 2026-09-30 (+92 days) (and 1 more)`);
    expect(child(first, 'link')[0]!.attrs.href).toBe('https://x.example/roadmap/projects/p/');
    expect(child(first, 'content')[0]!.attrs.type).toBe('text');
    expect(child(first, 'content')[0]!.text).toBe('Go-live moved 2026-06-30 → 2026-09-30 (+92 days)\nStatus approved → active');
    expect(xml).not.toContain('<script>');
  });

  it('without a site URL: a urn id, base-path links, no self link, dated by the as-of date when empty', () => {
    const xml = changesAtom(model, [], { root: '/roadmap/' });
    const { problems, root } = checkXml(xml);
    expect(problems).toEqual([]);
    expect(child(root!, 'id')[0]!.text).toMatch(/^urn:roadmap:/);
    expect(child(root!, 'updated')[0]!.text).toBe('2026-11-15T00:00:00Z');
    expect(child(root!, 'link').map((l) => l.attrs.rel)).toEqual(['alternate']);
    expect(child(root!, 'link')[0]!.attrs.href).toBe('/roadmap/changes/');
    expect(child(root!, 'entry')).toEqual([]);
  });

  it('review periods are entries of their own, merged newest first with the field edits, within the limit', () => {
    const reviews = [
      { id: '2026-09-01', title: `Review ${HOSTILE}`, updated: '2026-10-01T00:00:00Z', href: 'history/#period-2', lines: ['New conflict: a waits on b', `${HOSTILE}: end moved`] },
      { id: '2026-12-01', title: 'Review later', updated: '2026-12-02T08:00:00Z', href: 'history/#period-3', lines: ['x'] },
    ];
    const xml = changesAtom(model, entries, { root: 'https://x.example/roadmap/', reviews });
    const { problems, root } = checkXml(xml);
    expect(problems).toEqual([]);
    const items = child(root!, 'entry');
    expect(items.map((e) => child(e, 'id')[0]!.text)).toEqual(['urn:roadmap:review:2026-12-01', 'urn:roadmap:change:abc123:p', 'urn:roadmap:review:2026-09-01', 'urn:roadmap:change:def456:p']);
    expect(child(root!, 'updated')[0]!.text).toBe('2026-12-02T08:00:00Z');
    expect(child(items[2]!, 'link')[0]!.attrs.href).toBe('https://x.example/roadmap/history/#period-2');
    expect(child(items[2]!, 'content')[0]!.text).toBe(`New conflict: a waits on b\n${HOSTILE.replace('\u0001', '')}: end moved`);
    expect(xml).not.toContain('<script>');
    const two = checkXml(changesAtom(model, entries, { root: '/r/', reviews, limit: 2 })).root!;
    expect(child(two, 'entry').map((e) => child(e, 'id')[0]!.text)).toEqual(['urn:roadmap:review:2026-12-01', 'urn:roadmap:change:abc123:p']);
  });

  it('xmlEscape drops characters XML cannot hold', () => {
    expect(xmlEscape('a\u0000b\u0008c\td')).toBe('abc\td');
    expect(xmlEscape(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('checkXml (the test helper) catches what it must', () => {
  it('rejects malformed documents', () => {
    expect(checkXml('<a><b></a></b>').problems).not.toEqual([]);
    expect(checkXml('<a>x & y</a>').problems).not.toEqual([]);
    expect(checkXml('<a>&nbsp;</a>').problems).not.toEqual([]);
    expect(checkXml('<a b="1" b="2"/>').problems).not.toEqual([]);
    expect(checkXml('<a/><b/>').problems).not.toEqual([]);
    expect(checkXml('<a>').problems).not.toEqual([]);
    expect(checkXml('<?xml version="1.0"?><a x="1">t</a>').problems).toEqual([]);
  });
});
