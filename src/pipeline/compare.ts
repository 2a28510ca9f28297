/**
 * `npm run compare`: the model of two revisions of the content folder (a
 * git ref, or the working tree), through the same check and model as a
 * build, and what differs between them (src/core/compare/). A revision is
 * read from git without a checkout (src/io/git-content.ts). Files the two
 * sides share are parsed once: both go through one check cache, the one on
 * disk or, with `ROADMAP_CHECK_CACHE=off`, one in memory.
 */
import path from 'node:path';
import { compareModels, withSharedAudience, type CompareReport, type Revision } from '../core/compare/index.ts';
import type { SideProblems } from '../core/compare/markdown.ts';
import { memoryCheckCache, openCheckCache } from '../io/check-cache.ts';
import { contentRepository, readContentAt, resolveCommit } from '../io/git-content.ts';
import type { CheckResult } from './check.ts';
import { checkContent, checkContentFiles, modelFromInput } from './index.ts';
import type { Settings } from './settings.ts';

export { GitContentError } from '../io/git-content.ts';

export interface CompareRequest {
  /** The git ref to compare against (`main`, `origin/main`, a SHA). */
  base: string;
  /** The git ref of the change; absent: the working tree. */
  head?: string;
  /** The clock, for an as-of day when portfolio.yaml has none (both sides get the same). */
  now?: Date;
}

/** The report, or, when either side's content is invalid, check's problems for each invalid side. */
export type CompareOutcome = { report: CompareReport } | { problems: SideProblems[] };

/**
 * Compare two revisions of `settings.contentDir`, resolved in the git
 * repository that holds it. Throws a GitContentError (with a message for the
 * maintainer) for a ref that names no commit or a folder outside git.
 */
export async function compareRevisions(settings: Settings, req: CompareRequest): Promise<CompareOutcome> {
  const repo = contentRepository(settings.contentDir);
  const baseCommit = resolveCommit(repo, req.base);
  const headCommit = req.head === undefined ? undefined : resolveCommit(repo, req.head);
  const cache = settings.checkCache ? openCheckCache(settings.checkCache, settings.contentDir) : memoryCheckCache();
  const root = path.relative(settings.cwd, settings.contentDir).split(path.sep).join('/');
  const atCommit = (commit: string) => checkContentFiles(settings, readContentAt(repo, commit), { root, cache });
  // The head first: the working tree is what earlier checks and builds cached; the base then parses only what differs.
  const head = headCommit === undefined ? await checkContent(settings, { cache }) : await atCommit(headCommit);
  const base = await atCommit(baseCommit);
  cache.save();

  const revisions: { base: Revision; head: Revision } = {
    base: { label: req.base, commit: baseCommit },
    head: headCommit === undefined ? { label: 'working tree' } : { label: req.head!, commit: headCommit },
  };
  const invalid = (r: CheckResult) => r.exitCode !== 0 || !r.input;
  if (invalid(base) || invalid(head)) {
    const problems: SideProblems[] = [];
    if (invalid(base)) problems.push({ side: 'base', revision: revisions.base, output: base.output });
    if (invalid(head)) problems.push({ side: 'head', revision: revisions.head, output: head.output });
    return { problems };
  }
  const now = req.now ?? new Date();
  const [baseInput, headInput] = withSharedAudience(base.input!, head.input!, settings.audience);
  return { report: compareModels(modelFromInput(settings, baseInput, now, { forecast: false }), modelFromInput(settings, headInput, now, { forecast: false }), revisions) };
}
