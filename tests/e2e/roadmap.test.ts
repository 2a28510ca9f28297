/**
 * The roadmap pages of the example portfolio in real Chromium: every bar
 * links to a page that exists, the chart is inline SVG with no script, it has
 * its table alternative, axe finds nothing serious at phone width, and print
 * fits the page (console errors, sideways scroll and the chart's scroll region
 * at every width: the example's crawl and tests/e2e/fit.test.ts). At 1440 px
 * axis, as-of, marker and milestone labels never overlap and no SVG text is drawn below 11 px; at 390 px
 * the list by quarter replaces the chart. The embeddable /roadmap/timeline.svg
 * is one self-contained SVG document that, shown through <img> (as a README,
 * a wiki or a slide shows it), draws the same pixels as the page's chart,
 * light and dark. A roadmap taller than wide (2,000 projects) prints in slices
 * of whole rows under a repeated axis.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { assertBuilt, buildRoot, buildSite, readText } from '../support/build-site.ts';
import { EXAMPLE, SYNTHETIC_RECORDS, syntheticContent } from '../support/shared-builds.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { visit } from '../support/crawl.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from '../support/prepare.ts';

/** Share of pixels whose colour differs by more than `threshold` in any channel (decoded in the page: no image library needed). */
async function pixelDifference(page: Page, a: Buffer, b: Buffer, threshold = 40): Promise<{ width: number; height: number; share: number; sizes: number[] }> {
  return page.evaluate(
    async ([a64, b64, t]) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [x, y] = await Promise.all([load(a64 as string), load(b64 as string)]);
      // The page's box may be a pixel taller (line layout under the SVGs): compare the common area.
      const width = Math.min(x.width, y.width);
      const height = Math.min(x.height, y.height);
      let differ = 0;
      for (let row = 0; row < height; row += 1) {
        for (let col = 0; col < width; col += 1) {
          const i = (row * x.width + col) * 4;
          const j = (row * y.width + col) * 4;
          if (Math.max(Math.abs(x.data[i] - y.data[j]), Math.abs(x.data[i + 1] - y.data[j + 1]), Math.abs(x.data[i + 2] - y.data[j + 2])) > (t as number)) differ += 1;
        }
      }
      return { width, height, share: differ / (width * height), sizes: [x.width, x.height, y.width, y.height] };
    },
    [a.toString('base64'), b.toString('base64'), threshold] as const,
  );
}

/** The roadmap's views. */
const VIEWS = [
  '/roadmap/',
  '/roadmap/whole-span/',
  '/roadmap/by-goal/',
  '/roadmap/by-team/',
  '/roadmap/by-investment/',
  '/roadmap/by-status/',
  '/roadmap/now-next-later/',
  '/roadmap/status/',
];

/**
 * axe at 390 px, on one page of each layout that differs on a phone: the list by quarter (one component on every
 * roadmap view), the boards' sideways scroller, and a record page. The example's crawl runs axe on every template at 1280.
 */
const AXE_AT_390 = ['/roadmap/', '/roadmap/now-next-later/', '/projects/patient-portal/'];

