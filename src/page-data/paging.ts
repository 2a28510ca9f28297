/**
 * Caps and pages for long lists, so every page stays readable (and under its
 * size budget) on a real portfolio: a summary shows the first LIST_CAP items
 * with "N more", linking to a full list split into pages of PAGE_SIZE.
 */

/** How many items a summary list shows before "N more". */
export const LIST_CAP = 50;
/** How many items each of the scorecard's "Needs attention" lists shows (the most urgent): the page stays a summary, and the health matrix stays near the top. */
export const ATTENTION_CAP = 10;
/** Rows per page of a full list. */
export const PAGE_SIZE = 200;

export interface Capped<T> {
  shown: T[];
  /** Items left out (0 when the list fits). */
  more: number;
  total: number;
}

/** The first `limit` items (already sorted worst- or soonest-first by the caller) and how many are left out. */
export function capList<T>(items: readonly T[], limit = LIST_CAP): Capped<T> {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit), total: items.length };
}

export interface PageOf<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  /** 1-based position of the first item in the whole list (0 when empty). */
  from: number;
  /** Where the previous and next pages are (absent on the first and last). */
  prev?: string;
  next?: string;
}

/** The URL of page `n` of a list whose first page is `base` (e.g. /projects/ → /projects/page/2/). */
export function pagePath(base: string, n: number): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return n <= 1 ? b : `${b}page/${n}/`;
}

/** Every page of a list (at least one, possibly empty), with prev/next paths from `base`. */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): PageOf<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    page: i + 1,
    pages,
    total: items.length,
    from: items.length ? i * size + 1 : 0,
    prev: i > 0 ? pagePath(base, i) : undefined,
    next: i + 1 < pages ? pagePath(base, i + 2) : undefined,
  }));
}
