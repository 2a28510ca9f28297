/**
 * `npm run import -- register.csv --infer`: a mapping proposed for a register
 * the importer does not know, from its header and a sample of its rows, written
 * as a mapping file to review and pass back with `--map`. Each column gets a
 * target and a confidence with the reason: what its name says (the names
 * `auto.ts` knows, or a word in it: date, status, RAG, budget, owner, …) and
 * what its values look like (dates, amounts, percentages, statuses, RAG
 * ratings, long text, a few repeated words, a distinct short name per row).
 * Columns it cannot place go into the body under "Details", so nothing is lost.
 * Pure: header and rows in, text out.
 */
import { stringify } from 'yaml';
import { PHASES, STATUSES } from '../schema.ts';
import { columnNames, type MappingFile } from './mapping.ts';
import { guessMapping } from './auto.ts';
import { oneLine, parseDate, parseEnum, parseNumber, parseRag, preview, type DateOrder } from './convert.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { ImportError } from './errors.ts';

export type Confidence = 'high' | 'medium' | 'low';

export interface ColumnProposal {
  column: string;
  /** A field, `body`, or a body section. */
  target: string | { field: string; multiply: number } | { body: string; label?: string };
  confidence: Confidence;
  why: string;
}

export interface Inference {
  columns: ColumnProposal[];
  /** Status cells read as a status only by a synonym or near miss: cell → status, for `values.status`. */
  statusValues: Record<string, string>;
  dateFormat: DateOrder;
  sampled: number;
  /** The mapping file, with a comment per column. */
  text: string;
  mapping: MappingFile;
}

/** Sampled rows (the first ones): enough to judge, cheap on big registers. */
export const SAMPLE_ROWS = 200;

