/**
 * The embeddable timelines: `/roadmap/timeline.svg` (the roadmap by program,
 * as /roadmap/ shows it) and one per program, goal and team with a timeline
 * on its page. Each is the same view model as the page's chart, drawn as one
 * standalone SVG file (src/layouts/embed-svg.ts), plus the snippet the page
 * offers for pasting it into a README, a wiki or a slide.
 */
import { buildTimeline, isScheduled, projectsTimeline, type TimelineView } from '../charts/timeline.ts';
import type { PortfolioModel } from '../core/model.ts';

export type EmbedKind = 'programs' | 'goals' | 'teams';

export interface TimelineEmbed {
  /** The file's path on the site, e.g. `/programs/cyber/timeline.svg`. */
  path: string;
  /** What the image shows, for its `aria-label` and the snippet's alt text. */
  label: string;
  view: TimelineView;
}

export interface EmbedSnippet {
  /** The file's URL: absolute when the site's URL is known (`SITE_URL`), else a path on the site. */
  url: string;
  absolute: boolean;
  markdown: string;
  html: string;
}

const KIND_WORD: Record<EmbedKind, string> = { programs: 'program', goals: 'goal', teams: 'team' };

function projectIds(model: PortfolioModel, kind: EmbedKind, id: string): readonly string[] | undefined {
  if (kind === 'programs') return model.byId.programs.get(id)?.rollup.projects;
  if (kind === 'goals') return model.byId.goals.get(id)?.rollup.projects;
  return model.byId.teams.get(id)?.projects;
}

export const ROADMAP_EMBED_PATH = '/roadmap/timeline.svg';

/** Where the roadmap's file is and what it shows. */
export function roadmapEmbedRef(model: PortfolioModel): Pick<TimelineEmbed, 'path' | 'label'> {
  return { path: ROADMAP_EMBED_PATH, label: `${model.settings.title}: roadmap by program` };
}

/** The roadmap by program over the default window: the chart /roadmap/ opens with. */
export function roadmapEmbed(model: PortfolioModel): TimelineEmbed {
  return { ...roadmapEmbedRef(model), view: buildTimeline(model, model.projects, { grouping: 'program', window: true }) };
}

/**
 * A record's timeline is offered as an image up to this many projects: taller
 * than about 1,500 px it reads in no README or slide, and at 2,000 projects
 * the files would add ~10 MB to the site. /roadmap/timeline.svg is always
 * written (above 500 projects its lanes are one row each).
 */
export const EMBED_MAX_PROJECTS = 60;

/** How many projects a record's timeline draws (those with both dates). */
function charted(model: PortfolioModel, kind: EmbedKind, id: string): number {
  return (projectIds(model, kind, id) ?? []).filter((p) => {
    const project = model.byId.projects.get(p);
    return project !== undefined && isScheduled(project);
  }).length;
}

/** The records of a kind with a timeline file: their page draws a timeline of at most EMBED_MAX_PROJECTS projects. */
export function embedIds(model: PortfolioModel, kind: EmbedKind): string[] {
  return model[kind].filter((r) => embedRef(kind, r.id, r.record.title, charted(model, kind, r.id))).map((r) => r.id);
}

/** Where a record's timeline file is and what it shows, when it has one (its page draws `charted` projects). */
export function embedRef(kind: EmbedKind, id: string, title: string, charted: number): Pick<TimelineEmbed, 'path' | 'label'> | undefined {
  if (charted === 0 || charted > EMBED_MAX_PROJECTS) return undefined;
  return { path: `/${kind}/${id}/timeline.svg`, label: `Timeline of the ${KIND_WORD[kind]} ${title}` };
}

/** A program's, goal's or team's timeline, as its page draws it; undefined for an unknown id or one with no file (see embedIds). */
export function recordEmbed(model: PortfolioModel, kind: EmbedKind, id: string): TimelineEmbed | undefined {
  const ids = projectIds(model, kind, id);
  const record = model.byId[kind].get(id);
  const ref = ids && record ? embedRef(kind, id, record.record.title, charted(model, kind, id)) : undefined;
  return ref && { ...ref, view: projectsTimeline(model, ids!) };
}

/**
 * What to paste: Markdown and HTML that show the file as an image. `root` is
 * the site's root with a trailing slash, absolute (`https://…/`) when the
 * site's URL is known, else its base path (`/`).
 */
export function embedSnippet(embed: Pick<TimelineEmbed, 'path' | 'label'> & { width: number }, root: string): EmbedSnippet {
  const url = `${root}${embed.path.replace(/^\//, '')}`;
  const alt = embed.label.replace(/[[\]]/g, '').replace(/"/g, "'");
  return {
    url,
    absolute: /^https?:\/\//.test(root),
    markdown: `![${alt}](${url})`,
    html: `<img src="${url}" alt="${alt}" width="${embed.width}">`,
  };
}
