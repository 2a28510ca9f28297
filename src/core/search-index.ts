/**
 * What the search index holds: one document per record page (projects,
 * programs, goals, teams), computed from the audience-filtered model, so a
 * public index can only hold what the public pages show.
 *
 * Each document is what Pagefind calls a custom record: the page's URL, its
 * searchable text, result-card meta (title, kind, status, health, end date)
 * and filters (status, program, goal, team, health, investment, tags, and the
 * kind of record). Filter values and meta are words a reader sees, never raw
 * ids: `On hold`, `Production readiness`, `No data`, titles for references. The site indexes these rather than its HTML: there is no
 * HTML to parse (at 2,000 records the pages are 90 MB), and the index can be
 * built while the pages are rendered (src/integrations/pagefind.ts).
 *
 * The text is plain text, never markup: record bodies reach here already
 * turned into text by the caller (`bodyText`), and Pagefind UI's excerpts are
 * escaped by the search page (src/pages/search/_client.ts).
 */
import { formatDate, humanize } from './format.ts';
import { titleOf, type PortfolioModel } from './model.ts';
import type { CollectionName } from './schema.ts';

export interface SearchDocument {
  /** The record page, without BASE_PATH: `/projects/patient-portal/`. */
  url: string;
  /** Plain text: the title, summary, body and the record's other words. */
  content: string;
  /** Result-card meta; `title` always. */
  meta: Record<string, string>;
  /** Filter name → values (sorted, de-duplicated, escaped for Pagefind UI; see `uiText`). */
  filters: Record<string, string[]>;
}

/** Turns a record body (Markdown, or MDX when `mdx`) into plain text. */
export type BodyText = (body: string, mdx: boolean) => string;

const KIND_LABEL: Record<CollectionName, string> = { projects: 'Project', programs: 'Program', goals: 'Goal', teams: 'Team' };

/**
 * Pagefind UI shows filter values with innerHTML, so a value must reach it
 * HTML-escaped: `R&D <pilot>` is stored as `R&amp;D &lt;pilot&gt;` and shown
 * as the text `R&D <pilot>`. tests/e2e/search.test.ts checks that no filter
 * label ever contains markup, so a Pagefind upgrade that changes this fails
 * the tests rather than the site.
 */
export const uiText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A health value as the site's badges word it (HealthBadge): `Green`, `Amber`, `Red`, `No data`. */
export const healthLabel = (health: string | undefined) => (health && health !== 'none' ? humanize(health) : 'No data');

/** A tag as words: `production-readiness` → `production readiness` (case kept: `EPR`, `epr`). */
export const tagWords = (tag: string) => tag.replace(/[-_]+/g, ' ');

const uniqSorted = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].toSorted((a, b) => a.localeCompare(b, 'en'));

/** Lines of text, without empty ones. */
const lines = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');

