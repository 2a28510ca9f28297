// The example, internal build (the public pages' templates, with every field): crawled; axe on one page of each template.
import { EXAMPLE_INTERNAL } from '../support/shared-builds.ts';
import { crawlSuite } from '../support/site-crawl.ts';

crawlSuite({ name: 'example, internal', build: EXAMPLE_INTERNAL, axePerTemplate: 1 });
