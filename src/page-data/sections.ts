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
