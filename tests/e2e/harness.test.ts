/**
 * The browser harness itself must be able to fail: a small hand-made site
 * with one of each problem (script that runs, console error, broken link,
 * missing fragment, axe violation, dialog) is served and crawled, and each
 * problem must be reported. Also checks the static server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipBrowserTests } from '../support/browser.ts';
import { brokenLinks, crawl, formatViolations, type CrawlResult } from '../support/crawl.ts';
import { serve, type Served } from '../../src/io/static-server.ts';
import { prepare } from '../support/prepare.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/site.css"></head><body><main>${body}</main></body></html>`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-harness-'));
  mkdirSync(join(dir, 'good'), { recursive: true });
  mkdirSync(join(dir, 'bad'), { recursive: true });
  writeFileSync(join(dir, 'site.css'), 'body { font-family: sans-serif; }\n');
  writeFileSync(join(dir, 'data.json'), '{"ok":true}\n');
  writeFileSync(
    join(dir, 'index.html'),
    page('Home', '<h1>Home</h1><p><a href="/good/">Good</a> <a href="/bad/">Bad</a> <a href="/data.json">data</a> <a href="#missing">missing fragment</a></p>'),
  );
  writeFileSync(join(dir, 'good', 'index.html'), page('Good', '<h1 id="top">Good</h1><p><a href="/#">home</a> <a href="/good/#top">top</a></p>'));
  writeFileSync(
    join(dir, 'bad', 'index.html'),
    page(
      'Bad',
      '<h1>Bad</h1><img src="/good/no-such.png"><p><a href="/nowhere/">nowhere</a></p>' +
        '<script>window.__pwned = 1; console.error("boom"); alert("xss");</script>' +
        '<div style="color:#777;background:#888">low contrast text</div>',
    ),
  );
  writeFileSync(join(dir, '404.html'), page('Not found', '<h1>Not found</h1>'));
  // Three pages of one template, for the sampled crawl: the first is opened; the second (not opened) links to a
  // page that does not exist and loads an image from another site; the third has a script, so it is opened too.
  // The first hides a link in a <template>, which the HTML has and the page drawn does not.
  for (const name of ['a', 'b', 'c']) mkdirSync(join(dir, 'list', name), { recursive: true });
  writeFileSync(join(dir, 'list', 'a', 'index.html'), page('A', '<h1 id="a">A</h1><p><a href="/list/b/">B</a> <a href="/list/c/">C</a></p><template><a href="/list/b/#x">hidden</a></template>'));
  writeFileSync(join(dir, 'list', 'b', 'index.html'), page('B', '<h1>B</h1><p><a href="/list/missing/">missing</a> <a href="/list/a/#nope">no such id</a></p><img src="https://example.org/x.png" alt="x">'));
  writeFileSync(join(dir, 'list', 'c', 'index.html'), page('C', '<h1>C</h1><script>window.__pwned = 3;</script>'));
  writeFileSync(join(dir, 'sampled.html'), page('Sampled', '<h1>Sampled</h1><p><a href="/list/a/">list</a></p>'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  let served: Served;
  afterAll(() => served?.close());

  it('serves index.html for directories, redirects the slash, 404.html on missing, content types, base path', async () => {
    served = await serve(dir, { base: '/sub' });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sub\/$/);
    const get = (path: string) => fetch(`${served.origin}${path}`, { redirect: 'manual' });
    const home = await get('/sub/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('<h1>Home</h1>');
    const noSlash = await get('/sub/good');
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe('/sub/good/');
    expect((await get('/sub/site.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/sub/data.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    const missing = await get('/sub/nope/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Not found</h1>');
    // outside the base path nothing exists, and no escaping the folder
    expect((await get('/good/')).status).toBe(404);
    expect((await get('/sub/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});

describe.skipIf(skipBrowserTests)('crawler', () => {
  let browser: Browser;
  let served: Served;
  let result: CrawlResult;

  prepare(async () => {
    browser = await launchBrowser();
    served = await serve(dir);
    result = await crawl(browser, served.url, { axe: true });
  });

  afterAll(async () => {
    await served?.close();
    await browser?.close();
  });

  it('visits the pages, not the files', () => {
    expect([...result.pages.keys()].map((u) => new URL(u).pathname).sort()).toEqual(['/', '/bad/', '/good/', '/nowhere/']);
    expect([...result.pages.values()].every((p) => p.opened)).toBe(true);
    expect(result.statuses.get(`${served.origin}/data.json`)).toBe(200);
    expect(result.statuses.get(`${served.origin}/nowhere/`)).toBe(404);
  });

  it('reports what ran, what was logged and what failed', () => {
    const bad = result.pages.get(`${served.origin}/bad/`)!;
    expect(bad.pwned).toBe(1);
    expect(bad.dialogs).toEqual(['alert: xss']);
    expect(bad.consoleErrors.some((e) => e.startsWith('boom'))).toBe(true);
    expect(bad.failedRequests).toContain(`404 ${served.origin}/good/no-such.png`);
    expect(result.pages.get(`${served.origin}/good/`)!.pwned).toBeUndefined();
  });

  it('reports broken links and missing fragments', () => {
    const broken = brokenLinks(result);
    expect(broken).toContain(`${served.origin}/bad/ → <a> ${served.origin}/nowhere/ (404)`);
    expect(broken).toContain(`${served.origin}/bad/ → <img> ${served.origin}/good/no-such.png (404)`);
    expect(broken).toContain(`${served.origin}/ → ${served.origin}/#missing (no element with id "missing")`);
    expect(broken.some((b) => b.includes('#top'))).toBe(false);
  });

  it('reports axe-core violations readably', () => {
    const lines = formatViolations(result);
    expect(lines.some((l) => l.startsWith('image-alt (critical) on /bad/: img'))).toBe(true);
    expect(lines.some((l) => l.startsWith('color-contrast (serious) on /bad/'))).toBe(true);
    expect(lines.filter((l) => l.includes(' on /good/'))).toEqual([]);
  });
});

describe.skipIf(skipBrowserTests)('crawler, opening a sample of each template', () => {
  let browser: Browser;
  let served: Served;
  let result: CrawlResult;

  prepare(async () => {
    browser = await launchBrowser();
    served = await serve(dir);
    result = await crawl(browser, `${served.url}sampled.html`, { browserPerTemplate: 1 });
  });

  afterAll(async () => {
    await served?.close();
    await browser?.close();
  });

  const at = (path: string) => result.pages.get(`${served.origin}${path}`)!;

  it('reads every page over HTTP, opens the first of each template and every page with a script', () => {
    expect([...result.pages.keys()].map((u) => new URL(u).pathname).sort()).toEqual(['/list/a/', '/list/b/', '/list/c/', '/list/missing/', '/sampled.html']);
    expect(at('/list/a/').opened).toBe(true);
    expect(at('/list/b/').opened).toBe(false);
    expect(at('/list/c/').opened).toBe(true);
    expect(at('/list/c/').scripted).toBe(true);
    expect(at('/list/c/').pwned).toBe(3);
    expect(at('/list/missing/').status).toBe(404);
  });

  it('finds broken links, missing fragments and off-site loads in the HTML of a page it did not open', () => {
    const broken = brokenLinks(result);
    expect(broken).toContain(`${served.origin}/list/b/ → <a> ${served.origin}/list/missing/ (404)`);
    expect(broken).toContain(`${served.origin}/list/b/ → ${served.origin}/list/a/#nope (no element with id "nope")`);
    expect(at('/list/b/').offSite).toEqual(['<img> https://example.org/x.png']);
  });

  it('reports where the HTML reading and the page drawn differ', () => {
    expect(result.disagreements).toEqual([`${served.origin}/list/a/: link <a> ${served.origin}/list/b/#x: 1 in the HTML, 0 in the browser`]);
  });
});
