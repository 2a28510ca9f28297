/**
 * Migrations of the record format (`npm run migrate`): when a release changes
 * the contract in a breaking way (SCHEMA_VERSION goes up), it adds one
 * migration to MIGRATIONS that rewrites content written for the version
 * before. Each one edits the YAML through the `yaml` package's Document API,
 * so comments, key order, quoting and the Markdown body stay as written; a
 * file it does not change is not rewritten at all. Pure: text in, text out.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import { COLLECTIONS, type CollectionName } from './schema.ts';
import { SCHEMA_VERSION } from './version.ts';

export type MigratedKind = 'portfolio' | CollectionName;

export interface Migration {
  /** Rewrites content written for version `from` into version `from + 1`. */
  from: number;
  /** One line for the CHANGELOG and the report, e.g. "projects: `owner` becomes `owners.business`". */
  description: string;
  /** Changes one file's YAML (portfolio.yaml, or a record's front matter) in place; one line per change made, none when nothing changed. */
  rewrite(doc: Document, file: { kind: MigratedKind; path: string }): string[];
}

/**
 * Every migration, oldest first: empty while the contract is at its first
 * version. A breaking change adds `{ from: N, description, rewrite }` here in
 * the release that sets SCHEMA_VERSION to N + 1 (see the CHANGELOG).
 */
export const MIGRATIONS: readonly Migration[] = [];

export interface MigrateInput {
  /** Relative path (`portfolio.yaml`, `projects/x.md`) and text, as src/io/read-content.ts reads them. */
  path: string;
  text: string;
}

export interface MigratedFile {
  path: string;
  /** The new text (written only with --write). */
  text: string;
  /** What changed, one line each. */
  changes: string[];
}

export interface MigrationPlan {
  /** The version the content declares (portfolio.yaml `schema_version`, else the current one). */
  from: number;
  to: number;
  /** The migrations that run, in order. */
  steps: Migration[];
  /** Files that change, in path order. */
  files: MigratedFile[];
  /** Why nothing can be done (a version this Roadmap does not know, a missing migration). */
  error?: string;
  /** Files that could not be parsed, left as they are. */
  skipped: { path: string; reason: string }[];
}

const FRONT_MATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))([\s\S]*)$/;

function kindOf(path: string): MigratedKind | undefined {
  if (path === 'portfolio.yaml' || path === 'portfolio.yml') return 'portfolio';
  const [dir, ...rest] = path.split('/');
  const name = rest.at(-1) ?? '';
  if (!rest.length || name.startsWith('_') || name.startsWith('.') || !/\.mdx?$/.test(name)) return undefined;
  return (COLLECTIONS as readonly string[]).includes(dir!) ? (dir as CollectionName) : undefined;
}

/** The version a content folder declares: portfolio.yaml's `schema_version`, else the current one. */
export function declaredVersion(portfolioText: string | undefined): number | { error: string } {
  if (portfolioText === undefined) return SCHEMA_VERSION;
  const doc = parseDocument(portfolioText);
  if (doc.errors.length > 0) return { error: `portfolio.yaml: ${doc.errors[0]!.message.split('\n')[0]}` };
  const v: unknown = isMap(doc.contents) ? doc.get('schema_version') : undefined;
  if (v === undefined || v === null) return SCHEMA_VERSION;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { error: `portfolio.yaml: schema_version must be a whole number from 1, not ${JSON.stringify(v)}` };
  return v;
}

const YAML_OUT = { lineWidth: 0 } as const;

/** One file through the migrations: its new text and changes, or why it was skipped. */
function migrateFile(file: MigrateInput, kind: MigratedKind, steps: readonly Migration[]): MigratedFile | { skipped: string } | undefined {
  let head = '';
  let yamlText = file.text;
  let tail = '';
  if (kind !== 'portfolio') {
    const m = FRONT_MATTER.exec(file.text);
    if (!m) return { skipped: 'no front matter' };
    head = m[1]!;
    yamlText = m[2] ?? '';
    tail = m[3]! + m[4]!;
  }
  const doc = parseDocument(yamlText, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { skipped: doc.errors[0]!.message.split('\n')[0]! };
  const changes: string[] = [];
  for (const step of steps) changes.push(...step.rewrite(doc, { kind, path: file.path }));
  if (changes.length === 0) return undefined;
  return { path: file.path, text: head + doc.toString(YAML_OUT) + tail, changes };
}

/** Sets `schema_version: to` in portfolio.yaml (added after `title` when absent); the change line, or none when already so. */
function setVersion(doc: Document, to: number): string[] {
  if (!isMap(doc.contents)) return [];
  const before: unknown = doc.get('schema_version');
  if (before === to) return [];
  if (before === undefined) {
    const pair = doc.createPair('schema_version', to);
    const at = doc.contents.items.findIndex((p) => (p.key as { value?: unknown } | null)?.value === 'title');
    doc.contents.items.splice(at + 1, 0, pair);
    return [`schema_version: ${to} (added)`];
  }
  doc.set('schema_version', to);
  return [`schema_version: ${String(before)} → ${to}`];
}

/**
 * What migrating `files` from their declared version to `to` changes, without
 * writing anything. `migrations` defaults to MIGRATIONS (tests pass their own).
 */
export function planMigration(files: readonly MigrateInput[], opts: { to?: number; migrations?: readonly Migration[] } = {}): MigrationPlan {
  const to = opts.to ?? SCHEMA_VERSION;
  const migrations = opts.migrations ?? MIGRATIONS;
  const portfolio = files.find((f) => f.path === 'portfolio.yaml' || f.path === 'portfolio.yml');
  const from = declaredVersion(portfolio?.text);
  const plan: MigrationPlan = { from: typeof from === 'number' ? from : to, to, steps: [], files: [], skipped: [] };
  if (typeof from !== 'number') return { ...plan, error: from.error };
  if (from > to) return { ...plan, error: `the content is written for version ${from} of the record format, newer than this Roadmap's ${to}: use a newer release` };
  for (let v = from; v < to; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ...plan, error: `no migration from version ${v} to ${v + 1}` };
    plan.steps.push(step);
  }
  if (plan.steps.length === 0) return plan;
  const versionStep: Migration = { from: to, description: 'portfolio.yaml declares the new version', rewrite: (doc, f) => (f.kind === 'portfolio' ? setVersion(doc, to) : []) };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const kind = kindOf(file.path);
    if (!kind) continue;
    const out = migrateFile(file, kind, kind === 'portfolio' ? [...plan.steps, versionStep] : plan.steps);
    if (out === undefined) continue;
    if ('skipped' in out) plan.skipped.push({ path: file.path, reason: out.skipped });
    else plan.files.push(out);
  }
  return plan;
}

/** The report: what runs, and per file what changed. */
export function formatMigration(plan: MigrationPlan, written: boolean): string {
  if (plan.error) return `${plan.error}\n`;
  if (plan.steps.length === 0) return `The content is at version ${plan.to} of the record format: nothing to migrate.\n`;
  const lines = [`Migrating from version ${plan.from} to ${plan.to} of the record format:`, ...plan.steps.map((s) => `  ${s.from} → ${s.from + 1}: ${s.description}`), ''];
  for (const f of plan.files) lines.push(f.path, ...f.changes.map((c) => `  ${c}`));
  for (const s of plan.skipped) lines.push(`${s.path}  not migrated: ${s.reason}`);
  lines.push('', `${plan.files.length} file${plan.files.length === 1 ? '' : 's'} ${written ? 'rewritten' : 'would change'}${written ? '' : ' (a dry run: nothing was written; run again with --write)'}.`);
  return `${lines.join('\n')}\n`;
}
