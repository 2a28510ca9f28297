/**
 * Property test of `check` and of what the build makes of what it accepts
 * (fast-check). Content folders are generated: valid-looking portfolio.yaml,
 * projects, programs, goals and teams (the shapes of the example content)
 * with random mutations — random keys and types, unicode (astral, RTL,
 * combining), control characters, lone surrogates, deep nesting, YAML
 * anchors/aliases, tags, extreme numbers (.inf, .nan, 1e308, -0, huge ints),
 * extreme and malformed dates, long strings, broken YAML text — plus garbage
 * files under random names. Properties:
 *  (a) loading never throws; it accepts, or reports errors, and every printed
 *      diagnostic is one line `path:line:column  …` pointing into its file;
 *  (b) when it accepts, buildModel and every export (portfolio.json, CSV, ICS,
 *      Atom) for the public and internal audiences never throw, portfolio.json
 *      parses, and no number is NaN/Infinity (no `null`, "NaN", "Infinity", "∞");
 *  (c) a few accepted folders: the pipeline's site data for both audiences,
 *      and every page's data from it (src/page-data: what each page shows).
 *      The build's rendering of odd text is the hostile fixture's subject
 *      (tests/build/site.test.ts, tests/e2e/site-hostile*.test.ts).
 * CI runs a fixed seed and 200 folders (20 of them through runCheck on disk),
 * about 5 s. More, on demand (5,000: about 3 minutes on 2 cores):
 *   ROADMAP_FUZZ_RUNS=5000 [ROADMAP_FUZZ_SEED=123] npx vitest run --config tests/vitest.config.ts tests/core/fuzz-check.test.ts
 * ROADMAP_FUZZ_DEBUG=1 also prints why the rejected folders were rejected (to tune the generator).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { runCheck } from '../../src/pipeline/check.ts';
import { resolveAsOf } from '../../src/core/as-of.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { computeChanges, snapshotOf, type ProjectRevision } from '../../src/core/changes.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../src/core/diagnostics.ts';
import { changesAtom } from '../../src/core/export-atom.ts';
import { CSV_COLUMNS, portfolioCsv } from '../../src/core/export-csv.ts';
import { milestonesIcs } from '../../src/core/export-ics.ts';
import { portfolioJsonText, toPortfolioJson } from '../../src/core/export-json.ts';
import { readFrontMatter } from '../../src/core/frontmatter.ts';
import { loadPortfolio, type ContentFile } from '../../src/core/load.ts';
import type { PortfolioInput } from '../../src/core/model.ts';
import { RICE_KEYS, STATUSES, WSJF_KEYS } from '../../src/core/schema.ts';
import { backlogPage, backlogRequestPages } from '../../src/page-data/backlog.ts';
import { nowNextLaterPage, statusBoardPage } from '../../src/page-data/boards.ts';
import { dependenciesPage, programDependenciesPage, programDependencyKeys } from '../../src/page-data/dependencies.ts';
import { embedIds, recordEmbed, roadmapEmbed } from '../../src/page-data/embeds.ts';
import { changesIndexPage } from '../../src/page-data/history.ts';
import { goalsPage, overviewPage, projectListPages, projectsPage, teamsPage } from '../../src/page-data/lists.ts';
import { projectPage } from '../../src/page-data/project.ts';
import { goalPage, programPage, scopedScorecardPages, teamPage } from '../../src/page-data/records.ts';
import { roadmapPage } from '../../src/page-data/roadmap.ts';
import { scorecardView } from '../../src/page-data/scorecard.ts';
import { buildSite as buildPipeline, type Site } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';

const RUNS = Number(process.env.ROADMAP_FUZZ_RUNS) || 200;
const SEED = Number(process.env.ROADMAP_FUZZ_SEED) || 20_260_815;
/** The CLI path writes files: a tenth of the runs (at least 15). */
const CLI_RUNS = Math.max(15, Math.round(RUNS / 10));
/** Accepted folders whose site data and page data are computed for both audiences (ROADMAP_FUZZ_BUILDS for more folders). */
const BUILDS = Number(process.env.ROADMAP_FUZZ_BUILDS) || 2;
const NOW = new Date('2026-11-15T12:00:00Z');

/** A path with separators and `./` normalized, so two generated files never stand for one file (conservative: `\\` counts as `/`). */
const normalizePath = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');

// ---------------------------------------------------------------------------
// Values

/** A YAML token written as is (placed by `toYaml`), e.g. `.inf` or `*nope`. */
class Raw {
  readonly token: string;
  constructor(token: string) {
    this.token = token;
  }
}

/** Words the outputs are searched for: generated text never contains them, so any hit was computed. */
const BANNED = ['NaN', 'Infinity', '∞', 'Invalid Date', 'undefined'];
function clean(s: string): string {
  let out = s;
  // Until stable: removing one word can join the letters around it into another ("NNaNaN").
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = BANNED.reduce((t, w) => t.split(w).join(''), out);
  }
  return out;
}