describe.skipIf(skipBrowserTests)('roadmap pages in Chromium (example, public)', () => {
  let browser: Browser;
  let served: Served;
  let outDir: string;

  prepare(async () => {
    browser = await launchBrowser();
    outDir = assertBuilt(await buildSite(EXAMPLE)).outDir;
    served = await serve(outDir);
  });

  afterAll(async () => {
    await served?.close();
    await browser?.close();
  });

  // One page for the file's tests, resized to each width: a new page starts a new renderer (about 0.25 CPU-s).
  let shared: Page | undefined;
  async function withPage<T>(width: number, f: (page: Page) => Promise<T>): Promise<T> {
    const page = (shared ??= await browser.newPage());
    await page.setViewportSize({ width, height: 900 });
    try {
      return await f(page);
    } finally {
      await page.emulateMedia({ media: null });
    }
  }

  // Every roadmap view is opened under the site CSP by the example's crawl (no console error, axe) and laid out at
  // 390 and 1440 px by tests/e2e/fit.test.ts (no sideways scroll, charts in labelled scroll regions); here, axe at
  // phone width where that layout differs.
  it('passes axe at 390 px where the phone layout differs, with no console errors and no sideways scroll', async () => {
    const problems: string[] = [];
    // A page of its own: axe-core comes with every document it loads from its first run on.
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    try {
      for (const path of AXE_AT_390) {
        const report = await visit(page, `${served.url}${path.slice(1)}`, { axe: true });
        if (report.status !== 200) problems.push(`${path}: status ${report.status}`);
        for (const e of [...report.consoleErrors, ...report.pageErrors, ...report.failedRequests]) problems.push(`${path}: ${e}`);
        for (const v of report.violations) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${path}: axe ${v.id} ${v.targets.join(' | ')}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${path}: page overflows by ${overflow} px`);
      }
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('draws one linked bar per dated project on /roadmap/, each link answering 200', async () => {
    await withPage(1280, async (page) => {
      await page.goto(`${served.url}roadmap/`);
      const hrefs = await page.$$eval('svg.timeline-svg a.bar-link', (as) => as.map((a) => a.getAttribute('href')!));
      // 25 public projects, 5 proposals without dates
      expect(hrefs).toHaveLength(20);
      expect(new Set(hrefs).size).toBe(20);
      for (const h of hrefs) {
        expect(h).toMatch(/^\/projects\/[a-z0-9-]+\/$/);
        const res = await fetch(new URL(h, served.url));
        expect(res.status, h).toBe(200);
      }
      // names link to the same projects; lanes link to the programs (in the name column)
      const names = await page.$$eval('svg.timeline-names a.name-link', (as) => as.map((a) => a.getAttribute('href')!));
      expect(names).toEqual(hrefs);
      const lanes = await page.$$eval('svg.timeline-names a.lane-link', (as) => as.map((a) => a.getAttribute('href')));
      expect(lanes).toEqual(['/programs/clinical-systems/', '/programs/cyber-security/', '/programs/digital-front-door/', '/programs/infrastructure-modernisation/']);
      // the as-of line, the overdue projects and their note
      expect(await page.locator('svg.timeline-svg .asof-label').textContent()).toBe('As of 15\u00a0Nov\u00a02026');
      const overdue = await page.$$eval('svg.timeline-svg .overdue-text', (ts) => ts.map((t) => t.textContent));
      expect(overdue).toEqual(['overdue 16 d, +100 d slip', 'overdue 30 d, +16 d slip']);
      // the table alternative has the same projects
      const rows = await page.$$eval('.timeline-table tbody tr th a', (as) => as.map((a) => a.getAttribute('href')));
      expect(rows.toSorted()).toEqual(hrefs.toSorted());
      // not on the timeline: the five proposals
      expect(await page.locator('.unscheduled li').count()).toBe(5);
    });
  });

  it('ships no script on the roadmap pages and keeps full titles in <title> of truncated labels', () => {
    for (const path of VIEWS) {
      const html = readText(outDir, `${path.slice(1)}index.html`);
      expect(html, path).not.toMatch(/<script(?![^>]*type="application\/(ld\+)?json")/);
    }
    const html = readText(outDir, 'roadmap/index.html');
    // long names wrap to two lines instead of being cut
    expect(html).toMatch(/<tspan[^>]*>Electronic Prescribing and Medicines<\/tspan><tspan[^>]*>Administration<\/tspan>/);
    expect(html).toMatch(/<title>Electronic Prescribing and Medicines Administration \(Active\);/);
    // the window links the whole span, which has a bar for every dated project
    expect(html).toContain('href="/roadmap/whole-span/"');
    expect(readText(outDir, 'roadmap/whole-span/index.html').match(/class="bar-link[" ]/g)).toHaveLength(20);
  });

  it('at 1440 px: axis, as-of, marker and milestone labels never overlap and SVG text is at least 11 px; names stay visible when the chart scrolls', async () => {
    await withPage(1440, async (page) => {
      for (const path of ['/roadmap/', '/roadmap/whole-span/']) {
        await page.goto(`${served.url}${path.slice(1)}`);
        const m = await page.evaluate(() => {
          // Axis labels, the as-of label, portfolio marker labels and milestone names, as Chromium draws them.
          const boxes = [...document.querySelectorAll('svg.timeline-svg :is(.axis text, .asof-label, .mk-label, .ms-label)')].map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent, cls: t.getAttribute('class'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          });
          const overlaps: string[] = [];
          for (let i = 0; i < boxes.length; i += 1)
            for (let j = i + 1; j < boxes.length; j += 1) {
              const a = boxes[i];
              const b = boxes[j];
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${a.text} / ${b.text}`);
            }
          const small = [...document.querySelectorAll('svg text')]
            .map((t) => {
              const svg = (t as SVGTextElement).ownerSVGElement!;
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
            })
            .filter((t) => t.px < 11);
          const kinds = (cls: string) => boxes.filter((b) => b.cls?.includes(cls)).length;
          return { labels: boxes.length, overlaps, small, bare: boxes.filter((b) => b.text === 'FY').length, markers: kinds('mk-label'), milestones: kinds('ms-label') };
        });
        expect(m.labels, path).toBeGreaterThan(2);
        expect(m.overlaps, path).toEqual([]);
        expect(m.small, path).toEqual([]);
        expect(m.bare, path).toBe(0);
        expect([m.markers, m.milestones].every((n) => n > 0), path).toBe(true);
      }
    });
    // Narrower than the chart (800 px): it scrolls sideways and the names stay put.
    await withPage(800, async (page) => {
      await page.goto(`${served.url}roadmap/`);
      const m = await page.evaluate(() => {
        const region = document.querySelector('.timeline-scroll')!;
        const name = document.querySelector('svg.timeline-names .name-link text')!;
        const bar = document.querySelector('svg.timeline-svg .bar-link rect.bar')!;
        const before = { name: name.getBoundingClientRect().left, bar: bar.getBoundingClientRect().left };
        region.scrollLeft = 200;
        return { scrolled: region.scrollLeft, before, name: name.getBoundingClientRect().left, bar: bar.getBoundingClientRect().left };
      });
      expect(m.scrolled).toBe(200);
      expect(m.bar).toBeCloseTo(m.before.bar - 200, 0);
      expect(m.name).toBe(m.before.name);
    });
  });

  it('at 390 px shows the list by quarter instead of the chart', async () => {
    await withPage(390, async (page) => {
      await page.goto(`${served.url}roadmap/`);
      const m = await page.evaluate(() => ({
        chart: getComputedStyle(document.querySelector('.timeline-chart')!).display,
        list: getComputedStyle(document.querySelector('.timeline-list')!).display,
        headings: [...document.querySelectorAll('.timeline-list h3')].map((h) => h.textContent),
        links: document.querySelectorAll('.timeline-list li a').length,
        notes: [...document.querySelectorAll('.timeline-list > p.muted')].map((p) => p.textContent ?? ''),
      }));
      expect(m.chart).toBe('none');
      expect(m.list).toBe('block');
      expect(m.headings[0]).toMatch(/^Ends Q[1-4] FY\d{4}\/\d{2} \(/);
      // The 20 charted projects: listed from the as-of quarter on, or counted as ending before or after.
      const counted = m.notes.map((t) => Number(/^(\d+) (?:projects? ended|more end)/.exec(t.trim())?.[1] ?? 0)).reduce((a, b) => a + b, 0);
      expect(m.links).toBeGreaterThan(0);
      expect(m.links + counted).toBe(20);
    });
    await withPage(1440, async (page) => {
      await page.goto(`${served.url}roadmap/`);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.timeline-list')!).display)).toBe('none');
    });
  });

  it('prints /roadmap/ landscape with the legend and the whole chart on the page width', async () => {
    await withPage(1280, async (page) => {
      await page.goto(`${served.url}roadmap/`);
      await page.emulateMedia({ media: 'print' });
      // A4 landscape printable width at 10 mm margins: 277 mm ≈ 1047 CSS px.
      await page.setViewportSize({ width: 1047, height: 740 });
      const m = await page.evaluate(() => {
        const svg = document.querySelector('svg.timeline-svg')!.getBoundingClientRect();
        const region = document.querySelector('.timeline-scroll')!;
        return {
          svgRight: svg.right,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          regionOverflow: getComputedStyle(region).overflowX,
          legend: getComputedStyle(document.querySelector('.legend')!).display,
          nav: getComputedStyle(document.querySelector('.site-nav')!).display,
          search: getComputedStyle(document.querySelector('.site-search')!).display,
          footerLinks: getComputedStyle(document.querySelector('.footer-links')!).display,
          footer: (document.querySelector('.site-footer') as HTMLElement).innerText.trim(),
          block: getComputedStyle(document.querySelector('.chart-block')!).breakInside,
          svgHeight: svg.height,
          namesHeight: document.querySelector('svg.timeline-names')!.getBoundingClientRect().height,
        };
      });
      expect(m.overflow).toBe(0);
      expect(m.svgRight).toBeLessThanOrEqual(1047);
      expect(m.regionOverflow).toBe('visible');
      expect(m.legend).not.toBe('none');
      expect(m.nav).toBe('none');
      // No search box, no file links; the footer reads whole (it printed "· · · · ()").
      expect(m.search).toBe('none');
      expect(m.footerLinks).toBe('none');
      expect(m.footer).toBe('Northwind Health · As of 15\u00a0Nov\u00a02026 · Audience: public');
      // Legend and chart kept together, the chart shrunk to fit a sheet (150 mm ≈ 567 px).
      expect(m.block).toBe('avoid');
      expect(m.svgHeight).toBeLessThanOrEqual(567);
      // The names shrink with the plot: their rows stay level with the bars (a cap on the plot alone left them 772 px high).
      expect(Math.abs(m.namesHeight - m.svgHeight)).toBeLessThanOrEqual(1);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // landscape: the first page's MediaBox is wider than tall
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(box).not.toBeNull();
      expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    });
  });

  it('prints other pages portrait, without the search box or nav', async () => {
    await withPage(1280, async (page) => {
      await page.goto(`${served.url}projects/`);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => ['.site-search', '.site-nav', '.footer-links'].map((s) => getComputedStyle(document.querySelector(s)!).display));
      expect(shown).toEqual(['none', 'none', 'none']);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Number(box![1])).toBeLessThan(Number(box![2]));
    });
  });

  it('/roadmap/timeline.svg is one self-contained SVG document', () => {
    const svg = readFileSync(join(outDir, 'roadmap/timeline.svg'), 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|<link|<image|@import|@font-face|xlink:href|url\((?!#)/i);
    // Every reference is to the file itself (patterns, markers) or a link to the site's pages.
    for (const [, ref] of svg.matchAll(/(?:href|src)="([^"]*)"/g)) expect(ref).toMatch(/^\/(projects|programs|goals|teams)\//);
    expect(svg).toContain('class="dep dep-conflict"');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`/roadmap/timeline.svg draws the same pixels through <img> as the chart on /roadmap/ (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 1200 } });
      try {
        const page = await context.newPage();
        await page.goto(`${served.url}roadmap/`);
        const inline = await page.locator('.timeline-rows').first().screenshot();
        await page.setContent(`<body style="margin:0"><img src="${served.url}roadmap/timeline.svg" alt=""></body>`);
        await page.waitForFunction(() => document.images[0]!.complete && document.images[0]!.naturalWidth > 0);
        const embedded = await page.locator('img').screenshot();
        const diff = await pixelDifference(page, inline, embedded);
        const [w1, h1, w2, h2] = diff.sizes!;
        expect(Math.abs(w1 - w2) + Math.abs(h1 - h2), JSON.stringify(diff)).toBeLessThanOrEqual(2);
        expect(diff.width).toBeGreaterThan(1000);
        // The page's sticky name column casts a 5 px shadow onto the plot; the rest matches.
        expect(diff.share, JSON.stringify(diff)).toBeLessThan(0.01);
      } finally {
        await context.close();
      }
    });
  }
});

// A roadmap taller than wide (the 2,000-project portfolio the page-weight test builds): on paper it runs on in
// slices of whole rows, each under its own copy of the axis, each within an A4 landscape sheet, drawn in the
// chart's colours (the copies are <use> of the chart: unstyled copies would fill black).
describe.skipIf(skipBrowserTests)('printing a tall roadmap (2,000 projects)', () => {
  let browser: Browser;
  let served: Served;

  prepare(async () => {
    browser = await launchBrowser();
    served = await serve(assertBuilt(await buildSite({ content: syntheticContent(buildRoot(), SYNTHETIC_RECORDS) })).outDir);
  });

  afterAll(async () => {
    await served?.close();
    await browser?.close();
  });

  it('prints in slices that each fit a sheet and repeat the axis, the chart itself out of the flow', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${served.url}roadmap/`);
      expect(await page.locator('.print-slices').isVisible()).toBe(false); // on screen: the chart only
      await page.emulateMedia({ media: 'print' });
      // A4 landscape at 10 mm margins: 277 × 190 mm ≈ 1047 × 718 CSS px.
      await page.setViewportSize({ width: 1047, height: 718 });
      const m = await page.evaluate(() => {
        const view = (svg: Element) => svg.getAttribute('viewBox')!.split(' ').map(Number);
        const slices = [...document.querySelectorAll('.print-slices .ps')];
        return {
          chartHeight: document.querySelector('.timeline-chart')!.getBoundingClientRect().height,
          plotHeight: Number(document.querySelector('svg.timeline-svg')!.getAttribute('height')),
          heights: slices.map((s) => s.getBoundingClientRect().height),
          axes: slices.map((s) => view(s.children[0]!)),
          bodies: slices.map((s) => view(s.children[1]!)),
          uses: slices.map((s) => [...s.querySelectorAll('use')].map((u) => u.getAttribute('href'))),
          legendBreak: getComputedStyle(document.querySelector('.chart-block > .legend')!).breakAfter,
        };
      });
      expect(m.chartHeight).toBeLessThanOrEqual(1);
      expect(m.heights.length).toBeGreaterThan(2);
      for (const h of m.heights) expect(h).toBeLessThanOrEqual(718);
      const axisHeight = m.axes[0]![3]!;
      for (const a of m.axes) expect(a).toEqual([0, 0, 1100, axisHeight]);
      // The bodies tile the chart below the axis, top to bottom.
      expect(m.bodies[0]![1]).toBe(axisHeight);
      for (let i = 1; i < m.bodies.length; i += 1) expect(m.bodies[i]![1]).toBeCloseTo(m.bodies[i - 1]![1]! + m.bodies[i - 1]![3]!, 5);
      expect(m.bodies.at(-1)![1]! + m.bodies.at(-1)![3]!).toBeCloseTo(m.plotHeight, 5);
      for (const u of m.uses) expect(u).toEqual(['#roadmap-pn', '#roadmap-pp', '#roadmap-pn', '#roadmap-pp']);
      expect(m.legendBreak).toBe('avoid');
      // Drawn in the chart's colours: the health fills (pale red, amber and green), almost nothing black.
      const shot = await page.locator('.print-slices .ps').nth(1).screenshot();
      const colours = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let black = 0;
        let tinted = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i]! < 40 && d[i + 1]! < 40 && d[i + 2]! < 40) black += 1;
          if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 30) tinted += 1;
        }
        return { black: black / (d.length / 4), tinted: tinted / (d.length / 4) };
      }, shot.toString('base64'));
      expect(colours.black).toBeLessThan(0.02);
      expect(colours.tinted).toBeGreaterThan(0.05);
    } finally {
      await page.close();
    }
  }, 120_000);
});
