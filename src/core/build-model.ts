/**
 * Validated records → the portfolio model every page, chart and export reads.
 *
 * Pure (no file system, environment, Astro or DOM) and linear in records,
 * dependency edges and demand entries × quarters. Steps:
 *  1. drop `visibility: internal` records unless the audience is `internal`,
 *     and dependency entries pointing at them;
 *  2. score and rank from the full scores (the rank is public);
 *  3. strip the audience's hidden fields (new objects, input untouched);
 *  4. compute everything else from the stripped records, so a value derived
 *     from a hidden field is hidden with it;
 *  5. if `scores` is hidden, drop the score but keep the rank.
 * Portfolio markers are filtered like records (`visibility: internal` only for
 * `internal`), in `settings` too, so nothing downstream can publish them.
 */
import { endDay, startDay } from './dates.ts';
import type { Loaded, Project } from './schema.ts';
import type { GoalView, MarkerView, PortfolioInput, PortfolioModel, ProgramView, ProjectView, Score, TeamView } from './model.ts';
import { hiddenFields, stripFields, visibleMarkers, visibleProjects } from './audience.ts';
import { rankProjects, scoreProject } from './scoring.ts';
import { daysSinceUpdate, isOpen, isOverdue, isStale, projectDays, slipDays } from './schedule.ts';
import { benefitRealizations, budgetVariance, meanRealization } from './budget.ts';
import { buildUtilization, demandSpans, type UtilizationIndex } from './capacity.ts';
import { projectHealth, type TeamCell } from './health.ts';
import { analyzeDependencies, type DependencyAnalysis } from './graph.ts';
import { propagateSlips, type SlipPropagation } from './propagation.ts';
import { buildRollups } from './rollup.ts';
import { SCHEMA_VERSION } from './version.ts';
import { earnedValue } from './earned-value.ts';
import { projectRoi } from './roi.ts';
import { forecastModel } from './forecast/index.ts';

export interface BuildOptions {
  /** Audience name, a key of `settings.audiences`. */
  audience: string;
  /** The resolved as-of day, `YYYY-MM-DD` (see `resolveAsOf`). */
  asOf: string;
  /** Run the confidence-range simulation (src/core/forecast/) without drift; off unless asked for (the pipeline runs it as a stage of its own, with the history's drift). */
  forecast?: boolean;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildModel(input: PortfolioInput, opts: BuildOptions): PortfolioModel {
  const { settings } = input;
  const hidden = hiddenFields(settings, opts.audience);
  const hides = new Set(hidden);
  const fy = settings.fiscal_year_start;
  const asOfDay = startDay(opts.asOf, fy);

  // 1–2. Visible projects; scores and ranks from their full scores.
  const visible = visibleProjects(input.projects, opts.audience).sort(byId);
  const scores = new Map(visible.map((p) => [p.id, scoreProject(p.data.scores, settings.scoring)]));
  const ranks = rankProjects(visible.map((p) => ({ id: p.id, status: p.data.status, score: scores.get(p.id)?.value })));

  // 3. Strip hidden fields.
  const stripped: Loaded<Project>[] = visible.map((p) => ({ ...p, data: stripFields(p.data, hidden) }));
  const asRecords = stripped.map((p) => ({ id: p.id, record: p.data }));
  const teamsIn = [...input.teams].sort(byId);

  // 4. Everything else from the stripped records.
  const utilization = buildUtilization(
    asRecords,
    teamsIn.map((t) => ({ id: t.id, record: t.data })),
    fy,
    settings.thresholds.capacity_utilization,
  );
  const deps = analyzeDependencies(asRecords, fy);
  const slips = propagateSlips(
    asRecords.map((p) => p.id),
    new Map(asRecords.map((p) => [p.id, slipDays(p.record, fy)])),
    deps.edges,
  );

  // Reasons name teams by title (a team without a record keeps its id).
  const teamTitles = new Map(teamsIn.map((t) => [t.id, t.data.title]));
  const teamTitle = (id: string) => teamTitles.get(id) ?? id;
  const projects = stripped.map((p) =>
    projectView(p, {
      teamTitle,
      fy,
      asOfDay,
      settings,
      score: hides.has('scores') ? undefined : scores.get(p.id),
      rank: ranks.get(p.id),
      utilization,
      deps,
      slips,
      hides,
    }),
  );
  const programsIn = [...input.programs].sort(byId);
  const goalsIn = [...input.goals].sort(byId);
  const rollups = buildRollups(
    projects,
    programsIn.map((p) => ({ id: p.id, record: p.data })),
    goalsIn.map((g) => g.id),
    !hides.has('budget'),
  );

  const programs: ProgramView[] = programsIn.map((p) => ({
    id: p.id,
    file: p.file,
    record: p.data,
    body: p.body,
    rollup: rollups.programs.get(p.id)!,
  }));
  const goals: GoalView[] = goalsIn.map((g) => {
    const r = rollups.goals.get(g.id)!;
    return { id: g.id, file: g.file, record: g.data, body: g.body, rollup: r.rollup, programs: r.programs, budgetShare: r.budgetShare };
  });
  const teams = teamViews(teamsIn, projects, hides.has('demand') ? undefined : utilization);

  const markers = visibleMarkers(settings.markers, opts.audience);
  const model: PortfolioModel = {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...settings, as_of: opts.asOf, markers },
    audience: opts.audience,
    hidden,
    asOfDay,
    projects,
    programs,
    goals,
    teams,
    byId: {
      projects: new Map(projects.map((p) => [p.id, p])),
      programs: new Map(programs.map((p) => [p.id, p])),
      goals: new Map(goals.map((g) => [g.id, g])),
      teams: new Map(teams.map((t) => [t.id, t])),
    },
    edges: deps.edges,
    markers: markerViews(markers, fy),
    portfolio: rollups.portfolio,
  };
  // Confidence ranges, on the stripped records (a hidden end_range is not used).
  if (opts.forecast) forecastModel(model);
  return model;
}

