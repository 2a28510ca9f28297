/**
 * `composeCst` (src/core/frontmatter.ts) builds front matter data straight
 * from the `yaml` parser's tokens. Whenever it does not decline, the result
 * must be exactly `parseDocument(...).toJS()` (same values, same key order,
 * -0 and NaN included), and `parseDocument` must report no error and no
 * warning. Checked on every fixture, the example content, a synthetic
 * portfolio, hand-written edge cases and thousands of mutated documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { composeCst, isDeclined, MAX_ALIAS_COUNT, normalizeText, parseFrontMatter } from '../../src/core/frontmatter.ts';
import { prng, syntheticPortfolio } from '../../src/core/synthetic.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, merge: false, intAsBigInt: false } as const;

/** The YAML that `readFrontMatter` / `readYamlFile` parse: a file's front matter, or the whole YAML file. */
function yamlOf(file: string, text: string): string | undefined {
  const t = normalizeText(text);
  if (/\.ya?ml$/.test(file)) return t;
  if (!t.startsWith('---\n')) return undefined;
  const close = t.indexOf('\n---', 3);
  return close === -1 ? undefined : t.slice(3, close + 1);
}

function filesUnder(dir: string, out: { file: string; text: string }[] = []): { file: string; text: string }[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else if (/\.(md|mdx|ya?ml)$/.test(name)) out.push({ file: full, text: readFileSync(full, 'utf8') });
  }
  return out;
}

/** What the composer says: errors and warnings, and the data when there is no error. */
function full(src: string): { clean: boolean; data?: unknown } {
  const doc = parseDocument(src, OPTIONS);
  if (doc.errors.length > 0) return { clean: false };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { clean: doc.warnings.length === 0, data };
  } catch {
    return { clean: false };
  }
}

