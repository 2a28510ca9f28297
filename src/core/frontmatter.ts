/**
 * Reading one record file: front matter (YAML, and nothing else) plus a
 * Markdown body, with the positions needed to point diagnostics at a key.
 *
 * Front matter in any other language is refused before gray-matter sees it,
 * and gray-matter is given engines that throw for every executable or
 * non-YAML language, so nothing in a record is ever evaluated. YAML is parsed
 * by the `yaml` package (YAML 1.2 core schema: `2026-01-15` and `on` stay
 * strings) with duplicate keys refused and alias expansion capped. Plain
 * front matter skips building the `yaml` Document (see `composeCst`); the
 * result is the same.
 */
import matter from 'gray-matter';
import { CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Parser, parseDocument, visit, type Node as YamlNode } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** A problem found while reading a file, before any schema is applied. */
export interface ParseProblem extends Position {
  rule: 'empty-file' | 'no-front-matter' | 'unclosed-front-matter' | 'front-matter-language' | 'yaml-syntax';
  message: string;
  severity: 'error' | 'warning';
  /** The key concerned, e.g. the duplicated one; `''` for the file. */
  field: string;
}

export class FrontMatterError extends Error {
  readonly problems: ParseProblem[];
  constructor(problems: ParseProblem[]) {
    super(problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
    this.name = 'FrontMatterError';
    this.problems = problems;
  }
}

export type Path = readonly (string | number)[];

export interface ParsedYaml {
  /** The YAML as plain data (a mapping for a valid record). */
  data: unknown;
  /**
   * Where a path such as `['milestones', 1, 'date']` is written: the key for a
   * mapping entry, the item's start for a list item. A path that does not exist
   * resolves to its deepest existing ancestor; `[]` is line 1, column 1.
   */
  locate(path: Path): Position;
  /** YAML warnings (e.g. an unresolved tag). */
  warnings: ParseProblem[];
}

export interface FrontMatter extends ParsedYaml {
  /** The Markdown after the closing `---`, with LF line ends. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** The most aliases a document may expand (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100;

const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  merge: false,
  intAsBigInt: false,
} as const;

function refuse(language: string): never {
  throw new FrontMatterError([
    { rule: 'front-matter-language', line: 1, column: 1, field: '', severity: 'error', message: `front matter must be YAML, not ${language}` },
  ]);
}

const refusing = (language: string) => ({
  parse: (): never => refuse(language),
  stringify: (): never => refuse(language),
});

/**
 * gray-matter options: YAML through the `yaml` package (via `parse`, which
 * records the Document), every other engine refusing.
 */
export interface SafeMatterOptions {
  language: 'yaml';
  delimiters: string;
  excerpt: false;
  engines: Record<string, { parse: (input: string) => object; stringify: () => never }>;
}

export function safeMatterOptions(parseYaml: (src: string) => object): SafeMatterOptions {
  return {
    language: 'yaml',
    delimiters: '---',
    excerpt: false,
    engines: {
      yaml: { parse: parseYaml, stringify: () => refuse('yaml output') },
      js: refusing('JavaScript'),
      javascript: refusing('JavaScript'),
      coffee: refusing('CoffeeScript'),
      coffeescript: refusing('CoffeeScript'),
      cson: refusing('CSON'),
      toml: refusing('TOML'),
      json: refusing('JSON'),
    },
  };
}

/** Strip a UTF-8 byte order mark and turn CRLF / CR line ends into LF. */
export function normalizeText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

function problem(rule: ParseProblem['rule'], pos: Position, message: string, field = '', severity: ParseProblem['severity'] = 'error'): ParseProblem {
  return { rule, line: pos.line, column: pos.column, field, message, severity };
}

const HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: ' (put text that contains ": " in quotes)',
  TAB_AS_INDENT: ' (indent with spaces)',
  MULTIPLE_DOCS: ' (close the front matter with one --- line)',
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * What parsing one file produced, as plain data: no closures and no YAML
 * nodes, so a worker thread can send it back (structured clone) and the
 * receiver rebuilds the `locate` function with `withLocate`.
 */
export interface PlainYaml {
  data: unknown;
  warnings: ParseProblem[];
  /** Where the YAML is in the normalized text (`[start, end)`); undefined when there is none. */
  yaml?: { start: number; end: number };
}

export interface PlainFrontMatter extends PlainYaml {
  body: string;
  bodyLine: number;
}

/**
 * `locate` for YAML at `[start, end)` of `text`. Positions are needed only for
 * files with a problem: keep the text, not the Document (10,000 Documents
 * would hold hundreds of megabytes), and parse again on the first call.
 */
function locator(text: () => string, range: { start: number; end: number } | undefined): ParsedYaml['locate'] {
  if (!range) return () => ({ line: 1, column: 1 });
  let located: { doc: Document.Parsed; at: (o: number) => Position } | undefined;
  return (path: Path): Position => {
    if (!located) {
      const t = text();
      const src = t.slice(range.start, range.end);
      located = { doc: parseDocument(src, YAML_OPTIONS) as Document.Parsed, at: atIn(t, range.start, src.length) };
    }
    return locateIn(located.doc, path, located.at);
  };
}

/** Offsets in YAML that starts at `offset` in `text` → positions in `text`'s lines. */
function atIn(text: string, offset: number, length: number): (o: number) => Position {
  let starts: number[] | undefined;
  return (o: number): Position => positionAt((starts ??= lineStarts(text)), offset + Math.max(0, Math.min(o, length)));
}

/**
 * Give plain parse results (from `readFrontMatter` / `readYamlFile`, maybe in
 * another thread) their `locate` again. `input` is the file's text as read.
 */
export function withLocate<T extends PlainYaml>(input: string, plain: T): T & ParsedYaml {
  let text: string | undefined;
  return { ...plain, locate: locator(() => (text ??= normalizeText(input)), plain.yaml) };
}

/**
 * Parse YAML that starts at `offset` in `text` (positions are reported in
 * `text`'s lines). Throws FrontMatterError on a syntax error.
 */
function parseYamlAt(text: string, src: string, offset: number): PlainYaml {
  const { data, warnings } = readDocument(src, atIn(text, offset, src.length));
  return { data, warnings, yaml: { start: offset, end: offset + src.length } };
}

function readDocument(src: string, at: (offset: number) => Position): { data: unknown; warnings: ParseProblem[] } {
  const fast = composeCst(src);
  if (fast !== DECLINED) return { data: fast, warnings: [] };
  const doc = parseDocument(src, YAML_OPTIONS) as Document.Parsed;
  if (doc.errors.length > 0) {
    throw new FrontMatterError(
      doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        if (e.code === 'DUPLICATE_KEY') {
          const key = src.slice(e.pos[0]).match(/^["']?([^:"'\n]*)/)?.[1]?.trim() ?? '';
          return problem('yaml-syntax', pos, `field "${key}" is written twice`, key);
        }
        return problem('yaml-syntax', pos, `invalid YAML: ${lowerFirst(e.message)}${HINTS[e.code] ?? ''}`);
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let first: Position = { line: 1, column: 1 };
    visit(doc, {
      Alias(_, node) {
        if (node.range) first = at(node.range[0]);
        return visit.BREAK;
      },
    });
    const reason = e instanceof ReferenceError && /alias/i.test(e.message) ? `too many aliases (more than ${MAX_ALIAS_COUNT}): refusing to expand them` : (e as Error).message;
    throw new FrontMatterError([problem('yaml-syntax', first, `invalid YAML: ${reason}`)]);
  }

  const warnings = doc.warnings.map((w) => problem('yaml-syntax', at(w.pos[0]), `YAML: ${lowerFirst(w.message)}`, '', 'warning'));
  return { data, warnings };
}

/*
 * The common case without the Document: most of `parseDocument`'s time after
 * the `yaml` package's own lexer and parser goes into building the Document's
 * nodes and then turning them into plain data (`toJS`). For front matter in
 * the plain subset of YAML — block and flow mappings and sequences, plain,
 * quoted and block scalars, comments; no anchors, aliases, tags, directives,
 * explicit keys or tabs — `composeCst` builds the data straight from the
 * `yaml` parser's tokens (CST), resolving every scalar with the `yaml`
 * package's own functions (`CST.resolveAsScalar`, the core schema's tags).
 * It makes every check the `yaml` composer makes on that subset; at anything
 * else, or anything the composer would report (any error or warning, a
 * duplicate key), it declines and `parseDocument` reads the file as before,
 * errors, warnings and alias cap included. tests/core/yaml-cst.test.ts
 * compares the two on fixtures and on thousands of mutated documents.
 */

/** `composeCst` gives up: parse with `parseDocument`. */
const DECLINED: unique symbol = Symbol('declined');

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown;
}

let coreTags: { value: ScalarTag[]; key: ScalarTag[]; options: unknown; usable: boolean } | undefined;

/** The schema's tags that may resolve a plain scalar, in the order the composer tries them. */
function scalarTags() {
  if (!coreTags) {
    const doc = new Document(null, YAML_OPTIONS);
    const tags = doc.schema.tags as unknown as ScalarTag[];
    coreTags = {
      value: tags.filter((t) => t.default === true && t.test),
      key: tags.filter((t) => (t.default === true || t.default === 'key') && t.test),
      options: doc.options,
      // With a compat schema the composer also warns about ambiguous scalars: not modelled here.
      usable: !doc.schema.compat,
    };
  }
  return coreTags;
}

type Tok = CST.Token;
type SourceTok = CST.SourceToken;

const decline = (): never => {
  throw DECLINED;
};

// What `props` saw besides the indicator, and where the last composed node's
// range ends at the earliest (for the 1024-character implicit key rule). Module
// state rather than result objects: this runs for every token of every file.
let sawNewline = false;
let sawComma = false;
let lastEnd = 0;

/**
 * A token list (item start, separator) as `resolveProps` reads it: only white
 * space, comments, at most one comma (`comma`) and at most one `indicator`,
 * which it returns; a comment needs space before it.
 */
function props(tokens: readonly SourceTok[], indicator: 'seq-item-ind' | 'map-value-ind' | null, startOnNewline: boolean, comma: boolean): SourceTok | undefined {
  let hasSpace = startOnNewline;
  let found: SourceTok | undefined;
  sawNewline = false;
  sawComma = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'space':
        hasSpace = true;
        break;
      case 'newline':
        hasSpace = true;
        sawNewline = true;
        break;
      case 'comment':
        if (!hasSpace) throw DECLINED;
        break;
      case 'comma':
        if (!comma || sawComma) throw DECLINED;
        sawComma = true;
        hasSpace = false;
        break;
      default:
        if (t.type !== indicator || found) throw DECLINED;
        found = t;
        hasSpace = false;
    }
  }
  return found;
}

/** Trailing tokens from `from` on (`resolveEnd`): white space and comments, a comment after space when `reqSpace`. */
function endTokens(tokens: readonly SourceTok[] | undefined, from: number, reqSpace: boolean): void {
  if (!tokens) return;
  let hasSpace = false;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'space' || t.type === 'newline') hasSpace = true;
    else if (t.type !== 'comment' || (reqSpace && !hasSpace)) throw DECLINED;
  }
}

