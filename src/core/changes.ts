/**
 * "What changed": from successive versions of project records (one per commit
 * that touched the file), the changes a stakeholder cares about — status,
 * dates (start, end, milestones) and manual health — each with the commit's
 * date, e.g. `Go-live moved 30 Jun 2026 → 30 Sep 2026 (+92 days)`: dates and
 * words as the site writes them (`formatDate`, `humanize`).
 *
 * Pure: the versions come from `src/io/git-history.ts` (git log of the
 * content folder). Only projects the audience sees now are reported, only
 * from versions in which the audience could see them (a record that was
 * internal before it went public shows nothing from then), and a field the
 * audience hides is never compared, so a public feed reveals nothing a
 * public page did not. Commit messages are never used (they are
 * not audience-filtered). Deterministic: ordered by commit date
 * (newest first), then commit, then project id.
 */
import { hiddenHealthDimensions, seesInternal } from './audience.ts';
import { dateSpan } from './dates.ts';
import { formatDate, humanize } from './format.ts';
import type { PortfolioModel } from './model.ts';
import { HEALTH_DIMENSIONS } from './schema.ts';

/** The fields of a project record that changes are computed from, as written in one version. */
export interface ProjectSnapshot {
  title?: string;
  status?: string;
  /** As written; only `public` or absent (the default) makes the version public. */
  visibility?: string;
  start?: string;
  end?: string;
  health?: Record<string, string>;
  value_status?: string;
  milestones?: { name: string; date?: string; done?: boolean }[];
}

/** One commit's version of one project file, and the version before it (undefined: added / deleted). */
export interface ProjectRevision {
  commit: string;
  /** Commit date, ISO 8601 in UTC (`2026-10-02T09:15:00Z`). */
  date: string;
  id: string;
  before?: ProjectSnapshot;
  after?: ProjectSnapshot;
}

export type ChangeKind = 'status' | 'date' | 'milestone' | 'health';

export interface FieldChange {
  kind: ChangeKind;
  /** The field: `status`, `start`, `end`, `milestone:<name>`, `health:<dimension>`, `value_status`. */
  field: string;
  from?: string;
  to?: string;
  /** For dates: to − from in days (end of period for months and quarters). */
  days?: number;
  /** In words: `Go-live moved 30 Jun 2026 → 30 Sep 2026 (+92 days)` (no-break spaces inside each date). */
  text: string;
}

export interface ChangeEntry {
  commit: string;
  date: string;
  id: string;
  title: string;
  changes: FieldChange[];
}

const STR = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The snapshot fields of a record's front matter as parsed YAML (any shape: old versions may be invalid). */
export function snapshotOf(data: unknown): ProjectSnapshot | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const snap: ProjectSnapshot = { title: STR(d.title), status: STR(d.status), start: STR(d.start), end: STR(d.end), value_status: STR(d.value_status) };
  if (d.visibility !== undefined) snap.visibility = STR(d.visibility) ?? 'internal'; // not text: not known to be public
  if (d.health && typeof d.health === 'object' && !Array.isArray(d.health)) {
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.health as Record<string, unknown>)) if (k !== 'note' && typeof v === 'string') h[k] = v;
    snap.health = h;
  }
  if (Array.isArray(d.milestones)) {
    snap.milestones = d.milestones
      .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object' && typeof (m as Record<string, unknown>).name === 'string')
      .map((m) => ({ name: m.name as string, date: STR(m.date), done: m.done === true }));
  }
  return snap;
}

