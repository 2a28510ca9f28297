/**
 * What the rules see: every file of a content folder, parsed and validated
 * once by `loadPortfolio`, with Maps to look records up by id. Rules read the
 * raw front matter defensively (a record with a schema error is still checked
 * for references, cycles and dates), so one run reports every problem.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { fieldPath } from '../diagnostics.ts';
import type { ParseProblem, ParsedYaml, Path, Position } from '../frontmatter.ts';
import type { CollectionName, PortfolioSettings } from '../schema.ts';
import { collectionSchemas, portfolioSchema, RICE_KEYS, SCORING_METHODS, WSJF_KEYS } from '../schema.ts';
import { isDateString } from '../dates.ts';

/** A Zod issue, reduced to what the schema rule needs. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: readonly unknown[];
  pattern?: string;
  params?: Record<string, unknown>;
  issues?: SchemaIssue[];
  origin?: string;
  expected?: string;
}

interface Entry {
  /** Path relative to the content folder, e.g. `projects/crm-upgrade.md`. */
  file: string;
  /** The same path as shown in diagnostics (with the optional root prefix). */
  shown: string;
  /** Front matter (or YAML) as parsed; undefined when parsing failed. */
  parsed?: ParsedYaml;
  /** `parsed.data` when it is a mapping. */
  raw?: Record<string, unknown>;
  problems: ParseProblem[];
  issues: SchemaIssue[];
}

export interface RecordEntry extends Entry {
  collection: CollectionName;
  id: string;
  ext: '.md' | '.mdx';
  body: string;
  /** Validated data, when the schema accepted it. */
  data?: unknown;
  /** The earlier file with the same id in the same collection. */
  duplicateOf?: RecordEntry;
}

export interface PortfolioEntry extends Entry {
  data?: PortfolioSettings;
}

/** Settings as far as they can be read, even from an invalid portfolio.yaml. */
export interface SettingsView {
  fiscalYearStart: number;
  /** undefined when there is no portfolio.yaml or its method is invalid. */
  method?: (typeof SCORING_METHODS)[number];
  criteria: { id: string; index: number }[];
  scale?: [number, number];
}

export interface LoadContext {
  /** Every record file, sorted by path. */
  records: RecordEntry[];
  /** The first record with each id, per collection. */
  byId: Record<CollectionName, Map<string, RecordEntry>>;
  portfolio?: PortfolioEntry;
  /** Other files of note: `portfolio.yml`, Markdown outside the collections. */
  misplaced: { file: string; shown: string; kind: 'portfolio-yml' | 'unknown-folder' }[];
  /** Files the reader refused to read (links out of the content folder), with why. */
  refused: { file: string; shown: string; why: string }[];
  settings: SettingsView;
  audience?: string;
  /** Prefix for paths in messages, e.g. `content/` (may be empty). */
  root: string;
}

export interface Rule {
  id: string;
  description: string;
  check(ctx: LoadContext): Diagnostic[];
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function getIn(v: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number' && seg < cur.length) cur = cur[seg];
    else if (isPlainObject(cur) && typeof seg !== 'symbol' && Object.hasOwn(cur, seg)) cur = cur[seg as string];
    else return { found: false, value: undefined };
  }
  return { found: true, value: cur };
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asDate(v: unknown): string | undefined {
  return typeof v === 'string' && isDateString(v) ? v : undefined;
}

/** Build a diagnostic located at `path` in an entry's file. */
export function diagnostic(
  entry: Pick<Entry, 'shown' | 'parsed'>,
  path: Path,
  rule: string,
  message: string,
  opts: { suggestion?: string; severity?: Severity; field?: string; at?: Position } = {},
): Diagnostic {
  const pos = opts.at ?? entry.parsed?.locate(path) ?? { line: 1, column: 1 };
  const d: Diagnostic = {
    file: entry.shown,
    line: pos.line,
    column: pos.column,
    field: opts.field ?? fieldPath(path),
    message,
    severity: opts.severity ?? 'error',
    rule,
  };
  if (opts.suggestion !== undefined) d.suggestion = opts.suggestion;
  return d;
}

/** A value as quoted in a message: `"in progress"`, `42`, `an empty value`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    let s: string | undefined;
    try {
      s = JSON.stringify(v);
    } catch {
      // A list that contains itself through a YAML alias (`&a [*a]`) has no JSON form.
    }
    return s !== undefined && s.length <= 40 ? s : 'a list';
  }
  return 'field: value pairs';
}

export function projects(ctx: LoadContext): RecordEntry[] {
  return ctx.records.filter((r) => r.collection === 'projects' && r.raw !== undefined);
}

/** Valid dependency targets of a project, in the order written, with their index. */
export function dependencyEntries(r: RecordEntry): { on: string; index: number }[] {
  const out: { on: string; index: number }[] = [];
  asArray(r.raw?.dependencies).forEach((d, index) => {
    const on = isPlainObject(d) ? asString(d.on) : undefined;
    if (on !== undefined) out.push({ on, index });
  });
  return out;
}

/** Score keys the scoring method expects. */
export function criterionIds(s: SettingsView): string[] {
  if (s.method === 'wsjf') return [...WSJF_KEYS];
  if (s.method === 'rice') return [...RICE_KEYS];
  return s.criteria.map((c) => c.id);
}

/** Diagnostics for the problems parsing found, for one parse rule. */
export function parseProblems(ctx: LoadContext, rule: ParseProblem['rule']): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entries: Entry[] = ctx.portfolio ? [ctx.portfolio, ...ctx.records] : ctx.records;
  for (const e of entries) {
    for (const p of e.problems) {
      if (p.rule === rule) out.push({ file: e.shown, line: p.line, column: p.column, field: p.field, message: p.message, severity: p.severity, rule });
    }
  }
  return out;
}

let schemas: { portfolio: ReturnType<typeof portfolioSchema> } & { [K in CollectionName]: ReturnType<(typeof collectionSchemas)[K]> } | undefined;

/** The Zod schemas, built once (building a Zod schema is not free). */
export function getSchemas() {
  schemas ??= {
    portfolio: portfolioSchema(),
    goals: collectionSchemas.goals(),
    programs: collectionSchemas.programs(),
    projects: collectionSchemas.projects(),
    teams: collectionSchemas.teams(),
  };
  return schemas;
}
