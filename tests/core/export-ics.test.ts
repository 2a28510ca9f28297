import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { foldLine, icsText, milestonesIcs } from '../../src/core/export-ics.ts';
import { markersPortfolio, portfolio, project, settings } from './fixtures.ts';

const LONG = 'Go-live of the very long named clinical system with a title well past seventy-five octets — ünïcödé ✓✓✓';

function model(audience = 'public', extra: ReturnType<typeof project>[] = []) {
  return buildModel(
    portfolio({
      settings: settings({ fiscal_year_start: 4, title: 'Test, portfolio; x' }),
      projects: [
        project('alpha', {
          title: 'Alpha',
          end: '2026-Q3',
          baseline_end: '2026-09-30',
          milestones: [
            { name: 'Design approved', date: '2026-02-28', done: true },
            { name: LONG, date: '2026-09', baseline: '2026-06' },
            { name: 'Design approved', date: '2026-03-31' },
          ],
        }),
        project('secret', { title: 'Secret', visibility: 'internal', end: '2026-12-31' }),
        ...extra,
      ],
    }),
    { audience, asOf: '2026-11-15' },
  );
}

const unfold = (text: string) => text.replace(/\r\n /g, '');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('foldLine', () => {
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('never splits a character of 3 or 4 octets (a surrogate pair stays whole), and keeps a 75-octet line whole', () => {
    for (const ch of ['€', '🚀', 'a€🚀']) {
      const line = `DESCRIPTION:${ch.repeat(60)}`;
      const parts = foldLine(line).split('\r\n');
      for (const p of parts) {
        expect(octets(p)).toBeLessThanOrEqual(75);
        expect(p).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      }
      expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
    }
    const exact = `X:${'a'.repeat(73)}`;
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}b`).split('\r\n')).toEqual([exact, ' b']);
  });

  it('escapes TEXT values', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('strips control characters (tab aside) and lone surrogates from TEXT values, after escaping', () => {
    expect(icsText('a\u0000b\u0007c\td\u001b[31me\u007ff\u0085g')).toBe('abc\td[31mef\u0085g');
    expect(icsText('x\ud800y\udc00z \ud83d\ude00')).toBe('xyz \ud83d\ude00');
    expect(icsText('one\r\ntwo\u000bthree')).toBe('one\\ntwothree');
  });

  it('no control character reaches the calendar file', () => {
    const text = milestonesIcs(model('public', [project('bad', { title: 'Bad\u0000title\u001b', end: '2026-12-31', milestones: [{ name: 'M\u0007\ud800', date: '2026-10-01' }] })]));
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(unfold(text)).toContain('SUMMARY:Badtitle: project end');
    expect(unfold(text)).toContain('SUMMARY:Badtitle: M\r\n');
  });
});

describe('milestonesIcs', () => {
  const text = milestonesIcs(model(), { siteUrl: 'https://x.example/roadmap/' });
  const lines = text.split('\r\n');

  it('uses CRLF everywhere and no line exceeds 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of lines) expect(octets(l), l).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long summary was folded
  });

  it('is a calendar with one event per milestone and project end, audience-filtered', () => {
    const u = unfold(text);
    expect(u.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(u.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(u.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
    expect(u.match(/^END:VEVENT$/gm)).toHaveLength(4);
    expect(u).not.toContain('Secret');
    expect(u).toContain('X-WR-CALNAME:Test\\, portfolio\\; x · milestones');
  });

  it('has stable, unique UIDs, independent of order and other projects', () => {
    const uids = unfold(text).match(/^UID:.*$/gm)!;
    expect(uids).toEqual([
      'UID:alpha/milestone/design-approved@roadmap',
      'UID:alpha/milestone/design-approved-2@roadmap',
      'UID:alpha/milestone/go-live-of-the-very-long-named-clinical-system-with-a-title-well-past-seventy-five-octets-unicode@roadmap',
      'UID:alpha/end@roadmap',
    ]);
    const withMore = unfold(milestonesIcs(model('public', [project('aaa', { end: '2026-01-31' })])));
    expect(withMore).toContain('UID:alpha/milestone/design-approved-2@roadmap');
    expect(withMore).toContain('UID:aaa/end@roadmap');
  });

  it('dates months and quarters by their last day, all-day, stamped with the as-of date', () => {
    const u = unfold(text);
    const event = (uid: string) => u.slice(u.indexOf(`UID:${uid}`), u.indexOf('END:VEVENT', u.indexOf(`UID:${uid}`)));
    expect(event('alpha/end@roadmap')).toContain('DTSTART;VALUE=DATE:20261231'); // 2026-Q3 with FY from April = Oct–Dec 2026
    expect(event('alpha/end@roadmap')).toContain('DTEND;VALUE=DATE:20270101');
    expect(event('alpha/milestone/go-live')).toContain('DTSTART;VALUE=DATE:20260930');
    expect(event('alpha/milestone/design-approved@')).toContain('SUMMARY:✓ Alpha: Design approved');
    expect(event('alpha/end@roadmap')).toContain('URL:https://x.example/roadmap/projects/alpha/');
    expect(u.match(/^DTSTAMP:.*$/gm)!.every((l) => l === 'DTSTAMP:20261115T000000Z')).toBe(true);
  });

  it('has an event per portfolio marker the audience sees: a freeze spans its days, a board date is one day', () => {
    const withMarkers = (audience: string) => unfold(milestonesIcs(buildModel(markersPortfolio(), { audience, asOf: '2026-11-15' }), { siteUrl: 'https://x.example/' }));
    const u = withMarkers('public');
    const event = (uid: string) => u.slice(u.indexOf(`UID:${uid}`), u.indexOf('END:VEVENT', u.indexOf(`UID:${uid}`)));
    const freeze = event('portfolio/marker/year-end-change-freeze@roadmap');
    expect(freeze).toContain('DTSTART;VALUE=DATE:20261215');
    expect(freeze).toContain('DTEND;VALUE=DATE:20270106'); // the end is exclusive: through 5 January
    expect(freeze).toContain('SUMMARY:Year-end change freeze (change freeze)');
    expect(freeze).toContain('CATEGORIES:Change freeze');
    expect(freeze).toContain('URL:https://x.example/roadmap/');
    const board = event('portfolio/marker/investment-board@roadmap');
    expect(board).toContain('DTSTART;VALUE=DATE:20270210');
    expect(board).toContain('DTEND;VALUE=DATE:20270211');
    expect(u).not.toContain('SENTINEL-MARKER');
    expect(withMarkers('internal')).toContain('UID:portfolio/marker/sentinel-marker-internal@roadmap');
  });

  it('is byte-identical for the same model', () => {
    expect(milestonesIcs(model(), { siteUrl: 'https://x.example/roadmap/' })).toBe(text);
  });
});
