/**
 * Crawls a served site from its root, following every same-origin link
 * (bounded). Every page is fetched over HTTP and read as HTML (its status,
 * the URLs it links or loads, its ids); non-page URLs (CSS, icons,
 * portfolio.json) are fetched to check they resolve. Chromium then opens
 * every page, or a sample (`browserPerTemplate`: the first pages of each
 * template, plus every page with a script and the `always` paths), and
 * records what only a browser sees: console errors, page errors, dialogs,
 * failed requests, `window.__pwned`, axe-core violations, and the links and
 * ids of the page as drawn (scripts may add some). On each page it opens,
 * the HTML reading must agree with the browser's (`disagreements`), so the
 * reading the other pages rely on is checked where it can be.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { parseTags } from './html.ts';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface PageReport {
  url: string;
  status: number;
  contentType: string;
  /** Whether Chromium opened the page: the browser's findings below are empty otherwise. */
  opened: boolean;
  /** Whether the page's HTML has a <script> (such pages are always opened). */
  scripted: boolean;
  /** What the page's HTML loads from another origin (img, script, iframe, stylesheet…), which the site's CSP would refuse. */
  offSite: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  failedRequests: string[];
  pwned: unknown;
  violations: AxeViolation[];
  /** Ids in the page (for fragment links). */
  ids: string[];
}

export interface LinkRecord {
  from: string;
  to: string;
  /** The element: `a`, `link`, `img`… */
  tag: string;
}

export interface CrawlResult {
  pages: Map<string, PageReport>;
  /** Status of every same-origin URL linked or loaded (pages and other files). */
  statuses: Map<string, number>;
  links: LinkRecord[];
  /** True when the crawl stopped at the page limit. */
  truncated: boolean;
  /** Pages Chromium opened whose links or ids (as drawn) differ from the HTML reading, on pages without a script. */
  disagreements: string[];
}

export interface CrawlOptions {
  /** Pages to visit at most. */
  limit?: number;
  /** Run axe-core: on every page, or on the first `axePerTemplate` pages of each template. */
  axe?: boolean;
  /**
   * Pages of one template (one route: /projects/<id>/, /projects/list/<key>/page/<n>/) share their
   * markup, so axe on a few of each finds what it would find on all. Default: every page.
   */
  axePerTemplate?: number;
  /**
   * Pages of each template Chromium opens (the first, in crawl order); every page with a script and every
   * `always` page are opened too. Default: every page.
   */
  browserPerTemplate?: number;
  /** Paths under the site root (`scorecard/`) that Chromium opens, with axe when `axe` is set, whatever the samples. */
  always?: string[];
}

/** The route a page comes from: its path with the record id (or page number) segments replaced by `*`. */
export function templateOf(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  return `/${parts.map((seg, i) => (i === 0 ? seg : '*')).join('/')}/`;
}

const PAGE_TAGS = new Set(['a', 'area']);

/** A link to a page (followed in the browser) rather than a file (fetched): `<a>` to a path with no extension or `.html`. */
function isPageLink(tag: string, url: string): boolean {
  if (!PAGE_TAGS.has(tag)) return false;
  const last = new URL(url).pathname.split('/').at(-1) ?? '';
  return !last.includes('.') || /\.html?$/i.test(last);
}

/** The URL without its fragment. */
const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** The elements whose URL the crawl follows or fetches, by tag: the attribute the browser reading takes (`href`, else `src`, else `action`). */
const LINKING: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', source: 'src', iframe: 'src', form: 'action', use: 'href' };
/** `<link rel>` values that make the browser load the URL. */
const LOADING_RELS = /(^|\s)(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)(\s|$)/i;

