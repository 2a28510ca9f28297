/**
 * Debian's Chromium through playwright-core (no downloaded browser).
 *
 * Where the executable is missing, browser tests are skipped locally with a
 * message saying so, but on CI (`CI` set to anything but `false`/`0`) they
 * run and fail with that message: CI must never pass by skipping them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../src/io/chromium.ts';

/** The Chromium the tests launch (src/io/chromium.ts); `/usr/bin/chromium` names the missing one in the message. */
export const CHROMIUM_PATH = chromiumPath() ?? '/usr/bin/chromium';

export const onCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

export const chromiumMissing = !existsSync(CHROMIUM_PATH);

export const MISSING_MESSAGE =
  `Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium-headless-shell or chromium ` +
  '(`apt-get install -y --no-install-recommends chromium-headless-shell`, as .ci/run does) or set CHROMIUM_PATH to a Chromium executable.';

/** For `describe.skipIf(skipBrowserTests)`: true only off CI with no Chromium. Prints why. */
export const skipBrowserTests = chromiumMissing && !onCI;
if (skipBrowserTests) console.warn(`[browser tests skipped] ${MISSING_MESSAGE}`);

export async function launchBrowser(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`${MISSING_MESSAGE}${onCI ? ' (CI is set, so browser tests fail rather than skip.)' : ''}`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No host but this machine resolves: a page under test can reach nothing on the web (a record's link or image).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}