const SPECIAL_TEXT = [
  '',
  ' ',
  'مرحبا بالعالم',
  'שלום \u202eevil\u202c',
  'e\u0301\u0302\u0303 Zalgơ̴̡',
  '𝒳𝓎𝓏 😀 👩‍👩‍👧 🏳️‍🌈',
  '\ud800',
  'a\udc00b',
  '\udbff\udfff',
  '\u0000',
  'bell\u0007',
  '\u001b[31mred\u001b[0m',
  'nl\u0085 ls\u2028 ps\u2029',
  '\ufeffbom',
  'tab\there',
  'line\nbreak',
  'cr\rreturn',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '-5',
  ', ; \\ " \'',
  '<script>alert(1)</script>]]>',
  '{{ x }} ${x}',
  '---',
  '# not a comment',
  'key: value',
  '- item',
  'x'.repeat(5000),
  '日本語'.repeat(300),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Alpha', 'Chief Officer', 'Plan B', 'Go-live', 'x') },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
).map(clean);

const VALID_DATES = ['2026-01-15', '2026-07', '2026-Q3', '2024-02-29', '2027-12-31', '2025-Q1', '2026-11-15', '2025-06-30'];
const ODD_DATES = ['0000-01-01', '0001-Q1', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '9999-12-31', '9999-Q4', '1970-01-01', '0099-12'];
const BAD_DATES = ['2026-02-30', '2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026-1-1', '26-01-01', '+275760-09-13', '2026-01-15T10:00:00Z', '2026/01/15', '2026-W01', '', '２０２６-01-01', '2026-01-15 ', ' 2026-01'];

const date = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VALID_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES, ...BAD_DATES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('day', 'month', 'quarter'))
      .map(([y, m, d, form]) => {
        const yy = String(y).padStart(4, '0');
        const mm = String(m).padStart(2, '0');
        if (form === 'quarter') return `${yy}-Q${m % 6}`;
        return form === 'month' ? `${yy}-${mm}` : `${yy}-${mm}-${String(d).padStart(2, '0')}`;
      }),
  },
);
/** Dates as written: quoted or plain, or an unquoted YAML timestamp-looking token. */
const dateValue = fc.oneof({ weight: 5, arbitrary: date as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: date.map((d) => new Raw(d === '' ? '""' : d)) });

const RAW_NUMBERS = ['.inf', '-.inf', '+.INF', '.nan', '.NaN', '1e308', '-1e308', '1e999', '-1e999', '5e-324', '1e-400', '-0', '-0.0', '0x7fffffffffffffff', '0o777', '123456789012345678901234567890', '9007199254740993', '1_000', '.5', '0.', '+12', '1e3', '00012'];
const number = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 120 }) as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, 2 ** 53 + 2, 1e21, 0.1 + 0.2, 1e15) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((t) => new Raw(t)) },
);

const RAW_TOKENS = [
  '*nope',
  '&a 1',
  '&a [1, 2]',
  '!!binary aGVsbG8=',
  '!!timestamp 2026-01-01',
  '!!str 12',
  '!!int "12"',
  '!!float 1',
  '!custom x',
  '!!set { a, b }',
  '!!omap [ a: 1 ]',
  '~',
  'null',
  'Null',
  'yes',
  'on',
  '{ a: 1, a: 2 }',
  '[ [ [ [ ] ] ] ]',
  '"\\ud800"',
  '"\\x00\\a\\e"',
  '"\\U0001F600"',
  "'it''s'",
  '|\n  block\n  text',
  '>-\n  folded\n  text',
  '"unterminated',
  '[1, 2',
  '{ a: 1',
  'a: b: c',
  '- - -',
  '@reserved',
  '`backtick',
  '%TAG',
];

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('title', 'status', 'start', 'end', 'milestones', 'budget', 'scores', 'sumary', 'Title', 'on', 'id', 'date', 'planned', 'fte', 'from') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '<<', '', ' ', 'a.b', 'a[0]', 'line\nbreak', '\u0000', '😀', 'مفتاح', '-', '?', '1', '0') },
  { weight: 2, arbitrary: text },
);

/** Any YAML value: scalars, lists and mappings, a few levels deep. */
const anything: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    dateValue,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...RAW_TOKENS).map((t) => new Raw(t)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value nested 10–300 lists or mappings deep. */
const deep = fc.tuple(fc.integer({ min: 10, max: 300 }), fc.boolean(), anything).map(([n, lists, leaf]) => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = lists ? [v] : { k: v };
  return v;
});

const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anything },
  { weight: 2, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 2, arbitrary: dateValue },
  { weight: 1, arbitrary: deep },
);

// ---------------------------------------------------------------------------
// Valid-looking records (the example content's shapes), then mutations

const PROJECT_IDS = ['alpha', 'beta', 'gamma', 'delta'];
const TEAM_IDS = ['platform', 'security-review'];
const CRITERIA = ['strategic_fit', 'value', 'risk', 'effort'];
const money = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom(0, 0.5, 1200000.25));
const score = fc.integer({ min: 1, max: 5 });

