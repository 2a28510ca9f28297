/**
 * The pipeline, one function from settings to everything the site shows:
 * settings → read content → parse and validate (./check.ts) → model → site
 * data. The build, `npm run check` and the tests all run it. No Astro, no environment, no global state:
 * the caller passes the settings and the clock.
 */
import { resolveAsOf } from '../core/as-of.ts';
import { buildModel } from '../core/build-model.ts';
import type { PortfolioInput, PortfolioModel } from '../core/model.ts';
import { buildBacklog, buildScorecards, type Backlog, type Scorecards } from '../core/scorecard.ts';
import { searchDocuments, searchParts, type SearchDocument } from '../core/search-index.ts';
import type { ChangeLog } from '../core/changes.ts';
import type { PortfolioHistory } from '../core/history/index.ts';
import { forecastDrift, forecastModel } from '../core/forecast/index.ts';
import { getChangeLog } from '../io/git-history.ts';
import { openHistoryCache } from '../io/history-cache.ts';
import { dependencyGroups, type DependencyGroups } from '../page-data/dependencies.ts';
import { bodyText } from '../render/body-text.ts';
import type { ContentFile } from '../core/load.ts';
import type { CheckCache } from '../io/check-cache.ts';
import type { ParallelOptions } from '../io/prepare-parallel.ts';
import { checkFiles, runCheck, type CheckOptions, type CheckResult } from './check.ts';
import { portfolioHistory, type HistoryOptions } from './history.ts';
import type { Settings } from './settings.ts';

export type { Settings } from './settings.ts';
export type { CheckResult } from './check.ts';

/** Everything a build's pages and integrations read, computed once. */
export interface Site {
  settings: Settings;
  model: PortfolioModel;
  scorecards: Scorecards;
  backlog: Backlog;
  dependencies: DependencyGroups;
  /**
   * The search index in parts (src/core/search-index.ts): how many (the search page merges them), and
   * the documents until the index integration takes them (they hold every body's text: freed once written).
   * No parts unless asked for.
   */
  search: { partCount: number; parts?: SearchDocument[][] };
  /** Project changes from the content folder's git history; absent unless asked for. */
  changes?: ChangeLog;
  /** The portfolio's history: samples at past review periods, plus now (./history.ts); absent unless asked for. */
  history?: PortfolioHistory;
}

export interface SiteOptions {
  /** The clock for a default as-of day. */
  now?: Date;
  /** Make the search documents (a build does; the dev server and tests need not). */
  search?: boolean;
  /** Read "What changed" and the portfolio's history from git (a build and the dev server do; tests of numbers need not). */
  history?: boolean;
}

/**
 * The site with its history: the samples are read from git and checked, so this is asynchronous. Then the confidence
 * ranges, with each project's drift across those samples (`forecastStage`); a site made with `history: true` left them
 * to here, so they are computed once.
 */
export async function withHistory(site: Site, input: PortfolioInput, opts: HistoryOptions = {}): Promise<Site> {
  site.history = await portfolioHistory(site.settings, input, site.model, opts);
  forecastStage(site.model, site.history);
  return site;
}

/**
 * Stage 3: the confidence ranges (src/core/forecast/) on the model, with each open project's own drift from the
 * history when there is one (the samples the audience sees; fewer than `forecast.drift_min_reviews` reviews: none).
 * Nothing before it reads the forecast (the history's samples and comparisons do not); everything after it does.
 */
export function forecastStage(model: PortfolioModel, history?: PortfolioHistory): void {
  forecastModel(model, history ? forecastDrift(history.samples, model.settings.forecast.drift_min_reviews) : undefined);
}

/** Stage 1: read, parse and validate the content folder; every problem at once. */
export function checkContent(settings: Settings, opts: Pick<CheckOptions, 'parallel'> & { cache?: CheckCache } = {}): Promise<CheckResult> {
  return runCheck(settings.contentDir, {
    cwd: settings.cwd,
    audience: settings.audienceDefaulted ? undefined : settings.audience,
    strict: settings.strict,
    cache: opts.cache ?? settings.checkCache,
    parallel: opts.parallel,
  });
}

/**
 * Stage 1 for files however they were read (a git revision: src/io/git-content.ts):
 * the same parsing and validation as `checkContent`, with paths shown under `root`.
 */
export function checkContentFiles(settings: Settings, files: readonly ContentFile[], opts: { root: string; cache?: CheckCache; parallel?: ParallelOptions }): Promise<CheckResult> {
  return checkFiles(files, { ...opts, audience: settings.audienceDefaulted ? undefined : settings.audience, strict: settings.strict });
}

/** Stage 2: the model from validated input, for the settings' audience and as-of day. */
export function modelFromInput(settings: Settings, input: PortfolioInput, now: Date = new Date(), opts: { forecast?: boolean } = {}): PortfolioModel {
  const asOf = resolveAsOf(input.settings.as_of, settings.asOf, now);
  return buildModel(input, { audience: settings.audience, asOf, forecast: opts.forecast ?? true });
}

/**
 * The model with its history's drift in its confidence ranges, as a build's site has it, without the rest of the site
 * (`npm run export`: its files hold what the site's do).
 */
export async function modelWithHistory(settings: Settings, input: PortfolioInput, now?: Date, opts: HistoryOptions = {}): Promise<PortfolioModel> {
  const model = modelFromInput(settings, input, now, { forecast: false });
  forecastStage(model, await portfolioHistory(settings, input, model, opts));
  return model;
}

/**
 * Stage 2 onwards: the model and the site data from validated input. With `history`, the confidence ranges wait for
 * `withHistory` (they use its drift); without, they are computed here.
 */
export function siteFromInput(settings: Settings, input: PortfolioInput, opts: SiteOptions = {}): Site {
  const model = modelFromInput(settings, input, opts.now, { forecast: false });
  if (!opts.history) forecastStage(model);
  return {
    settings,
    model,
    scorecards: buildScorecards(model),
    backlog: buildBacklog(model),
    dependencies: dependencyGroups(model),
    search: searchIndex(settings, model, opts.search === true),
    changes: opts.history ? getChangeLog(model, settings.contentDir, openHistoryCache(settings.historyCache)) : undefined,
  };
}

function searchIndex(settings: Settings, model: PortfolioModel, wanted: boolean): Site['search'] {
  if (!wanted) return { partCount: 0 };
  const parts = searchParts(searchDocuments(model, bodyText), settings.searchPartChars);
  return { partCount: parts.length, parts };
}

export class ContentError extends Error {
  readonly report: string;
  constructor(report: string) {
    super(`The content has errors; nothing was built. Fix them and run \`npm run check\`:\n${report}`);
    this.name = 'ContentError';
    this.report = report;
  }
}

/** The whole pipeline: settings → site. Throws a ContentError (with check's report) when the content is invalid. */
export async function buildSite(settings: Settings, opts: SiteOptions & Pick<CheckOptions, 'parallel'> = {}): Promise<Site> {
  const checked = await checkContent(settings, { parallel: opts.parallel });
  if (checked.exitCode !== 0 || !checked.input) throw new ContentError(checked.output);
  const site = siteFromInput(settings, checked.input, opts);
  return opts.history ? withHistory(site, checked.input) : site;
}
