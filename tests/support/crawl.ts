/**
 * Crawls a served site in Chromium from its root, following every
 * same-origin link (bounded), and records for each page what the browser
 * saw: status, console errors, page errors, dialogs, failed requests,
 * `window.__pwned`, axe-core violations, and every same-origin URL the page
 * links or loads. Non-page URLs (CSS, icons, portfolio.json) are fetched to
 * check they resolve.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

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

/** Runs axe-core on the loaded page: every rule, or only `rules` (axe rule ids). */
export async function runAxe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than added as an inline
  // <script>, which the site's Content-Security-Policy (rightly) blocks.
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
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

/** Visits one page and reports what happened. */
export async function visit(page: Page, url: string, options: { axe?: boolean; axeRules?: string[] } = {}): Promise<PageReport & { links: { tag: string; url: string }[] }> {
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

export async function crawl(browser: Browser, start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const limit = options.limit ?? 400;
  const origin = new URL(start).origin;
  // Only the site under test is fetched: the browser resolves no other host (see launchBrowser), which costs
  // nothing per request, where intercepting every request through the protocol doubled each page's load.
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pages = new Map<string, PageReport>();
  const statuses = new Map<string, number>();
  const links: LinkRecord[] = [];
  const queue: string[] = [withoutHash(start)];
  const queued = new Set(queue);
  const files = new Set<string>();
  const axed = new Map<string, number>();
  let truncated = false;
  try {
    while (queue.length > 0) {
      if (pages.size >= limit) {
        truncated = true;
        break;
      }
      const url = queue.shift()!;
      const template = templateOf(url);
      const seen = axed.get(template) ?? 0;
      const axe = options.axe === true && (options.axePerTemplate === undefined || seen < options.axePerTemplate);
      if (axe) axed.set(template, seen + 1);
      const report = await visit(page, url, { axe });
      const { links: found, ...rest } = report;
      statuses.set(url, report.status);
      if (!report.contentType.includes('text/html')) continue; // e.g. a redirect to a file
      pages.set(url, rest);
      for (const link of found) {
        if (new URL(link.url).origin !== origin) continue;
        links.push({ from: url, to: link.url, tag: link.tag });
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
    }
    for (const file of files) if (!statuses.has(file)) statuses.set(file, await statusOf(file));
  } finally {
    await context.close();
  }
  return { pages, statuses, links, truncated };
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
