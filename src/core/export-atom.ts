/**
 * `/feed.xml`: an Atom feed (RFC 4287) of "What changed" — one entry per
 * project and commit with status, date or health changes (see changes.ts),
 * and one per review period with the changes computed between two reviews
 * (conflicts, health, dates: the history's, as /history/ lists them).
 * Plain-text content only (no HTML from records), every string XML-escaped
 * and stripped of characters XML cannot hold. Dates are commit dates; a feed
 * with no entries is dated by the as-of date, so the file is deterministic.
 */
import type { ChangeEntry } from './changes.ts';
import type { PortfolioModel } from './model.ts';

export interface AtomOptions {
  /** Where the site lives: an absolute URL (`https://x.github.io/roadmap/`) when known, else the base path (`/roadmap/`). Ends in `/`. */
  root: string;
  /** Only the newest entries (default 200). */
  limit?: number;
  /** Review periods' computed changes, as entries of their own. */
  reviews?: readonly ReviewEntry[];
}

/** One review period's computed changes (page-data/history.ts words them). */
export interface ReviewEntry {
  /** Stable for the period (its first review day), so a reader updates the entry rather than adding one. */
  id: string;
  title: string;
  /** ISO date-time: the later review's commit date, or the as-of day for now. */
  updated: string;
  /** Relative to the site's root: `history/#period-3`. */
  href: string;
  lines: string[];
}

interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  href: string;
  text: string;
}

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string, indent = '    ') => `${indent}<${name}>${xmlEscape(text)}</${name}>`;

export function entryTitle(e: ChangeEntry): string {
  const first = e.changes[0]!.text;
  return e.changes.length > 1 ? `${e.title}: ${first} (and ${e.changes.length - 1} more)` : `${e.title}: ${first}`;
}

export function changesAtom(model: PortfolioModel, entries: readonly ChangeEntry[], options: AtomOptions): string {
  const root = options.root.endsWith('/') ? options.root : `${options.root}/`;
  const absolute = /^https?:\/\//.test(root);
  const all: FeedEntry[] = [
    ...entries.map((e) => ({ id: `urn:roadmap:change:${e.commit}:${e.id}`, title: entryTitle(e), updated: e.date, href: `projects/${e.id}/`, text: e.changes.map((c) => c.text).join('\n') })),
    ...(options.reviews ?? []).map((r) => ({ id: `urn:roadmap:review:${r.id}`, title: r.title, updated: r.updated, href: r.href, text: r.lines.join('\n') })),
  ];
  // Newest first; a stable sort keeps each list's own order on ties (ISO strings in UTC compare as dates).
  const shown = all.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0)).slice(0, options.limit ?? 200);
  const updated = shown[0]?.updated ?? `${model.settings.as_of}T00:00:00Z`;
  const title = model.settings.title;
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el('title', `${title}: what changed`, '  '),
    el('subtitle', 'Status, date and health changes of projects, and what changed between reviews, from the portfolio history.', '  '),
    el('id', absolute ? `${root}feed.xml` : `urn:roadmap:${encodeURIComponent(title)}:changes`, '  '),
    el('updated', updated, '  '),
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${root}changes/`)}"/>`,
  ];
  if (absolute) out.push(`  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${root}feed.xml`)}"/>`);
  out.push('  <author>', el('name', model.settings.organization ?? title), '  </author>', '  <generator>Roadmap</generator>');
  for (const e of shown) {
    out.push(
      '  <entry>',
      el('id', e.id),
      el('title', e.title),
      el('updated', e.updated),
      `    <link rel="alternate" type="text/html" href="${xmlEscape(`${root}${e.href}`)}"/>`,
      el('content', e.text).replace('<content>', '<content type="text">'),
      '  </entry>',
    );
  }
  out.push('</feed>');
  return `${out.join('\n')}\n`;
}
