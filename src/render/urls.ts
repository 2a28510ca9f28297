/** Site-relative links that honour BASE_PATH (Astro's `base`). */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function href(path: string): string {
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}

export const recordHref = {
  projects: (id: string) => href(`/projects/${id}/`),
  programs: (id: string) => href(`/programs/${id}/`),
  goals: (id: string) => href(`/goals/${id}/`),
  teams: (id: string) => href(`/teams/${id}/`),
};

/** The site map: every section, in nav order. */
export const SECTIONS = [
  { path: '/', label: 'Overview' },
  { path: '/roadmap/', label: 'Roadmap' },
  { path: '/dependencies/', label: 'Dependencies' },
  { path: '/scorecard/', label: 'Scorecard' },
  { path: '/backlog/', label: 'Backlog' },
  { path: '/projects/', label: 'Projects' },
  { path: '/programs/', label: 'Programs' },
  { path: '/goals/', label: 'Goals' },
  { path: '/teams/', label: 'Teams' },
  { path: '/search/', label: 'Search' },
] as const;

/** A record-supplied URL, only when it is http(s) or mailto: never `javascript:` or `data:`. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : undefined;
}
