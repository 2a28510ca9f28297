/**
 * How long the heaviest pages of a built site take to open: the largest HTML
 * page of each kind (projects, teams, programs, goals, dependencies,
 * scorecard, roadmap, backlog, the home page) opened in Chromium at 1440 px
 * with an empty cache, from a local static server, a few times each.
 * Reports the median first contentful paint and load event (navigation
 * start to the end of the load event), the page's bytes and its element
 * count. Used by `npm run bench -- --open`; on its own:
 *
 *     node scripts/bench/open-pages.ts DIST [--runs N]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../src/io/chromium.ts';
import { serve } from '../../src/io/static-server.ts';

export interface PageOpen {
  /** URL path, e.g. `/teams/team-0049/`. */
  path: string;
  bytes: number;
  elements: number;
  /** Medians over the runs, in milliseconds. */
  fcpMs: number;
  loadMs: number;
}

/** The largest `index.html` under each top-level folder of `dist` (and the home page), largest first. */
export function heaviestPages(dist: string): { path: string; bytes: number }[] {
  const best = new Map<string, { path: string; bytes: number }>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dist, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== '_astro' && r !== 'pagefind') walk(r);
      } else if (e.name === 'index.html') {
        const kind = rel.split('/')[0] || 'home';
        const bytes = statSync(path.join(dist, r)).size;
        if (bytes > (best.get(kind)?.bytes ?? -1)) best.set(kind, { path: `/${rel ? `${rel}/` : ''}`, bytes });
      }
    }
  };
  walk('');
  return [...best.values()].sort((a, b) => b.bytes - a.bytes);
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function openPages(dist: string, { runs = 3, executablePath = chromiumPath() } = {}): Promise<PageOpen[]> {
  if (!executablePath) throw new Error('no Chromium: install chromium-headless-shell or set CHROMIUM_PATH');
  const served = await serve(dist);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const out: PageOpen[] = [];
    for (const page of heaviestPages(dist)) {
      const fcp: number[] = [];
      const load: number[] = [];
      let elements = 0;
      for (let i = 0; i < runs; i++) {
        // A new context each time: nothing cached, as on a first visit.
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const tab = await context.newPage();
        await tab.goto(new URL(page.path.slice(1), served.url).href, { waitUntil: 'load' });
        const m = await tab.evaluate(async () => {
          // The first paint may come after the load event: wait for it (buffered), at most 10 s.
          const fcp = await new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const e = list.getEntriesByName('first-contentful-paint')[0];
              if (e) resolve(e.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(Number.NaN), 10_000);
          });
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { load: nav.loadEventEnd, fcp, elements: document.getElementsByTagName('*').length };
        });
        fcp.push(m.fcp);
        load.push(m.load);
        elements = m.elements;
        await context.close();
      }
      out.push({ ...page, elements, fcpMs: median(fcp), loadMs: median(load) });
    }
    return out;
  } finally {
    await browser.close();
    await served.close();
  }
}

/** A Markdown table of the measurements. */
export function openTable(pages: PageOpen[]): string {
  const rows = pages.map((p) => `| ${p.path} | ${(p.bytes / 1024).toFixed(0)} KB | ${p.elements.toLocaleString('en')} | ${Math.round(p.fcpMs)} ms | ${Math.round(p.loadMs)} ms |`);
  return ['| page (largest of its kind) | HTML | elements | first contentful paint | load |', '|---|---|---|---|---|', ...rows].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dist, flag, n] = process.argv.slice(2);
  if (!dist) {
    process.stderr.write('usage: node scripts/bench/open-pages.ts DIST [--runs N]\n');
    process.exitCode = 2;
  } else {
    const pages = await openPages(dist, { runs: flag === '--runs' ? Number(n) : 3 });
    process.stdout.write(`${openTable(pages)}\n`);
  }
}