const portfolioBase = fc.record({
  title: fc.constantFrom('Northwind Health IT Portfolio', 'T'),
  organization: fc.constantFrom('Northwind Health', 'Acme & <Co>'),
  currency: fc.constantFrom('GBP', 'EUR'),
  fiscal_year_start: fc.integer({ min: 1, max: 12 }),
  as_of: fc.constantFrom('2026-11-15', '2024-02-29', '2027-01-01'),
  review_every_days: fc.constantFrom(1, 90, 365),
  scoring: fc.record({
    method: fc.constantFrom('weighted', 'weighted', 'wsjf', 'rice'),
    criteria: fc.constant([
      { id: 'strategic_fit', label: 'Strategic fit', weight: 3 },
      { id: 'value', label: 'Business value', weight: 3 },
      { id: 'risk', label: 'Delivery risk', weight: 2, invert: true },
      { id: 'effort', label: 'Effort', weight: 2, invert: true },
    ]),
    scale: fc.constantFrom([1, 5], [1, 5], [0, 10], [-5, 5]),
  }),
  thresholds: fc.constant({ schedule_slip_days: [14, 45], budget_variance: [0.05, 0.15], capacity_utilization: [0.9, 1.1] }),
  audiences: fc.constant({ public: { hide: ['budget', 'benefits', 'risks', 'scores', 'demand', 'decisions', 'changes'] }, internal: { hide: [] } }),
  roi_years: fc.integer({ min: 1, max: 100 }),
  evm: fc.record({ spi: fc.constantFrom([0.95, 0.85], [1, 1], [10, 0.01]), cpi: fc.constantFrom([0.95, 0.85], [2, 0.5]) }, { requiredKeys: [] }),
}, { requiredKeys: ['title', 'scoring', 'audiences'] });

const projectBase = fc.record(
  {
    title: fc.constantFrom('EPR Upgrade', 'Network refresh'),
    status: fc.constantFrom(...STATUSES),
    summary: fc.constant('Upgrades the record.'),
    phase: fc.constantFrom('execution', 'evaluation'),
    program: fc.constant('clinical'),
    goals: fc.constant(['access']),
    investment: fc.constantFrom('run', 'grow', 'transform'),
    visibility: fc.constantFrom('public', 'internal'),
    sponsor: fc.constant('CMO'),
    owners: fc.constant({ business: 'Head of Ops', technical: 'Lead' }),
    teams: fc.constant(['platform']),
    tags: fc.constant(['epr', 'clinical']),
    updated: fc.constantFrom('2026-11-06', '2025-01-01'),
    start: fc.constantFrom('2025-07', '2025-01-15', '2025-Q1'),
    end: fc.constantFrom('2027-Q2', '2026-12-31', '2027-09'),
    baseline_end: fc.constantFrom('2027-09-30', '2026-12-31'),
    progress: fc.integer({ min: 0, max: 100 }),
    health: fc.constant({ schedule: 'amber', note: 'Vendor delay' }),
    value_status: fc.constantFrom('on-track', 'at-risk', 'off-track'),
    readiness: fc.constantFrom('green', 'amber', 'red'),
    milestones: fc.array(fc.record({ name: fc.constantFrom('Go-live', 'Design approved', 'Go-live'), date: fc.constantFrom(...VALID_DATES), baseline: fc.constantFrom(...VALID_DATES), done: fc.boolean() }, { requiredKeys: ['name', 'date'] }), { maxLength: 3 }),
    dependencies: fc.array(fc.record({ on: fc.constantFrom(...PROJECT_IDS), kind: fc.constant('security'), type: fc.constantFrom('finish-to-start', 'start-to-start', 'finish-to-finish'), need_by: fc.constant('Go-live') }, { requiredKeys: ['on'] }), { maxLength: 2 }),
    gates: fc.constant([{ gate: 'design', status: 'approved', date: '2025-12-04', approver: 'Design Authority' }]),
    budget: fc.record({ planned: money, forecast: money, lines: fc.array(fc.record({ period: fc.constantFrom('2025-Q2', '2026-Q1'), phase: fc.constant('build'), vendor: fc.constant('Acme'), planned: money, actual: money }), { maxLength: 3 }) }, { requiredKeys: [] }),
    benefits: fc.array(fc.record({ metric: fc.constant('Calls'), unit: fc.constant('%'), baseline: fc.integer({ min: 0, max: 100 }), target: fc.integer({ min: 0, max: 100 }), actual: fc.integer({ min: 0, max: 100 }), review: fc.constant('2027-12-31'), annual_value: money }, { requiredKeys: ['metric'] }), { maxLength: 2 }),
    risks: fc.constant([{ title: 'Downtime', likelihood: 2, impact: 5, owner: 'PM', mitigation: 'Rehearsals', status: 'open' }]),
    scores: fc.record({ strategic_fit: score, value: score, risk: score, effort: score }, { requiredKeys: [] }),
    demand: fc.array(fc.record({ team: fc.constantFrom(...TEAM_IDS), fte: fc.constantFrom(0, 0.3, 4), from: fc.constantFrom('2025-Q2', '2026-Q1'), to: fc.constantFrom('2027-Q2', '2026-Q4') }, { requiredKeys: ['team', 'fte'] }), { maxLength: 2 }),
    decisions: fc.constant([{ question: 'Approve?', by: '2027-01-29', owner: 'CMO' }]),
    changes: fc.constant([{ id: 'CR-12', title: 'Merge', status: 'approved', cost: 120000, days: 0 }]),
  },
  { requiredKeys: ['title', 'status'] },
);

