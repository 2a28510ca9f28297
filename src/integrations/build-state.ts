/**
 * This build's site, computed once. The `roadmap` integration validates the
 * content in Astro's config module graph; the pages run in Vite's SSR module
 * graph and the search index in the config graph again, all in one process.
 * Astro offers no channel between the graphs, so one slot on `globalThis`
 * carries the validated input and the site made from it: the only state
 * that crosses them.
 */
import type { PortfolioInput } from '../core/model.ts';
import type { HistoryOptions } from '../pipeline/history.ts';
import { siteFromInput, withHistory, type Site } from '../pipeline/index.ts';
import type { Settings } from '../pipeline/settings.ts';

const KEY = Symbol.for('roadmap.build');
interface Slot {
  settings: Settings;
  input: PortfolioInput;
  site?: Site;
}
type Holder = { [KEY]?: Slot };

/** Called by the roadmap integration once the content is valid. */
export function startBuild(settings: Settings, input: PortfolioInput): void {
  (globalThis as Holder)[KEY] = { settings, input };
}

/** The site of the build under way with its history (read from git: asynchronous), before any page asks for it. */
export async function prepareSite(opts: HistoryOptions = {}): Promise<void> {
  const slot = (globalThis as Holder)[KEY];
  if (!slot) return;
  const site = buildingSite()!;
  if (!site.history) await withHistory(site, slot.input, opts);
}

/** The site of the build under way (computed on first use), or undefined outside a build. */
export function buildingSite(): Site | undefined {
  const slot = (globalThis as Holder)[KEY];
  if (!slot) return undefined;
  slot.site ??= siteFromInput(slot.settings, slot.input, { search: true, history: true });
  return slot.site;
}
