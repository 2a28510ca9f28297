/**
 * What the search index knows about each record besides its text: Pagefind
 * filters (status, program, goal, team, health, investment, tags, and the kind
 * of record) and result-card meta (status, health, end date). Computed once
 * per model from the audience-filtered model, so a public index can only hold
 * what the public pages show.
 */
import type { PortfolioModel } from './model.ts';

export type RecordKind = 'projects' | 'programs' | 'goals' | 'teams';

export interface SearchFacets {
  /** filter name → values, each list sorted and de-duplicated. */
  filters: [string, string[]][];
  /** meta name → value (shown on result cards). */
  meta: [string, string][];
}

const KIND_LABEL: Record<RecordKind, string> = { projects: 'Project', programs: 'Program', goals: 'Goal', teams: 'Team' };

/**
 * Pagefind UI shows filter values with innerHTML, so a value must reach it
 * HTML-escaped. Pagefind 1.6 decodes entities in a filter attribute value
 * twice (Astro's attribute escaping is undone by the first), so the value is
 * escaped twice here: `R&D <pilot>` is written `R&amp;amp;D &amp;lt;pilot&amp;gt;`
 * (before Astro's own escaping), stored by Pagefind as `R&amp;D &lt;pilot&gt;`,
 * and shown by the UI as the text `R&D <pilot>`. tests/e2e/search.test.ts
 * checks that no filter label ever contains markup, so a Pagefind upgrade
 * that changes this fails the tests rather than the site.
 */
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const uiText = (value: string) => escapeHtml(escapeHtml(value));

const uniqSorted = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].toSorted((a, b) => a.localeCompare(b, 'en'));

function build(model: PortfolioModel): Map<string, SearchFacets> {
  const out = new Map<string, SearchFacets>();
  const title = (kind: 'programs' | 'goals' | 'teams', id: string) => model.byId[kind].get(id)?.record.title ?? id;
  for (const p of model.projects) {
    const r = p.record;
    const health = p.health.overall ?? 'none';
    const filters: [string, string[]][] = [
      ['type', [KIND_LABEL.projects]],
      ['status', [r.status]],
      ['program', uniqSorted([r.program ? title('programs', r.program) : undefined])],
      ['goal', uniqSorted((r.goals ?? []).map((g) => title('goals', g)))],
      ['team', uniqSorted([...(r.teams ?? []), ...(r.demand ?? []).map((d) => d.team)].map((t) => title('teams', t)))],
      ['health', [health]],
      ['investment', uniqSorted([r.investment])],
      ['tag', uniqSorted(r.tags ?? [])],
    ];
    const meta: [string, string][] = [
      ['status', r.status],
      ['health', health],
    ];
    if (r.end) meta.push(['end', r.end]);
    out.set(`projects/${p.id}`, { filters: filters.filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.map(uiText)]), meta });
  }
  for (const kind of ['programs', 'goals', 'teams'] as const) {
    for (const rec of model[kind]) out.set(`${kind}/${rec.id}`, { filters: [['type', [KIND_LABEL[kind]]]], meta: [] });
  }
  return out;
}

const memo = new WeakMap<PortfolioModel, Map<string, SearchFacets>>();

/** Facets of one record (`kind/id`), or undefined when the audience does not see it. */
export function searchFacets(model: PortfolioModel, kind: RecordKind, id: string): SearchFacets | undefined {
  let all = memo.get(model);
  if (!all) {
    all = build(model);
    memo.set(model, all);
  }
  return all.get(`${kind}/${id}`);
}

/** The record a site path (without BASE_PATH) shows, e.g. `/projects/x/` → projects x. */
export function recordOfPath(path: string): { kind: RecordKind; id: string } | undefined {
  const m = /^\/(projects|programs|goals|teams)\/([a-z0-9-]+)\/?$/.exec(path);
  return m ? { kind: m[1] as RecordKind, id: m[2]! } : undefined;
}