const programBase = fc.record({ title: fc.constant('Clinical Systems'), owner: fc.constant('CCIO'), goals: fc.constant(['access']) }, { requiredKeys: ['title'] });
const goalBase = fc.record(
  {
    title: fc.constant('Improve access'),
    owner: fc.constant('COO'),
    horizon: fc.constantFrom('2027-Q4', '2027-12'),
    key_results: fc.constant([{ metric: 'Online bookings', unit: '%', baseline: 12, target: 40, actual: 21 }]),
  },
  { requiredKeys: ['title'] },
);
const teamBase = fc.record(
  { title: fc.constant('Platform'), kind: fc.constantFrom('team', 'role'), capacity: fc.array(fc.record({ from: fc.constantFrom('2025-Q1', '2026-07'), fte: fc.constantFrom(0, 4, 6.5) }), { maxLength: 2 }) },
  { requiredKeys: ['title'] },
);

type PathSeg = string | number;
type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'alias'; at: number; to: number }
  | { op: 'valid-date'; at: number; value: unknown }
  | { op: 'valid-number'; at: number; value: unknown }
  | { op: 'same-type'; at: number; text: string; date: unknown; number: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: weird }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key, value: weird }),
  fc.record({ op: fc.constant('alias' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('valid-date' as const), at: fc.nat(), value: dateValue }),
  fc.record({ op: fc.constant('valid-number' as const), at: fc.nat(), value: number }),
);

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !(v instanceof Raw);

/** Every path in a value (the root included), depth-first. */
function paths(v: unknown, prefix: PathSeg[] = [], out: PathSeg[][] = [], seen = new Set<unknown>()): PathSeg[][] {
  out.push(prefix);
  if (isContainer(v) && !seen.has(v) && out.length < 2000) {
    seen.add(v);
    for (const [k, child] of Object.entries(v)) paths(child, [...prefix, Array.isArray(v) ? Number(k) : k], out, seen);
  }
  return out;
}

function getAt(v: unknown, p: PathSeg[]): unknown {
  return p.reduce<unknown>((cur, seg) => (isContainer(cur) ? (cur as Record<PathSeg, unknown>)[seg] : undefined), v);
}

/** Apply mutations to a copy of a record's data (structuredClone keeps aliases made earlier). */
function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  let data = structuredClone(base, {});
  for (const m of mutations) {
    const all = paths(data);
    const p = all[m.at % all.length]!;
    const parent = p.length ? getAt(data, p.slice(0, -1)) : undefined;
    const last = p[p.length - 1];
    const put = (value: unknown) => {
      if (p.length === 0) data = value;
      else if (isContainer(parent)) (parent as Record<PathSeg, unknown>)[last!] = value;
    };
    switch (m.op) {
      case 'set':
      case 'valid-date':
      case 'valid-number':
        put(m.value);
        break;
      case 'same-type': {
        const old = getAt(data, p);
        // Ids and enum values (lower-case words) stay: references and enums are checked elsewhere.
        if (typeof old === 'string' && !/^[a-z0-9_-]+$/.test(old)) put(/^\d{4}-/.test(old) ? m.date : m.text);
        else if (typeof old === 'number') put(m.number);
        break;
      }
      case 'delete':
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else if (isContainer(parent)) delete (parent as Record<string, unknown>)[last as string];
        break;
      case 'add': {
        const target = getAt(data, p);
        if (isContainer(target) && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else if (Array.isArray(target)) target.push(m.value);
        break;
      }
      case 'alias': {
        // The same object in two places: yaml writes an anchor and an alias.
        const src = getAt(data, all[m.to % all.length]!);
        if (isContainer(src) && !p.some((_, i) => getAt(data, p.slice(0, i)) === src)) put(src);
        break;
      }
    }
  }
  return data;
}

// ---------------------------------------------------------------------------
// Files

