/**
 * Versions of project records from the git history of the content folder,
 * for "What changed" (`src/core/changes.ts`). Reads `git log` and
 * `git cat-file` with child_process; never the working tree, never the clock:
 * the same commit gives the same list.
 *
 * No git, not a repository, or a shallow clone (CI's default `fetch-depth: 1`)
 * gives an empty list and a note saying why, never a failed build.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { computeChanges, snapshotOf, type ProjectRevision, type ProjectSnapshot, type ChangeLog } from '../core/changes.ts';
import { parseFrontMatter } from '../core/frontmatter.ts';
import type { PortfolioModel } from '../core/model.ts';
import { catFiles, git } from './git.ts';
import { historyKey, type HistoryCache } from './history-cache.ts';

export type { ChangeLog } from '../core/changes.ts';

export interface History {
  revisions: ProjectRevision[];
  /** Why the history is empty or partial; undefined when complete. */
  note?: string;
}

function snapshot(text: string | undefined): ProjectSnapshot | undefined {
  if (text === undefined) return undefined;
  try {
    return snapshotOf(parseFrontMatter(text).data);
  } catch {
    return undefined; // a version that did not parse: nothing to compare
  }
}

/**
 * Every commit that modified a project record under `contentDir`, with the versions before and after.
 * With a cache, each commit's revisions are read and parsed once (a commit never changes): parsing a
 * 2,000-record portfolio's thousand edits took seconds on every build.
 */
export function readHistory(contentDir: string, cache?: HistoryCache): History {
  let top: string;
  try {
    top = git(contentDir, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    return { revisions: [], note: 'No git history: the content folder is not in a git repository (or git is not installed).' };
  }
  try {
    if (git(top, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') {
      return { revisions: [], note: 'The git history is shallow (a CI checkout with fetch-depth 1?), so changes cannot be listed. Fetch the full history (actions/checkout with fetch-depth: 0).' };
    }
    git(top, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return { revisions: [], note: 'No commits yet.' };
  }
  const projectsDir = path.relative(top, path.join(realpathSync(contentDir), 'projects')).split(path.sep).join('/');
  const log = git(top, ['log', '--no-renames', '--format=%x1e%H%x09%cI', '--name-status', 'HEAD', '--', projectsDir]).toString('utf8');
  const pending: { commit: string; date: string; id: string; file: string }[] = [];
  for (const block of log.split('\x1e')) {
    const lines = block.split('\n').filter(Boolean);
    if (!lines.length) continue;
    const [commit, isoDate] = lines[0]!.split('\t');
    if (!commit || !isoDate) continue;
    const date = `${new Date(isoDate).toISOString().slice(0, 19)}Z`;
    for (const line of lines.slice(1)) {
      const [status, file] = line.split('\t');
      if (status !== 'M' || !file) continue;
      const m = /\/([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/.exec(file);
      if (!m || path.posix.dirname(file) !== projectsDir) continue;
      pending.push({ commit, date, id: m[1]!, file });
    }
  }
  const key = (commit: string) => historyKey(['changes', commit, projectsDir]);
  // In git log's order: commits newest first, files as listed.
  const commits = [...new Set(pending.map((p) => p.commit))];
  const cached = new Map<string, ProjectRevision[]>();
  for (const commit of commits) {
    const hit = cache?.get<ProjectRevision[]>(key(commit));
    if (hit) cached.set(commit, hit);
  }
  const missing = pending.filter((p) => !cached.has(p.commit));
  const blobs = catFiles(top, missing.flatMap((p) => [`${p.commit}:${p.file}`, `${p.commit}^:${p.file}`]));
  const read = new Map<string, ProjectRevision[]>();
  for (const p of missing) {
    let list = read.get(p.commit);
    if (!list) read.set(p.commit, (list = []));
    list.push({ commit: p.commit, date: p.date, id: p.id, before: snapshot(blobs.get(`${p.commit}^:${p.file}`)), after: snapshot(blobs.get(`${p.commit}:${p.file}`)) });
  }
  for (const [commit, list] of read) cache?.set(key(commit), list);
  const revisions = commits.flatMap((c) => cached.get(c) ?? read.get(c)!);
  return { revisions };
}

/** The change log of the model's projects from the content folder's history (the pipeline reads it once per build). */
export function getChangeLog(model: PortfolioModel, contentDir: string, cache?: HistoryCache): ChangeLog {
  const history = readHistory(contentDir, cache);
  return { entries: computeChanges(history.revisions, model), note: history.note };
}
