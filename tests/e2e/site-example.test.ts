// The example, public build, crawled in Chromium (tests/support/site-crawl.ts); axe on two pages of each template,
// where a violation of any impact fails (the dark-scheme test checks only the colour rules, relying on this).
import { EXAMPLE } from '../support/shared-builds.ts';
import { crawlSuite } from '../support/site-crawl.ts';

crawlSuite({ name: 'example, public', build: EXAMPLE, axePerTemplate: 2, axeImpacts: ['minor', 'moderate', 'serious', 'critical'] });
