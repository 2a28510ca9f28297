// The hostile fixture, public build: crawled; nothing from record text may run; axe on one page of each template.
import { HOSTILE } from '../support/shared-builds.ts';
import { crawlSuite, HOSTILE_MERMAID } from '../support/site-crawl.ts';

crawlSuite({ name: 'hostile fixture, public', build: HOSTILE, axePerTemplate: 1, hostile: true, expectedConsoleErrors: HOSTILE_MERMAID });
