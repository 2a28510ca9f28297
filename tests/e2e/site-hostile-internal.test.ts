// The hostile fixture, internal build: crawled; nothing from record text may run; axe on one page of each template.
import { HOSTILE_INTERNAL } from '../support/shared-builds.ts';
import { crawlSuite, HOSTILE_MERMAID } from '../support/site-crawl.ts';

crawlSuite({ name: 'hostile fixture, internal', build: HOSTILE_INTERNAL, axePerTemplate: 1, hostile: true, expectedConsoleErrors: HOSTILE_MERMAID });
