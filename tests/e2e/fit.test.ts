/**
 * Does everything fit? In Chromium at 390 and 1440 px, on one page of every
 * template (the largest page built from each route file in src/pages, so a
 * new template is covered without touching this file) of the example
 * (public and internal) and of the committed GMPP-ICT example:
 *
 * (a) the document never scrolls sideways, and nothing sticks out past the
 *     viewport's right edge unless it is inside a scroller: an element whose
 *     computed `overflow-x` is `auto` or `scroll` (tables in `.table-scroll`,
 *     the timeline, the boards, the nav row) or that clips (`hidden`, `clip`);
 * (b) no text box's content is wider than the box (`scrollWidth >
 *     clientWidth + 1`) for the elements that hold text people read in boxes:
 *     table cells, badges, KPI and board cards and their direct children,
 *     the nav's items, and headings, paragraphs, list items and definition
 *     terms and details in `main`. Inline boxes report 0 for both and so are
 *     skipped; scrollers themselves are allowed to be wider inside;
 * (c) no two axis labels of a timeline intersect (bounding boxes), and each timeline is drawn at its pixel
 *     width in a labelled, focusable region that scrolls sideways;
 *
 * and the site nav is one line (every item at the same height) at both widths.
 * A failure names the site, the width, the page and the element.
 *
 * Overflow in areas other work owns (today: long money in KPI cards, for
 * compact money) is split off into `it.fails` below, so it is listed without
 * hiding anything else; when it is fixed, that `it.fails` fails and is removed.
 * Text inside SVG (diagram boxes, chart labels) is not measured here.
 *
 * Also: the status board and Now / Next / Later keep their columns in one row
 * that scrolls inside its own region, with compact cards.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assertBuilt, buildSite, listFiles, ROOT, type BuildOptions } from '../support/build-site.ts';
import { EXAMPLE, EXAMPLE_INTERNAL, GMPP_ICT } from '../support/shared-builds.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from '../support/prepare.ts';

const SITES: { name: string; build: BuildOptions }[] = [
  { name: 'example', build: EXAMPLE },
  { name: 'example internal', build: EXAMPLE_INTERNAL },
  { name: 'GMPP-ICT', build: GMPP_ICT },
];
const WIDTHS = [390, 1440];

/**
 * Problems that belong to other work (issue 16, item 4: compact money in KPI
 * cards; diagram text measured and wrapped). Listed by the `it.fails` below.
 */
// Money in KPI cards is compact now (formatMoneyCompact): an overflowing £ card fails the main check.
const OWNED_ELSEWHERE: { what: string; test: (problem: string) => boolean }[] = [];
const owned = (p: string) => OWNED_ELSEWHERE.some((o) => o.test(p));

/** Every route file in src/pages as a matcher of built paths: `projects/[id].astro` → `projects/<one segment>/index.html`. */
function templates(): { route: string; re: RegExp; dynamic: number }[] {
  const pagesDir = join(ROOT, 'src/pages');
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.astro') ? [join(dir, e.name)] : []));
  return walk(pagesDir)
    .map((file) => {
      const route = relative(pagesDir, file).replace(/\.astro$/, '');
      if (route === '404') return { route, re: /^404\.html$/, dynamic: 0 };
      const segments = route.split('/').filter((s) => s !== 'index');
      let dynamic = 0;
      const pattern = segments
        .map((s) => {
          if (/^\[\.\.\.[^\]]+\]$/.test(s)) return (dynamic += 2), '(?:[^/]+/)*';
          if (/^\[[^\]]+\]$/.test(s)) return (dynamic += 1), '[^/]+/';
          return `${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`;
        })
        .join('');
      return { route, re: new RegExp(`^${pattern}index\\.html$`), dynamic };
    })
    .sort((a, b) => a.dynamic - b.dynamic || a.route.localeCompare(b.route));
}

