/**
 * Diagnostics: what `npm run check` (and every build) reports about bad input.
 * Each is printed on one line as
 *
 *     path:line:column  field  message (did you mean …?)
 *
 * with two spaces between location, field and message. A diagnostic about a
 * whole file has the field `''`, and the field part is left out of the line.
 */
import { compareCodeUnits as cmp, formatCount } from './format.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file, e.g. `projects/crm-upgrade.md` (the CLI prefixes the content folder). */
  file: string;
  /** 1-based line of the offending key (or 1 for a whole-file problem). */
  line: number;
  /** 1-based column of the offending key. */
  column: number;
  /** Dotted path such as `milestones[1].date`; `''` for the whole file. */
  field: string;
  message: string;
  /** A replacement to offer: printed as `(did you mean <suggestion>?)`. */
  suggestion?: string;
  severity: Severity;
  /** The id of the rule that found it, e.g. `unknown-reference`. */
  rule: string;
}

/** Control characters, line separators and lone surrogates as escapes: keys and file names may hold them, and a diagnostic is one harmless line. */
const UNPRINTABLE = /[\x00-\x1F\x7F-\x9F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function oneLine(s: string): string {
  return s.replace(UNPRINTABLE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `path:line:column  field  message (did you mean …?)`, always on one line. */
export function formatDiagnostic(d: Diagnostic): string {
  const location = `${d.file}:${d.line}:${d.column}`;
  const message = d.suggestion !== undefined ? `${d.message} (did you mean ${d.suggestion}?)` : d.message;
  return oneLine(d.field === '' ? `${location}  ${message}` : `${location}  ${d.field}  ${message}`);
}

/** `N errors, M warnings in K files`. */
export function formatSummary(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const files = new Set(diags.map((d) => d.file)).size;
  return `${formatCount(errors, 'error')}, ${formatCount(warnings, 'warning')} in ${formatCount(files, 'file')}`;
}

/** Every diagnostic on its own line (in the order given), then the summary line. */
export function formatReport(diags: readonly Diagnostic[]): string {
  return [...diags.map(formatDiagnostic), formatSummary(diags)].join('\n');
}

/** Stable order: by file, then line, then column, then rule and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.field, b.field) ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort(compareDiagnostics);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** `['milestones', 1, 'date']` → `milestones[1].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
