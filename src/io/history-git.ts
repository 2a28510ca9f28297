/**
 * The commits of the content folder's history, for portfolio history
 * (src/pipeline/history.ts): each commit that changed the folder, with its
 * date and the folder's tree (the cache key of a sample). Never the clock,
 * never the working tree. No git, not a repository, no commits or a shallow
 * clone give a note saying why, never an error.
 */
import type { CommitRef } from '../core/history/index.ts';
import { contentRepository, GitContentError, type ContentRepository } from './git-content.ts';
import { git } from './git.ts';

export type HistoryCommits = { repo: ContentRepository; commits: CommitRef[] } | { note: string };

export const SHALLOW_NOTE = 'The git history is shallow (a CI checkout with fetch-depth 1?), so the portfolio\u2019s history cannot be computed. Fetch the full history (actions/checkout with fetch-depth: 0).';
export const NO_GIT_NOTE = 'No git history: the content folder is not in a git repository (or git is not installed), so the portfolio\u2019s history cannot be computed.';

/** Commits that changed the content folder, newest first (git log's order), with UTC commit dates. */
export function historyCommits(contentDir: string): HistoryCommits {
  let repo: ContentRepository;
  try {
    repo = contentRepository(contentDir);
  } catch (e) {
    if (e instanceof GitContentError) return { note: NO_GIT_NOTE };
    throw e;
  }
  try {
    if (git(repo.top, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') return { note: SHALLOW_NOTE };
    git(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return { note: 'No commits yet: the portfolio has no history to show.' };
  }
  const args = ['log', '--format=%H%x09%cI', 'HEAD'];
  if (repo.prefix) args.push('--', `:(literal)${repo.prefix}`);
  const commits: CommitRef[] = [];
  for (const line of git(repo.top, args).toString('utf8').split('\n')) {
    const [commit, iso] = line.split('\t');
    if (commit && iso) commits.push({ commit, date: `${new Date(iso).toISOString().slice(0, 19)}Z` });
  }
  return { repo, commits };
}

/** The content folder's tree object at each commit, in the order given; undefined when the folder is absent there. */
export function contentTrees(repo: ContentRepository, commits: readonly string[]): (string | undefined)[] {
  const spec = (c: string) => (repo.prefix ? `${c}:${repo.prefix}` : `${c}^{tree}`);
  const one = (c: string) => {
    try {
      return git(repo.top, ['rev-parse', '--verify', '--quiet', spec(c)]).toString('utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  };
  try {
    const out = git(repo.top, ['rev-parse', ...commits.map(spec)]).toString('utf8').trim().split('\n');
    if (out.length === commits.length) return out;
  } catch {
    // One of them is missing: ask one at a time.
  }
  return commits.map(one);
}
