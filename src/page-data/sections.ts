/**
 * The sections of a long page, in order, for its "On this page" list: page
 * data decides which sections a page shows, and the page renders each
 * heading with this id and text, so the list and the headings cannot drift.
 */
export interface PageSection {
  /** The heading's id (the link target). */
  id: string;
  /** The heading's text. */
  title: string;
}

/** A page with at least this many sections gets an "On this page" list; shorter pages fit on a screen or two. */
export const ON_THIS_PAGE_MIN = 4;

/** The sections present (left-out sections are `false` or `undefined`), in order. */
export function presentSections(list: readonly (PageSection | false | undefined)[]): PageSection[] {
  return list.filter((s): s is PageSection => s !== false && s !== undefined);
}

/** The "On this page" list: the sections when there are at least ON_THIS_PAGE_MIN, else undefined. */
export function onThisPage(sections: readonly PageSection[]): PageSection[] | undefined {
  return sections.length >= ON_THIS_PAGE_MIN ? [...sections] : undefined;
}

/** A page's sections as page data hands them to the page: each shown one by key, the list in page order, and the "On this page" list. */
export interface ShownSections<K extends string> {
  section: Partial<Record<K, PageSection>>;
  sections: PageSection[];
  onThisPage?: PageSection[];
}

/** From every section a page can have (in page order) and which of them it shows. */
export function shownSections<K extends string>(all: Record<K, PageSection>, shown: Partial<Record<K, boolean>>): ShownSections<K> {
  const keys = (Object.keys(all) as K[]).filter((k) => shown[k]);
  const section = Object.fromEntries(keys.map((k) => [k, { ...all[k] }])) as Partial<Record<K, PageSection>>;
  const sections = keys.map((k) => section[k]!);
  return { section, sections, onThisPage: onThisPage(sections) };
}
