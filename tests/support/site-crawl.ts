/**
 * A built site in a real browser (Debian's Chromium via playwright-core):
 * served over HTTP and crawled from its root, following every same-origin
 * link. Every page must answer 200, log no errors, link only to things that
 * exist, run nothing from record text (`window.__pwned`, dialogs) and pass
 * axe-core with no serious or critical violation (on a few pages of each
 * template: pages of one route share their markup).
 *
 * One test file per site (tests/e2e/site-*.test.ts), so the crawls run side
 * by side in separate workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assertBuilt, buildSite, listFiles, type BuildOptions } from './build-site.ts';
import { launchBrowser, skipBrowserTests } from './browser.ts';
import { brokenLinks, crawl, formatViolations, visit, type CrawlResult } from './crawl.ts';
import { serve, type Served } from './serve.ts';
import { prepare } from './prepare.ts';

export interface SiteCase {
  name: string;
  build: BuildOptions;
  /** Pages of each template that axe-core checks (0: none). */
  axePerTemplate: number;
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
      result = await crawl(browser, served.url, { axe: site.axePerTemplate > 0, axePerTemplate: site.axePerTemplate, limit: 400 });
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
      it('runs nothing from record text: window.__pwned stays undefined, no dialogs', () => {
        const ran = [...result.pages.values()]
          .filter((p) => p.pwned !== undefined || p.dialogs.length > 0)
          .map((p) => `${p.url}: __pwned=${String(p.pwned)} dialogs=${p.dialogs.join('; ')}`);
        expect(ran, list(ran)).toEqual([]);
        const paths = [...result.pages.keys()].map((u) => new URL(u).pathname);
        expect(paths).toContain('/projects/hostile-title/');
        expect(paths).toContain('/projects/hostile-body/');
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
