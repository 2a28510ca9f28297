/**
 * Loading a content folder: every file parsed and validated once, every rule
 * in `src/core/rules/` run over the result, every problem reported at once.
 * Pure: the caller reads the files (see `src/io/read-content.ts`) and passes
 * their paths relative to the content folder and their text.
 */
import type { Diagnostic } from './diagnostics.ts';
import { hasErrors, sortDiagnostics } from './diagnostics.ts';
import { FrontMatterError, readFrontMatter, readYamlFile, withLocate, type ParsedYaml, type ParseProblem, type PlainFrontMatter, type PlainYaml } from './frontmatter.ts';
import { compareCodeUnits as cmp } from './format.ts';
import type { PortfolioInput } from './model.ts';
import type { CollectionName, Goal, Loaded, PortfolioSettings, Program, Project, Team } from './schema.ts';
import { COLLECTIONS, SCORING_METHODS } from './schema.ts';
import type { LoadContext, PortfolioEntry, RecordEntry, SchemaIssue, SettingsView } from './rules/context.ts';
import { asArray, getSchemas, isPlainObject } from './rules/context.ts';
import { RULES } from './rules/index.ts';

export { hasErrors };
export type { Diagnostic };

export interface ContentFile {
  /** Path relative to the content folder, with `/` separators: `projects/crm-upgrade.md`, `portfolio.yaml`. */
  path: string;
  text: string;
  /** Why the file was not read (e.g. a link out of the content folder): an error, and no record. */
  refused?: string;
}

export interface LoadOptions {
  /** The audience being built (ROADMAP_AUDIENCE); checked against `audiences`. Default: `public` must exist. */
  audience?: string;
  /** Treat warnings as errors (`check --strict`). */
  strict?: boolean;
  /** Prefix for file paths in diagnostics, e.g. `content` → `content/projects/x.md`. */
  root?: string;
  /**
   * `prepareFile(files[i].path, files[i].text)` for some `i`, computed
   * elsewhere (worker threads: `src/io/prepare-parallel.ts`); the others are
   * prepared here. Must come from the same text, or the positions are wrong.
   */
  prepared?: readonly (PreparedFile | undefined)[];
}

export interface LoadResult {
  /** The validated portfolio; undefined when there is any error. */
  input?: PortfolioInput;
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

const RECORD_EXT = /\.(md|mdx)$/;

/**
 * A file's path as given, `/`-separated. A backslash is part of a file name
 * (POSIX), never a separator: `projects/back\slash.md` is the record
 * `back\slash` (an invalid id, so an error), not `slash` in a folder `back`.
 */
function normalizePath(p: string): string {
  return p.replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

/** What a file is, from its path alone. */
type FileKind =
  | { kind: 'portfolio' }
  | { kind: 'record'; collection: CollectionName; id: string; ext: '.md' | '.mdx' }
  | { kind: 'misplaced'; why: 'portfolio-yml' | 'unknown-folder' }
  | { kind: 'ignored' };

/** `path` is normalized (see `normalizePath`). */
function classify(path: string): FileKind {
  if (path === 'portfolio.yaml') return { kind: 'portfolio' };
  if (path === 'portfolio.yml') return { kind: 'misplaced', why: 'portfolio-yml' };
  const segments = path.split('/');
  const ext = RECORD_EXT.exec(path)?.[0] as '.md' | '.mdx' | undefined;
  // Markdown only; files and folders starting with _ or . are drafts and templates, as in Astro.
  if (!ext || segments.length < 2 || segments.some((s) => s.startsWith('_') || s.startsWith('.'))) return { kind: 'ignored' };
  const collection = segments[0] as CollectionName;
  if (!COLLECTIONS.includes(collection)) return { kind: 'misplaced', why: 'unknown-folder' };
  const name = segments[segments.length - 1];
  return { kind: 'record', collection, id: name.slice(0, -ext.length), ext };
}

/**
 * One file parsed and validated, as plain data (no functions), so it can be
 * computed in a worker thread and sent back by structured clone: the
 * expensive, per-file part of loading. `buildContext` turns it into an entry.
 */
export interface PreparedFile {
  /** The YAML (or front matter) as parsed; undefined when parsing failed. */
  parsed?: PlainYaml | PlainFrontMatter;
  problems: ParseProblem[];
  /** The schema's output, when it accepted the data. */
  data?: unknown;
  issues: SchemaIssue[];
}

type Schema = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } };

function prepare(text: string, read: (t: string) => PlainYaml, schema: Schema): PreparedFile {
  let parsed: PlainYaml;
  try {
    parsed = read(text);
  } catch (e) {
    if (e instanceof FrontMatterError) return { problems: e.problems, issues: [] };
    throw e;
  }
  const res = schema.safeParse(parsed.data);
  const problems = [...parsed.warnings];
  return res.success ? { parsed, problems, data: res.data, issues: [] } : { parsed, problems, issues: (res.error?.issues ?? []) as SchemaIssue[] };
}

/**
 * Parse and validate one file (`path` relative to the content folder).
 * Undefined for a file the loader does not parse (drafts, Markdown outside
 * the collections, `portfolio.yml`). Pure and deterministic: the same result
 * in any thread.
 */
export function prepareFile(path: string, text: string): PreparedFile | undefined {
  const what = classify(normalizePath(path));
  if (what.kind === 'portfolio') return prepare(text, readYamlFile, getSchemas().portfolio);
  if (what.kind === 'record') return prepare(text, readFrontMatter, getSchemas()[what.collection]);
  return undefined;
}

