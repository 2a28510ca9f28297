/**
 * Importing an MS Project plan (MSPDI XML): summary tasks at one outline
 * level → projects, their milestones → milestones, links between tasks of
 * different projects → dependencies, resources → teams, assignments → demand
 * by fiscal quarter. Pure: XML text in, content files and a report out (the
 * CLI is `scripts/import.ts`). The output is checked with `loadPortfolio`
 * before it is returned, so what is written passes `npm run check`.
 *
 * Choices (README, "Importing an MS Project plan"):
 * - Every task at the level is a project (a summary task, usually; a plain
 *   task is a project without milestones), except milestones (reported).
 * - The project summary task (UID 0, alone at the lowest outline level, as
 *   MS Project and ProjectLibre write it) is the file, not a project. Level 1
 *   is then the first level under it, whether the exporter numbers it 1 (MS
 *   Project) or 0 (TaskJuggler). With `projectsAt` > 1 the summary tasks one
 *   level up become programs.
 * - Link types: 0 finish-to-finish, 1 finish-to-start, 3 start-to-start; 2
 *   (start-to-finish) has no equivalent in the record format and is dropped
 *   (reported). Links inside one project are the plan's own detail and are not
 *   imported. Several links between the same two projects become one
 *   dependency: finish-to-start before start-to-start before finish-to-finish,
 *   then the one needed earliest; a link that would close a cycle of projects
 *   is dropped (reported).
 * - A link whose successor is a milestone gets `need_by` that milestone.
 * - Status: done at 100 % complete; approved when it starts after the status
 *   date; else active.
 * - Demand: each assignment's units (1 = one full-time person) spread over the
 *   calendar days it spans, summed per project, team and fiscal quarter, and
 *   written as ranges of quarters with the same FTE (two decimals).
 */
import { dayFromParts, dayToIso, quarterLabel, quarterOf, quarterStart, daysInMonth, type Day } from '../dates.ts';
import { formatDiagnostic, hasErrors } from '../diagnostics.ts';
import { loadPortfolio, type ContentFile } from '../load.ts';
import { daySchema, portfolioSchema } from '../schema.ts';
import { oneLine, slugify } from './convert.ts';
import { ImportError } from './errors.ts';
import type { ReportEntry } from './importer.ts';
import { readMspdi, type MspdiTask } from './mspdi-xml.ts';
import { frontMatter, renderPortfolio, renderProject, type ProjectOut } from './render.ts';

export interface MspdiOptions {
  fileName: string;
  text: string;
  /** The outline level that holds the projects: 1 (default) is the top level. */
  projectsAt?: number;
  title?: string;
  asOf?: string;
}

export interface MspdiReport {
  source: string;
  writer?: string;
  projectsAt: number;
  tasksRead: number;
  resourcesRead: number;
  assignmentsRead: number;
  projects: number;
  programs: number;
  milestones: number;
  dependencies: number;
  teams: number;
  demand: number;
  title: string;
  asOf?: string;
  fiscalYearStart: number;
  /** What became what, one line each. */
  plan: { what: string; becomes: string }[];
  /** Each project written: the task it came from and what it holds. */
  written: { record: string; uid: string; title: string; milestones: number; dependencies: number; demand: number }[];
  notes: string[];
  /** `row` is the task, resource or assignment UID; `column` says which (`task`, `link`, `resource`, `assignment`). */
  entries: ReportEntry[];
}

export interface MspdiResult {
  files: ContentFile[];
  report: MspdiReport;
}

const LINK_TYPES: Record<string, 'finish-to-finish' | 'finish-to-start' | 'start-to-start' | undefined> = {
  '0': 'finish-to-finish',
  '1': 'finish-to-start',
  '2': undefined,
  '3': 'start-to-start',
};
const TYPE_RANK = { 'finish-to-start': 0, 'start-to-start': 1, 'finish-to-finish': 2 } as const;
const TYPE_SHORT = { 'finish-to-start': 'FS', 'start-to-start': 'SS', 'finish-to-finish': 'FF' } as const;

