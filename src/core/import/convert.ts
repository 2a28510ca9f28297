/**
 * Converting one spreadsheet cell into a record value: numbers, dates, enum
 * values, RAG ratings, text and ids. Each converter returns the value, or why
 * it could not (`reason`, a short category used to count drops, and `detail`
 * for the report), and flags a value it had to guess.
 */
import { daysInMonth, dayToIso, dayFromParts } from '../dates.ts';
import { kebabCase, normalizeWord, suggest } from '../suggest.ts';

export type Converted<T> =
  | { ok: true; value: T; guess?: { reason: string; detail: string } }
  | { ok: false; reason: string; detail: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const guessed = <T>(value: T, reason: string, detail: string): Converted<T> => ({ ok: true, value, guess: { reason, detail } });
const fail = <T>(reason: string, detail: string): Converted<T> => ({ ok: false, reason, detail });

/** Whitespace of every kind (line breaks, tabs, no-break spaces) collapsed to single spaces. */
export function oneLine(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}

/** A cell shortened for a report line. */
export function preview(s: string, max = 60): string {
  const line = oneLine(s);
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

// ---------------------------------------------------------------------------
// numbers

export interface NumberOptions {
  /** The decimal separator, when the register says; else `.` unless the value shows otherwise. */
  decimal?: '.' | ',';
  /** Multiply the cell by this (e.g. 1000000 for a column in millions). */
  multiply?: number;
}

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9 };

/** Round away binary noise: 7.9 × 1e6 is 7900000, not 7900000.000000001. */
function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/**
 * A number as people and spreadsheets write it: `1,234.5`, `1.234,5`,
 * `£ 1 234`, `(1,234)` (negative), `12%`, `3.4m`, `1.2E+07`.
 */
export function parseNumber(raw: string, opts: NumberOptions = {}): Converted<number> {
  let s = raw.replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  s = s.replace(/^[-+]?\s*(?:£|\$|€|GBP|USD|EUR)\s*/i, (m) => m.replace(/[^-+]/g, '')).replace(/\s*(?:£|\$|€|GBP|USD|EUR)$/i, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();

  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let scale = opts.multiply ?? 1;
  let suffixNote: string | undefined;
  const suffix = /^(.*\d)\s*(k|m|mn|bn|b)$/i.exec(s);
  if (suffix && !percent) {
    s = suffix[1];
    scale = SUFFIXES[suffix[2].toLowerCase()];
    suffixNote = `read the "${suffix[2]}" as ×${scale.toLocaleString('en')}`;
  }

  let guess: string | undefined;
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) {
    guess = 'in scientific notation: digits a spreadsheet rounded away are lost';
  } else {
    s = s.replace(/ (?=\d{3}\b)/g, '');
    const dots = (s.match(/\./g) ?? []).length;
    const commas = (s.match(/,/g) ?? []).length;
    const groups = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+(?:[.,]\\d+)?$`).test(s);
    if (dots > 0 && commas > 0) {
      const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
      const thousands = decimal === '.' ? ',' : '.';
      if (!groups(thousands)) return fail('not a number', 'not a number');
      s = s.split(thousands).join('').replace(',', '.');
    } else if (commas > 0) {
      if (opts.decimal === '.' || (opts.decimal === undefined && commas > 1)) {
        if (!groups(',')) return fail('not a number', 'not a number');
        s = s.replace(/,/g, '');
      } else if (opts.decimal === ',') {
        s = s.replace(',', '.');
      } else if (groups(',')) {
        s = s.replace(/,/g, '');
        guess = 'read the comma as a thousands separator (set decimal: "," in a mapping file if it is a decimal comma)';
      } else {
        s = s.replace(',', '.');
        guess = 'read the comma as a decimal comma';
      }
    } else if (dots > 1 || (dots === 1 && opts.decimal === ',')) {
      if (!groups('.')) return fail('not a number', 'not a number');
      s = s.replace(/\./g, '');
    }
    if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(s)) return fail('not a number', 'not a number');
  }
  const n = tidy(Number(s) * scale * (negative ? -1 : 1));
  if (!Number.isFinite(n)) return fail('not a number', 'not a number');
  if (percent && opts.multiply !== undefined) return fail('not a number', 'a percentage, not an amount');
  const notes = [suffixNote, guess].filter((x): x is string => x !== undefined);
  return notes.length > 0 ? guessed(n, 'number format guessed', `read as ${n}: ${notes.join('; ')}`) : ok(n);
}

// ---------------------------------------------------------------------------
// dates

export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function century(y: string): { year: number; guessed: boolean } {
  if (y.length === 4) return { year: Number(y), guessed: false };
  const n = Number(y);
  return { year: n < 70 ? 2000 + n : 1900 + n, guessed: true };
}

/** Excel's day 0 is 1899-12-30 (its serials count the phantom 29 February 1900). */
const EXCEL_EPOCH = dayFromParts(1899, 12, 30);

/**
 * A date as registers write it, as the record format's `YYYY-MM-DD` (or
 * `YYYY-MM` for a month, `YYYY-Qn` kept as written): ISO (with or without a
 * time), `31.03.2025`, `31/03/2025`, `31-03-25`, `31 March 2025`,
 * `March 31, 2025`, `Mar-2025`, and a spreadsheet serial number such as 45747.
 * `order` says how to read `03/04/2025` (dmy: 3 April).
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): Converted<string> {
  const s = oneLine(raw);
  const notExist = (iso: string) => fail<string>('date does not exist', `${iso} does not exist`);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const iso = `${m[1]}-${pad(mo)}-${pad(d)}`;
    return validDay(y, mo, d) ? ok(iso) : notExist(iso);
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? ok(s) : fail('date does not exist', `month ${m[2]} does not exist`);
  m = /^(\d{4})-?Q([1-4])$/i.exec(s);
  if (m) return ok(`${m[1]}-Q${m[2]}`);

  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const { year, guessed: twoDigit } = century(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
    const notes: string[] = [];
    if (twoDigit) notes.push(`two-digit year read as ${year}`);
    let day = d;
    let month = mo;
    if (!validDay(year, month, day)) {
      if (month > 12 && validDay(year, day, month)) {
        // 12/31/2025 in a dmy register: only the other order makes sense.
        [day, month] = [month, day];
        notes.push(`day and month swapped: not a valid ${order === 'dmy' ? 'day/month/year' : 'month/day/year'} date`);
      } else if (month > 12) return fail('date does not exist', `month ${month} does not exist (read as ${order === 'dmy' ? 'day/month/year' : 'month/day/year'})`);
      else return notExist(`${year}-${pad(month)}-${pad(day)}`);
    }
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    return notes.length > 0 ? guessed(iso, 'date guessed', `read as ${iso}: ${notes.join('; ')}`) : ok(iso);
  }

  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/.exec(s);
  const named = m ? { d: Number(m[1]), mon: m[2], y: m[3] } : undefined;
  const m2 = named ? null : /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  const parts = named ?? (m2 ? { d: Number(m2[2]), mon: m2[1], y: m2[3] } : undefined);
  if (parts) {
    const month = MONTHS[parts.mon.toLowerCase()];
    if (month) {
      const { year, guessed: twoDigit } = century(parts.y);
      const iso = `${year}-${pad(month)}-${pad(parts.d)}`;
      if (!validDay(year, month, parts.d)) return notExist(iso);
      return twoDigit ? guessed(iso, 'date guessed', `read as ${iso}: two-digit year read as ${year}`) : ok(iso);
    }
  }
  m = /^([A-Za-z]+)\.?[\s-]+(\d{4}|\d{2})$/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) {
    const { year, guessed: twoDigit } = century(m[2]);
    const iso = `${year}-${pad(MONTHS[m[1].toLowerCase()])}`;
    return twoDigit ? guessed(iso, 'date guessed', `read as ${iso}: two-digit year read as ${year}`) : ok(iso);
  }
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m && Number(m[1]) >= 20000 && Number(m[1]) <= 80000) {
    const iso = dayToIso(EXCEL_EPOCH + Number(m[1]));
    return guessed(iso, 'date guessed', `read as ${iso}: a spreadsheet date serial number`);
  }
  return fail('not a date', 'not a date: expected e.g. 2025-03-31 or 31.03.2025');
}

// ---------------------------------------------------------------------------
// enums and ratings

/** A value map from a mapping file: exact keys (case and spacing ignored) and `/regex/` keys. */
export interface ValueMap {
  exact: Map<string, string | null>;
  patterns: { re: RegExp; value: string | null }[];
}

export function valueKey(s: string): string {
  return oneLine(s).toLowerCase();
}

/** The mapped value (null: "no value"), or undefined when the map does not cover `raw`. */
export function lookUp(map: ValueMap | undefined, raw: string): string | null | undefined {
  if (!map) return undefined;
  const key = valueKey(raw);
  if (map.exact.has(key)) return map.exact.get(key);
  const line = oneLine(raw);
  return map.patterns.find((p) => p.re.test(line))?.value;
}

/** One of `allowed`: the same word ignoring case and spacing, else a synonym or near miss (guessed). */
export function parseEnum(raw: string, allowed: readonly string[], field: string): Converted<string> {
  const word = normalizeWord(oneLine(raw));
  const same = allowed.find((a) => a === word || a.replace(/-/g, '') === word.replace(/-/g, ''));
  if (same) return ok(same);
  const hit = suggest(oneLine(raw), allowed);
  if (hit) return guessed(hit, 'value guessed', `read as ${hit}`);
  return fail(`not a ${field} value`, `not a ${field}: expected one of ${allowed.join(', ')}`);
}

/**
 * A RAG rating. Split ratings on a five-point scale (Amber/Red, Amber/Green,
 * as in UK government delivery confidence assessments) take the worse colour,
 * and say so.
 */
export function parseRag(raw: string, field: string): Converted<string> {
  const word = oneLine(raw).toLowerCase().replace(/[\s_]+/g, '-');
  const short: Record<string, string> = { r: 'red', a: 'amber', g: 'green' };
  if (short[word]) return ok(short[word]);
  const split = /^(red|amber|green|r|a|g)[\s/–-]+(red|amber|green|r|a|g)$/.exec(oneLine(raw).toLowerCase());
  if (split) {
    const rank = { green: 0, amber: 1, red: 2 } as const;
    const colours = [split[1], split[2]].map((c) => (short[c] ?? c) as keyof typeof rank);
    const worse = rank[colours[0]] >= rank[colours[1]] ? colours[0] : colours[1];
    if (colours[0] === colours[1]) return ok(worse);
    return guessed(worse, 'split rating', `read as ${worse}: a split rating takes the worse colour`);
  }
  return parseEnum(raw, ['green', 'amber', 'red'], field);
}

// ---------------------------------------------------------------------------
// ids

/** The longest id the importer makes (cut at a word boundary). */
export const MAX_ID_LENGTH = 60;

/** `Digital & Data: Phase 2` → `digital-and-data-phase-2`; undefined when nothing usable is left. */
export function slugify(s: string): string | undefined {
  // Lower case first: `10K places` is 10k-places, not 10-k-places.
  const lower = kebabCase(oneLine(s).toLowerCase().replace(/&/g, ' and ').replace(/['’‘`]/g, ''));
  if (lower === undefined) return undefined;
  if (lower.length <= MAX_ID_LENGTH) return lower;
  const cut = lower.slice(0, MAX_ID_LENGTH + 1);
  const at = cut.lastIndexOf('-');
  return (at > 20 ? cut.slice(0, at) : lower.slice(0, MAX_ID_LENGTH)).replace(/-+$/, '');
}
