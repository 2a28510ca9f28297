/**
 * Debian's Chromium through playwright-core (no downloaded browser).
 *
 * Where the executable is missing, browser tests are skipped locally with a
 * message saying so, but on CI (`CI` set to anything but `false`/`0`) they
 * run and fail with that message: CI must never pass by skipping them.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
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

/** A new Chromium process. */
async function launchChromium(): Promise<Browser> {
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
      // A new frame for every navigation (RenderDocument) and the page left kept for Back (BackForwardCache) cost
      // about a third of the CPU of each page the tests open, and neither changes how a page is drawn or what it runs.
      '--disable-features=RenderDocument,BackForwardCache',
      // No host but this machine resolves: a page under test can reach nothing on the web (a record's link or image).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * Chromium for one test file. The test files of a worker share one Chromium process (the unit project
 * shares workers between files), so each file does not pay for starting one: the handle's `close()` closes
 * only the contexts and pages opened through it, and the process ends with the worker. Everything else is
 * the Browser's own.
 */
export async function launchBrowser(): Promise<Browser> {
  shared ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => (shared = undefined));
      return browser;
    },
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  const browser = await shared;
  const opened = new Set<BrowserContext>();
  const track = <T extends BrowserContext>(context: T) => {
    opened.add(context);
    context.on('close', () => opened.delete(context));
    return context;
  };
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext') return async (...args: Parameters<Browser['newContext']>) => track(await target.newContext(...args));
      if (prop === 'newPage') return async (...args: Parameters<Browser['newPage']>) => {
        const page = await target.newPage(...args);
        track(page.context());
        return page;
      };
      if (prop === 'close') return async () => {
        for (const context of [...opened]) await context.close().catch(() => undefined);
      };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
