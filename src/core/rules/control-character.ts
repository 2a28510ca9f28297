/**
 * Text must be text: no NUL or other C0/C1 control characters and no lone
 * UTF-16 surrogates (a YAML escape such as "\ud800") in any front-matter key
 * or string, in portfolio.yaml, or in a record's body. Tab and line breaks are
 * allowed. Such characters break the search index, feeds, calendars and
 * terminals downstream, so they are refused here, where the author can fix them.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { FrontMatter, Path } from '../frontmatter.ts';
import type { LoadContext, PortfolioEntry, RecordEntry, Rule } from './context.ts';
import { diagnostic } from './context.ts';

/** C0 but tab, LF and the CR of CRLF; DEL; C1; a high surrogate without its low half, or a low one without its high half. */
const BAD = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_GLOBAL = new RegExp(BAD.source, 'g');

/** The most body lines reported per file (a binary file named .md would otherwise print thousands). */
const MAX_BODY_LINES = 20;

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x85: 'NEL' };

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The character at `index` of `s`, named. */
function describeChar(s: string, index: number): string {
  const code = s.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdfff) return `lone surrogate ${hex(code)} (half of a broken \\u escape?)`;
  if (code === 0x0d) return 'carriage return (CR) without a line feed';
  const name = NAMES[code];
  return `control character ${hex(code)}${name ? ` (${name})` : ''}`;
}

const NOT_ALLOWED = 'not allowed in text (only tab and line breaks are)';

/** Every key and string of parsed YAML; shared (aliased) objects are visited once. */
function walkData(entry: RecordEntry | PortfolioEntry, value: unknown, path: (string | number)[], seen: Set<object>, out: Diagnostic[]): void {
  if (typeof value === 'string') {
    const m = BAD.exec(value);
    if (m) out.push(diagnostic(entry, path as Path, 'control-character', `${describeChar(value, m.index)} at character ${m.index + 1}: ${NOT_ALLOWED}`));
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkData(entry, v, [...path, i], seen, out));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const m = BAD.exec(key);
    if (m) out.push(diagnostic(entry, [...path, key], 'control-character', `the field name has a ${describeChar(key, m.index)}: ${NOT_ALLOWED}`));
    walkData(entry, v, [...path, key], seen, out);
  }
}

function checkBody(r: RecordEntry, out: Diagnostic[]): void {
  if (!BAD.test(r.body)) return;
  const bodyLine = (r.parsed as Partial<FrontMatter> | undefined)?.bodyLine ?? 1;
  const lines = r.body.split('\n');
  let reported = 0;
  let more = 0;
  let firstMore = 0;
  for (let i = 0; i < lines.length; i++) {
    BAD_GLOBAL.lastIndex = 0;
    const m = BAD_GLOBAL.exec(lines[i]);
    if (!m) continue;
    if (reported === MAX_BODY_LINES) {
      if (more++ === 0) firstMore = bodyLine + i;
      continue;
    }
    reported++;
    out.push(diagnostic(r, [], 'control-character', `${describeChar(lines[i], m.index)}: ${NOT_ALLOWED}`, { field: 'body', at: { line: bodyLine + i, column: m.index + 1 } }));
  }
  if (more > 0) {
    out.push(diagnostic(r, [], 'control-character', `this and ${more - 1} more line${more === 2 ? '' : 's'} of the body have control characters too`, { field: 'body', at: { line: firstMore, column: 1 } }));
  }
}

export const controlCharacter: Rule = {
  id: 'control-character',
  description: 'Keys, strings and bodies contain no control characters (tab and line breaks aside) and no lone surrogates.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    if (ctx.portfolio?.parsed) walkData(ctx.portfolio, ctx.portfolio.parsed.data, [], new Set(), out);
    for (const r of ctx.records) {
      if (r.parsed) walkData(r, r.parsed.data, [], new Set(), out);
      checkBody(r, out);
    }
    return out;
  },
};