interface YamlStyle {
  flow: boolean;
  quote: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  crlf: boolean;
  bom: boolean;
}
const yamlStyle: fc.Arbitrary<YamlStyle> = fc.record({
  flow: fc.boolean(),
  quote: fc.constantFrom('PLAIN' as const, 'PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** YAML text for a value, with `Raw` tokens written as they are. */
function toYaml(value: unknown, style: YamlStyle): string {
  const raws: string[] = [];
  const swap = (v: unknown, seen: Map<unknown, unknown>): unknown => {
    if (v instanceof Raw) {
      raws.push(v.token);
      return `zzraw${raws.length - 1}zz`;
    }
    if (!isContainer(v)) return v;
    if (seen.has(v)) return seen.get(v);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [] : {};
    seen.set(v, copy);
    for (const [k, child] of Object.entries(v)) Object.defineProperty(copy, k, { value: swap(child, seen), enumerable: true, writable: true, configurable: true });
    return copy;
  };
  let out: string;
  try {
    out = stringify(swap(value, new Map()), { collectionStyle: style.flow ? 'flow' : 'block', defaultStringType: style.quote, lineWidth: 0, aliasDuplicateObjects: true });
  } catch {
    out = `${JSON.stringify(String(value))}\n`;
  }
  // A multi-line raw token in a block mapping is indented like the key after it would be: good enough for garbage.
  return out.replace(/zzraw(\d+)zz/g, (_, i: string) => raws[Number(i)]!);
}

type TextEdit = { op: 'insert'; at: number; text: string } | { op: 'duplicate-line'; at: number } | { op: 'tab-indent'; at: number } | { op: 'truncate'; at: number };
const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(':', '- ', '"', "'", '\t', '&x ', '*x', '{', ']', '\n  ', '#', '---\n', '\u0000', '\ud800', '\r', '\u0085', '! '), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('tab-indent' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function edit(yaml: string, e: TextEdit): string {
  const lines = yaml.split('\n');
  const i = e.at % Math.max(1, lines.length);
  switch (e.op) {
    case 'insert': {
      const at = e.at % (yaml.length + 1);
      return yaml.slice(0, at) + e.text + yaml.slice(at);
    }
    case 'duplicate-line':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'tab-indent':
      lines[i] = (lines[i] ?? '').replace(/^ +/, '\t');
      return lines.join('\n');
    case 'truncate':
      return yaml.slice(0, e.at % (yaml.length + 1));
  }
}

const BODIES = ['', 'Background.\n', '## Status\n\nOn plan.\n', '```mermaid\ngraph TD; A-->B\n```\n', '---\nnot front matter\n---\n', '\u0000\ud800 body <script>x</script>\n', 'x'.repeat(20000)];
const FENCES = ['---', '---', '---', '---yaml', '--- ', '---js', '---json', '----', ''];

interface GenFile {
  path: string;
  data: unknown;
  style: YamlStyle;
  edits: TextEdit[];
  fence: string;
  close: boolean;
  body: string;
}

function fileText(f: GenFile): string {
  let yaml = toYaml(f.data, f.style);
  for (const e of f.edits) yaml = edit(yaml, e);
  let t = f.path.endsWith('.yaml') || f.path.endsWith('.yml') ? yaml : `${f.fence}${f.fence ? '\n' : ''}${yaml}${yaml.endsWith('\n') ? '' : '\n'}${f.close ? '---\n' : ''}${f.body}`;
  if (f.style.crlf) t = t.replace(/\n/g, '\r\n');
  return f.style.bom ? `\ufeff${t}` : t;
}

const fileShape = fc.record({
  style: yamlStyle,
  edits: fc.oneof({ weight: 4, arbitrary: fc.constant([] as TextEdit[]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }) }),
  fence: fc.oneof({ weight: 8, arbitrary: fc.constant('---') }, { weight: 1, arbitrary: fc.constantFrom(...FENCES) }),
  close: fc.oneof({ weight: 10, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  body: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...BODIES) }, { weight: 1, arbitrary: text }),
});

/** Numbers a valid field may well hold: in range for most, extreme for some. */
const plausibleNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 5, 0.1 + 0.2, 1e-9, 5e-324, 2 ** 53 + 2, 1e15, 1e21, 1e308, -1) },
  { weight: 1, arbitrary: number },
);

/** A leaf replaced by a value of the same kind (text, date, number): folders that stay mostly valid. */
const sameType: fc.Arbitrary<Mutation> = fc.record({ op: fc.constant('same-type' as const), at: fc.nat(), text, date: dateValue, number: plausibleNumber });

/** Calm folders: mostly untouched records, leaves swapped for values of their kind, an unknown field now and then. */
const calmMutations = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as Mutation[]) },
  { weight: 3, arbitrary: fc.array(sameType, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(sameType, fc.record({ op: fc.constant('add' as const), at: fc.constant(0), key, value: weird }), fc.record({ op: fc.constant('alias' as const), at: fc.nat(), to: fc.nat() })), { minLength: 1, maxLength: 2 }) },
);
const chaosMutations = fc.oneof({ weight: 1, arbitrary: fc.constant([] as Mutation[]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

const calmShape = fc.record({ style: yamlStyle, edits: fc.constant([] as TextEdit[]), fence: fc.constant('---'), close: fc.constant(true), body: fc.oneof(fc.constantFrom(...BODIES), text) });

const recordFile = (dir: string, id: string, base: fc.Arbitrary<unknown>, chaos: boolean): fc.Arbitrary<GenFile> =>
  fc.tuple(base, chaos ? chaosMutations : calmMutations, chaos ? fileShape : calmShape).map(([data, ms, shape]) => ({ path: `${dir}/${id}.md`, data: mutate(data, ms), ...shape }));

const oddName = fc.oneof(
  fc.constantFrom('projects/Upper Case.md', 'projects/a/b.md', 'projects/.hidden.md', 'projects/_draft.md', 'projects/.md', 'projects/ünï-cödé.md', 'projects/x.mdx', 'projects/x.MD', 'portfolio.yml', 'misc/x.md', 'x.md', 'projects/x.md.bak', './projects/dot.md', 'projects//double.md', 'projects\\back.md', 'teams/😀.md', 'goals/-lead.md', 'goals/trail-.md', 'programs/a--b.md', 'projects/x y.md', 'projects/\u202etxt.md', 'projects/ctl\u0007.md', 'projects/new\nline.md'),
  fc.tuple(fc.constantFrom('projects', 'programs', 'goals', 'teams', 'other'), text, fc.constantFrom('.md', '.mdx', '.yaml', '')).map(([d, n, e]) => `${d}/${n.replace(/\//g, '_')}${e}`),
);

/** Nested anchors and aliases (a small "billion laughs"), around a project's fields. */
const laughs = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 6 }), fc.constantFrom('"lol"', '"x"', 'Go-live')).map(([depth, width, leaf]) => {
  const lines = ['title: Laughs', 'status: active', `l0: &l0 [${Array(width).fill(leaf).join(', ')}]`];
  for (let i = 1; i <= depth; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  lines.push(`tags: *l${depth}`);
  return new Raw(lines.join('\n'));
});

const garbageFile: fc.Arbitrary<GenFile> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(oddName, weird, fileShape).map(([p, data, shape]) => ({ path: p, data, ...shape })) },
  { weight: 1, arbitrary: fc.tuple(laughs, fileShape).map(([data, shape]) => ({ path: 'projects/laughs.md', data, ...shape })) },
);

