/**
 * The content folder as it is at a git revision, without a checkout: the
 * folder's files listed with `git ls-tree` and read with one
 * `git cat-file --batch`, as `{ path, text }` pairs for `loadPortfolio` — the
 * same files, in the same order, that `src/io/read-content.ts` reads from
 * the working tree. Refs are resolved in the repository that holds the
 * content folder, which need not be Roadmap's own.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { compareCodeUnits } from '../core/format.ts';
import type { ContentFile } from '../core/load.ts';
import { catFiles, git } from './git.ts';

const COLLECTION_DIRS = ['goals', 'programs', 'projects', 'teams'];

/** A ref that does not name a commit, or a content folder outside any git repository: a message for the maintainer. */
export class GitContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitContentError';
  }
}

export interface ContentRepository {
  /** The repository's top folder (absolute). */
  top: string;
  /** The content folder inside it, `/`-separated; '' when it is the top folder. */
  prefix: string;
}

/** The git repository holding `contentDir` (absolute; it need not exist in the working tree). */
export function contentRepository(contentDir: string): ContentRepository {
  // The nearest folder that exists: the content folder may be absent from the working tree but present at the ref.
  let existing = contentDir;
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  let top: string;
  try {
    top = git(existing, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new GitContentError(`The content folder ${contentDir} is not in a git repository (or git is not installed): compare reads revisions from git. Set ROADMAP_CONTENT to a folder inside a repository.`);
  }
  const inside = path.relative(realpathSync(top), path.join(realpathSync(existing), ...rest));
  return { top, prefix: inside.split(path.sep).join('/') };
}

/** The commit a ref names (a branch, tag, `HEAD~2`, a SHA…); a GitContentError when there is none. */
export function resolveCommit(repo: ContentRepository, ref: string): string {
  try {
    return git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitContentError(`"${ref}" is not a commit in the repository ${repo.top} (a branch, tag or commit such as main, origin/main, HEAD~1). A shallow clone may lack it: fetch it first (git fetch origin ${ref}).`);
  }
}

const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * The files `readContentDir` would read from this revision's content folder, sorted by path.
 * `blobs`: texts already read, by object id (many revisions share most files): only the others are read, and added.
 */
export function readContentAt(repo: ContentRepository, commit: string, blobs?: Map<string, string>): ContentFile[] {
  const base = repo.prefix ? `${repo.prefix}/` : '';
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (base) args.push('--', `:(literal)${base}`);
  const entries = new Map<string, { mode: string; type: string; object: string }>();
  for (const line of git(repo.top, args).toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t([\s\S]*)$/.exec(line);
    if (!m || !m[4]!.startsWith(base)) continue;
    entries.set(m[4]!.slice(base.length), { mode: m[1]!, type: m[2]!, object: m[3]! });
  }

  const listed: { path: string; object?: string; refused?: string; empty?: boolean }[] = [];
  const links: { path: string; object: string }[] = [];
  for (const [rel, e] of entries) {
    if (e.type !== 'blob') continue; // a submodule
    const segments = rel.split('/');
    const top = segments.length === 1;
    if (top ? rel !== 'portfolio.yaml' && rel !== 'portfolio.yml' : segments.some(skipped) || !/\.mdx?$/.test(rel)) {
      // A link named like a collection folder stands for the folder: refused below, as the working tree refuses a link out.
      if (top && e.mode === '120000' && COLLECTION_DIRS.includes(rel)) listed.push({ path: rel, refused: 'is a link to a folder: not read from git' });
      continue;
    }
    const inCollection = top || COLLECTION_DIRS.includes(segments[0]!);
    if (!inCollection) listed.push({ path: rel, empty: true });
    else if (e.mode === '120000') links.push({ path: rel, object: e.object });
    else listed.push({ path: rel, object: e.object });
  }

  // A link to a file of the same folder is read as that file; any other link is refused, unread.
  const targets = catFiles(repo.top, links.map((l) => l.object));
  for (const l of links) {
    const target = targets.get(l.object) ?? '';
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(l.path), target));
    const hit = !target.startsWith('/') && !resolved.startsWith('../') ? entries.get(resolved) : undefined;
    if (hit && hit.type === 'blob' && hit.mode !== '120000') listed.push({ path: l.path, object: hit.object });
    else listed.push({ path: l.path, refused: `is a link to "${target}", outside the content folder or not in this revision: refused, never read or published` });
  }

  const texts = blobs ?? new Map<string, string | undefined>();
  const fresh = catFiles(repo.top, [...new Set(listed.flatMap((f) => (f.object && !texts.has(f.object) ? [f.object] : [])))]);
  for (const [id, text] of fresh) if (text !== undefined) texts.set(id, text);
  return listed
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((f): ContentFile => (f.refused !== undefined ? { path: f.path, text: '', refused: f.refused } : { path: f.path, text: f.object ? (texts.get(f.object) ?? '') : '' }));
}