/** What the crawl reads from a page's HTML, as `readPage` reads it from the page drawn (the first of repeated attributes wins, as in the DOM). */
export function readHtml(html: string, url: string): { links: { tag: string; url: string }[]; ids: string[]; scripted: boolean; offSite: string[] } {
  const tags = parseTags(html);
  const attr = (attrs: [string, string][], name: string) => attrs.find(([k]) => k === name)?.[1];
  const baseTag = tags.find((t) => t.name === 'base' && attr(t.attrs, 'href') !== undefined);
  const base = baseTag ? new URL(attr(baseTag.attrs, 'href')!, url).href : url;
  const origin = new URL(url).origin;
  const links: { tag: string; url: string }[] = [];
  const offSite: string[] = [];
  for (const t of tags) {
    const needed = LINKING[t.name];
    if (!needed || attr(t.attrs, needed) === undefined) continue;
    const raw = attr(t.attrs, 'href') ?? attr(t.attrs, 'src') ?? attr(t.attrs, 'action') ?? '';
    let target: URL;
    try {
      target = new URL(raw, base);
    } catch {
      continue; // the browser reading would throw on it too: not a URL
    }
    links.push({ tag: t.name, url: target.href });
    const loads = ['img', 'script', 'source', 'iframe', 'use'].includes(t.name) || (t.name === 'link' && LOADING_RELS.test(attr(t.attrs, 'rel') ?? ''));
    if (loads && target.origin !== origin && target.protocol !== 'data:') offSite.push(`<${t.name}> ${target.href}`);
  }
  const ids = tags.flatMap((t) => {
    const id = attr(t.attrs, 'id');
    return id === undefined ? [] : [id];
  });
  return { links, ids, scripted: tags.some((t) => t.name === 'script'), offSite };
}

/** Everything the crawl reads from a loaded page, in one round trip: its links and files, its ids, and `window.__pwned`. */
async function readPage(page: Page): Promise<{ links: { tag: string; url: string }[]; ids: string[]; pwned: unknown }> {
  return page.evaluate(() => ({
    links: [...document.querySelectorAll('a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], form[action], use[href]')].map((el) => {
      const tag = el.tagName.toLowerCase();
      const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '';
      return { tag, url: new URL(raw, document.baseURI).href };
    }),
    ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
    pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned,
  }));
}

let axeSource: string | undefined;
const axeCode = () => (axeSource ??= readFileSync(AXE_PATH, 'utf8'));

/** Pages that load axe-core with every document (see `preloadAxe`). */
const preloaded = new WeakSet<Page>();

/**
 * From a page's first axe-core run on, axe-core comes with every document it loads, as an init script:
 * Chromium compiles it from its code cache, where evaluating it through the DevTools protocol each time
 * sends and compiles 550 kB again (about 0.1 CPU-s a run). An init script runs whatever the page's
 * Content-Security-Policy, as the protocol's evaluation does; it only defines `window.axe`.
 */
async function preloadAxe(page: Page): Promise<void> {
  if (preloaded.has(page)) return;
  preloaded.add(page);
  await page.addInitScript({ content: axeCode() });
}

/** Runs axe-core on the loaded page: every rule, or only `rules` (axe rule ids). */
export async function runAxe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than added as an inline
  // <script>, which the site's Content-Security-Policy (rightly) blocks; a
  // page that loaded it with the document (`preloadAxe`) has it already.
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axeCode());
  await preloadAxe(page);
  const violations = await page.evaluate(async (rules) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: (v.impact ?? null) as string | null,
      help: v.help as string,
      targets: (v.nodes as { target: unknown[] }[]).slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  }, rules);
  return violations;
}

/** What Chromium saw of one page. */
export type BrowserReport = Omit<PageReport, 'opened' | 'scripted' | 'offSite'> & { links: { tag: string; url: string }[] };

