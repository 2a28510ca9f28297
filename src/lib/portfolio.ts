/**
 * The portfolio model for this build: read, validated and computed once, then
 * shared by every page (memoised in the build; recomputed per request in the
 * dev server so edits show on reload). The only place that knows about the
 * environment: ROADMAP_CONTENT, ROADMAP_AUDIENCE, ROADMAP_AS_OF.
 */
import { getEntry, render } from 'astro:content';
import { relative, sep } from 'node:path';
import { resolveAsOf } from '../core/as-of.ts';
import { buildModel } from '../core/build-model.ts';
import { formatReport } from '../core/diagnostics.ts';
import { hasErrors, loadPortfolio } from '../core/load.ts';
import type { PortfolioInput, PortfolioModel } from '../core/model.ts';
import type { CollectionName } from '../core/schema.ts';
import { audienceName } from './audience-name.ts';
import { contentDir, readContentDir } from './read-content.ts';
import { takeSharedInput } from './shared-input.ts';

async function validatedInput(dir: string, audience: string): Promise<PortfolioInput> {
  const shared = import.meta.env.DEV ? undefined : takeSharedInput(dir, audience);
  if (shared) return shared;
  const root = relative(process.cwd(), dir).split(sep).join('/');
  const { input, diagnostics } = loadPortfolio(await readContentDir(dir), { audience, root });
  if (!input || hasErrors(diagnostics)) {
    throw new Error(`The content has errors:\n${formatReport(diagnostics)}`);
  }
  return input;
}

async function compute(): Promise<PortfolioModel> {
  const audience = audienceName();
  const input = await validatedInput(contentDir(), audience);
  const asOf = resolveAsOf(input.settings.as_of, process.env.ROADMAP_AS_OF, new Date());
  return buildModel(input, { audience, asOf });
}

let cached: Promise<PortfolioModel> | undefined;

export function getPortfolio(): Promise<PortfolioModel> {
  if (import.meta.env.DEV) return compute();
  cached ??= compute();
  return cached;
}

/** The rendered Markdown/MDX body of a record, as an Astro component. */
export async function renderBody(collection: CollectionName, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry) return undefined;
  const { Content } = await render(entry);
  return Content;
}
