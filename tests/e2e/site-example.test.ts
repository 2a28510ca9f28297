// The example, public build, crawled (tests/support/site-crawl.ts): Chromium opens one page of each template (and
// every page with a script), where axe fails on a violation of any impact (the dark-scheme test checks only the
// colour rules, relying on this), and the scorecard and dependency tests' pages.
import { EXAMPLE } from '../support/shared-builds.ts';
import { crawlSuite, DEPENDENCY_PAGES, SCORECARD_PAGES } from '../support/site-crawl.ts';

crawlSuite({ name: 'example, public', build: EXAMPLE, axePerTemplate: 1, browserPerTemplate: 1, always: [...SCORECARD_PAGES, ...DEPENDENCY_PAGES], axeImpacts: ['minor', 'moderate', 'serious', 'critical'] });