/** A scalar's value; sets `lastEnd` to the end of its range. */
function scalar(token: Tok, atKey: boolean): unknown {
  if (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar' && token.type !== 'block-scalar') throw DECLINED;
  const res = CST.resolveAsScalar(token, true, decline);
  if (!res) throw DECLINED;
  lastEnd = res.range[2];
  // Quoted and block scalars are strings; a plain one goes to the first core tag whose pattern matches, as in the composer.
  return token.type === 'scalar' ? plain(res.value, atKey) : res.value;
}

function plain(value: string, atKey: boolean): unknown {
  const tags = scalarTags();
  const candidates = atKey ? tags.key : tags.value;
  for (let i = 0; i < candidates.length; i++) {
    const tag = candidates[i];
    if (!tag.test!.test(value)) continue;
    const res = tag.resolve(value, decline, tags.options);
    // Some tags give a Scalar (null, bool, float), the others the value, as `composeScalar` expects.
    const v = isScalar(res) ? res.value : res;
    if (typeof v === 'object' && v !== null) throw DECLINED;
    return v;
  }
  return value;
}

/** An empty value (`key:` with nothing after it): the empty plain scalar, whose range ends at or after `end`. */
function empty(end: number): unknown {
  lastEnd = end;
  return plain('', false);
}

/** A node's value; sets `lastEnd` to where its range ends at the earliest. */
function node(token: Tok): unknown {
  switch (token.type) {
    case 'block-map':
      return blockMap(token);
    case 'block-seq':
      return blockSeq(token);
    case 'flow-collection':
      return flowCollection(token);
    default:
      return scalar(token, false);
  }
}

/** Add a pair as `addPairToJSMap` does (a key such as `__proto__` becomes an own property). */
function setKey(map: Record<string, unknown>, key: unknown, value: unknown): void {
  const k = key === null ? '' : String(key);
  if (k in map) Object.defineProperty(map, k, { value, writable: true, enumerable: true, configurable: true });
  else map[k] = value;
}

/** A flow scalar key on one line; its value; refuse a duplicate (the composer's equality: `===` on values). */
function key(token: Tok | null | undefined, keys: unknown[]): unknown {
  if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) throw DECLINED;
  if (token.source.includes('\n')) throw DECLINED;
  if (token.end) for (let i = 0; i < token.end.length; i++) if (token.end[i].type === 'newline') throw DECLINED;
  const k = scalar(token, true);
  if (k === '<<' || keys.includes(k)) throw DECLINED;
  keys.push(k);
  return k;
}

