/**
 * What pages read: the portfolio model (computed once per build, see
 * src/lib/model.ts) and rendered record bodies (Astro content collections).
 */
import { getEntry, render } from 'astro:content';
import type { PortfolioModel } from '../core/model.ts';
import type { CollectionName } from '../core/schema.ts';
import { portfolioModel } from './model.ts';

export function getPortfolio(): Promise<PortfolioModel> {
  return portfolioModel({ dev: import.meta.env.DEV });
}

/** The rendered Markdown/MDX body of a record, as an Astro component. */
export async function renderBody(collection: CollectionName, id: string) {
  const entry = await getEntry(collection, id);
  if (!entry) return undefined;
  const { Content } = await render(entry);
  return Content;
}