const portfolioFile = (chaos: boolean) => fc.tuple(portfolioBase, chaos ? chaosMutations : calmMutations, chaos ? fileShape : calmShape).map(([data, ms, shape]): GenFile => ({ path: 'portfolio.yaml', data: mutate(data, ms), ...shape, fence: '', close: false, body: '' }));

/**
 * Dependencies only on other projects of the folder (in calm folders: only on
 * an earlier id, so no cycles), and `need_by` only when that milestone exists.
 */
function tidy(projects: GenFile[], chaos: boolean, portfolio: GenFile | undefined): GenFile[] {
  // Score keys of the portfolio's scoring method (wsjf, rice), in the order of the weighted criteria.
  const method = (portfolio?.data as { scoring?: { method?: unknown } } | undefined)?.scoring?.method;
  const keys = method === 'wsjf' ? WSJF_KEYS : method === 'rice' ? RICE_KEYS : undefined;
  for (const p of projects) {
    const d = p.data as { scores?: unknown };
    if (keys && isContainer(d) && !Array.isArray(d) && isContainer(d.scores) && !Array.isArray(d.scores)) {
      d.scores = Object.fromEntries(Object.entries(d.scores).map(([k, v]) => [keys[CRITERIA.indexOf(k)] ?? k, v]));
    }
  }
  const ids = projects.map((p) => p.path.slice('projects/'.length, -'.md'.length));
  for (const [i, p] of projects.entries()) {
    const d = p.data as { dependencies?: unknown; milestones?: unknown };
    if (!isContainer(d) || Array.isArray(d) || !Array.isArray(d.dependencies)) continue;
    const names = Array.isArray(d.milestones) ? d.milestones.map((m) => (isContainer(m) ? (m as { name?: unknown }).name : undefined)) : [];
    d.dependencies = d.dependencies.filter((x) => !isContainer(x) || (ids.includes((x as { on: string }).on) && (chaos ? (x as { on: string }).on !== ids[i] : (x as { on: string }).on < ids[i]!)));
    for (const x of d.dependencies as Record<string, unknown>[]) if (isContainer(x) && !names.includes(x.need_by)) delete x.need_by;
  }
  return projects;
}

/** A content folder: calm (mostly valid: exercises the model and exports) or chaotic (exercises check). */
const folder = fc
  .boolean()
  .chain((chaos) =>
    fc.record({
      portfolio: fc.oneof({ weight: 12, arbitrary: portfolioFile(chaos).map((f) => [f]) }, { weight: chaos ? 1 : 0, arbitrary: fc.constant([] as GenFile[]) }),
      projects: fc
        .uniqueArray(fc.constantFrom(...PROJECT_IDS), { maxLength: 4 })
        .chain((ids): fc.Arbitrary<GenFile[]> => (ids.length ? fc.tuple(...ids.map((id) => recordFile('projects', id, projectBase, chaos))) : fc.constant([]))),
      others: fc.tuple(recordFile('programs', 'clinical', programBase, chaos), recordFile('goals', 'access', goalBase, chaos), ...TEAM_IDS.map((id) => recordFile('teams', id, teamBase, chaos))),
      garbage: fc.array(garbageFile, { maxLength: chaos ? 2 : 0 }),
      audience: fc.constantFrom(undefined, 'public', 'internal'),
      chaos: fc.constant(chaos),
    }),
  )
  .map(({ portfolio, projects, others, garbage, audience, chaos }) => ({
    files: [...portfolio, ...tidy(projects, chaos, portfolio[0]), ...others, ...garbage].map((g) => ({ path: g.path, text: fileText(g) })),
    audience,
    chaos,
  }))
  // One file per path, as in a folder.
  .filter(({ files }) => new Set(files.map((f) => normalizePath(f.path))).size === files.length);

// ---------------------------------------------------------------------------
// Properties

const LOCATION = /^\S.*:\d+:\d+  /;