function blockMap(bm: CST.BlockMap): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const keys: unknown[] = [];
  let end = bm.offset;
  const items = bm.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.explicitKey) throw DECLINED;
    props(item.start, null, true, false);
    if (!item.sep) {
      // Only comments: allowed as the last item (else "map comment with trailing content").
      if (item.key !== undefined || item.value !== undefined || i !== items.length - 1) throw DECLINED;
      continue;
    }
    if (!item.key || !('indent' in item.key) || item.key.indent !== bm.indent) throw DECLINED;
    const k = key(item.key, keys);
    const found = props(item.sep, 'map-value-ind', false, false);
    if (!found) throw DECLINED;
    // The : must be at most 1024 characters after the key's start, which is at or after `end`.
    if (found.offset - end > 1024) throw DECLINED;
    const value = item.value;
    if (value?.type === 'block-map' && !sawNewline) throw DECLINED;
    setKey(map, k, value ? node(value) : empty(found.offset + 1));
    end = lastEnd;
  }
  lastEnd = end;
  return map;
}

function blockSeq(bs: CST.BlockSequence): unknown[] {
  const seq: unknown[] = [];
  let end = bs.offset;
  const items = bs.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const found = props(item.start, 'seq-item-ind', true, false);
    if (!found) {
      // Only comments: allowed as the last item.
      if (item.value !== undefined || i !== items.length - 1) throw DECLINED;
      continue;
    }
    seq.push(item.value ? node(item.value) : empty(found.offset + 1));
    end = lastEnd;
  }
  lastEnd = end;
  return seq;
}