interface Profile {
  name: string;
  key: string;
  values: string[];
  date: number;
  number: number;
  percent: number;
  status: number;
  phase: number;
  rag: number;
  /** Share of values that look like codes (`W-01`, `101`, `PRJ0042`), not names. */
  code: number;
  /** Share of values with a space (names of things have words). */
  words: number;
  longText: number;
  distinct: number;
  avgLength: number;
  /** Mean day number of the date values (for start before end). */
  meanDay?: number;
  money: boolean;
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

function profile(name: string, values: string[], order: DateOrder): Profile {
  const cells = values.map(oneLine).filter((v) => v !== '');
  const n = cells.length;
  let date = 0;
  let number = 0;
  let percent = 0;
  let status = 0;
  let phase = 0;
  let rag = 0;
  let days = 0;
  let dayCount = 0;
  for (const c of cells) {
    const d = parseDate(c, order);
    if (d.ok && /[-/.\s]/.test(c) && !/^\d+(\.\d+)?$/.test(c)) {
      date++;
      const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(d.value);
      if (m) {
        days += Number(m[1]) * 372 + Number(m[2]) * 31 + Number(m[3] ?? 1);
        dayCount++;
      }
    }
    const num = parseNumber(c);
    if (num.ok) {
      number++;
      if (/%$/.test(c) || (num.value >= 0 && num.value <= 100 && /^\d+(\.\d+)?%?$/.test(c))) percent++;
    }
    const st = parseEnum(c, STATUSES, 'status');
    if (st.ok && c.length <= 30) status++;
    if (parseEnum(c, PHASES, 'phase').ok && c.length <= 30) phase++;
    if (parseRag(c, 'health').ok) rag++;
  }
  const key = name.replace(/#\d+$/, '').replace(/\(.*?\)/g, ' ').toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    name,
    key,
    values: cells,
    date: share(date, n),
    number: share(number, n),
    percent: share(percent, n),
    status: share(status, n),
    phase: share(phase, n),
    rag: share(rag, n),
    code: share(cells.filter((c) => /^[A-Za-z]{0,6}[-_/ ]?\d+[A-Za-z]?$/.test(c)).length, n),
    words: share(cells.filter((c) => /\S\s+\S/.test(c)).length, n),
    longText: share(cells.filter((c) => c.length > 80).length, n),
    distinct: share(new Set(cells.map((c) => c.toLowerCase())).size, n),
    avgLength: n ? cells.reduce((a, c) => a + c.length, 0) / n : 0,
    meanDay: dayCount ? days / dayCount : undefined,
    money: /[£$€]|\b(cost|budget|spend|capex|opex|value|amount|price|funding)\b/i.test(name) || cells.some((c) => /^[-(]?\s*[£$€]/.test(c)),
  };
}

/** Words in a header that point at a field (weaker than a known name). */
const WORDS: [RegExp, string][] = [
  [/\b(baseline|original|planned)\b.*\b(end|finish|completion|date)\b/i, 'baseline_end'],
  [/\b(start|begin|kick.?off|commence)/i, 'start'],
  [/\b(end|finish|due|deadline|go.?live|completion|deliver(y|ed)? date|target date|launch)/i, 'end'],
  [/\b(updated|reviewed|as at|last)\b/i, 'updated'],
  [/\b(status|state|stage|lifecycle|where we are)\b/i, 'status'],
  [/\b(rag|health|traffic|confidence|colou?r)\b/i, 'health.schedule'],
  [/\b(programme|program|portfolio|department|division|directorate|business unit|area|workstream)\b/i, 'program'],
  [/\b(forecast|eac|outturn)\b/i, 'budget.forecast'],
  [/\b(budget|cost|funding|capex|money|spend|investment amount)\b/i, 'budget.planned'],
  [/\b(sponsor|sro|executive)\b/i, 'sponsor'],
  [/\b(owner|manager|lead|pm|responsible|who|contact)\b/i, 'owners.business'],
  [/\b(progress|complete|percent|done|%)/i, 'progress'],
  [/\b(title|name|project|initiative|work item|work|scheme)\b/i, 'title'],
  [/\b(summary|headline)\b/i, 'summary'],
  [/\b(description|notes?|comments?|background|update|narrative|details?)\b/i, 'body'],
  [/\b(tags?|category|theme|type|label)\b/i, 'tags'],
];

/** Known names from the guessed mapping of auto.ts: column → field. */
function knownNames(names: readonly string[]): Map<string, string> {
  const guessed = guessMapping(names, 'x');
  const out = new Map<string, string>();
  for (const [col, spec] of Object.entries(guessed?.columns ?? {})) {
    const first = Array.isArray(spec) ? spec[0] : spec;
    if (typeof first === 'string' && first !== 'body') out.set(col, first);
    else if (first && typeof first === 'object' && 'field' in first && first.field) out.set(col, first.field);
  }
  return out;
}

interface Candidate {
  field: string;
  score: number;
  why: string[];
}

function candidates(p: Profile, known: string | undefined): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (field: string, score: number, why: string) => {
    const c = out.get(field) ?? { field, score: 0, why: [] };
    c.score += score;
    c.why.push(why);
    out.set(field, c);
  };
  const hit = WORDS.find(([re]) => re.test(p.name));
  if (known) add(known, 0.6, `the name "${p.name}" is a usual name for ${known}`);
  if (hit && hit[1] !== known) add(hit[1], known ? 0.2 : 0.35, `the name "${p.name}" suggests ${hit[1]}`);
  const n = p.values.length;
  const pct = (x: number) => `${Math.round(x * n)} of ${n} values`;
  if (n === 0) return [...out.values()];
  if (p.date >= 0.7) for (const f of ['start', 'end', 'baseline_end', 'updated']) add(f, 0.4 * p.date, `${pct(p.date)} are dates`);
  if (p.status >= 0.5 && p.rag < 0.7) add('status', 0.5 * p.status, `${pct(p.status)} read as a status`);
  if (p.rag >= 0.7) add('health.schedule', 0.5 * p.rag, `${pct(p.rag)} are RAG ratings`);
  if (p.number >= 0.8 && p.date < 0.5) {
    if (p.percent >= 0.9 && !p.money) add('progress', 0.3, `${pct(p.percent)} are percentages`);
    add('budget.planned', p.money ? 0.4 : 0.15, `${pct(p.number)} are ${p.money ? 'amounts of money' : 'numbers'}`);
    add('budget.forecast', p.money ? 0.3 : 0.1, `${pct(p.number)} are ${p.money ? 'amounts of money' : 'numbers'}`);
  }
  const text = p.number < 0.5 && p.date < 0.5 && p.status < 0.5 && p.rag < 0.5;
  if (text && p.longText >= 0.3) add('body', 0.5, `long text (${Math.round(p.avgLength)} characters on average)`);
  if (text && p.distinct >= 0.9 && p.avgLength >= 4 && p.avgLength <= 80 && p.code < 0.5) {
    add('title', 0.2 + 0.2 * p.words, `short text, ${Math.round(p.distinct * 100)}% distinct${p.words >= 0.5 ? ', in words' : ''}`);
  }
  if (text && n >= 4 && p.distinct <= 0.6 && p.avgLength <= 40) {
    add('program', 0.25, `a few values repeated (${new Set(p.values).size} distinct in ${n})`);
    add('tags', 0.15, `a few values repeated (${new Set(p.values).size} distinct in ${n})`);
  }
  if (text && p.distinct > 0.3 && p.avgLength <= 40 && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(p.values[0] ?? '')) add('owners.business', 0.2, 'values look like people\'s names');
  // A name that says a kind of value the cells are not: less sure.
  for (const c of out.values()) {
    const isDate = ['start', 'end', 'baseline_end', 'updated'].includes(c.field);
    if (isDate && p.date < 0.5) c.score -= 0.3;
    if ((c.field === 'budget.planned' || c.field === 'budget.forecast' || c.field === 'progress') && p.number < 0.5) c.score -= 0.3;
    if (c.field === 'health.schedule' && p.rag < 0.5) c.score -= 0.3;
    if (c.field === 'status' && p.status < 0.5) c.score -= 0.2;
    if (c.field === 'phase' && p.phase < 0.5) c.score -= 0.4;
    if (c.field === 'title' && p.code >= 0.5) c.score -= 0.4;
  }
  return [...out.values()].filter((c) => c.score > 0.1);
}

const SINGLE = new Set(['title', 'status', 'start', 'end', 'baseline_end', 'updated', 'health.schedule', 'program', 'budget.planned', 'budget.forecast', 'sponsor', 'owners.business', 'progress', 'summary']);

function confidence(score: number): Confidence {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
}

/** `dmy` unless a date shows it is month first (a second part above 12). */
function dateOrder(rows: readonly (readonly string[])[]): DateOrder {
  let dmy = 0;
  let mdy = 0;
  for (const r of rows)
    for (const c of r) {
      const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(c);
      if (!m) continue;
      if (Number(m[1]) > 12) dmy++;
      if (Number(m[2]) > 12) mdy++;
    }
  return mdy > dmy ? 'mdy' : 'dmy';
}

/** Propose a mapping for a register: `header` as written, `rows` the data cells. */
export function inferMapping(header: readonly string[], rows: readonly (readonly string[])[], fileName: string): Inference {
  const names = columnNames(header);
  const sample = rows.slice(0, SAMPLE_ROWS);
  const order = dateOrder(sample);
  const known = knownNames(header);
  const profiles = names.map((name, i) => profile(name, sample.map((r) => r[i] ?? ''), order));
  const all = profiles.flatMap((p, i) => candidates(p, known.get(p.name)).map((c) => ({ ...c, column: i })));
  all.sort((a, b) => b.score - a.score || a.column - b.column);
  const assigned = new Map<number, Candidate>();
  const taken = new Set<string>();
  for (const c of all) {
    if (assigned.has(c.column) || (SINGLE.has(c.field) && taken.has(c.field))) continue;
    assigned.set(c.column, c);
    taken.add(c.field);
  }
  // The only end-like date is the end, whatever its name says ("Planned finish").
  const fields = new Set([...assigned.values()].map((c) => c.field));
  if (!fields.has('end')) {
    const b = [...assigned.values()].find((c) => c.field === 'baseline_end');
    if (b) {
      b.field = 'end';
      b.why.push('the only end date');
    }
  }
  // Two date columns whose names say nothing: the earlier one is the start.
  const dates = [...assigned].filter(([, c]) => ['start', 'end'].includes(c.field)).map(([i]) => i);
  if (dates.length === 2) {
    const [a, b] = dates.map((i) => profiles[i]);
    const [ca, cb] = dates.map((i) => assigned.get(i)!);
    if (a.meanDay !== undefined && b.meanDay !== undefined && !WORDS.slice(1, 3).some(([re]) => re.test(a.name) || re.test(b.name))) {
      const [first, second] = a.meanDay <= b.meanDay ? [ca, cb] : [cb, ca];
      first.field = 'start';
      second.field = 'end';
      first.why.push('the earlier of the two date columns');
      second.why.push('the later of the two date columns');
    }
  }

  const columns: ColumnProposal[] = profiles.map((p, i) => {
    const c = assigned.get(i);
    if (!c) return { column: p.name, target: { body: 'Details', label: p.name }, confidence: 'low', why: 'nothing to go on: kept in the body under Details' };
    const scale = /\(\s*[£$€]?\s*(k|000s|thousands)\s*\)/i.test(p.name) ? 1e3 : /\(\s*[£$€]?\s*(m|mn|millions)\s*\)/i.test(p.name) ? 1e6 : undefined;
    const target = c.field === 'body' ? (p.longText >= 0.3 && !/description/i.test(p.name) ? { body: p.name } : 'body') : scale && c.field.startsWith('budget.') ? { field: c.field, multiply: scale } : c.field;
    return { column: p.name, target, confidence: confidence(c.score), why: c.why.join('; ') };
  });
  if (!columns.some((c) => c.target === 'title')) {
    // Every record needs a title: the leftmost short text column.
    const i = profiles.findIndex((p) => p.avgLength > 0 && p.avgLength <= 100 && p.number < 0.5 && p.date < 0.5);
    const at = i < 0 ? 0 : i;
    columns[at] = { column: profiles[at].name, target: 'title', confidence: 'low', why: 'no column looks like a name: the first column of short text' };
  }

  // Status cells that only a synonym or near miss reads: listed, to confirm.
  const statusValues: Record<string, string> = {};
  const statusCol = columns.findIndex((c) => c.target === 'status');
  if (statusCol >= 0) {
    for (const v of [...new Set(profiles[statusCol].values)].sort()) {
      const r = parseEnum(v, STATUSES, 'status');
      if (r.ok && r.guess) statusValues[v] = r.value;
    }
  }

  // Amounts written 1,234.50 or 1.234,50: say which, so none is a guess.
  const amounts = columns.flatMap((c, i) => (typeof c.target === 'object' && 'field' in c.target) || (typeof c.target === 'string' && c.target.startsWith('budget.')) ? profiles[i].values : []);
  const commaGroups = amounts.filter((v) => /\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(v)).length;
  const dotGroups = amounts.filter((v) => /\d{1,3}(\.\d{3})+(,\d+)?\s*$/.test(v)).length;
  const decimal = commaGroups > dotGroups ? '.' : dotGroups > commaGroups ? ',' : undefined;
  const mapping: MappingFile = {
    name: `${fileName} (inferred)`,
    ...(order === 'mdy' ? { date_format: 'mdy' as const } : {}),
    ...(decimal ? { decimal } : {}),
    columns: Object.fromEntries(columns.map((c) => [c.column, c.target])),
    ...(Object.keys(statusValues).length ? { values: { status: statusValues } } : {}),
    defaults: { status: statusCol >= 0 ? 'proposed' : 'active' },
  };
  return { columns, statusValues, dateFormat: order, sampled: sample.length, mapping, text: render(mapping, columns, fileName, sample.length, rows.length) };
}

const y = (v: unknown) => stringify(v, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd();

function render(mapping: MappingFile, columns: ColumnProposal[], fileName: string, sampled: number, total: number): string {
  const lines = [
    `# Mapping proposed by npm run import --infer for ${oneLine(fileName)}: ${columns.length} columns, ${sampled} of ${total} rows read.`,
    '# Review it: each column says what it becomes, how sure the guess is and why. Change what is wrong',
    '# (targets are listed in the README, "Importing a register"), then import with',
    `#   npm run import -- ${oneLine(fileName)} --map <this file>`,
    `name: ${y(mapping.name)}`,
  ];
  if (mapping.date_format) lines.push(`date_format: mdy   # dates such as ${'12/31/2025'} put the month first`);
  if (mapping.decimal) lines.push(`decimal: ${y(mapping.decimal)}   # amounts are written ${mapping.decimal === '.' ? '1,234.50' : '1.234,50'}`);
  lines.push('columns:');
  for (const c of columns) lines.push(`  ${y(c.column)}: ${y(c.target)}   # ${c.confidence}: ${preview(c.why, 160).replace(/#/g, 'no.')}`);
  if (mapping.values?.status) {
    lines.push('values:', '  status:   # cells read as a status by a synonym: check each');
    for (const [k, v] of Object.entries(mapping.values.status)) lines.push(`    ${y(k)}: ${v}`);
  }
  lines.push(`defaults: ${y(mapping.defaults)}   # a row with no status`);
  return `${lines.join('\n')}\n`;
}

/** `--infer` on a file's bytes: read as the importer reads a register, then `inferMapping`. */
export function inferFromBytes(fileName: string, bytes: Uint8Array, encoding?: 'utf8' | 'latin1'): Inference {
  if (bytes.length === 0) throw new ImportError(`${fileName}: the file is empty`);
  let csv;
  try {
    csv = parseCsv(decodeCsv(bytes, encoding).text);
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(`${fileName}: ${e.message}`);
    throw e;
  }
  return inferMapping(csv.names, csv.rows.map((r) => r.cells), fileName);
}
