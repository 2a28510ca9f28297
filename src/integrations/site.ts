/**
 * What pages read: the site (src/pipeline/index.ts). A build computes it once
 * (./build-state.ts); the dev server recomputes it on every request, so edits
 * show on reload.
 */
import { buildSite, type Site } from '../pipeline/index.ts';
import { loadSettings } from '../pipeline/settings.ts';
import { buildingSite } from './build-state.ts';

/** This build's site, computed on first use; the dev server's, computed afresh. */
export function getSite(): Promise<Site> {
  const site = import.meta.env.DEV ? undefined : buildingSite();
  return site ? Promise.resolve(site) : buildSite(loadSettings(), { history: true });
}
