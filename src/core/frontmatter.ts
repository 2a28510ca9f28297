/**
 * Reading one record file: front matter (YAML, and nothing else) plus a
 * Markdown body, with the positions needed to point diagnostics at a key.
 *
 * Front matter in any other language is refused before gray-matter sees it,
 * and gray-matter is given engines that throw for every executable or
 * non-YAML language, so nothing in a record is ever evaluated. YAML is parsed
 * by the `yaml` package (YAML 1.2 core schema: `2026-01-15` and `on` stay
 * strings) with duplicate keys refused and alias expansion capped.
 */
import matter from 'gray-matter';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';

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

/**
 * How big a document may get once its aliases are expanded: 4 × its own
 * characters plus 64 KiB (a few aliases of anchors up to 100 times smaller
 * than the cap would otherwise turn a 1 MB record into a huge site).
 */
export const ALIAS_EXPANSION_FACTOR = 4;
export const ALIAS_EXPANSION_EXTRA = 65_536;

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

  const tooBig = expansionProblem(doc, src.length, at);
  if (tooBig) throw new FrontMatterError([tooBig]);

  const warnings = doc.warnings.map((w) => problem('yaml-syntax', at(w.pos[0]), `YAML: ${lowerFirst(w.message)}`, '', 'warning'));
  return { data, warnings };
}

const grouped = (n: number) => n.toLocaleString('en-GB');

/**
 * The first alias (in source order) at which the document, with every alias
 * expanded, exceeds its budget. Sizes are counted from source ranges, one
 * number per node (memoized), so nothing is expanded to find out.
 */
function expansionProblem(doc: Document.Parsed, length: number, at: (offset: number) => Position): ParseProblem | undefined {
  const limit = ALIAS_EXPANSION_FACTOR * length + ALIAS_EXPANSION_EXTRA;
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  // Expanded size of a node: scalars by their source text, collections by their parts, aliases by their target.
  const size = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) return 0; // an alias inside its own anchor
    open.add(node);
    let n = 0;
    if (isAlias(node)) n = size(node.resolve(doc));
    else if (isScalar(node)) n = node.range ? node.range[1] - node.range[0] : String(node.value).length;
    else if (isMap(node)) for (const p of node.items) n += 1 + size(p.key) + size(p.value);
    else if (isSeq(node)) for (const item of node.items) n += 1 + size(item);
    open.delete(node);
    sizes.set(node, n);
    return n;
  };

  let total = 0;
  let found: ParseProblem | undefined;
  // Walk the document as written; each alias adds its target's expanded size.
  const walk = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) {
      total += size(node);
      if (total > limit) {
        const pos = node.range ? at(node.range[0]) : { line: 1, column: 1 };
        const how = `${ALIAS_EXPANSION_FACTOR} × its ${grouped(length)} + ${grouped(ALIAS_EXPANSION_EXTRA)}`;
        found = problem('yaml-syntax', pos, `invalid YAML: alias *${node.source} expands the YAML to more than ${grouped(limit)} characters (${how}): refusing to expand it`);
      }
    } else if (isScalar(node)) total += size(node);
    else if (isMap(node)) for (const p of node.items) (total += 1, walk(p.key), walk(p.value));
    else if (isSeq(node)) for (const item of node.items) (total += 1, walk(item));
  };
  walk(doc.contents);
  return found;
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
