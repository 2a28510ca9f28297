/**
 * A built site in a real browser (Debian's Chromium via playwright-core):
 * served over HTTP and crawled from its root, following every same-origin
 * link. Every page must answer 200, link only to things that exist and load
 * nothing from another origin (read from its HTML, on every page), log no
 * errors, run nothing from record text (`window.__pwned`, dialogs) and pass
 * axe-core with no serious or critical violation (in Chromium). Pages of one
 * route share their markup, so Chromium opens a few pages of each template,
 * every page with a script (the only pages where what runs could differ) and
 * the pages named; on a hostile fixture, the hostile records' own pages. What
 * a page without a script could run is read from the HTML of every page
 * (tests/build/site.test.ts: no raw markup, handlers or script URLs).
 *
 * One test file per site (tests/e2e/site-*.test.ts), so the crawls run side
 * by side in separate workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assertBuilt, buildSite, listFiles, type BuildOptions } from './build-site.ts';
import { launchBrowser, skipBrowserTests } from './browser.ts';
import { brokenLinks, crawl, formatViolations, templateOf, visit, type CrawlResult } from './crawl.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from './prepare.ts';

export interface SiteCase {
  name: string;
  build: BuildOptions;
  /** Pages of each template that axe-core checks (0: none). */
  axePerTemplate: number;
  /** Pages of each template Chromium opens, besides every page with a script and `always`. */
  browserPerTemplate: number;
  /** Paths Chromium always opens, and axe checks (e.g. the scorecard test's pages). */
  always?: string[];
  /** The axe-core impacts that fail the test; serious and critical by default. */
  axeImpacts?: string[];
  /** Hostile fixtures: check that nothing from record text ran. */
  hostile?: boolean;
  /**
   * Console errors that are the defence working, by page path. On the hostile
   * Mermaid page, Mermaid's own sanitizer lets an event-handler attribute from
   * a label reach a detached element; the Content-Security-Policy refuses it
   * (and `__pwned` stays undefined, asserted below). Any other error fails.
   */
  expectedConsoleErrors?: Record<string, RegExp>;
}

/** The scorecard pages whose axe-core check the example's crawls carry (tests/e2e/scorecard.test.ts checks the rest). */
export const SCORECARD_PAGES = ['scorecard/', 'scorecard/definitions/', 'backlog/', 'programs/cyber-security/', 'goals/strengthen-cyber-resilience/', 'teams/security-review/'];

/** The dependency diagrams' pages (the overview, a project's neighbourhood, a drawn Mermaid block): the public example crawl runs axe-core on them, every impact. */
export const DEPENDENCY_PAGES = ['dependencies/', 'projects/cloud-landing-zone/', 'projects/datacentre-exit/'];

/** The hostile fixture's pages whose own record text is hostile: the crawls open them whatever the samples. */
export const HOSTILE_PAGES = ['projects/hostile-title/', 'projects/hostile-body/'];

export const HOSTILE_MERMAID = { '/projects/hostile-body/': /^Executing inline event handler violates .*Content Security Policy/ };

const list = (lines: string[], max = 40) => (lines.length ? `\n  ${lines.slice(0, max).join('\n  ')}${lines.length > max ? `\n  … and ${lines.length - max} more` : ''}` : '');