/** Visits one page and reports what happened. */
export async function visit(page: Page, url: string, options: { axe?: boolean; axeRules?: string[] } = {}): Promise<BrowserReport> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const failedRequests: string[] = [];
  const onConsole = (msg: import('playwright-core').ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(`${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  };
  const onPageError = (error: Error) => pageErrors.push(error.message);
  const onDialog = (dialog: import('playwright-core').Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  };
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.status() >= 400 && response.url() !== url) failedRequests.push(`${response.status()} ${response.url()}`);
  };
  const onRequestFailed = (request: import('playwright-core').Request) => {
    // A navigation cancels requests still in flight (the favicon, typically);
    // every linked file is fetched and checked on its own by the crawl.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    failedRequests.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('dialog', onDialog);
  page.on('response', onResponse);
  page.on('requestfailed', onRequestFailed);
  try {
    if (options.axe) await preloadAxe(page);
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response?.status() ?? 0;
    const contentType = response?.headers()['content-type'] ?? '';
    const isHtml = contentType.includes('text/html');
    // Mermaid draws after `load` (a lazy import, then an async render): wait until every block is drawn
    // (or has said it could not be), so whatever it logs is logged while this page is the one visited.
    const hasMermaid = isHtml && (await page.evaluate(() => document.querySelector('pre > code.language-mermaid') !== null));
    if (hasMermaid) {
      await page.waitForFunction(
        () => document.querySelectorAll('pre > code.language-mermaid').length === document.querySelectorAll('.mermaid-figure > div:first-child:not(:empty)').length,
        undefined,
        { timeout: 30_000 },
      );
    }
    const { links, ids, pwned } = isHtml ? await readPage(page) : { links: [], ids: [], pwned: await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned) };
    const violations = isHtml && options.axe ? await runAxe(page, options.axeRules) : [];
    return { url, status, contentType, consoleErrors, pageErrors, dialogs, failedRequests, pwned: pwned ?? undefined, violations, ids, links };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('dialog', onDialog);
    page.off('response', onResponse);
    page.off('requestfailed', onRequestFailed);
  }
}

async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url, { redirect: 'follow' });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** A page over HTTP: its status and type, and for HTML what `readHtml` reads. */
async function fetchPage(url: string): Promise<{ status: number; contentType: string; html?: ReturnType<typeof readHtml> }> {
  try {
    const response = await fetch(url, { redirect: 'follow' });
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/html')) {
      await response.arrayBuffer();
      return { status: response.status, contentType };
    }
    // Links resolve against the address the page was served from (after a redirect), as in the browser.
    return { status: response.status, contentType, html: readHtml(await response.text(), response.url) };
  } catch {
    return { status: 0, contentType: '' };
  }
}

const linkKey = (l: { tag: string; url: string }) => `<${l.tag}> ${l.url}`;

/** Lines for what one reading has and the other lacks: `what` (links or ids) only in the HTML or only in the browser. */
function differences(what: string, fromHtml: string[], inBrowser: string[]): string[] {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(fromHtml);
  const b = count(inBrowser);
  const out: string[] = [];
  for (const [x, n] of a) if ((b.get(x) ?? 0) !== n) out.push(`${what} ${x}: ${n} in the HTML, ${b.get(x) ?? 0} in the browser`);
  for (const [x, n] of b) if (!a.has(x)) out.push(`${what} ${x}: 0 in the HTML, ${n} in the browser`);
  return out;
}

export async function crawl(browser: Browser, start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const limit = options.limit ?? 400;
  const origin = new URL(start).origin;
  const pages = new Map<string, PageReport>();
  const statuses = new Map<string, number>();
  const links: LinkRecord[] = [];
  const seenLinks = new Set<string>();
  const queue: string[] = [withoutHash(start)];
  const queued = new Set(queue);
  const files = new Set<string>();
  const htmlLinks = new Map<string, { tag: string; url: string }[]>();
  const disagreements: string[] = [];
  let truncated = false;

  const follow = (from: string, found: { tag: string; url: string }[]) => {
    for (const link of found) {
      if (new URL(link.url).origin !== origin) continue;
      const key = `${from} ${linkKey(link)}`;
      if (!seenLinks.has(key)) {
        seenLinks.add(key);
        links.push({ from, to: link.url, tag: link.tag });
      }
      const target = withoutHash(link.url);
      if (isPageLink(link.tag, target)) {
        if (!queued.has(target)) {
          queued.add(target);
          queue.push(target);
        }
      } else {
        files.add(target);
      }
    }
  };

  /** Every page in the queue, over HTTP; returns the pages read. */
  const readQueued = async (): Promise<string[]> => {
    const read: string[] = [];
    while (queue.length > 0) {
      if (pages.size >= limit) {
        truncated = true;
        break;
      }
      const url = queue.shift()!;
      const { status, contentType, html } = await fetchPage(url);
      statuses.set(url, status);
      if (!html) continue; // not a page (e.g. a redirect to a file)
      pages.set(url, {
        url,
        status,
        contentType,
        opened: false,
        scripted: html.scripted,
        offSite: html.offSite,
        consoleErrors: [],
        pageErrors: [],
        dialogs: [],
        failedRequests: [],
        pwned: undefined,
        violations: [],
        ids: html.ids,
      });
      htmlLinks.set(url, html.links);
      follow(url, html.links);
      read.push(url);
    }
    return read;
  };

  // Only the site under test is fetched: the browser resolves no other host (see launchBrowser), which costs
  // nothing per request, where intercepting every request through the protocol doubled each page's load.
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const opened = new Map<string, number>();
  const axed = new Map<string, number>();
  const always = new Set((options.always ?? []).map((p) => new URL(p, start).href));
  try {
    // Pages found by what a script drew are read and sampled in turn.
    for (let read = await readQueued(); read.length > 0; read = await readQueued()) {
      for (const url of read) {
        const report = pages.get(url)!;
        const template = templateOf(url);
        const sampled = options.browserPerTemplate === undefined || (opened.get(template) ?? 0) < options.browserPerTemplate;
        if (!sampled && !report.scripted && !always.has(url)) continue;
        opened.set(template, (opened.get(template) ?? 0) + 1);
        const seen = axed.get(template) ?? 0;
        const axe = options.axe === true && (always.has(url) || options.axePerTemplate === undefined || seen < options.axePerTemplate);
        if (axe && !always.has(url)) axed.set(template, seen + 1);
        const { links: drawn, ...seenInBrowser } = await visit(page, url, { axe });
        statuses.set(url, seenInBrowser.status);
        if (!report.scripted) {
          for (const d of [...differences('link', htmlLinks.get(url)!.map(linkKey), drawn.map(linkKey)), ...differences('id', report.ids, seenInBrowser.ids)]) disagreements.push(`${url}: ${d}`);
        }
        // The page as drawn: its ids (a script may add some) and its links, followed too.
        pages.set(url, { ...report, ...seenInBrowser, opened: true, ids: [...new Set([...report.ids, ...seenInBrowser.ids])] });
        follow(url, drawn);
      }
    }
    for (const file of files) if (!statuses.has(file)) statuses.set(file, await statusOf(file));
  } finally {
    await context.close();
  }
  return { pages, statuses, links, truncated, disagreements };
}

/** Links that do not resolve: a 4xx/5xx target, or a fragment with no such id on its page. */
export function brokenLinks(result: CrawlResult): string[] {
  const broken: string[] = [];
  for (const link of result.links) {
    const target = withoutHash(link.to);
    const status = result.statuses.get(target);
    if (status === undefined) continue; // not visited (crawl limit)
    if (status < 200 || status >= 400) {
      broken.push(`${link.from} → <${link.tag}> ${link.to} (${status})`);
      continue;
    }
    const hash = link.to.includes('#') ? decodeURIComponent(link.to.slice(link.to.indexOf('#') + 1)) : '';
    const page = result.pages.get(target);
    if (hash && page && !page.ids.includes(hash)) broken.push(`${link.from} → ${link.to} (no element with id "${hash}")`);
  }
  return [...new Set(broken)];
}

/** Readable lines: `rule (impact) on page: target — help`. */
export function formatViolations(result: CrawlResult, impacts: string[] = ['serious', 'critical']): string[] {
  const lines: string[] = [];
  for (const [url, page] of result.pages) {
    for (const v of page.violations) {
      if (!v.impact || !impacts.includes(v.impact)) continue;
      lines.push(`${v.id} (${v.impact}) on ${new URL(url).pathname}: ${v.targets.join(' | ')} — ${v.help}`);
    }
  }
  return lines;
}