/** One page per template: the largest HTML file its route built (the most content to overflow). */
function samplePages(outDir: string): { route: string; path: string; scripted: boolean }[] {
  const routes = templates();
  const best = new Map<string, { path: string; size: number; file: string }>();
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const t = routes.find((r) => r.re.test(file));
    if (!t) continue;
    const size = statSync(join(outDir, file)).size;
    const cur = best.get(t.route);
    if (!cur || size > cur.size) best.set(t.route, { path: `/${file.replace(/index\.html$/, '')}`, size, file });
  }
  return [...best.entries()].map(([route, b]) => ({ route, path: b.path, scripted: /<script/i.test(readFileSync(join(outDir, b.file), 'utf8')) }));
}

/** Runs in the page: what does not fit, as strings naming the element. */
function measure(): { overflow: number; outside: string[]; text: string[]; axis: string[]; navLines: number } {
  const describe = (el: Element) => {
    const cls = el.getAttribute('class')?.trim().split(/\s+/).filter(Boolean).join('.');
    const parent = el.parentElement?.closest('[class]');
    const ctx = parent ? ` in ${parent.tagName.toLowerCase()}.${parent.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}>${ctx} "${text}"`;
  };
  const clips = (el: Element) => {
    const o = getComputedStyle(el).overflowX;
    return o !== 'visible';
  };
  const doc = document.documentElement;
  const width = doc.clientWidth;
  // (a) elements past the right edge, outside any scroller or clipping box: only the outermost of each.
  const outside: string[] = [];
  const reported = new Set<Element>();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let a = el.parentElement;
    let contained = false;
    let under = false;
    while (a && a !== document.body) {
      if (reported.has(a)) under = true;
      if (clips(a)) contained = true;
      a = a.parentElement;
    }
    if (contained || under) continue;
    reported.add(el);
    outside.push(`past the right edge by ${Math.round(r.right - width)} px: ${describe(el)}`);
  }
  // (b) text wider than its box.
  const TEXT_BOXES = [
    'td',
    'th',
    '.badge',
    '.card',
    '.card > *',
    '.rm-card',
    '.rm-card > *',
    '.site-nav li',
    'main h1',
    'main h2',
    'main h3',
    'main p',
    'main li',
    'main dt',
    'main dd',
  ].join(', ');
  const text: string[] = [];
  for (const el of document.querySelectorAll(TEXT_BOXES)) {
    const h = el as HTMLElement;
    if (h.clientWidth === 0) continue;
    const o = getComputedStyle(h).overflowX;
    if (o === 'auto' || o === 'scroll') continue;
    if (h.scrollWidth > h.clientWidth + 1) text.push(`text overflows: ${describe(h)} (${h.scrollWidth} > ${h.clientWidth})`);
  }
  // (c) timeline axis labels; each chart drawn at its pixel width (text never scaled down) in a labelled, focusable
  // region that scrolls sideways.
  const axis: string[] = [];
  for (const svg of document.querySelectorAll('svg.timeline-svg')) {
    const region = svg.closest('[role="region"]');
    if (!svg.getAttribute('viewBox') || svg.getAttribute('width') !== svg.getAttribute('viewBox')?.split(' ')[2]) axis.push('chart without a viewBox and its width in pixels');
    if (!region?.getAttribute('aria-label') || region.getAttribute('tabindex') !== '0' || getComputedStyle(region).overflowX !== 'auto') axis.push('chart not in a labelled scroll region');
    const boxes = [...svg.querySelectorAll('.axis text')]
      .map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) axis.push(`axis labels intersect: "${boxes[i].t}" and "${boxes[j].t}"`);
      }
  }
  const tops = new Set([...document.querySelectorAll('.site-nav li')].map((li) => Math.round((li as HTMLElement).offsetTop)));
  return { overflow: doc.scrollWidth - doc.clientWidth, outside, text, axis, navLines: tops.size };
}

