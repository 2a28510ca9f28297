/**
 * What an audience sees. `settings.audiences[name].hide` lists project fields
 * left out of everything the audience gets. Only the audience named
 * `internal` sees `visibility: internal` records.
 */
import type { Loaded, PortfolioSettings, Project } from './schema.ts';

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

/** A copy of the record without the hidden fields (`title` and `status` always stay). */
export function stripFields(record: Project, hide: readonly string[]): Project {
  const out: Record<string, unknown> = { ...record };
  for (const field of hide) if (!NEVER_HIDDEN.has(field)) delete out[field];
  return out as Project;
}
