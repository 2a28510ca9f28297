/**
 * `/milestones.ics`: an iCalendar feed (RFC 5545) that calendar apps can
 * subscribe to: one all-day event per milestone and per project end, for the
 * projects the audience sees, and per portfolio marker it sees (a freeze or
 * other period spans its days).
 *
 * - A month or quarter date (`2026-09`, `2026-Q3`) is an end-of-period
 *   deadline: the event is on its last day.
 * - UIDs are stable across builds and edits of other fields:
 *   `<project-id>/milestone/<name-slug>@roadmap` (a second milestone with the
 *   same name gets `-2`…), `<project-id>/end@roadmap` and
 *   `portfolio/marker/<name-slug>@roadmap` (marker names are unique); calendar apps update
 *   an event in place when its date moves.
 * - DTSTAMP is the as-of date (never the build time), so the same content and
 *   as-of give the same file.
 * - Text is escaped (`\\ ; , \n`) and control characters are dropped; lines end in CRLF and are folded at 75
 *   octets without splitting a UTF-8 character.
 */
import { dateSpan, dayToIso } from './dates.ts';
import { MARKER_KIND_LABELS } from './format.ts';
import type { PortfolioModel } from './model.ts';

export interface IcsOptions {
  /** Absolute site URL with the base path and a trailing slash (`https://x.github.io/roadmap/`), for event URLs. */
  siteUrl?: string;
}

/** CONTROL of RFC 5545 (all C0 but HTAB, and DEL), plus lone surrogates, which are not characters at all. */
const NOT_TEXT = /[\x00-\x08\x0A-\x1F\x7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** TEXT value escaping (RFC 5545 §3.3.11); control characters, which TEXT may not hold, are then dropped. */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n').replace(NOT_TEXT, '');
}

/** UTF-8 length of one code point. */
function octetsOf(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line into lines of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  // Most lines are short: at most 75 UTF-16 units of at most 1 octet each… or at most 25 of any kind.
  if (line.length <= 25) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = octetsOf(cp);
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74; // the leading space counts
    }
    octets += size;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'milestone';
}

const basic = (iso: string) => iso.replaceAll('-', '');

interface Event {
  uid: string;
  day: number;
  /** A period's last day (inclusive); a one-day event without it. */
  lastDay?: number;
  summary: string;
  description: string;
  url?: string;
  categories: string;
}

/** The calendar text. */
export function milestonesIcs(model: PortfolioModel, options: IcsOptions = {}): string {
  const fy = model.settings.fiscal_year_start ?? 1;
  const stamp = `${basic(model.settings.as_of)}T000000Z`;
  const events: Event[] = [];
  for (const p of model.projects) {
    const r = p.record;
    const url = options.siteUrl ? `${options.siteUrl}projects/${p.id}/` : undefined;
    const seen = new Map<string, number>();
    for (const m of r.milestones ?? []) {
      const base = slug(m.name);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const lines = [`${r.title}: ${m.name}`, `Date: ${m.date}`];
      if (m.baseline && m.baseline !== m.date) lines.push(`Baseline: ${m.baseline}`);
      lines.push(`Done: ${m.done ? 'yes' : 'no'}`, `Project status: ${r.status}`);
      events.push({
        uid: `${p.id}/milestone/${base}${n > 1 ? `-${n}` : ''}@roadmap`,
        day: dateSpan(m.date, fy).last,
        summary: `${m.done ? '✓ ' : ''}${r.title}: ${m.name}`,
        description: lines.join('\n'),
        url,
        categories: 'Milestone',
      });
    }
    if (r.end) {
      const lines = [`${r.title}: planned end`, `End: ${r.end}`];
      if (r.baseline_end && r.baseline_end !== r.end) lines.push(`Baseline end: ${r.baseline_end}`);
      lines.push(`Project status: ${r.status}`);
      events.push({ uid: `${p.id}/end@roadmap`, day: dateSpan(r.end, fy).last, summary: `${r.title}: project end`, description: lines.join('\n'), url, categories: 'Project end' });
    }
  }
  for (const m of model.markers) {
    const kind = MARKER_KIND_LABELS[m.kind];
    const lines = [`${kind}: ${m.name}`, m.period ? `From: ${m.from}\nTo: ${m.to}` : `Date: ${m.date}`];
    events.push({
      uid: `portfolio/marker/${slug(m.name)}@roadmap`,
      day: m.firstDay,
      ...(m.period ? { lastDay: m.lastDay } : {}),
      summary: `${m.name} (${kind.toLowerCase()})`,
      description: lines.join('\n'),
      url: options.siteUrl ? `${options.siteUrl}roadmap/` : undefined,
      categories: kind,
    });
  }
  events.sort((a, b) => a.day - b.day || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));

  const out = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Roadmap//Portfolio milestones//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${model.settings.title} · milestones`)}`,
  ];
  for (const e of events) {
    out.push(
      'BEGIN:VEVENT',
      `UID:${icsText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(dayToIso(e.day))}`,
      `DTEND;VALUE=DATE:${basic(dayToIso((e.lastDay ?? e.day) + 1))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      `CATEGORIES:${icsText(e.categories)}`,
      'TRANSP:TRANSPARENT',
    );
    if (e.url) out.push(`URL:${e.url}`);
    out.push('END:VEVENT');
  }
  out.push('END:VCALENDAR');
  return `${out.map(foldLine).join('\r\n')}\r\n`;
}