const isBlock = (t: Tok | null | undefined) => t?.type === 'block-map' || t?.type === 'block-seq';

function flowCollection(fc: CST.FlowCollection): unknown {
  const isMap = fc.start.source === '{';
  const map: Record<string, unknown> = {};
  const keys: unknown[] = [];
  const seq: unknown[] = [];
  const items = fc.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    props(item.start, null, false, true);
    // The first item has no comma before it, every other item has one; no empty items.
    if (sawComma !== i > 0) throw DECLINED;
    if (isMap) {
      if (!item.sep) throw DECLINED;
      const k = key(item.key, keys);
      const found = props(item.sep, 'map-value-ind', false, true);
      if (!found || sawComma || isBlock(item.value)) throw DECLINED;
      setKey(map, k, item.value ? node(item.value) : empty(found.offset + 1));
    } else {
      // A plain item: no key, no separator (a pair in a flow sequence is left to the composer).
      if (item.key !== undefined || item.sep !== undefined || !item.value || isBlock(item.value)) throw DECLINED;
      seq.push(node(item.value));
    }
  }
  const close = fc.end[0];
  if (close?.source !== (isMap ? '}' : ']')) throw DECLINED;
  endTokens(fc.end, 1, true);
  lastEnd = close.offset + 1;
  return isMap ? map : seq;
}

