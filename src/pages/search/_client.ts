/**
 * The search page's only script: starts Pagefind UI (loaded by the page from
 * `pagefind/pagefind-ui.js`, written by the build) in `#search`, runs the
 * `?q=` query from the header box (across every part of the index), and keeps `?q=` in the address bar so a
 * search can be bookmarked or shared.
 */
/**
 * Pagefind UI inserts excerpts with innerHTML, and Pagefind builds them from
 * the indexed *text* (record text decoded: `&lt;img onerror>` becomes a real
 * `<img onerror>`), adding only `<mark>` around matches. So every excerpt is
 * escaped here and only bare `<mark>`/`</mark>` are put back: record text is
 * never markup. (The CSP would block scripts anyway; this keeps markup out.)
 */
export function safeExcerpt(html: string): string {
  return html
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/&lt;(\/?)mark&gt;/g, '<$1mark>');
}

interface PagefindResult {
  excerpt: string;
  sub_results?: { excerpt: string }[];
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

export function startSearch(): void {
  const element = document.getElementById('search');
  const PagefindUI = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
  if (!element || !PagefindUI) return;
  const ui = new PagefindUI({
    element: '#search',
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.base,
    // A big portfolio's index is in parts: Pagefind searches them together (one WebAssembly engine, filter counts summed).
    mergeIndex: (element.dataset.merge ?? '').split(' ').filter(Boolean).map((bundlePath) => ({ bundlePath, baseUrl: element.dataset.base })),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'Search projects, programs, goals, teams' },
    processResult: (result: PagefindResult) => {
      result.excerpt = safeExcerpt(result.excerpt);
      for (const sub of result.sub_results ?? []) sub.excerpt = safeExcerpt(sub.excerpt);
      return result;
    },
  });
  const q = new URLSearchParams(window.location.search).get('q')?.trim();
  const input = element.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
  // Pagefind UI's box has only a placeholder: name it by the page heading (a visible label).
  input?.setAttribute('aria-labelledby', 'search-title');
  if (q) {
    if (input) input.value = q;
    ui.triggerSearch(q);
  }
  input?.addEventListener('input', () => {
    const url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  });
}
