// The hostile fixture, public build: crawled as the internal build is (tests/e2e/site-hostile-internal.test.ts), without
// axe: the internal build's crawl runs it on the same templates with every hostile text shown.
import { HOSTILE } from '../support/shared-builds.ts';
import { crawlSuite, HOSTILE_MERMAID, HOSTILE_PAGES } from '../support/site-crawl.ts';

crawlSuite({ name: 'hostile fixture, public', build: HOSTILE, axePerTemplate: 0, browserPerTemplate: 1, always: HOSTILE_PAGES, hostile: true, expectedConsoleErrors: HOSTILE_MERMAID });