/**
 * Identical data: same types and prototypes, Object.is on primitives (-0, NaN),
 * same own keys in the same order with the same property attributes. The path
 * of the first difference, or undefined.
 */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : at;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return at;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${at} (keys)`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k)!;
    const db = Object.getOwnPropertyDescriptor(b, k)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${at}.${String(k)} (attributes)`;
    const d = difference(da.value, db.value, `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

/** Compare one document; true when the fast path took it. */
function agree(src: string): boolean {
  const fast = composeCst(src);
  if (isDeclined(fast)) return false;
  const f = full(src);
  expect(f.clean, `fast path accepted YAML the composer reports problems in:\n${src}`).toBe(true);
  expect(difference(fast, f.data), `different data for:\n${src}\nfast: ${JSON.stringify(fast)}\nfull: ${JSON.stringify(f.data)}`).toBeUndefined();
  return true;
}

const CORPUS: string[] = [];
for (const dir of ['tests/fixtures', 'content']) {
  for (const { file, text } of filesUnder(path.join(ROOT, dir))) {
    const y = yamlOf(file, text);
    if (y !== undefined) CORPUS.push(y);
  }
}
const SYNTHETIC = syntheticPortfolio({ records: 60, seed: 11 })
  .files.map((f) => yamlOf(f.path, f.text))
  .filter((y): y is string => y !== undefined);

/** Edge cases, each next to what is most likely to differ. */
const EDGES = [
  'a: 1\nb: -0\nc: .nan\nd: -.Inf\ne: 0o17\nf: 0x1F\ng: 1e3\nh: +12\ni: 1.50\nj: 123456789012345678901234567890\n',
  'a: ~\nb: null\nc: NULL\nd:\ne: true\nf: FALSE\ng: on\nh: yes\ni: 2026-01-15\nj: 12:30\n',
  '__proto__: { polluted: true }\nconstructor: 1\ntoString: x\nhasOwnProperty: y\n',
  '1: a\n"1": b\n',
  'true: a\nnull: b\n~: c\n0x1: d\n',
  '.nan: a\n.NaN: b\n',
  'a: 1\na: 2\n',
  'a: 1\n"a": 2\n',
  "a: 'it''s'\nb: \"tab\\there \\u00e9 \\ud83d\\ude80 \\x41\"\nc: \"\\ud800\"\nd: \"bad \\q\"\n",
  'a: "unterminated\n',
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a:\n  - x\n  - y\n -z\n',
  'a:\n- x\n- y\nb: 2\n',
  'a: [1, 2,\n  3]\nb: { c: 1,\n  d: 2 }\n',
  'a: [1, 2,\n3]\n',
  'a: [1, , 2]\n',
  'a: [1, 2, ]\n',
  'a: [, 1]\n',
  'a: [1 2]\n',
  'a: { b }\n',
  'a: { b: }\n',
  'a: { b: 1, b: 2 }\n',
  'a: [b: 1]\n',
  'a: [[1, 2], {b: [3]}]\n',
  'a: {b: {c: {d: [e]}}}\n',
  'a: [1]x\n',
  'a: [1]#c\n',
  'a: [1] #c\n',
  'a: 1 #c\nb: 2#c\n',
  'a: 1 # c\n# full line\nb: |\n  line 1\n  line 2\nc: >-\n  folded\n  text\n\nd: |+\n  keep\n\n',
  'a: |\n text\n  more\n',
  'a: |2\n    indented\n',
  'a: |x\n  bad header\n',
  'a: >\n\n  after blank\n',
  'a: plain\n  continued\n  lines\n',
  'a: plain\n\n  with blank\n',
  '? complex\n: value\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\nb: !custom x\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '- a\n- b\n',
  '- a: 1\n  b: 2\n- c: 3\n',
  '- - nested\n  - seq\n',
  '-\n- ~\n',
  'just a scalar\n',
  '"quoted"\n',
  '[flow, at, root]\n',
  '{ a: 1 }\n',
  'a:\n  # only a comment\nb: 1\n',
  'a: 1\n# trailing comment\n',
  'a:\n  - 1\n  # trailing in seq\n',
  'a: 1\n\n\n\nb: 2\n',
  'a:\tb\n',
  'a: b\t\n',
  '\ta: 1\n',
  'a : 1\nb   :   2\n',
  'a:1\n',
  'a :1\n',
  '"a\nb": 1\n',
  'a\nb: 1\n',
  ': no key\n',
  'a: [1, 2] ]\n',
  'a: }\n',
  'a: @x\n',
  'a: `x\n',
  'a: %x\n',
  'a: - x\n',
  'a: -x\n',
  'a: x - y\n',
  'a: "x" y\n',
  "a: 'x'y\n",
  `k${'x'.repeat(1100)}: 1\n`,
  `a: ${'x'.repeat(1100)}\nb: 1\n`,
  `a:\n${Array.from({ length: 120 }, (_, i) => `  - item ${i} with some text to make it long`).join('\n')}\nb: 1\n`,
  `a:${'\n'.repeat(1100)}b: 1\n`,
  `${'a:\n  '.repeat(200)}x\n`,
  `${'['.repeat(300)}${']'.repeat(300)}\n`,
  'a: [1, 2\n',
  'a: [1, 2}\n',
  'a: {b: 1]\n',
  'a:\n  - [1,\n  2\n',
  'a: [1,\n2]\n',
  '- [1,\n2]\n',
  'a: 1\nb\nc: 2\n',
  'a:\n  b\n  c: 1\n',
  'a: [b,#c\n  d]\n',
  'a: {b: 1,#c\n  d: 2}\n',
  'a: [#c\n  b]\n',
  'a: {#c\n  b: 1}\n',
  'a: { b: #c\n  1 }\n',
  '- #c\n  x\n',
  'a: #c\n  1\n',
  '[a]#c\n',
  'a: "x"#c\n',
  '<<: { a: 1 }\n',
  'a: 1\n<<: x\n',
];

