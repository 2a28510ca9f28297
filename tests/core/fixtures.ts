/**
 * Terse builders for validated inputs: each runs the real Zod schema, so
 * defaults (visibility, dependency type, thresholds, …) are the ones a build
 * gets. Defaults for tests: fiscal year starting in January, the contract's
 * example weighted scoring (strategic_fit 3, value 3, risk 2 inverted,
 * effort 2 inverted, scale 1..5), default thresholds and audiences.
 */
import type { z } from 'zod';
import {
  goalSchema,
  portfolioSchema,
  programSchema,
  projectSchema,
  teamSchema,
  type Goal,
  type Loaded,
  type PortfolioSettings,
  type Program,
  type Project,
  type Team,
} from '../../src/core/schema.ts';
import type { PortfolioInput } from '../../src/core/model.ts';

type In<F extends () => z.ZodType> = z.input<ReturnType<F>>;

export const EXAMPLE_CRITERIA = [
  { id: 'strategic_fit', label: 'Strategic fit', weight: 3 },
  { id: 'value', label: 'Business value', weight: 3 },
  { id: 'risk', label: 'Delivery risk', weight: 2, invert: true },
  { id: 'effort', label: 'Effort', weight: 2, invert: true },
];

// Schemas are built once: building one per record is slow for large fixtures.
const schemas = {
  portfolio: portfolioSchema(),
  project: projectSchema(),
  program: programSchema(),
  goal: goalSchema(),
  team: teamSchema(),
};

export function settings(over: Partial<In<typeof portfolioSchema>> = {}): PortfolioSettings {
  return schemas.portfolio.parse({
    title: 'Test portfolio',
    scoring: { method: 'weighted', criteria: EXAMPLE_CRITERIA, scale: [1, 5] },
    ...over,
  });
}

export function project(id: string, data: Partial<In<typeof projectSchema>> = {}, body = ''): Loaded<Project> {
  return { id, file: `projects/${id}.md`, data: schemas.project.parse({ title: `Project ${id}`, status: 'active', ...data }), body };
}

export function program(id: string, data: Partial<In<typeof programSchema>> = {}, body = ''): Loaded<Program> {
  return { id, file: `programs/${id}.md`, data: schemas.program.parse({ title: `Program ${id}`, ...data }), body };
}

export function goal(id: string, data: Partial<In<typeof goalSchema>> = {}, body = ''): Loaded<Goal> {
  return { id, file: `goals/${id}.md`, data: schemas.goal.parse({ title: `Goal ${id}`, ...data }), body };
}

export function team(id: string, data: Partial<In<typeof teamSchema>> = {}, body = ''): Loaded<Team> {
  return { id, file: `teams/${id}.md`, data: schemas.team.parse({ title: `Team ${id}`, ...data }), body };
}

export function portfolio(parts: Partial<PortfolioInput> = {}): PortfolioInput {
  return {
    settings: parts.settings ?? settings(),
    projects: parts.projects ?? [],
    programs: parts.programs ?? [],
    goals: parts.goals ?? [],
    teams: parts.teams ?? [],
  };
}

/** `{ id, record }` pairs as the computation modules take them. */
export function records(projects: readonly Loaded<Project>[]): { id: string; record: Project }[] {
  return projects.map((p) => ({ id: p.id, record: p.data }));
}

/** Portfolio markers of each shape: a freeze (a period), a board date, an internal release (its name a sentinel), a quarter. */
export function markersPortfolio(): PortfolioInput {
  return portfolio({
    settings: settings({
      fiscal_year_start: 4,
      markers: [
        { name: 'Year-end change freeze', from: '2026-12-15', to: '2027-01-05', kind: 'freeze' },
        { name: 'Investment board', date: '2027-02-10', kind: 'board' },
        { name: 'SENTINEL-MARKER-internal', date: '2027-06-12', kind: 'release', visibility: 'internal' },
        { name: 'Q4 planning', from: '2026-Q4', to: '2026-Q4' },
      ],
    }),
    projects: [project('a', { start: '2026-04-01', end: '2027-03-31' })],
  });
}
