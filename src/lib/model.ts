/**
 * The portfolio model for this build: read, validated and computed once, then
 * shared by every page and by the search index (the pages run in Vite's SSR
 * module graph, the integrations in the Astro config's, in one process: a
 * global slot hands the one model across). The dev server recomputes on every
 * call so edits show on reload. The only place that knows about the
 * environment: ROADMAP_CONTENT, ROADMAP_AUDIENCE, ROADMAP_AS_OF.
 */
import { relative, sep } from 'node:path';
import { resolveAsOf } from '../core/as-of.ts';
import { buildModel } from '../core/build-model.ts';
import { formatReport } from '../core/diagnostics.ts';
import { hasErrors, loadPortfolio } from '../core/load.ts';
import type { PortfolioInput, PortfolioModel } from '../core/model.ts';
import { audienceName } from './audience-name.ts';
import { contentDir, readContentDir } from './read-content.ts';
import { takeSharedInput } from './shared-input.ts';

async function validatedInput(dir: string, audience: string, dev: boolean): Promise<PortfolioInput> {
  const shared = dev ? undefined : takeSharedInput(dir, audience);
  if (shared) return shared;
  const root = relative(process.cwd(), dir).split(sep).join('/');
  const { input, diagnostics } = loadPortfolio(await readContentDir(dir), { audience, root });
  if (!input || hasErrors(diagnostics)) {
    throw new Error(`The content has errors:\n${formatReport(diagnostics)}`);
  }
  return input;
}

async function compute(dir: string, audience: string, dev: boolean): Promise<PortfolioModel> {
  const input = await validatedInput(dir, audience, dev);
  const asOf = resolveAsOf(input.settings.as_of, process.env.ROADMAP_AS_OF, new Date());
  return buildModel(input, { audience, asOf });
}

const KEY = Symbol.for('roadmap.portfolio-model');
type Holder = { [KEY]?: { dir: string; audience: string; model: Promise<PortfolioModel> } };

/** The model; `dev`: recompute (the dev server), else computed once per process for this content and audience. */
export function portfolioModel({ dev }: { dev: boolean }): Promise<PortfolioModel> {
  const dir = contentDir();
  const audience = audienceName();
  if (dev) return compute(dir, audience, true);
  const holder = globalThis as Holder;
  const slot = holder[KEY];
  if (slot && slot.dir === dir && slot.audience === audience) return slot.model;
  const model = compute(dir, audience, false);
  holder[KEY] = { dir, audience, model };
  return model;
}