/** The crawl's tests for one site. */
export function crawlSuite(site: SiteCase): void {
  describe.skipIf(skipBrowserTests)(`${site.name} in Chromium`, () => {
    let browser: Browser;
    let served: Served;
    let result: CrawlResult;
    let htmlPages: string[];

    prepare(async () => {
      browser = await launchBrowser();
      const built = assertBuilt(await buildSite(site.build));
      htmlPages = listFiles(built.outDir).filter((f) => f.endsWith('.html') && f !== '404.html');
      served = await serve(built.outDir, { base: site.build.basePath });
      result = await crawl(browser, served.url, {
        axe: site.axePerTemplate > 0,
        axePerTemplate: site.axePerTemplate,
        browserPerTemplate: site.browserPerTemplate,
        always: site.always,
        limit: 400,
      });
    });

    afterAll(async () => {
      await served?.close();
      await browser?.close();
    });

    it('reaches every page of the build by following links from the root', () => {
      expect(result.truncated).toBe(false);
      const base = site.build.basePath ?? '';
      const visited = [...result.pages.keys()].map((u) => new URL(u).pathname.slice(base.length)).sort();
      const expected = htmlPages.map((f) => `/${f.replace(/index\.html$/, '')}`).sort();
      expect(visited).toEqual(expected);
    });

    it('answers every page with 200 and HTML', () => {
      const bad = [...result.pages.values()].filter((p) => p.status !== 200 || !p.contentType.startsWith('text/html')).map((p) => `${p.url}: ${p.status} ${p.contentType}`);
      expect(bad, list(bad)).toEqual([]);
    });

    it(`opens in Chromium ${site.browserPerTemplate} page(s) of every template, every page with a script and the pages named`, () => {
      const pages = [...result.pages.values()];
      const templates = new Set(pages.map((p) => templateOf(p.url)));
      const opened = new Set(pages.filter((p) => p.opened).map((p) => templateOf(p.url)));
      expect([...templates].filter((t) => !opened.has(t))).toEqual([]);
      expect(pages.filter((p) => p.scripted && !p.opened).map((p) => p.url)).toEqual([]);
      expect(pages.filter((p) => p.scripted).length).toBeGreaterThan(0);
      for (const path of site.always ?? []) expect(result.pages.get(`${served.url}${path}`)?.opened, path).toBe(true);
    });

    it('logs no console errors, page errors or failed requests', () => {
      const problems = [...result.pages.values()].flatMap((p) => [
        ...p.consoleErrors
          .filter((e) => !site.expectedConsoleErrors?.[new URL(p.url).pathname]?.test(e))
          .map((e) => `${p.url}: console error: ${e}`),
        ...p.pageErrors.map((e) => `${p.url}: page error: ${e}`),
        ...p.failedRequests.map((e) => `${p.url}: request: ${e}`),
      ]);
      expect(problems, list(problems)).toEqual([]);
    });

    it('links only to pages and files that exist (fragments included)', () => {
      const broken = brokenLinks(result);
      expect(broken, list(broken)).toEqual([]);
      // Read from the HTML on every page: what Chromium would refuse (the CSP allows only the site) or fail to load.
      const offSite = [...result.pages.values()].flatMap((p) => p.offSite.map((o) => `${p.url}: ${o}`));
      expect(offSite, list(offSite)).toEqual([]);
      // The HTML reading the unopened pages rely on is the browser's, on every page Chromium opened.
      expect(result.disagreements, list(result.disagreements)).toEqual([]);
      // the crawl did check something: the nav, the records, the stylesheet
      expect(result.links.length).toBeGreaterThan(result.pages.size * 5);
      expect([...result.statuses.keys()].some((u) => u.endsWith('.css'))).toBe(true);
      expect([...result.statuses.keys()].some((u) => u.endsWith('/portfolio.json'))).toBe(true);
    });

    if (site.axePerTemplate > 0) {
      it('has no serious or critical accessibility violations (axe-core)', () => {
        const violations = formatViolations(result, site.axeImpacts);
        expect(violations, `axe-core violations:${list(violations, 60)}`).toEqual([]);
      });
    }

    if (site.hostile) {
      it('runs nothing from record text on the pages opened: window.__pwned stays undefined, no dialogs', () => {
        const ran = [...result.pages.values()]
          .filter((p) => p.pwned !== undefined || p.dialogs.length > 0)
          .map((p) => `${p.url}: __pwned=${String(p.pwned)} dialogs=${p.dialogs.join('; ')}`);
        expect(ran, list(ran)).toEqual([]);
        // The pages whose record text is hostile were opened.
        const opened = [...result.pages.values()].filter((p) => p.opened).map((p) => new URL(p.url).pathname);
        for (const path of HOSTILE_PAGES) expect(opened).toContain(`/${path}`);
      });
    }

    it('answers an unknown address with the 404 page, which is accessible and links home', async () => {
      const page = await browser.newPage();
      try {
        const report = await visit(page, `${served.url}no-such-page/`, { axe: site.axePerTemplate > 0 });
        expect(report.status).toBe(404);
        expect(await page.locator('h1').first().textContent()).toMatch(/not found/i);
        const home = report.links.filter((l) => l.tag === 'a').map((l) => l.url);
        expect(home).toContain(served.url);
        // Chromium logs the 404 of the page itself; nothing else may fail.
        const errors = report.consoleErrors.filter((e) => !/status of 404/.test(e) || !e.includes('no-such-page'));
        expect([...errors, ...report.pageErrors, ...report.failedRequests]).toEqual([]);
        const serious = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(' | ')}`);
        expect(serious, list(serious)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
}
