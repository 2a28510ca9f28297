/**
 * Dependency pages and Mermaid in a real browser: the example's conflicts and
 * critical chain are on /dependencies/ with no script; a record with a
 * ```mermaid block gets the diagram drawn (mermaid loaded lazily, under the
 * site's CSP) and a record without one loads no script at all; hostile
 * titles stay inert in the diagrams and the Mermaid source. axe-core checks
 * these pages in the public example crawl (DEPENDENCY_PAGES in tests/support/site-crawl.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage, Page, Request } from 'playwright-core';
import { assertBuilt, buildSite, listFiles, readText } from '../support/build-site.ts';
import { EXAMPLE, HOSTILE } from '../support/shared-builds.ts';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from '../support/prepare.ts';

describe('dependency pages in the built example (HTML)', () => {
  const built = prepare(async () => assertBuilt(await buildSite(EXAMPLE)));

  it('/dependencies/ shows both conflicts with their days, the critical chain and the table, with no script', () => {
    const html = readText(built().outDir, 'dependencies/index.html');
    expect(html).not.toMatch(/<script/i);
    // Conflict labels on the diagram's arrows and in the conflicts list.
    expect(html).toContain('>74 d late</text>');
    expect(html).toContain('>49 d late</text>');
    expect(html).toMatch(/74 days late<\/span>\s*<a [^>]*href="\/projects\/datacentre-exit\/"/);
    // The example's critical chain (content/README.md), upstream first, as the first (longest) chain.
    const chain = html.slice(html.indexOf('id="critical"'), html.indexOf('</ol>', html.indexOf('id="critical"')));
    expect([...chain.matchAll(/href="\/projects\/([a-z0-9-]+)\/"/g)].map((m) => m[1])).toEqual([
      'cloud-landing-zone',
      'integration-engine-upgrade',
      'pathology-lims-replacement',
    ]);
    // Critical nodes are drawn with the critical class; every node is a link.
    expect(html.match(/class="node rag-[a-z]+ critical/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/<summary[^>]*>Copy as Mermaid<\/summary>/);
    expect(html).toMatch(/<th scope="col"[^>]*>Conflict days<\/th>/);
  });

  it('project pages: neighbourhood diagram and slip propagation text', () => {
    const html = readText(built().outDir, 'projects/cloud-landing-zone/index.html');
    expect(html).toContain('<h3 id="dep-neighbourhood">Dependency diagram</h3>');
    // The node's own classes (Astro adds its scoped-style class after them).
    expect(html).toMatch(/class="node rag-green critical focus( astro-[a-z0-9]+)?"/);
    expect(html).toMatch(/This project(&#39;|')s slip of 7 days puts 1 project downstream at risk/);
    expect(html).toMatch(/Eastbrook Data Centre Exit<\/a>: up to 7 days/);
  });

  it('only a record with a mermaid block has a script, and it is the lazy loader', () => {
    const dir = built().outDir;
    const withScript = listFiles(dir)
      .filter((f) => f.endsWith('.html') && /^(projects|dependencies)\//.test(f))
      .filter((f) => /<script/i.test(readText(dir, f)));
    expect(withScript).toEqual(['projects/datacentre-exit/index.html']);
    const html = readText(dir, 'projects/datacentre-exit/index.html');
    // The loader is small enough for Astro to inline; it imports mermaid's own module, copied into the site.
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module">']);
    const module = /import\(`(\/_astro\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs)`\)/.exec(html)?.[1];
    expect(module).toBeDefined();
    expect(listFiles(dir)).toContain(module!.slice(1));
    expect(html).toContain('<code class="language-mermaid">');
  });
});

describe.skipIf(skipBrowserTests)('dependency pages and mermaid in Chromium', () => {
  let browser: Browser;
  let site: Served;
  let hostile: Served;

  prepare(async () => {
    browser = await launchBrowser();
    site = await serve(assertBuilt(await buildSite(EXAMPLE)).outDir);
    hostile = await serve(assertBuilt(await buildSite(HOSTILE)).outDir);
  });

  afterAll(async () => {
    await site?.close();
    await hostile?.close();
    await browser?.close();
  });

  // One page for the file, taken from path to path: a new page starts a new renderer (about 0.25 CPU-s each).
  let shared: Page | undefined;
  const open = async (served: Served, path: string) => {
    const page = (shared ??= await browser.newPage());
    const scripts: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    const onRequest = (r: Request) => {
      requests.push(r.url());
      if (r.resourceType() === 'script') scripts.push(r.url());
    };
    const onPageError = (e: Error) => errors.push(String(e));
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    };
    page.on('request', onRequest);
    page.on('pageerror', onPageError);
    page.on('console', onConsole);
    await page.goto(new URL(path.slice(1), served.url).href, { waitUntil: 'networkidle' });
    const close = async () => {
      page.off('request', onRequest);
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    };
    return { page, scripts, requests, errors, close };
  };

  it('a page with a mermaid block renders it as SVG, with the site CSP enforced', async () => {
    const { page, scripts, errors, close } = await open(site, '/projects/datacentre-exit/');
    await page.waitForSelector('.mermaid-figure svg', { timeout: 20_000 });
    const svg = await page.$eval('.mermaid-figure svg', (s) => ({ text: s.textContent ?? '', role: s.getAttribute('role') }));
    expect(svg.text).toContain('Landing zone accredited');
    expect(svg.role).toBe('img');
    // The source stays available in a <details>.
    expect(await page.$eval('.mermaid-figure details code', (c) => c.textContent)).toContain('flowchart LR');
    // Mermaid's own module and its chunks, loaded lazily from the site.
    expect(scripts.some((u) => /\/_astro\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs$/.test(u))).toBe(true);
    expect(scripts.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('on a phone, a diagram keeps readable text (shrunk to 60% at most) and scrolls sideways in a named, focusable region', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(new URL('projects/datacentre-exit/', site.url).href);
      await page.waitForSelector('.mermaid-figure svg', { timeout: 20_000 });
      const m = await page.evaluate(() => {
        const region = document.querySelector<HTMLElement>('.mermaid-figure .mermaid-scroll')!;
        const svg = region.querySelector('svg')!;
        return {
          scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
          scrolls: region.scrollWidth > region.clientWidth,
          tabIndex: region.tabIndex,
          role: region.getAttribute('role'),
          label: region.getAttribute('aria-label'),
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(m.scale).toBeGreaterThanOrEqual(0.59);
      expect(m.scrolls).toBe(true);
      expect([m.tabIndex, m.role, m.label]).toEqual([0, 'region', expect.stringMatching(/^Diagram/)]);
      expect(m.pageOverflow).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('pages without a mermaid block load no script at all', async () => {
    for (const path of ['/projects/cloud-landing-zone/', '/dependencies/']) {
      const { scripts, errors, close } = await open(site, path);
      expect(scripts, path).toEqual([]);
      expect(errors, path).toEqual([]);
      await close();
    }
  });

  it('diagram text as drawn: every line inside its box, no edge label on a box or another label', async () => {
    for (const path of ['/dependencies/', '/projects/cloud-landing-zone/', '/projects/identity-and-access/']) {
      const { page, close } = await open(site, path);
      const problems = await page.$$eval('.dep-svg', (svgs) =>
        svgs.flatMap((svg) => {
          const out: string[] = [];
          const box = (e: Element) => (e as SVGGraphicsElement).getBBox();
          const hit = (a: DOMRect, b: DOMRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          const rects = [...svg.querySelectorAll('.nodes rect')].map(box);
          for (const g of svg.querySelectorAll('.nodes a, .nodes g')) {
            const r = box(g.querySelector('rect')!);
            for (const t of g.querySelectorAll('text')) {
              const b = box(t);
              if (b.x < r.x || b.x + b.width > r.x + r.width || b.y < r.y || b.y + b.height > r.y + r.height) out.push(`"${t.textContent}" outside its box`);
            }
          }
          const labels = [...svg.querySelectorAll('.labels text')].map((t) => ({ text: t.textContent, b: box(t) }));
          labels.forEach((l, i) => {
            if (rects.some((r) => hit(l.b, r))) out.push(`label "${l.text}" on a box`);
            if (labels.slice(i + 1).some((m) => hit(l.b, m.b))) out.push(`label "${l.text}" on another label`);
          });
          return out;
        }),
      );
      expect(problems, path).toEqual([]);
      await close();
    }
  });

  it('a hostile mermaid block (HTML in labels) is drawn under securityLevel strict and runs nothing', async () => {
    const { page, errors, requests, close } = await open(hostile, '/projects/hostile-body/');
    await page.waitForSelector('.mermaid-figure svg', { timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('.mermaid-figure svg img[onerror], .mermaid-figure svg script, .mermaid-figure svg [onerror]', (x) => x.length)).toBe(0);
    // The ```html block stays a code block: its script is text.
    expect(await page.$$eval('script', (xs) => xs.filter((x) => (x.textContent ?? '').includes('__pwned')).length)).toBe(0);
    // Labels are SVG text (htmlLabels off): the <img src=x> of the label is never created, so never fetched.
    expect(requests.filter((u) => new URL(u).pathname.endsWith('/x'))).toEqual([]);
    // Chromium reports a CSP violation when DOMPurify (inside mermaid) parses the label in an inert
    // DOMParser document; nothing runs (checked above). Any other error fails the test.
    expect(errors.filter((e) => !e.startsWith('Executing inline event handler violates'))).toEqual([]);
    await close();
  });

  it('hostile titles stay text in the diagram and the Mermaid source', async () => {
    const { page, close } = await open(hostile, '/dependencies/');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const titles = await page.$$eval('.dep-svg .nodes title', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(titles.some((t) => t.startsWith('<script>alert(1)</script> "quoted" & <b>bold</b>'))).toBe(true);
    expect(await page.$$eval('.dep-svg script, .dep-svg b', (x) => x.length)).toBe(0);
    const source = await page.$eval('.mermaid-source pre code', (c) => c.textContent ?? '');
    expect(source).toContain('["#60;script#62;alert(1)#60;/script#62; #34;quoted#34; #38; #60;b#62;bold#60;/b#62;"]');
    expect(source).not.toMatch(/[<>]"|<script/);
    await close();
  });
});

describe.skipIf(skipBrowserTests)('mermaid directives in a record body, in Chromium', () => {
  let browser: Browser;
  let hostile: Served;

  prepare(async () => {
    browser = await launchBrowser();
    hostile = await serve(assertBuilt(await buildSite(HOSTILE)).outDir);
  });

  afterAll(async () => {
    await hostile?.close();
    await browser?.close();
  });

  it('%%{init}%% and a config: header cannot switch HTML labels back on: <img> and <form> in a label stay text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(new URL('projects/hostile-body/', hostile.url).href, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelectorAll('.mermaid-figure svg').length === 3, undefined, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const svgs = await page.$$eval('.mermaid-figure svg', (ss) =>
      ss.map((s) => ({ text: s.textContent ?? '', html: s.querySelectorAll('foreignObject, img, form, input, div, span').length })),
    );
    // Both directive diagrams drew their labels as SVG text, with no HTML element inside any diagram.
    expect(svgs.map((s) => s.html)).toEqual([0, 0, 0]);
    expect(svgs[1]!.text).toContain('Init label');
    expect(svgs[2]!.text).toContain('Config label');
    expect(requests.filter((u) => /mermaid-(init|config)/.test(u))).toEqual([]);
    await context.close();
  });
});