/** Markers with their days (a period's `to` as a month or quarter ends on its last day), by first day then name. */
function markerViews(markers: PortfolioInput['settings']['markers'], fy: number): MarkerView[] {
  const out: MarkerView[] = [];
  for (const m of markers) {
    const first = m.date ?? m.from;
    const last = m.date ?? m.to;
    if (first === undefined || last === undefined) continue; // the check refuses these; a model never draws half a marker
    const { name, kind, visibility } = m;
    out.push({ name, kind, visibility, ...(m.date !== undefined ? { date: m.date } : { from: m.from, to: m.to }), firstDay: startDay(first, fy), lastDay: endDay(last, fy), period: m.date === undefined });
  }
  return out.sort((a, b) => a.firstDay - b.firstDay || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface ProjectContext {
  fy: number;
  asOfDay: number;
  settings: PortfolioInput['settings'];
  score: Score | undefined;
  rank: number | undefined;
  utilization: UtilizationIndex;
  deps: DependencyAnalysis;
  slips: SlipPropagation;
  teamTitle: (id: string) => string;
  hides: ReadonlySet<string>;
}

/** The computed view of one (already stripped) project. */
function projectView(p: Loaded<Project>, c: ProjectContext): ProjectView {
  const r = p.data;
  const { fy, asOfDay, settings } = c;
  const slip = slipDays(r, fy);
  const variance = budgetVariance(r.budget);
  const realizations = benefitRealizations(r.benefits);
  const demandCells: TeamCell[] = [];
  for (const span of demandSpans({ id: p.id, record: r }, fy)) {
    for (const period of span.periods) demandCells.push({ team: span.team, cell: c.utilization.cell(span.team, period) });
  }
  return {
    id: p.id,
    file: p.file,
    record: r,
    body: p.body,
    ...projectDays(r, fy),
    open: isOpen(r.status),
    score: c.score,
    rank: c.rank,
    slipDays: slip,
    health: projectHealth({
      project: r,
      fy,
      asOfDay,
      thresholds: settings.thresholds,
      slipDays: slip,
      budgetVariance: variance,
      demandCells,
      teamTitle: c.teamTitle,
    }),
    budgetVariance: variance,
    benefitRealization: meanRealization(realizations),
    benefitRealizations: realizations,
    stale: isStale(r, fy, asOfDay, settings.review_every_days),
    daysSinceUpdate: daysSinceUpdate(r, fy, asOfDay),
    critical: c.deps.critical.has(p.id),
    conflicts: c.deps.conflicts.get(p.id) ?? [],
    dependsOn: c.deps.dependsOn.get(p.id) ?? [],
    dependents: c.deps.dependents.get(p.id) ?? [],
    overdue: isOverdue(r, fy, asOfDay),
    ...evmAndRoi(r, c),
    ...slipPropagationOf(p.id, c.slips),
  };
}

/** Earned value and ROI, left out (not undefined-valued keys) when absent. */
function evmAndRoi(r: Project, c: ProjectContext): Pick<ProjectView, 'earnedValue' | 'roi'> {
  const ev = c.hides.has('budget') ? undefined : earnedValue(r, c.fy, c.asOfDay, c.settings.evm);
  const roi = projectRoi(r, c.settings.roi_years, { budget: c.hides.has('budget'), benefits: c.hides.has('benefits') });
  return { ...(ev ? { earnedValue: ev } : {}), ...(roi ? { roi } : {}) };
}

function slipPropagationOf(id: string, s: SlipPropagation): Pick<ProjectView, 'slipPropagation'> {
  const atRisk = s.atRisk.get(id) ?? [];
  const riskFrom = s.riskFrom.get(id) ?? [];
  return atRisk.length > 0 || riskFrom.length > 0 ? { slipPropagation: { atRisk, riskFrom } } : {};
}

/** Team views: utilization (undefined when demand is hidden) and the projects naming the team. */
function teamViews(
  teams: readonly PortfolioInput['teams'][number][],
  projects: readonly ProjectView[],
  utilization: UtilizationIndex | undefined,
): TeamView[] {
  const named = new Map<string, Set<string>>(teams.map((t) => [t.id, new Set()]));
  for (const p of projects) {
    for (const t of p.record.teams ?? []) named.get(t)?.add(p.id);
    for (const d of p.record.demand ?? []) named.get(d.team)?.add(p.id);
  }
  return teams.map((t) => ({
    id: t.id,
    file: t.file,
    record: t.data,
    body: t.body,
    utilization: utilization?.byTeam.get(t.id),
    projects: [...named.get(t.id)!].sort(),
  }));
}
