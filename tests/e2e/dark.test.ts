/**
 * The example site in Chromium with `prefers-color-scheme: dark`: a dozen
 * representative pages (every chart, the badges, tables, cards, the nav, the
 * Mermaid diagram, search results; the capacity heatmap from the internal
 * build) pass axe-core's colour rules (contrast, links told apart from text).
 * Only colours change with the scheme: every other rule is checked on the
 * same templates by the light crawl (tests/e2e/site-example.test.ts, no
 * violation of any impact), so this keeps the second scheme cheap.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { assertBuilt, buildSite } from '../support/build-site.ts';
import { EXAMPLE, EXAMPLE_INTERNAL } from '../support/shared-builds.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { runAxe, visit } from '../support/crawl.ts';
import { prepare } from '../support/prepare.ts';
import { serve, type Served } from '../../src/io/static-server.ts';

const PAGES = [
  '/',
  '/roadmap/',
  '/roadmap/now-next-later/',
  '/roadmap/status/',
  '/dependencies/',
  '/scorecard/definitions/',
  '/backlog/',
  '/projects/',
  '/projects/datacentre-exit/',
  '/programs/digital-front-door/',
  '/goals/improve-patient-access/',
  '/changes/',
];
/**
 * The internal build adds the capacity heatmaps (scorecard, team and program pages) and a project summary's top risk
 * and decisions; its pages show everything the public ones do, so those are not opened twice.
 */
const INTERNAL_PAGES = ['/scorecard/', '/teams/security-review/', '/programs/cyber-security/', '/projects/patient-portal/'];

/** The axe-core rules whose outcome depends on the colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

vi.setConfig({ testTimeout: 180_000 });

describe.skipIf(skipBrowserTests)('example site in dark mode (prefers-color-scheme: dark)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let served: Served;
  let internal: Served;

  prepare(async () => {
    browser = await launchBrowser();
    served = await serve(assertBuilt(await buildSite(EXAMPLE)).outDir);
    internal = await serve(assertBuilt(await buildSite(EXAMPLE_INTERNAL)).outDir);
    context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await context?.close();
    await served?.close();
    await internal?.close();
    await browser?.close();
  });

  it('switches the palette: the page background is dark, text light', async () => {
    const page = await context.newPage();
    try {
      await page.goto(served.url);
      const [bg, ink] = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color]);
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      expect(luminance(bg)).toBeLessThan(0.15);
      expect(luminance(ink)).toBeGreaterThan(0.8);
    } finally {
      await page.close();
    }
  });

  it("passes axe-core's colour rules on representative pages", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      const urls = [...PAGES.map((p) => [p, `${served.url}${p.slice(1)}`]), ...INTERNAL_PAGES.map((p) => [`${p} (internal)`, `${internal.url}${p.slice(1)}`])];
      for (const [path, url] of urls) {
        const report = await visit(page, url!, { axe: true, axeRules: COLOUR_RULES });
        if (report.status !== 200) problems.push(`${path}: status ${report.status}`);
        for (const e of [...report.consoleErrors, ...report.pageErrors]) problems.push(`${path}: ${e}`);
        for (const v of report.violations) problems.push(`${path}: ${v.id} (${v.impact}) ${v.targets.join(' | ')}`);
      }
      // Search results and filters, drawn by Pagefind UI with the site's variables.
      await page.goto(`${served.url}search/?q=patient`);
      await page.waitForSelector('.pagefind-ui__result', { timeout: 20_000 });
      await page.waitForTimeout(300);
      for (const v of await runAxe(page, COLOUR_RULES)) problems.push(`/search/: ${v.id} (${v.impact}) ${v.targets.join(' | ')}`);
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