/** `2026-02-27T17:00:00` → the day; a finish at midnight ends the day before. */
function dayOf(raw: string | undefined, asFinish = false): Day | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y < 1900 || y > 2199) return undefined;
  const day = dayFromParts(y, mo, d);
  const midnight = m[4] !== undefined && Number(m[4]) === 0 && Number(m[5]) === 0 && Number(m[6] ?? 0) === 0;
  return asFinish && midnight ? day - 1 : day;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function percent(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 0 && n <= 100 ? Math.round(n) : undefined;
}

/** The main baseline (number 0, or one without a number). */
function baselineFinish(t: MspdiTask): Day | undefined {
  const b = t.baselines.find((x) => x.number === undefined || x.number === '0');
  return dayOf(b?.finish, true);
}

interface Node {
  task: MspdiTask;
  level: number;
  parent?: Node;
  children: Node[];
  /** Document position, for a stable order. */
  index: number;
}

interface ProjectBuild {
  node: Node;
  id: string;
  program?: string;
  values: ProjectOut;
  milestones: { name: string; date: string; baseline?: string; done?: boolean; day: Day; uid: string }[];
  /** Task UID → milestone name (after making names unique). */
  milestoneOf: Map<string, string>;
  dependencies: { on: string; type: keyof typeof TYPE_RANK; need_by?: string; note: string; needDay: number; uid: string }[];
  demand: Map<string, Map<string, number>>;
  body: string;
}

function uniqueId(base: string | undefined, fallback: string, taken: Set<string>): string {
  const id0 = base ?? fallback;
  let id = id0;
  for (let n = 2; taken.has(id); n++) id = `${id0.slice(0, 56).replace(/-+$/, '')}-${n}`;
  taken.add(id);
  return id;
}

