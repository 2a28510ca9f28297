/**
 * For tests that compare two ways of checking (one thread or several, with or
 * without the cache): content folders written from file lists, hostile YAML,
 * and the comparison itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ContentFile } from '../../src/core/load.ts';
import type { CheckResult } from '../../src/pipeline/check.ts';

/** Writes `files` into the folder `name` under `root`; returns the folder. */
export function writeContent(root: string, name: string, files: readonly ContentFile[]): string {
  const dir = path.join(root, name);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  return dir;
}

const stripTime = (r: CheckResult) => r.output.replace(/\(\d+\.\d\d s\)\n$/, '(T s)\n');

/** The same lines (but the time), diagnostics, exit code and validated input. */
export function expectSameCheck(actual: CheckResult, expected: CheckResult): void {
  expect(stripTime(actual)).toBe(stripTime(expected));
  expect(actual.diagnostics).toStrictEqual(expected.diagnostics);
  expect(actual.exitCode).toBe(expected.exitCode);
  expect(actual.input).toStrictEqual(expected.input);
}

/**
 * A content folder of YAML that tests every way a parse result can be lost or
 * changed on its way between threads or through the check cache: odd numbers,
 * __proto__, BOM and CRLF, tags, aliases (shared objects), every kind of parse
 * error (positions rebuilt from the text), drafts and stray files.
 */
export const HOSTILE_YAML: ContentFile[] = [
  { path: 'portfolio.yaml', text: 'title: Hostile\nscoring:\n  criteria:\n    - { id: value, weight: 1 }\n    - { id: risk, weight: 0 }\n' },
  { path: 'teams/core.md', text: '---\ntitle: Core\n---\n' },
  {
    path: 'projects/numbers.md',
    text: '---\ntitle: Numbers\nstatus: active\nprogress: -0\nnan: .nan\ninf: -.inf\noct: 0o17\nhex: 0x1F\nbig: 123456789012345678901234567890\nnothing: ~\nflag: on\nwhen: 2026-01-15\n---\nBody\n',
  },
  { path: 'projects/proto.md', text: '---\ntitle: Proto\nstatus: active\n__proto__: { polluted: true }\nconstructor: x\n---\n' },
  { path: 'projects/unicode.md', text: "\ufeff---\r\ntitle: \"Ünïcødé 🚀 \\ud800 \\u0000\"\r\nstatus: active\r\nsummary: 'it''s'\r\n---\r\nBody with ✓\r\nline 2\r\n" },
  { path: 'projects/tagged.md', text: '---\ntitle: !!js/function "function () { return 1 }"\nstatus: active\nother: !custom 3\n---\n' },
  { path: 'projects/anchors.md', text: '---\ntitle: Anchors\nstatus: active\nteams: &t [core]\ntags: *t\nmilestones:\n  - &m { name: A, date: 2026-02-01 }\n  - *m\n---\n' },
  { path: 'projects/bomb.md', text: `---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n---\n` },
  { path: 'projects/twice.md', text: '---\ntitle: A\nstatus: active\ntitle: B\n---\n' },
  { path: 'projects/broken.md', text: '---\ntitle: Broken\nstatus: active\nsummary: a: b\n---\n' },
  { path: 'projects/list.md', text: '---\n- not\n- a mapping\n---\n' },
  { path: 'projects/scalar.md', text: '---\njust text\n---\n' },
  { path: 'projects/comments.md', text: '---\n# only a comment\n---\nBody\n' },
  { path: 'projects/empty.md', text: '' },
  { path: 'projects/plain.md', text: 'no front matter\n' },
  { path: 'projects/open.md', text: '---\ntitle: Open\n' },
  { path: 'projects/code.md', text: '---js\n{ title: "x" }\n---\n' },
  { path: 'projects/yml.md', text: '---yml\ntitle: Yml\nstatus: done\n---\n' },
  {
    path: 'projects/schema.md',
    text: '---\ntitle: 42\nstatus: in progress\nstart: 2026-02-30\nend: 2026-01-01\nteams: [nope]\nrisks:\n  - { title: R, likelihood: 9, impact: 1 }\ndependencies:\n  - on: schema\n  - on: ghost\nscores: { value: 9, valu: 1 }\nsumary: typo\n---\n',
  },
  { path: 'projects/Bad_Name.md', text: '---\ntitle: Bad\nstatus: active\n---\n' },
  { path: 'projects/dup.md', text: '---\ntitle: Dup\nstatus: active\n---\n' },
  { path: 'projects/dup.mdx', text: '---\ntitle: Dup again\nstatus: active\n---\n' },
  { path: 'projects/_draft.md', text: 'not parsed' },
  { path: 'elsewhere/stray.md', text: '---\ntitle: Stray\n---\n' },
];

