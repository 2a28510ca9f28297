/**
 * Posting the compare report on a pull request through GitHub's REST API, for
 * the GitHub Action's `compare` mode (scripts/action.ts): one comment, found
 * by the hidden marker and updated in place, as compare-comment.yml does for
 * this repository's own pull requests (that workflow runs no checkout, so it
 * keeps its own copy of these few calls inline).
 */
import { COMMENT_MARKER } from '../core/compare/index.ts';

export interface PostCommentOptions {
  /** `GITHUB_API_URL`, e.g. https://api.github.com. */
  api: string;
  /** `owner/repo`. */
  repository: string;
  number: number;
  /** The comment, starting with the marker (scripts/compare.ts --comment writes it so). */
  body: string;
  token: string;
  /** The bot whose comment is ours. */
  login?: string;
  fetch?: typeof globalThis.fetch;
}

export class CommentError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'CommentError';
    this.status = status;
  }
}

/** Creates the comment, or updates the one this bot made before (the first whose body starts with the marker). */
export async function postComment(o: PostCommentOptions): Promise<'created' | 'updated'> {
  const fetch = o.fetch ?? globalThis.fetch;
  const login = o.login ?? 'github-actions[bot]';
  const body = o.body.startsWith(COMMENT_MARKER) ? o.body : `${COMMENT_MARKER}\n${o.body}`;
  const headers = { accept: 'application/vnd.github+json', authorization: `Bearer ${o.token}`, 'x-github-api-version': '2022-11-28', 'content-type': 'application/json' };
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await fetch(url, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
    if (!res.ok) throw new CommentError(res.status, `${method} ${url.replace(o.api, '')}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res.json() as Promise<unknown>;
  };
  const base = `${o.api.replace(/\/$/, '')}/repos/${o.repository}/issues`;
  for (let page = 1; ; page++) {
    const comments = (await call('GET', `${base}/${o.number}/comments?per_page=100&page=${page}`)) as { id: number; body?: string; user?: { login?: string } }[];
    const ours = comments.find((c) => c.user?.login === login && c.body?.startsWith(COMMENT_MARKER));
    if (ours) {
      await call('PATCH', `${base}/comments/${ours.id}`, { body });
      return 'updated';
    }
    if (comments.length < 100) break;
  }
  await call('POST', `${base}/${o.number}/comments`, { body });
  return 'created';
}
