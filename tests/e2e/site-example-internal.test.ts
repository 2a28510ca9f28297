// The example, internal build (the public pages' templates, with every field): crawled; Chromium opens one page of
// each template (and every page with a script) and axe checks it, and the scorecard test's pages.
import { EXAMPLE_INTERNAL } from '../support/shared-builds.ts';
import { crawlSuite, SCORECARD_PAGES } from '../support/site-crawl.ts';

crawlSuite({ name: 'example, internal', build: EXAMPLE_INTERNAL, axePerTemplate: 1, browserPerTemplate: 1, always: SCORECARD_PAGES });