export function searchDocuments(model: PortfolioModel, bodyText: BodyText): SearchDocument[] {
  const title = (kind: CollectionName, id: string) => titleOf(model, kind, id);
  const text = (r: { file: string; body: string }) => (r.body.trim() ? bodyText(r.body, r.file.endsWith('.mdx')) : '');
  const out: SearchDocument[] = [];

  for (const p of model.projects) {
    const r = p.record;
    const health = healthLabel(p.health.overall);
    const status = humanize(r.status);
    const teams = uniqSorted([...(r.teams ?? []), ...(r.demand ?? []).map((d) => d.team)].map((t) => title('teams', t)));
    const program = r.program ? title('programs', r.program) : undefined;
    const goals = uniqSorted((r.goals ?? []).map((g) => title('goals', g)));
    const filters: Record<string, string[]> = {
      type: [KIND_LABEL.projects],
      status: [status],
      program: uniqSorted([program]),
      goal: goals,
      team: teams,
      health: [health],
      investment: uniqSorted([r.investment && humanize(r.investment)]),
      tag: uniqSorted((r.tags ?? []).map(tagWords)),
    };
    const meta: Record<string, string> = { title: r.title, type: KIND_LABEL.projects, status, health };
    if (r.end) meta.end = formatDate(r.end, model.settings.fiscal_year_start);
    out.push({
      url: `/projects/${p.id}/`,
      content: lines(
        r.title,
        r.summary,
        text(p),
        `${humanize(r.status)}${r.phase ? `, ${humanize(r.phase)}` : ''}${r.investment ? `, ${humanize(r.investment)}` : ''}`,
        program && `Program: ${program}`,
        goals.length > 0 && `Goals: ${goals.join(', ')}`,
        teams.length > 0 && `Teams: ${teams.join(', ')}`,
        r.sponsor && `Sponsor: ${r.sponsor}`,
        r.owners?.business && `Business owner: ${r.owners.business}`,
        r.owners?.technical && `Technical owner: ${r.owners.technical}`,
        (r.tags ?? []).length > 0 && `Tags: ${(r.tags ?? []).join(', ')}`,
        r.health?.note,
        ...(r.milestones ?? []).map((m) => `Milestone: ${m.name}`),
        ...(r.gates ?? []).map((g) => `Gate: ${g.gate}`),
        ...(r.risks ?? []).map((k) => lines(`Risk: ${k.title}`, k.mitigation && `Mitigation: ${k.mitigation}`)),
        ...(r.decisions ?? []).map((d) => `Decision: ${d.question}`),
        ...(r.benefits ?? []).map((b) => `Benefit: ${b.metric}`),
        ...(r.dependencies ?? []).map((d) => d.note),
      ),
      meta,
      filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.map(uiText)])),
    });
  }

  for (const g of model.goals) {
    out.push({
      url: `/goals/${g.id}/`,
      content: lines(g.record.title, g.record.owner && `Owner: ${g.record.owner}`, text(g), ...(g.record.key_results ?? []).map((k) => `Key result: ${k.metric}`)),
      meta: { title: g.record.title, type: KIND_LABEL.goals },
      filters: { type: [KIND_LABEL.goals] },
    });
  }
  for (const g of model.programs) {
    out.push({
      url: `/programs/${g.id}/`,
      content: lines(g.record.title, g.record.owner && `Owner: ${g.record.owner}`, text(g)),
      meta: { title: g.record.title, type: KIND_LABEL.programs },
      filters: { type: [KIND_LABEL.programs] },
    });
  }
  for (const t of model.teams) {
    out.push({
      url: `/teams/${t.id}/`,
      content: lines(t.record.title, text(t)),
      meta: { title: t.record.title, type: KIND_LABEL.teams },
      filters: { type: [KIND_LABEL.teams] },
    });
  }
  return out;
}

/**
 * Characters of text per part of the search index, by default. Pagefind holds
 * a whole index in memory while it writes it, at about 70 bytes per character
 * of text: 8 million characters (about 2,500 records with bodies of
 * realistic length) is a writer of about 550 MB. A bigger portfolio's index
 * is written in parts, one after the other, and the search page merges them
 * (Pagefind's `mergeIndex`), so memory stays flat as the portfolio grows:
 * written whole, 10,000 records took 1.8 GB (npm run bench).
 */
export const SEARCH_PART_CHARS = 8_000_000;

/**
 * Splits the documents, in order, into parts of at most `maxChars`
 * characters of content (a document longer than that is a part of its own).
 * Always at least one part, so an empty portfolio still gets a search bundle.
 */
export function searchParts(documents: readonly SearchDocument[], maxChars: number = SEARCH_PART_CHARS): SearchDocument[][] {
  const parts: SearchDocument[][] = [[]];
  let chars = 0;
  for (const d of documents) {
    const current = parts[parts.length - 1];
    if (current.length > 0 && chars + d.content.length > maxChars) {
      parts.push([d]);
      chars = d.content.length;
    } else {
      current.push(d);
      chars += d.content.length;
    }
  }
  return parts;
}

/** Where part `i` (from 0) of the index goes, relative to the search bundle: the first at its root (with Pagefind's scripts), the others in `part-2/`, `part-3/`… */
export const searchPartPath = (i: number): string => (i === 0 ? '' : `part-${i + 1}/`);