/** Run an MSPDI import in memory. Throws ImportError for a file it cannot use. */
export function importMspdi(opts: MspdiOptions): MspdiResult {
  const doc = readMspdi(opts.text, opts.fileName);
  const entries: ReportEntry[] = [];
  const notes: string[] = [];
  const entry = (e: Omit<ReportEntry, 'action'> & { action?: ReportEntry['action'] }) => entries.push({ action: 'dropped', ...e });
  const level = opts.projectsAt ?? 1;
  if (!Number.isInteger(level) || level < 1) throw new ImportError(`--projects-at ${opts.projectsAt}: expected an outline level 1 or more (1 is the top level)`);

  // The task tree, from document order and outline levels.
  const usable = doc.tasks.filter((t) => !t.isNull && t.uid !== '');
  if (usable.length === 0) throw new ImportError(`${opts.fileName}: the plan has no tasks`);
  const levels = usable.map((t) => t.outlineLevel ?? 1);
  const min = Math.min(...levels);
  // MS Project's project summary task: UID 0, alone at the lowest level, first.
  const root = usable[0].uid === '0' && levels.filter((l) => l === min).length === 1 && levels[0] === min && usable.length > 1 ? usable[0] : undefined;
  const top = root ? Math.min(...levels.slice(1)) : min;
  const nodes: Node[] = [];
  const stack: Node[] = [];
  usable.forEach((task, index) => {
    if (task === root) return;
    const l = (task.outlineLevel ?? top) - top + 1;
    while (stack.length > 0 && stack[stack.length - 1].level >= l) stack.pop();
    const node: Node = { task, level: l, parent: stack[stack.length - 1], children: [], index };
    node.parent?.children.push(node);
    nodes.push(node);
    stack.push(node);
  });
  const byUid = new Map(nodes.map((n) => [n.task.uid, n]));
  const deepest = Math.max(...nodes.map((n) => n.level));
  if (level > deepest) throw new ImportError(`--projects-at ${level}: the plan's outline has ${deepest} level${deepest === 1 ? '' : 's'} (1 is the top level)`);

  // portfolio.yaml settings first: quarters need the fiscal year start.
  const fyRaw = doc.fyStartMonth !== undefined && /^\d+$/.test(doc.fyStartMonth) ? Number(doc.fyStartMonth) : undefined;
  const fiscalYearStart = fyRaw !== undefined && fyRaw >= 1 && fyRaw <= 12 ? fyRaw : 1;
  const statusDay = dayOf(doc.statusDate);
  const settingsRaw: Record<string, unknown> = {};
  const fileTitle = oneLine(opts.title ?? doc.title ?? doc.commentTitle ?? (doc.name && !/\.xml$/i.test(doc.name) ? doc.name : root?.name || '')) || opts.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Imported plan';
  settingsRaw.title = fileTitle;
  if (doc.currencyCode && /^[A-Z]{3}$/.test(doc.currencyCode)) settingsRaw.currency = doc.currencyCode;
  settingsRaw.fiscal_year_start = fiscalYearStart;
  if (opts.asOf !== undefined) {
    const asOf = daySchema().safeParse(opts.asOf);
    if (!asOf.success) throw new ImportError(`--as-of ${opts.asOf}: ${asOf.error.issues[0]?.message ?? 'expected a day YYYY-MM-DD'}`);
    settingsRaw.as_of = opts.asOf;
  } else if (statusDay !== undefined) settingsRaw.as_of = dayToIso(statusDay);
  const settings = portfolioSchema().safeParse(settingsRaw);
  if (!settings.success) throw new ImportError(`${opts.fileName}: portfolio.${settings.error.issues[0].path.join('.')}: ${settings.error.issues[0].message}`);
  const asOfDay = settingsRaw.as_of !== undefined ? dayOf(String(settingsRaw.as_of)) : undefined;

  // Projects: summary tasks at the level.
  const taken = new Set<string>();
  const programs = new Map<string, { title: string; node: Node }>();
  const programIds = new Set<string>();
  const projects: ProjectBuild[] = [];
  const projectOfNode = new Map<Node, ProjectBuild>();
  let skipped = 0;
  for (const n of nodes) {
    if (n.level !== level) continue;
    const t = n.task;
    if (!t.active) {
      entry({ row: Number(t.uid), column: 'task', value: t.name, field: 'project', reason: 'inactive task', detail: 'an inactive task: not imported' });
      continue;
    }
    if (n.children.length === 0 && t.milestone) {
      skipped++;
      entry({ row: Number(t.uid), column: 'task', value: t.name, field: 'project', reason: 'milestone outside any project', detail: `a milestone at outline level ${level}, outside any project: not imported (a portfolio marker in portfolio.yaml, if it matters)` });
      continue;
    }
    const title = oneLine(t.name) || `Task ${t.uid}`;
    if (!oneLine(t.name)) entry({ row: Number(t.uid), column: 'task', value: '', field: 'title', action: 'guessed', reason: 'no title', detail: `no name: called it "${title}"` });
    const id = uniqueId(slugify(title), `task-${t.uid}`, taken);
    const values: ProjectOut = { title };
    const start = dayOf(t.start);
    const end = dayOf(t.finish, true);
    if (start !== undefined) values.start = dayToIso(start);
    else if (t.start) entry({ row: Number(t.uid), column: 'task', value: t.start, field: 'start', reason: 'not a date', detail: 'not a date' });
    if (end !== undefined && (start === undefined || end >= start)) values.end = dayToIso(end);
    else if (t.finish) entry({ row: Number(t.uid), column: 'task', value: t.finish, field: 'end', reason: 'not a date', detail: end === undefined ? 'not a date' : 'before the start' });
    const base = baselineFinish(t);
    if (base !== undefined && (start === undefined || base >= start)) values.baseline_end = dayToIso(base);

    let program: string | undefined;
    if (level > 1) {
      let up = n.parent;
      while (up && up.level > level - 1) up = up.parent;
      if (up) {
        const known = [...programs].find(([, p]) => p.node === up)?.[0];
        program = known ?? uniqueId(slugify(up.task.name), `program-${up.task.uid}`, programIds);
        if (!known) programs.set(program, { title: oneLine(up.task.name) || `Program ${up.task.uid}`, node: up });
      }
    }
    const p: ProjectBuild = { node: n, id, program, values, milestones: [], milestoneOf: new Map(), dependencies: [], demand: new Map(), body: t.notes ? t.notes.replace(/\r\n?/g, '\n').trim() : '' };
    projects.push(p);
    projectOfNode.set(n, p);
  }
  if (projects.length === 0) {
    throw new ImportError(`${opts.fileName}: no task at outline level ${level}${skipped ? ` but ${skipped} milestone${skipped === 1 ? '' : 's'}` : ''}: try --projects-at with another level (1 is the top)`);
  }
  const projectOf = (n: Node | undefined): ProjectBuild | undefined => {
    for (let x = n; x; x = x.parent) {
      const p = projectOfNode.get(x);
      if (p) return p;
    }
    return undefined;
  };

  // Milestones and progress, from each project's tasks.
  const descendants = (n: Node): Node[] => n.children.flatMap((c) => [c, ...descendants(c)]);
  let milestoneCount = 0;
  for (const p of projects) {
    const all = descendants(p.node);
    const names = new Set<string>();
    for (const d of all) {
      if (!d.task.milestone || d.children.length > 0) continue;
      const day = dayOf(d.task.finish, false) ?? dayOf(d.task.start);
      if (day === undefined) {
        entry({ row: Number(d.task.uid), column: 'task', value: d.task.finish ?? '', field: 'milestones', reason: 'not a date', detail: 'a milestone with no date: not imported' });
        continue;
      }
      let name = oneLine(d.task.name) || `Milestone ${d.task.uid}`;
      if (names.has(name)) {
        const base = name;
        for (let k = 2; names.has(name); k++) name = `${base} (${k})`;
        entry({ row: Number(d.task.uid), column: 'task', value: d.task.name, field: 'milestones', action: 'guessed', reason: 'milestone name made unique', detail: `another milestone of ${p.id} has this name: this one is "${name}"` });
      }
      names.add(name);
      const b = baselineFinish(d.task);
      const pc = percent(d.task.percentComplete);
      p.milestones.push({ name, date: dayToIso(day), baseline: b === undefined ? undefined : dayToIso(b), done: pc === 100 ? true : undefined, day, uid: d.task.uid });
      p.milestoneOf.set(d.task.uid, name);
    }
    p.milestones.sort((a, b) => a.day - b.day || a.name.localeCompare(b.name));
    milestoneCount += p.milestones.length;
    let progress = percent(p.node.task.percentComplete);
    if (progress === undefined) {
      // MS Project's rule for a summary: complete duration over total duration of its tasks.
      let total = 0;
      let doneDays = 0;
      for (const d of all) {
        if (d.children.length > 0 || d.task.milestone) continue;
        const s = dayOf(d.task.start);
        const f = dayOf(d.task.finish, true);
        const pc = percent(d.task.percentComplete);
        if (s === undefined || f === undefined || pc === undefined) continue;
        const days = Math.max(1, f - s + 1);
        total += days;
        doneDays += (days * pc) / 100;
      }
      if (total > 0) {
        progress = Math.round((doneDays / total) * 100);
        entry({ row: Number(p.node.task.uid), column: 'task', value: '', field: 'progress', action: 'guessed', reason: 'progress computed from tasks', detail: `no % complete on the summary task: ${progress} from its tasks' % complete, weighted by duration` });
      }
    }
    if (progress !== undefined) p.values.progress = progress;
    const startDay = p.values.start !== undefined ? dayOf(String(p.values.start)) : undefined;
    p.values.status = progress === 100 ? 'done' : asOfDay !== undefined && startDay !== undefined && startDay > asOfDay ? 'approved' : 'active';
  }

  // Dependencies: links between tasks of different projects.
  let inside = 0;
  type Candidate = ProjectBuild['dependencies'][number] & { from: ProjectBuild; row: number };
  const candidates: Candidate[] = [];
  for (const n of nodes) {
    const p = projectOf(n);
    for (const link of n.task.links) {
      const row = Number(n.task.uid);
      const pred = byUid.get(link.predecessorUid);
      const value = `${pred?.task.name ?? link.predecessorUid} → ${n.task.name}`;
      if (link.crossProject || (!pred && link.crossProjectName)) {
        entry({ row, column: 'link', value, field: 'dependencies', reason: 'link to another file', detail: `a link to a task in another project file (${link.crossProjectName ?? 'unnamed'}): not imported` });
        continue;
      }
      const q = projectOf(pred);
      if (!p || !q) {
        if (p || q) entry({ row, column: 'link', value, field: 'dependencies', reason: 'link outside the projects', detail: `${!pred ? `no task with UID ${link.predecessorUid}` : 'one end is not in any project'}: not imported` });
        continue;
      }
      if (p === q) {
        inside++;
        continue;
      }
      const type = LINK_TYPES[link.type];
      if (type === undefined) {
        const what = link.type === '2' ? 'a start-to-finish link: the record format has no such type (finish-to-start, start-to-start, finish-to-finish)' : `link type ${link.type} is not one of 0-3`;
        entry({ row, column: 'link', value, field: 'dependencies', reason: link.type === '2' ? 'start-to-finish link' : 'unknown link type', detail: `${what}: not imported; add it by hand as the closest type if it matters` });
        continue;
      }
      const needBy = p.milestoneOf.get(n.task.uid);
      const needDay = needBy !== undefined ? (p.milestones.find((m) => m.name === needBy)?.day ?? 0) : (type === 'finish-to-finish' ? dayOf(n.task.finish, true) : dayOf(n.task.start)) ?? 0;
      const note = `MS Project: "${oneLine(n.task.name)}" ${TYPE_SHORT[type]} after "${oneLine(pred!.task.name)}"`;
      candidates.push({ from: p, on: q.id, type, need_by: needBy, note, needDay, uid: n.task.uid, row });
    }
  }
  // One dependency per pair of projects.
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.from.id}\u0000${c.on}`;
    const cur = best.get(key);
    const better = !cur || TYPE_RANK[c.type] < TYPE_RANK[cur.type] || (TYPE_RANK[c.type] === TYPE_RANK[cur.type] && (c.needDay < cur.needDay || (c.needDay === cur.needDay && c.row < cur.row)));
    if (better) best.set(key, c);
  }
  for (const c of candidates) {
    const kept = best.get(`${c.from.id}\u0000${c.on}`)!;
    if (kept !== c) {
      entry({ row: c.row, column: 'link', value: c.note.replace(/^MS Project: /, ''), field: 'dependencies', reason: 'another link between the same projects', detail: `${c.from.id} already depends on ${c.on} through task ${kept.uid} (${TYPE_SHORT[kept.type]}${kept.need_by ? `, needed by ${kept.need_by}` : ''}): one dependency per pair of projects` });
    }
  }
  // Drop links that would close a cycle of projects, in plan order.
  const edges = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const walk = [from];
    while (walk.length) {
      const x = walk.pop()!;
      if (x === to) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      walk.push(...(edges.get(x) ?? []));
    }
    return false;
  };
  const ordered = [...best.values()].sort((a, b) => a.from.node.index - b.from.node.index || a.row - b.row || (a.on < b.on ? -1 : 1));
  let depCount = 0;
  for (const c of ordered) {
    // c.from depends on c.on: an edge c.from → c.on; a cycle when c.on already reaches c.from.
    if (reaches(c.on, c.from.id)) {
      entry({ row: c.row, column: 'link', value: c.note.replace(/^MS Project: /, ''), field: 'dependencies', reason: 'would make a cycle of projects', detail: `${c.on} already depends (through other links) on ${c.from.id}: not imported` });
      continue;
    }
    const set = edges.get(c.from.id) ?? new Set<string>();
    set.add(c.on);
    edges.set(c.from.id, set);
    c.from.dependencies.push({ on: c.on, type: c.type, need_by: c.need_by, note: c.note, needDay: c.needDay, uid: c.uid });
    depCount++;
  }

  // Resources → teams; assignments → demand.
  const teams = new Map<string, { title: string; kind: 'team' | 'role'; fte: number }>();
  const teamOfResource = new Map<string, string>();
  const teamIds = new Set<string>();
  const teamByTitle = new Map<string, string>();
  for (const r of doc.resources) {
    if (r.isNull || r.uid === '') continue;
    const name = oneLine(r.name);
    if (name === '') {
      // MS Project writes a nameless resource UID 0 as a placeholder.
      if (r.uid !== '0') entry({ row: Number(r.uid), column: 'resource', value: '', field: 'teams', reason: 'resource with no name', detail: 'no name: not imported' });
      continue;
    }
    if (r.type === '0' || r.type === '2') {
      entry({ row: Number(r.uid), column: 'resource', value: name, field: 'teams', reason: `${r.type === '0' ? 'material' : 'cost'} resource`, detail: `a ${r.type === '0' ? 'material' : 'cost'} resource is not a team: not imported` });
      continue;
    }
    const title = oneLine(r.group ?? '') || name;
    let id = teamByTitle.get(title);
    if (id === undefined) {
      id = uniqueId(slugify(title), `resource-${r.uid}`, teamIds);
      teamByTitle.set(title, id);
      teams.set(id, { title, kind: !r.group && r.generic ? 'role' : 'team', fte: 0 });
    }
    const units = r.maxUnits !== undefined && /^\d+(\.\d+)?$/.test(r.maxUnits) ? Number(r.maxUnits) : 1;
    teams.get(id)!.fte += units;
    teamOfResource.set(r.uid, id);
  }
  let demandCount = 0;
  const usedTeams = new Set<string>();
  for (const a of doc.assignments) {
    const taskNode = byUid.get(a.taskUid);
    const team = teamOfResource.get(a.resourceUid);
    if (!team) {
      if (a.resourceUid !== '-65535' && a.resourceUid !== '' && !doc.resources.some((r) => r.uid === a.resourceUid && (r.type === '0' || r.type === '2' || r.isNull))) {
        entry({ row: Number(a.uid), column: 'assignment', value: `${taskNode?.task.name ?? a.taskUid} ← resource ${a.resourceUid}`, field: 'demand', reason: 'assignment of an unknown resource', detail: 'no team for its resource: not imported' });
      }
      continue;
    }
    const p = projectOf(taskNode);
    if (!p) {
      entry({ row: Number(a.uid), column: 'assignment', value: `${taskNode?.task.name ?? a.taskUid}`, field: 'demand', reason: 'assignment outside the projects', detail: 'its task is in no project: not imported' });
      continue;
    }
    const s = dayOf(a.start) ?? dayOf(taskNode!.task.start);
    const f = dayOf(a.finish, true) ?? dayOf(taskNode!.task.finish, true);
    const units = a.units !== undefined && /^\d+(\.\d+)?$/.test(a.units) ? Number(a.units) : 1;
    if (s === undefined || f === undefined || f < s || units === 0) continue;
    const perQuarter = p.demand.get(team) ?? new Map<string, number>();
    for (let d = s; d <= f; ) {
      const { fy, q } = quarterOf(d, fiscalYearStart);
      const qs = quarterStart(fy, q, fiscalYearStart);
      const first = dayFromParts(qs.year, qs.month, 1);
      const nextQ = q === 4 ? quarterStart(fy + 1, 1, fiscalYearStart) : quarterStart(fy, q + 1, fiscalYearStart);
      const next = dayFromParts(nextQ.year, nextQ.month, 1);
      const last = Math.min(f, next - 1);
      const label = quarterLabel(fy, q);
      perQuarter.set(label, (perQuarter.get(label) ?? 0) + (units * (last - d + 1)) / (next - first));
      d = last + 1;
    }
    p.demand.set(team, perQuarter);
    usedTeams.add(team);
  }

  // Render.
  const files: ContentFile[] = [];
  const written: MspdiReport['written'] = [];
  const firstQuarter = (() => {
    const days = projects.map((p) => (p.values.start !== undefined ? dayOf(String(p.values.start)) : undefined)).filter((d): d is Day => d !== undefined);
    const d = days.length ? Math.min(...days) : (asOfDay ?? dayFromParts(2000, 1, 1));
    const { fy, q } = quarterOf(d, fiscalYearStart);
    return quarterLabel(fy, q);
  })();
  for (const p of projects) {
    const demand: { team: string; fte: number; from: string; to: string }[] = [];
    for (const [team, quarters] of [...p.demand].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rows = [...quarters].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, fte]) => ({ period, fte: round2(fte) })).filter((r) => r.fte > 0);
      for (const r of rows) {
        const last = demand[demand.length - 1];
        if (last && last.team === team && last.fte === r.fte && nextQuarter(last.to) === r.period) last.to = r.period;
        else demand.push({ team, fte: r.fte, from: r.period, to: r.period });
      }
    }
    demandCount += demand.length;
    written.push({ record: `projects/${p.id}.md`, uid: p.node.task.uid, title: String(p.values.title), milestones: p.milestones.length, dependencies: p.dependencies.length, demand: demand.length });
    const out: ProjectOut = {
      ...p.values,
      program: p.program,
      teams: demand.length ? [...new Set(demand.map((d) => d.team))] : undefined,
      milestones: p.milestones.length ? p.milestones.map((m) => clean({ name: m.name, date: m.date, baseline: m.baseline, done: m.done })) : undefined,
      dependencies: p.dependencies.length ? p.dependencies.map((d) => clean({ on: d.on, type: d.type, need_by: d.need_by, note: d.note })) : undefined,
      demand: demand.length ? demand : undefined,
    };
    files.push({ path: `projects/${p.id}.md`, text: renderProject(out, p.body) });
  }
  for (const [id, prog] of [...programs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.push({ path: `programs/${id}.md`, text: `${frontMatter({ title: prog.title })}Imported from \`${opts.fileName}\`: the summary task "${prog.title}" (outline level ${level - 1}).\n` });
  }
  for (const [id, t] of [...teams].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!usedTeams.has(id)) continue;
    const capacity = t.fte > 0 ? [{ from: firstQuarter, fte: round2(t.fte) }] : undefined;
    files.push({ path: `teams/${id}.md`, text: `${frontMatter(clean({ title: t.title, kind: t.kind, capacity }))}Imported from \`${opts.fileName}\`: capacity is the sum of its resources' maximum units.\n` });
  }
  const unusedTeams = [...teams.keys()].filter((id) => !usedTeams.has(id));
  if (unusedTeams.length) notes.push(`${unusedTeams.length} team${unusedTeams.length === 1 ? '' : 's'} with no assignment in any project not written: ${unusedTeams.join(', ')}`);
  files.push({ path: 'portfolio.yaml', text: renderPortfolio(settingsRaw, opts.fileName, 'MS Project XML') });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { diagnostics } = loadPortfolio(files);
  if (hasErrors(diagnostics)) {
    throw new ImportError(`the imported records do not pass check (a bug in the importer; please report it):\n${diagnostics.slice(0, 20).map(formatDiagnostic).join('\n')}`);
  }

  if (root) notes.push(`task ${root.uid}${oneLine(root.name) ? ` "${oneLine(root.name)}"` : ''} is the project summary task (the file itself): not a project`);
  const above = nodes.filter((n) => n.level < level && n.children.length === 0).length;
  if (above > 0) notes.push(`${above} task${above === 1 ? '' : 's'} above outline level ${level} with no tasks under ${above === 1 ? 'it' : 'them'}: in no project, not imported`);
  if (inside > 0) notes.push(`${inside} link${inside === 1 ? '' : 's'} between tasks of the same project: the plan's own detail, not imported`);
  notes.push('status: done at 100 % complete, approved when the project starts after the status date, else active');
  entries.sort((a, b) => order(a.column) - order(b.column) || a.row - b.row);
  const topLevelNumber = root ? top : min;
  const plan = [
    { what: `tasks at outline level ${level} (OutlineLevel ${topLevelNumber + level - 1} in the file)`, becomes: 'projects (milestones there are dropped)' },
    ...(level > 1 ? [{ what: `summary tasks at outline level ${level - 1}`, becomes: 'programs' }] : []),
    { what: 'milestones inside a project', becomes: 'milestones (baseline finish → baseline, 100 % → done)' },
    { what: 'Start, Finish, baseline Finish, % complete', becomes: 'start, end, baseline_end, progress' },
    { what: 'links between tasks of different projects', becomes: 'dependencies (type 1 FS → finish-to-start, 3 SS → start-to-start, 0 FF → finish-to-finish, 2 SF dropped); a milestone successor → need_by' },
    { what: 'work resources (by Group, else by name)', becomes: 'teams, capacity = the sum of their maximum units' },
    { what: 'assignments', becomes: `demand by fiscal quarter (fiscal year from month ${fiscalYearStart})` },
    { what: 'task Notes', becomes: 'the project body' },
  ];
  return {
    files,
    report: {
      source: opts.fileName,
      writer: doc.writer,
      projectsAt: level,
      tasksRead: doc.tasks.length,
      resourcesRead: doc.resources.length,
      assignmentsRead: doc.assignments.length,
      projects: projects.length,
      programs: programs.size,
      milestones: milestoneCount,
      dependencies: depCount,
      teams: usedTeams.size,
      demand: demandCount,
      title: settings.data.title,
      asOf: settings.data.as_of,
      fiscalYearStart,
      plan,
      written,
      notes,
      entries,
    },
  };
}

function order(column: string): number {
  return ['task', 'link', 'resource', 'assignment'].indexOf(column);
}

function nextQuarter(label: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label)!;
  const q = Number(m[2]);
  return q === 4 ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${q + 1}`;
}

function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
