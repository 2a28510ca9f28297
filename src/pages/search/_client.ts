/**
 * The search page's only script: starts Pagefind UI (loaded by the page from
 * `pagefind/pagefind-ui.js`, written by the build) in `#search`, runs the
 * `?q=` query from the header box (across every part of the index), and keeps `?q=` in the address bar so a
 * search can be bookmarked or shared. It also dresses Pagefind UI as the
 * site: a record-type badge and health pills on results (`decorate`), and
 * long filter lists folded behind "Show all" (`foldFilters`).
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
  meta: Record<string, string>;
  sub_results?: { excerpt: string }[];
}

/** Filter lists longer than this show their first values (and any checked one) and a "Show all" button. */
export const FOLD_AFTER = 8;

/** Meta in the order a result card shows it: the kind of record first, then health, status, end. */
export function orderMeta(meta: Record<string, string>): Record<string, string> {
  const { title, type, health, status, end, ...rest } = meta;
  const ordered = Object.entries({ title, type, health, status, end, ...rest }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(ordered) as Record<string, string>;
}

/** The RAG class of a health word (src/core/search-index.ts `healthLabel`). */
export const ragOf = (word: string): string => ({ Green: 'green', Amber: 'amber', Red: 'red' })[word.trim()] ?? 'none';

/**
 * Marks Pagefind UI's result tags for the site's styles: the value of a
 * health tag as `data-rag`, and the type tag reads only its value
 * ("Project", not "Type: Project"). Pagefind UI (Svelte) keeps references to
 * these text nodes and updates their data, so they are changed in place,
 * never replaced. Idempotent: runs on every change of the results.
 */
export function decorate(root: HTMLElement): void {
  for (const li of root.querySelectorAll<HTMLElement>('.pagefind-ui__result-tag[data-pagefind-ui-meta]')) {
    const key = li.dataset.pagefindUiMeta;
    const texts = [...li.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE);
    if (key === 'type' && texts.length >= 3) {
      if (texts[0]!.data !== '') texts[0]!.data = '';
      if (texts[1]!.data !== '') texts[1]!.data = '';
    }
    if (key === 'health') {
      const rag = ragOf(li.textContent?.replace(/^[^:]*:/, '') ?? '');
      if (li.dataset.rag !== rag) li.dataset.rag = rag;
    }
  }
}

/** Folds every filter list longer than `FOLD_AFTER` values behind a "Show all" button (a disclosure). */
export function foldFilters(root: HTMLElement): void {
  for (const group of root.querySelectorAll<HTMLFieldSetElement>('fieldset.pagefind-ui__filter-group')) {
    const count = group.querySelectorAll('.pagefind-ui__filter-value').length;
    let button = group.nextElementSibling instanceof HTMLButtonElement ? group.nextElementSibling : null;
    if (count <= FOLD_AFTER) {
      group.classList.remove('folded');
      button?.remove();
      continue;
    }
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'filter-more';
      button.setAttribute('aria-expanded', 'false');
      button.addEventListener('click', () => {
        const open = button!.getAttribute('aria-expanded') !== 'true';
        button!.setAttribute('aria-expanded', String(open));
        group.classList.toggle('folded', !open);
        button!.textContent = open ? 'Show fewer' : `Show all ${group.querySelectorAll('.pagefind-ui__filter-value').length}`;
      });
      group.after(button);
      group.classList.add('folded');
    }
    const open = button.getAttribute('aria-expanded') === 'true';
    const text = open ? 'Show fewer' : `Show all ${count}`;
    if (button.textContent !== text) button.textContent = text;
  }
}

/** Resolves once Pagefind UI has drawn its filter panel inside `root` (it has loaded every filter), or after `timeoutMs`. */
export function filtersDrawn(root: HTMLElement, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const drawn = () => root.querySelector('.pagefind-ui__filter-panel') !== null;
    if (drawn()) return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => drawn() && done());
    const timer = setTimeout(done, timeoutMs);
    observer.observe(root, { childList: true, subtree: true });
  });
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
    // Values no result has under the current query and filters are hidden, not listed with (0).
    showEmptyFilters: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'Search projects, programs, goals, teams' },
    processResult: (result: PagefindResult) => {
      result.meta = orderMeta(result.meta);
      result.excerpt = safeExcerpt(result.excerpt);
      for (const sub of result.sub_results ?? []) sub.excerpt = safeExcerpt(sub.excerpt);
      return result;
    },
  });
  // Pagefind UI redraws as results and filter counts arrive: dress each redraw.
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      decorate(element);
      foldFilters(element);
    });
  }).observe(element, { childList: true, subtree: true, characterData: true });
  const q = new URLSearchParams(window.location.search).get('q')?.trim();
  const input = element.querySelector<HTMLInputElement>('input[type="text"], input[type="search"]');
  // Pagefind UI's box has only a placeholder: name it by the page heading (a visible label).
  input?.setAttribute('aria-labelledby', 'search-title');
  if (q) {
    if (input) input.value = q;
    // Pagefind counts a search's filters only from the filter files already loaded, and Pagefind UI loads them
    // alongside the first search: a `?q=` search that came back first drew a filter panel without (say) its Tag
    // list until the next search. So the query runs once the UI has drawn its filters (all loaded), or after 5 s.
    void filtersDrawn(element, 5000).then(() => ui.triggerSearch(q));
    // Focus is what starts Pagefind UI loading (autofocus does it too; this makes sure).
    input?.dispatchEvent(new FocusEvent('focus'));
  }
  input?.addEventListener('input', () => {
    const url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  });
}