/** Whether `prepareFile` parses this path (the files worth sending to a worker). */
export function isParsed(path: string): boolean {
  const { kind } = classify(normalizePath(path));
  return kind === 'portfolio' || kind === 'record';
}

/** A prepared file's entry fields, with `locate` rebuilt from the text. */
function hydrate(text: string, p: PreparedFile): { parsed?: ParsedYaml & Partial<PlainFrontMatter>; raw?: Record<string, unknown>; problems: ParseProblem[]; issues: SchemaIssue[]; data?: unknown } {
  if (!p.parsed) return { problems: p.problems, issues: p.issues };
  const parsed = withLocate(text, p.parsed as PlainFrontMatter);
  return { parsed, raw: isPlainObject(parsed.data) ? parsed.data : undefined, problems: p.problems, issues: p.issues, data: p.data };
}

function settingsView(p: PortfolioEntry | undefined): SettingsView {
  const view: SettingsView = { fiscalYearStart: 1, criteria: [] };
  const raw = p?.raw;
  if (!raw) return view;
  const fy = raw.fiscal_year_start;
  if (typeof fy === 'number' && Number.isInteger(fy) && fy >= 1 && fy <= 12) view.fiscalYearStart = fy;
  const scoring = raw.scoring === undefined ? {} : raw.scoring;
  if (!isPlainObject(scoring)) return view;
  const method = scoring.method ?? 'weighted';
  view.method = (SCORING_METHODS as readonly unknown[]).includes(method) ? (method as SettingsView['method']) : undefined;
  asArray(scoring.criteria).forEach((c, index) => {
    if (isPlainObject(c) && typeof c.id === 'string') view.criteria.push({ id: c.id, index });
  });
  const scale = scoring.scale ?? [1, 5];
  if (Array.isArray(scale) && scale.length === 2 && scale.every((n) => typeof n === 'number' && Number.isFinite(n)) && scale[0] < scale[1]) {
    view.scale = [scale[0] as number, scale[1] as number];
  }
  return view;
}

/** Parse and validate every file; the rules then run over the result. */
export function buildContext(files: readonly ContentFile[], opts: LoadOptions = {}): LoadContext {
  // The root is a folder path of this machine (Windows: `\`-separated), shown as a prefix only.
  const root = opts.root ? `${normalizePath(opts.root.replace(/\\/g, '/')).replace(/\/+$/, '')}/` : '';
  const ctx: LoadContext = {
    records: [],
    byId: { goals: new Map(), programs: new Map(), projects: new Map(), teams: new Map() },
    misplaced: [],
    refused: [],
    settings: { fiscalYearStart: 1, criteria: [] },
    audience: opts.audience,
    root,
  };
  const sorted = files.map((f, index) => ({ path: normalizePath(f.path), text: f.text, index })).sort((a, b) => cmp(a.path, b.path));

  for (const f of sorted) {
    const shown = root + f.path;
    const refused = files[f.index]!.refused;
    if (refused !== undefined) {
      ctx.refused.push({ file: f.path, shown, why: refused });
      continue;
    }
    const what = classify(f.path);
    if (what.kind === 'ignored') continue;
    if (what.kind === 'misplaced') {
      ctx.misplaced.push({ file: f.path, shown, kind: what.why });
      continue;
    }
    const p = hydrate(f.text, opts.prepared?.[f.index] ?? prepareFile(f.path, f.text)!);
    if (what.kind === 'portfolio') {
      ctx.portfolio = { file: f.path, shown, ...p, data: p.data as PortfolioSettings | undefined };
      continue;
    }
    const { collection, id, ext } = what;
    const entry: RecordEntry = {
      file: f.path,
      shown,
      collection,
      id,
      ext,
      body: p.parsed?.body ?? '',
      ...p,
    };
    const first = ctx.byId[collection].get(id);
    if (first) entry.duplicateOf = first;
    else ctx.byId[collection].set(id, entry);
    ctx.records.push(entry);
  }
  ctx.settings = settingsView(ctx.portfolio);
  return ctx;
}

function loaded<T>(ctx: LoadContext, collection: CollectionName): Loaded<T>[] {
  return [...ctx.byId[collection].values()]
    .sort((a, b) => cmp(a.id, b.id))
    .map((r) => ({ id: r.id, file: r.file, data: r.data as T, body: r.body }));
}

/**
 * Load a content folder's files: `{ input, diagnostics }`, where `input` is
 * the validated portfolio, or undefined when any diagnostic is an error
 * (with `strict`, warnings count as errors).
 */
export function loadPortfolio(files: readonly ContentFile[], opts: LoadOptions = {}): LoadResult {
  const ctx = buildContext(files, opts);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) diagnostics.push(...rule.check(ctx));
  if (opts.strict) for (const d of diagnostics) d.severity = 'error';
  sortDiagnostics(diagnostics);
  if (hasErrors(diagnostics) || !ctx.portfolio?.data) return { diagnostics };
  const input: PortfolioInput = {
    settings: ctx.portfolio.data,
    projects: loaded<Project>(ctx, 'projects'),
    programs: loaded<Program>(ctx, 'programs'),
    goals: loaded<Goal>(ctx, 'goals'),
    teams: loaded<Team>(ctx, 'teams'),
  };
  return { input, diagnostics };
}

/** Counts for a one-line summary: `25 projects, 4 programs, 3 goals, 5 teams`. */
export function describeInput(input: PortfolioInput): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [n(input.projects.length, 'project'), n(input.programs.length, 'program'), n(input.goals.length, 'goal'), n(input.teams.length, 'team')].join(', ');
}