/**
 * The plain data `parseDocument(src, YAML_OPTIONS).toJS()` gives, when that
 * has no error and no warning and `src` is in the subset described above;
 * else DECLINED.
 */
export function composeCst(src: string): unknown {
  if (src.includes('\t') || !scalarTags().usable) return DECLINED;
  try {
    let doc: CST.Document | undefined;
    for (const token of new Parser().parse(src)) {
      if (token.type === 'document' && !doc) doc = token;
      else if (token.type !== 'newline' && token.type !== 'space' && token.type !== 'comment') return DECLINED;
    }
    if (!doc?.value) return DECLINED;
    props(doc.start, null, true, false);
    const value = node(doc.value);
    endTokens(doc.end, 0, false);
    return value;
  } catch {
    // DECLINED, or anything unexpected (a stack overflow on deep nesting): the composer decides.
    return DECLINED;
  }
}

/** Whether `composeCst` gave up on a document. */
export function isDeclined(v: unknown): v is typeof DECLINED {
  return v === DECLINED;
}

function locateIn(doc: Document.Parsed, path: Path, at: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let found = -1;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      if (key && isScalar(key) && key.range) found = key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      if (item.range) found = item.range[0];
      node = item;
    } else break;
  }
  return found < 0 ? { line: 1, column: 1 } : at(found);
}

/** Parse a whole YAML file (portfolio.yaml). Throws FrontMatterError. */
export function parseYamlFile(input: string): ParsedYaml {
  return withLocate(input, readYamlFile(input));
}

/** `parseYamlFile` as plain data (see `withLocate`). Throws FrontMatterError. */
export function readYamlFile(input: string): PlainYaml {
  const text = normalizeText(input);
  if (text.trim() === '') throw new FrontMatterError([problem('empty-file', { line: 1, column: 1 }, 'empty file')]);
  return parseYamlAt(text, text, 0);
}

/** Parse one record file. Throws FrontMatterError for anything that is not a YAML front matter block. */
export function parseFrontMatter(input: string): FrontMatter {
  return withLocate(input, readFrontMatter(input));
}

/** `parseFrontMatter` as plain data (see `withLocate`). Throws FrontMatterError. */
export function readFrontMatter(input: string): PlainFrontMatter {
  const text = normalizeText(input);
  const start = { line: 1, column: 1 };
  if (text.trim() === '') throw new FrontMatterError([problem('empty-file', start, 'empty file: a record starts with a --- line, its fields, and another --- line')]);

  const firstEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  const first = text.slice(0, firstEnd);
  if (!first.startsWith('---') || first.startsWith('----')) {
    throw new FrontMatterError([problem('no-front-matter', start, 'no front matter: a record starts with --- on the first line')]);
  }
  const language = first.slice(3).trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    throw new FrontMatterError([problem('front-matter-language', start, `front matter must be YAML: remove "${language}" after the opening ---`)]);
  }
  if (firstEnd === text.length || text.indexOf('\n---', firstEnd) === -1) {
    throw new FrontMatterError([problem('unclosed-front-matter', start, 'front matter is not closed: add a line with --- after the last field')]);
  }

  // Where gray-matter's `matter` string starts: right after `---` (or after the language word).
  const matterStart = language === '' ? 3 : firstEnd;
  let parsed: PlainYaml | undefined;
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(
      text,
      safeMatterOptions((src) => {
        parsed = parseYamlAt(text, src, text.startsWith(src, matterStart) ? matterStart : text.indexOf(src));
        return {};
      }),
    );
  } catch (e) {
    if (e instanceof FrontMatterError) throw e;
    throw new FrontMatterError([problem('front-matter-language', start, `front matter must be YAML (${(e as Error).message})`)]);
  }

  // gray-matter skips the engine for a block with only comments or blank lines.
  parsed ??= { data: {}, warnings: [] };
  if (parsed.data === null || parsed.data === undefined) parsed.data = {};

  const body = file.content;
  const bodyStart = text.length - body.length;
  let bodyLine = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < bodyStart; i = text.indexOf('\n', i + 1)) bodyLine++;
  return { data: parsed.data, warnings: parsed.warnings, yaml: parsed.yaml, body, bodyLine };
}
