/**
 * Running git: one helper for the commands and one for reading many blobs in
 * one `git cat-file --batch`, shared by "What changed" (./git-history.ts) and
 * by reading a content folder at a revision (./git-content.ts). Never the
 * working tree, never a prompt for credentials.
 */
import { execFileSync } from 'node:child_process';

const MAX_BUFFER = 512 * 1024 * 1024;

/** `git args…` in `cwd`, stdout as a Buffer; throws (with git's stderr) on a non-zero exit. */
export function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
}

/** `git cat-file --batch` for many specs at once (`rev:path` or a blob's id); missing objects and non-blobs map to undefined. */
export function catFiles(cwd: string, specs: readonly string[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  if (!specs.length) return out;
  const buf = git(cwd, ['cat-file', '--batch'], `${specs.join('\n')}\n`);
  let pos = 0;
  for (const spec of specs) {
    const nl = buf.indexOf(0x0a, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.set(spec, undefined); // "<spec> missing" or ambiguous
      continue;
    }
    const size = Number(m[2]);
    out.set(spec, m[1] === 'blob' ? buf.subarray(pos, pos + size).toString('utf8') : undefined);
    pos += size + 1;
  }
  return out;
}
