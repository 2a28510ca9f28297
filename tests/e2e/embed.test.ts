/**
 * The embeddable timeline (/roadmap/timeline.svg) in Chromium: shown through
 * an <img> (as a GitHub README, a wiki or a slide shows it), it draws the same
 * pixels as the chart on /roadmap/, in light and dark; and the file stands
 * alone (one SVG document: no scripts, stylesheets, fonts or images from
 * anywhere).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { assertBuilt, buildSite } from '../support/build-site.ts';
import { EXAMPLE } from '../support/shared-builds.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { prepare } from '../support/prepare.ts';
import { serve, type Served } from '../../src/io/static-server.ts';

vi.setConfig({ testTimeout: 120_000 });

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

describe.skipIf(skipBrowserTests)('the embeddable timeline, /roadmap/timeline.svg', () => {
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

  it('is one self-contained SVG document', () => {
    const svg = readFileSync(join(outDir, 'roadmap/timeline.svg'), 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|<link|<image|@import|@font-face|xlink:href|url\((?!#)/i);
    // Every reference is to the file itself (patterns, markers) or a link to the site's pages.
    for (const [, ref] of svg.matchAll(/(?:href|src)="([^"]*)"/g)) expect(ref).toMatch(/^\/(projects|programs|goals|teams)\//);
    expect(svg).toContain('class="dep dep-conflict"');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws the same pixels through <img> as the chart on /roadmap/ (${scheme})`, async () => {
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