function dayDiff(from: string, to: string, fy: number): number | undefined {
  try {
    return dateSpan(to, fy).last - dateSpan(from, fy).last;
  } catch {
    return undefined;
  }
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;

function dateChange(kind: ChangeKind, field: string, label: string, from: string | undefined, to: string | undefined, fy: number): FieldChange | undefined {
  if (from === to) return undefined;
  if (from && to) {
    const days = dayDiff(from, to, fy);
    return { kind, field, from, to, days, text: `${label} moved ${formatDate(from, fy)} → ${formatDate(to, fy)}${days === undefined ? '' : ` (${signed(days)})`}` };
  }
  if (to) return { kind, field, to, text: `${label} set to ${formatDate(to, fy)}` };
  return { kind, field, from, text: `${label} ${formatDate(from, fy)} removed` };
}

const HEALTH_LABEL: Record<string, string> = { schedule: 'Schedule', budget: 'Budget', scope: 'Scope', resources: 'Resources', benefits: 'Benefits' };

export interface DiffOptions {
  fiscalYearStart?: number;
  /** Project fields the audience hides (never compared). */
  hidden?: readonly string[];
}

/** The changes between two versions of one project, in a fixed order: status, start, end, milestones, health. */
export function diffProject(before: ProjectSnapshot, after: ProjectSnapshot, options: DiffOptions = {}): FieldChange[] {
  const fy = options.fiscalYearStart ?? 1;
  const hidden = new Set(options.hidden ?? []);
  const out: FieldChange[] = [];
  const push = (c: FieldChange | undefined) => c && out.push(c);
  if (!hidden.has('status') && before.status !== after.status && before.status && after.status) {
    out.push({ kind: 'status', field: 'status', from: before.status, to: after.status, text: `Status ${humanize(before.status)} → ${humanize(after.status)}` });
  }
  if (!hidden.has('start')) push(dateChange('date', 'start', 'Start', before.start, after.start, fy));
  if (!hidden.has('end')) push(dateChange('date', 'end', 'End', before.end, after.end, fy));
  if (!hidden.has('milestones')) {
    const was = new Map((before.milestones ?? []).map((m) => [m.name, m]));
    const now = new Map((after.milestones ?? []).map((m) => [m.name, m]));
    for (const m of after.milestones ?? []) {
      const old = was.get(m.name);
      if (!old) {
        out.push({ kind: 'milestone', field: `milestone:${m.name}`, to: m.date, text: `Milestone ${m.name} added${m.date ? ` (${formatDate(m.date, fy)})` : ''}` });
        continue;
      }
      push(dateChange('milestone', `milestone:${m.name}`, m.name, old.date, m.date, fy));
      if (m.done && !old.done) out.push({ kind: 'milestone', field: `milestone:${m.name}`, text: `${m.name} done` });
    }
    for (const m of before.milestones ?? []) {
      if (!now.has(m.name)) out.push({ kind: 'milestone', field: `milestone:${m.name}`, from: m.date, text: `Milestone ${m.name} removed` });
    }
  }
  if (!hidden.has('health')) {
    // The same dimensions the audience's pages and exports leave out (src/core/audience.ts).
    const hiddenDims = new Set(hiddenHealthDimensions([...hidden]));
    for (const dim of HEALTH_DIMENSIONS) {
      if (hiddenDims.has(dim)) continue;
      const from = before.health?.[dim];
      const to = after.health?.[dim];
      if (from === to) continue;
      const label = `${HEALTH_LABEL[dim]} health`;
      const [was, now] = [from && humanize(from), to && humanize(to)];
      const text = was && now ? `${label} ${was} → ${now}` : now ? `${label} set to ${now}` : `${label} ${was} cleared (computed again)`;
      out.push({ kind: 'health', field: `health:${dim}`, from, to, text });
    }
  }
  if (!hidden.has('value_status') && !hidden.has('benefits') && before.value_status !== after.value_status && (before.value_status || after.value_status)) {
    const from = before.value_status;
    const to = after.value_status;
    out.push({ kind: 'health', field: 'value_status', from, to, text: from && to ? `Value status ${humanize(from)} → ${humanize(to)}` : to ? `Value status set to ${humanize(to)}` : `Value status ${humanize(from ?? '')} removed` });
  }
  return out;
}

/** Whether the public may see this version of a record (`visibility` absent or `public`). */
export function isPublicVersion(snap: ProjectSnapshot): boolean {
  return snap.visibility === undefined || snap.visibility === 'public';
}

/**
 * The change log: one entry per (commit, project) with at least one change,
 * for projects in the model (the audience's view), titled as they are now.
 * Additions and deletions of whole files are not reported. For an audience
 * that does not see internal records, a commit is compared only when the
 * record was public both before and after it: nothing from a time when the
 * record was internal (its values then, milestones added then) is reported.
 */
export function computeChanges(revisions: readonly ProjectRevision[], model: PortfolioModel): ChangeEntry[] {
  const options: DiffOptions = { fiscalYearStart: model.settings.fiscal_year_start ?? 1, hidden: model.hidden };
  const internal = seesInternal(model.audience);
  const out: ChangeEntry[] = [];
  for (const r of revisions) {
    const project = model.byId.projects.get(r.id);
    if (!project || !r.before || !r.after) continue;
    if (!internal && !(isPublicVersion(r.before) && isPublicVersion(r.after))) continue;
    const changes = diffProject(r.before, r.after, options);
    if (changes.length) out.push({ commit: r.commit, date: r.date, id: r.id, title: project.record.title, changes });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What "What changed" shows: the changes, newest first, and why the history is empty or partial. */
export interface ChangeLog {
  entries: ChangeEntry[];
  note?: string;
}
