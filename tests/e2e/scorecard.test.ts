/**
 * The scorecard, its definitions, the backlog and the scoped scorecards of
 * program, goal and team pages in Chromium: no client JavaScript, every chart
 * an accessible image with a table alternative, and the example's scenarios
 * visible (the over-allocated role, the late projects, the budget overrun).
 * axe-core checks these pages in the example's crawls (SCORECARD_PAGES in
 * tests/support/site-crawl.ts: no serious or critical violation internally,
 * none of any impact in public), which open them anyway.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { assertBuilt, buildSite } from '../support/build-site.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { visit } from '../support/crawl.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from '../support/prepare.ts';
import { SCORECARD_PAGES as PAGES } from '../support/site-crawl.ts';

describe.skipIf(skipBrowserTests)('scorecard pages in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const served: Record<string, Served> = {};

  prepare(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    for (const [name, audience] of [
      ['internal', 'internal'],
      ['public', undefined],
    ] as const) {
      const built = assertBuilt(await buildSite({ content: 'content', audience }));
      served[name] = await serve(built.outDir);
    }
  });

  afterAll(async () => {
    for (const s of Object.values(served)) await s.close();
    await browser?.close();
  });

  for (const audience of ['internal', 'public'] as const) {
    for (const path of PAGES) {
      it(`${audience} /${path}: no script, no errors, charts labelled with a table alternative`, async () => {
        const report = await visit(page, served[audience].url + path);
        expect(report.status).toBe(200);
        expect(report.consoleErrors).toEqual([]);
        expect(report.pageErrors).toEqual([]);
        // zero client JavaScript in the page's own content (the layout's search box is outside <main>)
        expect(await page.$$eval('main script', (s) => s.length)).toBe(0);
        // every chart is an image with a name, and its section has a table
        const charts = await page.$$eval('main [role="img"]', (svgs) =>
          svgs.map((s) => {
            const id = s.getAttribute('aria-labelledby');
            const name = id ? (document.getElementById(id)?.textContent ?? '') : (s.getAttribute('aria-label') ?? '');
            const section = s.closest('section, .heatmap, li, td, figure')?.parentElement;
            return { name, table: !!section?.querySelector('table') || !!s.closest('td') };
          }),
        );
        for (const c of charts) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.table).toBe(true);
        }
      });
    }
  }

  it('internal scorecard: the over-allocated role, the late projects, the budget overrun', async () => {
    await page.goto(served.internal.url + 'scorecard/');
    const text = await page.innerText('main');
    expect(text).toContain('Security Review, Q3\u00a0FY2026/27: over-allocated (demand 2.5 FTE / capacity 2 FTE = 125%)');
    expect(await page.locator('rect.over title').allTextContents()).toEqual([
      'Security Review, Q3\u00a0FY2026/27: demand 2.5 FTE / capacity 2 FTE = 125%, over-allocated (> 110%); demanded by Cloud Landing Zone 0.3, Identity and Access Management 0.8, Medical Device Network Segmentation 0.5, Patient Portal and Online Booking 0.4, Managed Security Operations Centre 0.5',
    ]);
    expect(text).toMatch(/Overdue projects \(2\)/);
    expect(text).toContain('Windows 11 Desktop Migration: end 16\u00a0Oct\u00a02026, 30 days overdue');
    expect(text).toContain('Patient Contact Centre Telephony: end 30\u00a0Oct\u00a02026, 16 days overdue');
    // e-prescribing: (2,880,000 − 2,400,000) / 2,400,000 = +20% > 15% → red in the matrix
    const row = page.locator('table.matrix tr', { hasText: 'Electronic Prescribing' });
    expect(await row.locator('td').nth(1).innerText()).toBe('Red');
    expect(await row.locator('td').nth(1).locator('span').getAttribute('title')).toBe('variance +20% > 15%');
    // decisions: overdue first, most overdue first
    const decisions = await page.locator('h3:has-text("Decisions needed") + ul > li').allInnerTexts();
    expect(decisions.slice(0, 4).map((d) => d.split(' ').slice(0, 3).join(' '))).toEqual(['Overdue 46 days', 'Overdue 31 days', 'Overdue 15 days', 'Overdue 9 days']);
    // the risk heat map links to the open risks' projects
    expect(await page.locator('section:has(h2:text("Risk heat map")) table a').count()).toBeGreaterThan(10);
  });

  it('definitions: every definition link on the scorecard and backlog resolves to an anchor', async () => {
    await page.goto(served.internal.url + 'scorecard/definitions/');
    const ids = new Set(await page.$$eval('dt[id]', (d) => d.map((x) => x.id)));
    for (const path of ['scorecard/', 'backlog/']) {
      await page.goto(served.internal.url + path);
      const anchors = await page.$$eval('a[href*="/scorecard/definitions/#"]', (as) => as.map((a) => a.getAttribute('href')!.split('#')[1]));
      expect(anchors.length).toBeGreaterThan(0);
      for (const a of anchors) expect(ids.has(a), a).toBe(true);
    }
  });

  it('internal backlog: ranked requests with criterion bars, unscored apart, stale flagged, open ranking beside', async () => {
    await page.goto(served.internal.url + 'backlog/');
    const rows = await page.locator('section[aria-labelledby="requests-h"] tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s/)[0])).toEqual(['1', '4', '5', '9']);
    expect(await page.locator('section[aria-labelledby="requests-h"] tbody tr').first().locator('svg title').first().textContent()).toMatch(/^Strategic fit: 5 on the scale → normalised 1; 100 × 3·1 \/ 10 = 30 of at most 30 points$/);
    const text = await page.innerText('main');
    expect(text).toContain('Staff Wellbeing App — missing: Strategic fit, Business value, Delivery risk, Effort');
    expect(text).toMatch(/Staff Wellbeing App[^\n]*Stale: 158 days since update/);
    const ranking = await page.locator('section[aria-labelledby="open-h"] tbody tr').allInnerTexts();
    expect(ranking).toHaveLength(9);
    expect(ranking[1]).toContain('Patient Portal and Online Booking');
  });

  it('public scorecard and backlog: no hidden figures, and they still read', async () => {
    await page.goto(served.public.url + 'scorecard/');
    const text = await page.innerText('main');
    expect(text).toContain('This edition does not publish budget, scores, capacity demand, risks, benefits, decisions, change requests');
    expect(text).not.toMatch(/£|Variance|Risk heat map|Capacity|Decisions needed/);
    expect(text).toContain('Health matrix');
    expect(text).toContain('Overdue projects (2)');
    // budget and resources health derive from hidden fields: no column of "No data"
    const columns = await page.locator('table.matrix thead th').allInnerTexts();
    expect(columns.slice(1, 4)).toEqual(['Schedule', 'Scope', 'Benefits']);
    await page.goto(served.internal.url + 'scorecard/');
    expect((await page.locator('table.matrix thead th').allInnerTexts()).slice(1, 6)).toEqual(['Schedule', 'Budget', 'Scope', 'Resources', 'Benefits']);
    await page.goto(served.public.url + 'backlog/');
    const backlog = await page.innerText('main');
    expect(backlog).toContain('This edition publishes the priority order, not the scores behind it.');
    expect(await page.locator('main svg').count()).toBe(0);
    expect(backlog).not.toContain('missing:');
  });
});