/** (a): every diagnostic prints as one `path:line:column  …` line inside its file. */
function checkDiagnostics(files: readonly ContentFile[], diagnostics: readonly Diagnostic[], root = ''): void {
  const linesOf = new Map(files.map((f) => [root + normalizePath(f.path), () => f.text.replace(/^\ufeff/, '').split(/\r\n?|\n/)]));
  const cache = new Map<string, string[]>();
  for (const d of diagnostics) {
    const line = formatDiagnostic(d);
    expect(line, 'one line per diagnostic').not.toMatch(/[\r\n]/);
    expect(line).toMatch(LOCATION);
    expect(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`).toBe(true);
    const split = linesOf.get(d.file);
    if (split) {
      if (!cache.has(d.file)) cache.set(d.file, split());
      const lines = cache.get(d.file)!;
      expect(d.line, `${line}: past the end of the file`).toBeLessThanOrEqual(lines.length);
      expect(d.column, `${line}: past the end of the line`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    }
  }
}

/** Every number in the JSON export's data is finite and nothing is `null`. */
function checkJsonValues(v: unknown, where: string): void {
  if (v === null) throw new Error(`null at ${where}`);
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${v} at ${where}`);
  if (Array.isArray(v)) v.forEach((x, i) => checkJsonValues(x, `${where}[${i}]`));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) checkJsonValues(x, `${where}.${k}`);
}

function checkNoBanned(name: string, out: string): void {
  for (const w of BANNED) if (out.includes(w)) throw new Error(`${name} contains "${w}": …${out.slice(Math.max(0, out.indexOf(w) - 80), out.indexOf(w) + 40)}…`);
}

/** (b): the model and every export, for every audience this portfolio defines of public/internal. */
function checkExports(input: PortfolioInput, files: readonly { path: string; text: string }[]): void {
  const asOf = resolveAsOf(input.settings.as_of, undefined, NOW);
  for (const audience of ['public', 'internal'].filter((a) => Object.hasOwn(input.settings.audiences, a))) {
    const model = buildModel(input, { audience, asOf });
    const json = portfolioJsonText(model);
    checkNoBanned('portfolio.json', json);
    checkJsonValues(toPortfolioJson(model), 'portfolio.json');
    checkJsonValues(JSON.parse(json), 'portfolio.json (parsed)');
    for (const p of model.projects) {
      for (const c of CSV_COLUMNS) {
        const v = c.value(p, model);
        if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`CSV ${c.name} of ${p.id} is ${v}`);
      }
    }
    const csv = portfolioCsv(model);
    checkNoBanned('portfolio.csv', csv);
    checkNoBanned('milestones.ics', milestonesIcs(model, { siteUrl: 'https://x.example/roadmap/' }));
    // The feed: each project changed from an earlier version (that version: this folder's other files' data).
    const revisions: ProjectRevision[] = model.projects.map((p, i) => ({
      commit: `c${i}`,
      date: '2026-10-02T09:15:00Z',
      id: p.id,
      before: snapshotOf(parseLoose(files[i % files.length]!.text)) ?? {},
      after: snapshotOf(p.record) ?? {},
    }));
    const entries = computeChanges(revisions, model);
    for (const root of ['https://x.example/roadmap/', '/roadmap/']) checkNoBanned(`feed.xml (${root})`, changesAtom(model, entries, { root }));
  }
}

/** A file's front matter as plain data, or undefined (an "old version" for the feed may be anything). */
function parseLoose(t: string): unknown {
  try {
    return readFrontMatter(t).data;
  } catch {
    return undefined;
  }
}

const stats = { runs: 0, accepted: 0, calm: 0, calmAccepted: 0, cli: 0, cliAccepted: 0, loadMs: 0, exportMs: 0 };
const rejections = new Map<string, number>();

beforeEach(() => {
  vi.stubEnv('ROADMAP_AUDIENCE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(() => {
  if (process.env.ROADMAP_FUZZ_DEBUG) console.log([...rejections].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => `${n} ${k}`).join('\n'));
  console.log(`fuzz-check: seed ${SEED}, ${stats.runs} folders (${stats.accepted} accepted; ${stats.calm} calm, ${stats.calmAccepted} of them accepted), ${stats.cli} through runCheck (${stats.cliAccepted} accepted); load ${Math.round(stats.loadMs)} ms, build and exports ${Math.round(stats.exportMs)} ms`);
});

/** Every page's data as the pages compute it from the site (src/page-data), for every record; how many pages. */
function everyPage({ model, scorecards, backlog, dependencies }: Site): number {
  const kinds = ['programs', 'goals', 'teams'] as const;
  const pages: unknown[] = [
    overviewPage(model),
    projectsPage(model),
    ...projectListPages(model),
    goalsPage(model),
    teamsPage(model),
    backlogPage(model, backlog),
    ...backlogRequestPages(model, backlog),
    dependenciesPage(model, dependencies),
    ...programDependencyKeys(dependencies).map((key) => programDependenciesPage(model, dependencies, key)),
    nowNextLaterPage(model),
    statusBoardPage(model),
    ...(['program', 'goal', 'team', 'investment', 'status'] as const).map((grouping) => roadmapPage(model, grouping)),
    roadmapPage(model, 'program', 'whole'),
    roadmapEmbed(model),
    scorecardView(model, scorecards),
    ...scopedScorecardPages(model, scorecards, 'program'),
    ...scopedScorecardPages(model, scorecards, 'goal'),
    ...model.projects.map((p) => projectPage(model, p.id)),
    ...model.programs.map((p) => programPage(model, scorecards, p.id)),
    ...model.goals.map((g) => goalPage(model, scorecards, g.id)),
    ...model.teams.map((t) => teamPage(model, t.id)),
    ...kinds.flatMap((kind) => embedIds(model, kind).map((id) => recordEmbed(model, kind, id))),
    changesIndexPage(model, undefined, undefined),
  ];
  return pages.length;
}