describe.skipIf(skipBrowserTests)('everything fits at 390 and 1440 px (Chromium)', () => {
  let browser: Browser;
  const served: Served[] = [];
  const problems: string[] = [];
  let visited = 0;

  prepare(async () => {
    browser = await launchBrowser();
    for (const site of SITES) {
      const outDir = assertBuilt(await buildSite(site.build)).outDir;
      const s = await serve(outDir);
      served.push(s);
      const pages = samplePages(outDir);
      // One load per page: laid out at each width in turn (the viewport resized, as a window is). A page with a
      // script (Mermaid sizes its diagram when it draws) is loaded afresh at each width.
      const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 900 } });
      try {
        for (const { path, scripted } of pages) {
          for (const [i, width] of WIDTHS.entries()) {
            await page.setViewportSize({ width, height: 900 });
            if (i === 0 || scripted) await page.goto(`${s.url}${path.slice(1)}`, { waitUntil: 'load' });
            const m = await page.evaluate(measure);
            visited += 1;
            const at = `${site.name} ${width} px ${path}`;
            if (m.overflow > 0) problems.push(`${at}: the page scrolls sideways by ${m.overflow} px`);
            for (const p of [...m.outside, ...m.text, ...m.axis]) problems.push(`${at}: ${p}`);
            if (m.navLines !== 1) problems.push(`${at}: the site nav takes ${m.navLines} lines`);
          }
        }
      } finally {
        await page.close();
      }
    }
  }, 600_000);

  afterAll(async () => {
    for (const s of served) await s.close();
    await browser?.close();
  });

  it('samples one page of every template of each site', () => {
    // 30 route files; the example has no second page of projects or changes, so fewer there.
    expect(visited).toBeGreaterThan(SITES.length * WIDTHS.length * 20);
  });

  it('no page scrolls sideways or sticks out of a scroller; no text overflows its box; timeline axis labels never intersect; the nav is one line', () => {
    const mine = problems.filter((p) => !owned(p));
    expect(mine, mine.join('\n')).toEqual([]);
  });

  it('the boards keep their columns in one row, scrolling inside their region on a phone, with compact cards', async () => {
    const example = served[0];
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        for (const [path, scroller, col] of [
          ['roadmap/status/', '.board-scroll', '.board-col'],
          ['roadmap/now-next-later/', '.nnl-scroll', '.nnl-col'],
        ]) {
          await page.goto(`${example.url}${path}`);
          const m = await page.evaluate(
            ([scroller, col]) => {
              const region = document.querySelector(scroller)!;
              const cols = [...region.querySelectorAll(col)].map((c) => c.getBoundingClientRect().top);
              const cards = [...region.querySelectorAll('.rm-card')];
              return {
                columns: cols.length,
                rows: new Set(cols.map(Math.round)).size,
                scrolls: region.scrollWidth > region.clientWidth,
                overflowX: getComputedStyle(region).overflowX,
                label: region.getAttribute('aria-label'),
                tab: region.getAttribute('tabindex'),
                cards: cards.length,
                // title, health line, dates line: nothing more (owner, program, progress are on the project page)
                tallest: Math.max(...cards.map((c) => c.children.length)),
              };
            },
            [scroller, col],
          );
          const at = `${path} at ${width} px`;
          expect(m.columns, at).toBe(path.includes('status') ? 6 : 3);
          expect(m.rows, at).toBe(1);
          expect([m.overflowX, m.tab, !!m.label], at).toEqual(['auto', '0', true]);
          // Six status columns fit at 1440 px; on a phone both boards scroll sideways inside their region.
          expect(m.scrolls, at).toBe(width === 390);
          expect(m.cards, at).toBeGreaterThan(10);
          expect(m.tallest, at).toBeLessThanOrEqual(3);
        }
      } finally {
        await page.close();
      }
    }
  });

  for (const o of OWNED_ELSEWHERE) {
    // Known, and owned by other work: this passes while the overflow is there and fails once it is fixed (then remove it).
    it.fails(`KNOWN: ${o.what}`, () => {
      const theirs = problems.filter(o.test);
      expect(theirs, theirs.join('\n')).toEqual([]);
    });
  }
});
