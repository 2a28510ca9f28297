/**
 * Where Chromium is: Debian's `chromium-headless-shell` when installed (the same Chromium build without the
 * desktop browser around it; a page load costs about half the CPU of `chromium --headless`), else Debian's
 * `chromium`; `CHROMIUM_PATH` overrides both. Used by the browser tests and the bench's --open.
 */
import { existsSync } from 'node:fs';

export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}
