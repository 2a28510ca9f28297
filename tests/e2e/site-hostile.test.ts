// The hostile fixture, public build: crawled; nothing from record text may run. No axe: the internal build's crawl
// runs it on the same templates with every hostile text shown.
import { HOSTILE } from '../support/shared-builds.ts';
import { crawlSuite, HOSTILE_MERMAID } from '../support/site-crawl.ts';

crawlSuite({ name: 'hostile fixture, public', build: HOSTILE, axePerTemplate: 0, hostile: true, expectedConsoleErrors: HOSTILE_MERMAID });