// Keys around the 1024-character limit after every kind of previous entry.
for (const prev of ['', 'a:\n', 'a: 1\n', 'a: |\n  x\n\n', 'a:\n  - 1\n', 'a:\n  b: [1]\n', 'a: [1]\n', '# c\n', 'a: 1 # c\n', 'a:\n\n\n', '- x\n']) {
  for (let n = 1016; n <= 1028; n += 2) EDGES.push(`${prev}${'k'.repeat(n)}: 1\n`, `${prev}"${'k'.repeat(n)}" : 1\n`, `x: { ${'k'.repeat(n)}: 1 }\n`);
}

/** One random edit that YAML cares about. */
function mutate(src: string, rnd: () => number): string {
  const pieces = [' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', ',', '[', ']', '{', '}', '"', "'", '|', '>', '?', '&a ', '*a', '!x ', '~', '.', '0', '1e', '\\', '%', '@', '`', 'x', '\t', '---\n', '...\n'];
  const at = Math.floor(rnd() * (src.length + 1));
  const op = rnd();
  const piece = pieces[Math.floor(rnd() * pieces.length)];
  if (op < 0.4) return src.slice(0, at) + piece + src.slice(at);
  if (op < 0.75) return src.slice(0, at) + src.slice(at + 1 + Math.floor(rnd() * 3));
  return src.slice(0, at) + piece + src.slice(at + piece.length);
}

describe('composeCst agrees with parseDocument + toJS', () => {
  it('every fixture and the example content; the plain ones take the fast path', () => {
    let taken = 0;
    for (const src of CORPUS) if (agree(src)) taken++;
    expect(CORPUS.length).toBeGreaterThan(50);
    expect(taken / CORPUS.length).toBeGreaterThan(0.6);
  });

  it('a synthetic portfolio: every record takes the fast path', () => {
    for (const src of SYNTHETIC) expect(agree(src), src).toBe(true);
  });

  it('edge cases: numbers, keys, quoting, comments, indentation, flow, block scalars, and every kind of error', () => {
    let taken = 0;
    for (const src of EDGES) if (agree(src)) taken++;
    // Some are fast, the rest decline (anchors, tags, errors, duplicates…).
    expect(taken).toBeGreaterThan(15);
    expect(taken).toBeLessThan(EDGES.length);
    for (const src of ['a: 1\na: 2\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: b: c\n', 'a: [1, , 2]\n', '? complex\n: value\n', 'a: "bad \\q"\n', `k${'x'.repeat(1100)}: 1\n`]) {
      expect(isDeclined(composeCst(src)), src).toBe(true);
    }
  });

  it(`mutated documents (${Number(process.env.YAML_FUZZ ?? 4000)}): fast path or decline, never a difference`, () => {
    const rnd = prng(20260523);
    const base = [...CORPUS, ...SYNTHETIC.slice(0, 10), ...EDGES];
    let taken = 0;
    const n = Number(process.env.YAML_FUZZ ?? 4000);
    for (let i = 0; i < n; i++) {
      let src = base[Math.floor(rnd() * base.length)];
      for (let m = 1 + Math.floor(rnd() * 3); m > 0; m--) src = mutate(src, rnd);
      if (agree(src)) taken++;
    }
    // The mutations exercise both sides.
    expect(taken).toBeGreaterThan(n * 0.2);
    expect(taken).toBeLessThan(n * 0.95);
  }, 60_000 + Number(process.env.YAML_FUZZ ?? 0));

  it('parseFrontMatter still locates keys and reports YAML problems after the fast path', () => {
    const fm = parseFrontMatter('---\ntitle: A\nmilestones:\n  - { name: M, date: 2026-01-01 }\n---\nBody\n');
    expect(fm.data).toEqual({ title: 'A', milestones: [{ name: 'M', date: '2026-01-01' }] });
    expect(fm.locate(['milestones', 0, 'date'])).toEqual({ line: 4, column: 16 });
    expect(() => parseFrontMatter('---\ntitle: A\ntitle: B\n---\n')).toThrow(/written twice/);
  });
});
