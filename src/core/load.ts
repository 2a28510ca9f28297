/**
 * Loading a content folder: every file parsed and validated once, every rule
 * in `src/core/rules/` run over the result, every problem reported at once.
 * Pure: the caller reads the files (see `src/lib/read-content.ts`) and passes
 * their paths relative to the content folder and their text.
 */
import type { Diagnostic } from './diagnostics.ts';
import { hasErrors, sortDiagnostics } from './diagnostics.ts';
import { FrontMatterError, parseFrontMatter, parseYamlFile, type ParsedYaml, type ParseProblem } from './frontmatter.ts';
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
}

export interface LoadOptions {
  /** The audience being built (ROADMAP_AUDIENCE); checked against `audiences`. Default: `public` must exist. */
  audience?: string;
  /** Treat warnings as errors (`check --strict`). */
  strict?: boolean;
  /** Prefix for file paths in diagnostics, e.g. `content` → `content/projects/x.md`. */
  root?: string;
}

export interface LoadResult {
  /** The validated portfolio; undefined when there is any error. */
  input?: PortfolioInput;
  /** Every problem found, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

const RECORD_EXT = /\.(md|mdx)$/;

function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Parsed {
  parsed?: ParsedYaml;
  raw?: Record<string, unknown>;
  problems: ParseProblem[];
}

function parse(text: string, read: (t: string) => ParsedYaml): Parsed {
  try {
    const parsed = read(text);
    return { parsed, raw: isPlainObject(parsed.data) ? parsed.data : undefined, problems: [...parsed.warnings] };
  } catch (e) {
    if (e instanceof FrontMatterError) return { problems: e.problems };
    throw e;
  }
}

function validate(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, p: Parsed): { data?: unknown; issues: SchemaIssue[] } {
  if (!p.parsed) return { issues: [] };
  const res = schema.safeParse(p.parsed.data);
  return res.success ? { data: res.data, issues: [] } : { issues: (res.error?.issues ?? []) as SchemaIssue[] };
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
  const root = opts.root ? `${normalizePath(opts.root).replace(/\/+$/, '')}/` : '';
  const schemas = getSchemas();
  const ctx: LoadContext = {
    records: [],
    byId: { goals: new Map(), programs: new Map(), projects: new Map(), teams: new Map() },
    misplaced: [],
    settings: { fiscalYearStart: 1, criteria: [] },
    audience: opts.audience,
    root,
  };
  const sorted = files.map((f) => ({ path: normalizePath(f.path), text: f.text })).sort((a, b) => cmp(a.path, b.path));

  for (const f of sorted) {
    const shown = root + f.path;
    if (f.path === 'portfolio.yaml') {
      const p = parse(f.text, parseYamlFile);
      const { data, issues } = validate(schemas.portfolio, p);
      ctx.portfolio = { file: f.path, shown, ...p, issues, data: data as PortfolioSettings | undefined };
      continue;
    }
    if (f.path === 'portfolio.yml') {
      ctx.misplaced.push({ file: f.path, shown, kind: 'portfolio-yml' });
      continue;
    }
    const segments = f.path.split('/');
    const ext = RECORD_EXT.exec(f.path)?.[0] as '.md' | '.mdx' | undefined;
    // Markdown only; files and folders starting with _ or . are drafts and templates, as in Astro.
    if (!ext || segments.length < 2 || segments.some((s) => s.startsWith('_') || s.startsWith('.'))) continue;
    const collection = segments[0] as CollectionName;
    if (!COLLECTIONS.includes(collection)) {
      ctx.misplaced.push({ file: f.path, shown, kind: 'unknown-folder' });
      continue;
    }
    const name = segments[segments.length - 1];
    const id = name.slice(0, -ext.length);
    const p = parse(f.text, parseFrontMatter);
    const { data, issues } = validate(schemas[collection], p);
    const entry: RecordEntry = {
      file: f.path,
      shown,
      collection,
      id,
      ext,
      body: p.parsed && 'body' in p.parsed ? (p.parsed.body as string) : '',
      ...p,
      issues,
      data,
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
