// The hostile fixture, internal build (every hostile text shown): crawled; Chromium opens one page of each template,
// every page with a script and the hostile records' own pages, where nothing from record text may run, and axe
// checks one page of each template. Every page is read for raw markup, handlers and script URLs in
// tests/build/site.test.ts, and the site CSP allows no inline script: a page without a script has nothing to run.
import { HOSTILE_INTERNAL } from '../support/shared-builds.ts';
import { crawlSuite, HOSTILE_MERMAID, HOSTILE_PAGES } from '../support/site-crawl.ts';

crawlSuite({ name: 'hostile fixture, internal', build: HOSTILE_INTERNAL, axePerTemplate: 1, browserPerTemplate: 1, always: HOSTILE_PAGES, hostile: true, expectedConsoleErrors: HOSTILE_MERMAID });
