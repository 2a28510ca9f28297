/**
 * What an audience sees. `settings.audiences[name].hide` lists project fields
 * left out of everything the audience gets. Only the audience named
 * `internal` sees `visibility: internal` records.
 */
import { HEALTH_DIMENSIONS, type HealthDimension, type Loaded, type Marker, type PortfolioSettings, type Project } from './schema.ts';

export const INTERNAL_AUDIENCE = 'internal';

/** Fields that identify a record and are never stripped, whatever `hide` says. */
const NEVER_HIDDEN = new Set(['title', 'status']);

/** The hide list of an audience. Throws, naming the known audiences, when it is not configured. */
export function hiddenFields(settings: Pick<PortfolioSettings, 'audiences'>, audience: string): string[] {
  const known = Object.keys(settings.audiences).sort();
  if (!Object.hasOwn(settings.audiences, audience)) {
    throw new Error(`unknown audience "${audience}"; known audiences: ${known.join(', ') || '(none)'}`);
  }
  return [...settings.audiences[audience].hide];
}

/** True when the audience sees `visibility: internal` records. */
export function seesInternal(audience: string): boolean {
  return audience === INTERNAL_AUDIENCE;
}

/**
 * The projects the audience may see. For audiences other than `internal`,
 * internal records are dropped and so are dependency entries pointing at
 * them (new objects; the input is not modified).
 */
export function visibleProjects(projects: readonly Loaded<Project>[], audience: string): Loaded<Project>[] {
  if (seesInternal(audience)) return [...projects];
  const dropped = new Set(projects.filter((p) => p.data.visibility === 'internal').map((p) => p.id));
  return projects
    .filter((p) => !dropped.has(p.id))
    .map((p) => {
      const deps = p.data.dependencies;
      if (!deps || !deps.some((d) => dropped.has(d.on))) return p;
      return { ...p, data: { ...p.data, dependencies: deps.filter((d) => !dropped.has(d.on)) } };
    });
}

/** The portfolio markers the audience may see: `visibility: internal` ones only for `internal`. */
export function visibleMarkers(markers: readonly Marker[], audience: string): Marker[] {
  return seesInternal(audience) ? [...markers] : markers.filter((m) => m.visibility !== 'internal');
}

/**
 * The field each health dimension is computed from. Hiding the field hides the
 * dimension too, a manual value included (a manual `health.budget` says as much
 * as the budget). Schedule and scope have no single source field.
 */
export const HEALTH_SOURCE_FIELD: Readonly<Partial<Record<HealthDimension, string>>> = { budget: 'budget', resources: 'demand', benefits: 'value_status' };

/** The health dimensions an audience with this hide list does not see. */
export function hiddenHealthDimensions(hide: readonly string[]): HealthDimension[] {
  const hidden = new Set(hide);
  return HEALTH_DIMENSIONS.filter((d) => hidden.has('health') || (HEALTH_SOURCE_FIELD[d] !== undefined && hidden.has(HEALTH_SOURCE_FIELD[d])));
}

/** A copy of the record without the hidden fields (`title` and `status` always stay), nor manual health for hidden dimensions. */
export function stripFields(record: Project, hide: readonly string[]): Project {
  const out: Record<string, unknown> = { ...record };
  for (const field of hide) if (!NEVER_HIDDEN.has(field)) delete out[field];
  if (record.health && out.health) {
    const health: Record<string, unknown> = { ...record.health };
    for (const dim of hiddenHealthDimensions(hide)) delete health[dim];
    out.health = health;
  }
  return out as Project;
}