describe('check on generated content (property)', () => {
  it('never throws, reports well-formed diagnostics, and what it accepts builds and exports cleanly', () => {
    fc.assert(
      fc.property(folder, ({ files, audience, chaos }) => {
        stats.runs++;
        if (!chaos) stats.calm++;
        const t0 = performance.now();
        const { input, diagnostics } = loadPortfolio(files, { audience });
        stats.loadMs += performance.now() - t0;
        checkDiagnostics(files, diagnostics);
        expect(input === undefined, 'rejected exactly when there is an error').toBe(hasErrors(diagnostics) || !files.some((f) => f.path === 'portfolio.yaml'));
        if (!input) {
          const first = diagnostics.find((x) => x.severity === 'error');
          const why = first ? `${first.rule} ${first.field} ${first.message.slice(0, 50)}` : 'no portfolio.yaml';
          rejections.set(why, (rejections.get(why) ?? 0) + 1);
          return;
        }
        stats.accepted++;
        if (!chaos) stats.calmAccepted++;
        const t1 = performance.now();
        checkExports(input, files);
        stats.exportMs += performance.now() - t1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('runCheck prints path:line:column lines, then the summary or the ✓ line', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'roadmap-fuzz-'));
    dirs.push(base);
    let n = 0;
    // Names the file system can hold (odd names are tested in-process above).
    const diskable = folder.filter(({ files }) => files.every((f) => /^[^\0\n\r\\]+$/.test(f.path) && !f.path.split('/').some((s) => s === '' || s === '.' || s === '..')));
    await fc.assert(
      fc.asyncProperty(diskable, async ({ files, audience }) => {
        stats.cli++;
        const dir = path.join(base, String(n++), 'content');
        for (const f of files) {
          const file = path.join(dir, f.path);
          try {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, f.text);
          } catch {
            return; // a name this file system refuses (too long, a file where a folder should be, …)
          }
        }
        const result = await runCheck('content', { cwd: path.dirname(dir), parallel: false, audience });
        const lines = result.output.replace(/\n$/, '').split('\n');
        const last = lines.pop()!;
        if (result.exitCode === 0) {
          stats.cliAccepted++;
          expect(last).toMatch(/^✓ /);
          if (lines.length) lines.pop(); // the summary of warnings
        } else expect(last).toMatch(/^\d+ errors?, \d+ warnings? in \d+ files?$/);
        for (const l of lines) expect(l).toMatch(LOCATION);
        expect(lines.every((l) => l.startsWith('content/'))).toBe(true);
      }),
      { seed: SEED, numRuns: CLI_RUNS },
    );
  }, 600_000);
  it('what check accepts builds: the site data of both audiences (pipeline) and every page\'s data', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'roadmap-fuzz-build-'));
    dirs.push(base);
    // The first accepted folders of the fixed seed with projects in them.
    // Checked in order until there are enough (the same folders as filtering all 400, without checking the rest).
    const samples = fc.sample(folder, { seed: SEED, numRuns: 400 });
    const accepted: typeof samples = [];
    for (const f of samples) {
      if (accepted.length === BUILDS) break;
      if (f.files.some((x) => x.path.startsWith('projects/')) && !hasErrors(loadPortfolio(f.files, { audience: f.audience }).diagnostics)) accepted.push(f);
    }
    expect(accepted.length).toBe(BUILDS);
    const written = accepted.map(({ files, audience }, i) => {
      const dir = path.join(base, String(i));
      for (const f of files) {
        mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        writeFileSync(path.join(dir, f.path), f.text);
      }
      return { dir, files, audience };
    });
    // Everything a build computes before Astro renders (model, scorecards, backlog, dependencies, search
    // documents), then what each page shows, for each audience check accepts the folder for (its own always).
    let computed = 0;
    for (const { dir, files, audience } of written) {
      const audiences = (['public', 'internal'] as const).filter((a) => a === audience || !hasErrors(loadPortfolio(files, { audience: a }).diagnostics));
      for (const a of audiences) {
        const site = await buildPipeline(loadSettings({ ROADMAP_CONTENT: dir, ROADMAP_AUDIENCE: a, ROADMAP_AS_OF: '2026-11-15', ROADMAP_CHECK_CACHE: 'off' }, base), { parallel: false, search: true });
        expect(site.model.audience, dir).toBe(a);
        // The 17 pages of one each, then every project, program, goal and team page.
        const { projects, programs, goals, teams } = site.model;
        expect(everyPage(site), dir).toBeGreaterThanOrEqual(17 + projects.length + programs.length + goals.length + teams.length);
        computed += 1;
      }
    }
    expect(computed).toBeGreaterThanOrEqual(BUILDS + 1);
  }, 600_000);
});
