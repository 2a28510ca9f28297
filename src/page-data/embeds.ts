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

/** The roadmap by program over the default window: the chart /roadmap/ opens with. */
export function roadmapEmbed(model: PortfolioModel): TimelineEmbed {
  return {
    path: ROADMAP_EMBED_PATH,
    label: `${model.settings.title}: roadmap by program`,
    view: buildTimeline(model, model.projects, { grouping: 'program', window: true }),
  };
}

/** The records of a kind whose page draws a timeline (one project or more with both dates): one file each. */
export function embedIds(model: PortfolioModel, kind: EmbedKind): string[] {
  return model[kind].map((r) => r.id).filter((id) => (projectIds(model, kind, id) ?? []).some((p) => {
    const project = model.byId.projects.get(p);
    return project !== undefined && isScheduled(project);
  }));
}

/** A program's, goal's or team's timeline, as its page draws it; undefined for an unknown id. */
export function recordEmbed(model: PortfolioModel, kind: EmbedKind, id: string): TimelineEmbed | undefined {
  const ids = projectIds(model, kind, id);
  const record = model.byId[kind].get(id);
  if (!ids || !record) return undefined;
  return { path: `/${kind}/${id}/timeline.svg`, label: `Timeline of the ${KIND_WORD[kind]} ${record.record.title}`, view: projectsTimeline(model, ids) };
}

/**
 * What to paste: Markdown and HTML that show the file as an image. `root` is
 * the site's root with a trailing slash, absolute (`https://…/`) when the
 * site's URL is known, else its base path (`/`).
 */
export function embedSnippet(embed: Pick<TimelineEmbed, 'path' | 'label' | 'view'>, root: string): EmbedSnippet {
  const url = `${root}${embed.path.replace(/^\//, '')}`;
  const alt = embed.label.replace(/[[\]]/g, '').replace(/"/g, "'");
  return {
    url,
    absolute: /^https?:\/\//.test(root),
    markdown: `![${alt}](${url})`,
    html: `<img src="${url}" alt="${alt}" width="${embed.view.width}">`,
  };
}
