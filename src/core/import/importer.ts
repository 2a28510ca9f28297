/**
 * Importing a CSV register: rows → project records (and a program record per
 * program named), a portfolio.yaml, and a report of every value dropped or
 * guessed. Pure: the caller reads the file and writes the result
 * (`scripts/import.ts`). Records it cannot map completely are still made with
 * what is known; the output is checked with `loadPortfolio` before anything
 * is returned, so what the CLI writes passes `npm run check`.
 */
import { endDay, startDay } from '../dates.ts';
import { formatDiagnostic, hasErrors } from '../diagnostics.ts';
import { loadPortfolio, type ContentFile } from '../load.ts';
import { daySchema, portfolioSchema } from '../schema.ts';
import { guessMapping } from './auto.ts';
import { decodeCsv, parseCsv, type Decoded } from './csv.ts';
import { lookUp, MAX_ID_LENGTH, oneLine, parseDate, parseEnum, parseNumber, parseRag, slugify, type Converted } from './convert.ts';
import { ImportError } from './errors.ts';
import { gmppMappingFor } from './gmpp.ts';
import { allowedValues, fieldKind, fillTemplate, NUMBER_FIELDS, resolveMapping, type ColumnMap, type Field, type Mapping, type Target } from './mapping.ts';
import { renderPortfolio, renderProgram, renderProject, type ProjectOut } from './render.ts';

export { ImportError };

export interface ImportOptions {
  /** The CSV file's name (for messages, the report and the default title). */
  fileName: string;
  bytes: Uint8Array;
  /** Overrides detection and the mapping's encoding. */
  encoding?: 'utf8' | 'latin1';
  /** A mapping file, parsed from YAML; absent: built-in for GMPP, else guessed from the header. */
  mapping?: { data: unknown; source: string };
  /** `column=regex` filters (`--filter`), on top of the mapping's. */
  filters?: readonly string[];
  /** portfolio.yaml title (`--title`). */
  title?: string;
  /** portfolio.yaml as_of (`--as-of`). */
  asOf?: string;
}

export interface ReportEntry {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  column: string;
  value: string;
  action: 'dropped' | 'guessed';
  /** Short category, for counting: `not a date`. */
  reason: string;
  /** The field the value was for (`health.schedule`), or `id`. */
  field: string;
  /** Why, without the value: `not a date`, `read as 2025-03-31: …`. */
  detail: string;
  /** The record written for the row, e.g. `projects/crm-upgrade.md`. */
  record?: string;
}

export interface ImportReport {
  source: string;
  encoding: Decoded['encoding'];
  encodingHow: Decoded['how'];
  delimiter: string;
  mapping: string;
  /** Source and licence, from the mapping. */
  notice?: string;
  /** Column → what it became, in file order. */
  plan: { column: string; becomes: string }[];
  rowsRead: number;
  /** Rows left out by a filter. */
  filteredOut: number;
  filters: string[];
  projects: number;
  programs: number;
  asOf?: string;
  title: string;
  notes: string[];
  entries: ReportEntry[];
}

export interface ImportResult {
  /** Paths relative to the content folder. */
  files: ContentFile[];
  report: ImportReport;
}

const ENCODING_NAMES: Record<Decoded['encoding'], string> = {
  utf8: 'UTF-8',
  latin1: 'Latin-1 (ISO-8859-1, read as Windows-1252)',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
};

export function encodingName(e: Decoded['encoding']): string {
  return ENCODING_NAMES[e];
}

/** `gmpp-2023.csv` → `Gmpp 2023`. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const words = base.replace(/[-_.]+/g, ' ').trim();
  return words === '' ? 'Imported portfolio' : words.charAt(0).toUpperCase() + words.slice(1);
}

function describeTarget(t: Target): string {
  if (t.kind === 'body') return t.section === '' ? 'body' : `body: ${t.section}${t.label ? ` (${t.label})` : ''}`;
  const extras = [t.multiply !== undefined ? `×${t.multiply.toLocaleString('en')}` : '', t.split !== undefined ? `split on "${t.split}"` : ''].filter(Boolean);
  return `${t.field}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

interface BodyItem {
  label?: string;
  text: string;
}

interface RowState {
  values: Partial<Record<Field, unknown>>;
  /** Column each field came from, for cross-field reports. */
  from: Partial<Record<Field, { column: string; cell: string }>>;
  tags: string[];
  program?: { id: string; title: string; raw: string };
  /** Body sections by heading (`''`: the opening text), each a list of labelled values and texts. */
  sections: Map<string, BodyItem[]>;
  entries: ReportEntry[];
}

function convert(field: Field, cell: string, target: Extract<Target, { kind: 'field' }> | undefined, mapping: Mapping): Converted<unknown> {
  const kind = fieldKind(field);
  switch (kind) {
    case 'text':
      return { ok: true, value: oneLine(cell) };
    case 'enum':
      return parseEnum(cell, allowedValues(field)!, field);
    case 'rag':
      return parseRag(cell, field);
    case 'date':
      return parseDate(cell, mapping.dateOrder);
    case 'number': {
      const res = parseNumber(cell, { decimal: mapping.decimal, multiply: target?.multiply });
      if (!res.ok) return res;
      let value = res.value;
      let guess = res.guess;
      if (field === 'progress' && !cell.includes('%') && value > 0 && value < 1 && !Number.isInteger(value)) {
        value = Number.parseFloat((value * 100).toPrecision(12));
        guess = { reason: 'number format guessed', detail: `read as a fraction: ${value}%` };
      }
      const [min, max] = NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS];
      if (value < min || value > max) {
        return { ok: false, reason: 'out of range', detail: `out of range: ${field} is ${max === Infinity ? `${min} or more` : `${min} to ${max}`}` };
      }
      return guess ? { ok: true, value, guess } : { ok: true, value };
    }
    default:
      return { ok: true, value: oneLine(cell) };
  }
}

function applyField(state: RowState, row: number, column: string, cell: string, target: Extract<Target, { kind: 'field' }>, mapping: Mapping): void {
  const field = target.field;
  const line = oneLine(cell);
  if (line === '') return;
  const drop = (reason: string, detail: string): void => {
    state.entries.push({ row, column, value: cell, field, action: 'dropped', reason, detail });
  };

  const missing = mapping.missing.find((m) => m.test(line));
  if (missing) return drop(missing.reason, missing.reason);

  if (fieldKind(field) === 'program') {
    const id = slugify(line);
    if (!id) return drop('no letters or digits for an id', 'no letters or digits to make a program id');
    if (!state.program) state.program = { id, title: mapping.programTitles.get(line.toLowerCase()) ?? line, raw: line };
    return;
  }
  if (fieldKind(field) === 'tags') {
    const parts = target.split !== undefined ? line.split(target.split) : [line];
    for (const p of parts.map(oneLine).filter(Boolean)) if (!state.tags.includes(p)) state.tags.push(p);
    return;
  }

  let input = cell;
  const mapped = lookUp(mapping.values[field], cell);
  let res: Converted<unknown>;
  if (mapped === null) return drop('mapped to no value', 'the mapping says this is no value');
  if (mapped !== undefined && allowedValues(field)) res = { ok: true, value: mapped };
  else {
    if (mapped !== undefined) input = mapped;
    res = convert(field, input, target, mapping);
  }
  if (!res.ok) return drop(res.reason, res.detail);
  if (state.values[field] !== undefined) {
    if (state.values[field] !== res.value) drop('another column set it first', `${field} is already ${String(state.values[field])} from ${state.from[field]?.column}`);
    return;
  }
  if (res.guess) state.entries.push({ row, column, value: cell, field, action: 'guessed', reason: res.guess.reason, detail: res.guess.detail });
  state.values[field] = res.value;
  state.from[field] = { column, cell };
}

function applyBody(state: RowState, cell: string, target: Extract<Target, { kind: 'body' }>): void {
  const text = cell.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/^\n+|\s+$/g, '');
  if (text.trim() === '') return;
  const list = state.sections.get(target.section) ?? [];
  list.push(target.label ? { label: target.label, text: oneLine(text) } : { text });
  state.sections.set(target.section, list);
}

/** Sections as Markdown: the untitled one first, then `## Title` sections in mapping order; labelled lines form one paragraph. */
function bodyOf(sections: Map<string, BodyItem[]>): string {
  const out: string[] = [];
  const join = (items: BodyItem[]) => {
    const blocks: string[] = [];
    let labels: string[] = [];
    for (const item of items) {
      if (item.label !== undefined) labels.push(`**${item.label}:** ${item.text}`);
      else {
        if (labels.length) blocks.push(labels.join('  \n'));
        labels = [];
        blocks.push(item.text);
      }
    }
    if (labels.length) blocks.push(labels.join('  \n'));
    return blocks.join('\n\n');
  };
  const intro = sections.get('');
  if (intro) out.push(join(intro));
  for (const [title, items] of sections) if (title !== '') out.push(`## ${title}\n\n${join(items)}`);
  return out.join('\n\n');
}

function parseFilter(spec: string, mapping: Mapping): Mapping['filters'][number] {
  const at = spec.indexOf('=');
  if (at <= 0) throw new ImportError(`--filter ${spec}: expected column=regex, e.g. --filter report_category=ICT`);
  const column = spec.slice(0, at).trim();
  const source = spec.slice(at + 1);
  const index = mapping.index.get(column) ?? [...mapping.index].find(([n]) => n.toLowerCase() === column.toLowerCase())?.[1];
  if (index === undefined) {
    throw new ImportError(`--filter ${spec}: no column "${column}" in the file; its columns are ${[...mapping.index.keys()].map((n) => `"${n}"`).join(', ')}`);
  }
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (e) {
    throw new ImportError(`--filter ${spec}: "${source}" is not a valid regular expression (${(e as Error).message})`);
  }
  return { index, name: [...mapping.index].find(([, i]) => i === index)![0], re, source };
}

/** `id-extra`, shortening `id` so that `extra` survives the length limit. */
function joinSlug(id: string, extra: string): string {
  const room = MAX_ID_LENGTH - extra.length - 1;
  const head = id.length <= room ? id : id.slice(0, Math.max(1, room)).replace(/-+$/, '');
  return `${head}-${extra}`.slice(0, Math.max(MAX_ID_LENGTH, extra.length + 2)).replace(/-+$/, '');
}

/** Ids for every row, unique and independent of row order where the disambiguating columns allow. */
function assignIds(rows: { base: string; cells: (i: number) => string; row: number; entries: ReportEntry[] }[], mapping: Mapping, idColumn: string): string[] {
  const ids = rows.map((r) => r.base);
  for (const col of mapping.disambiguate) {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    ids.forEach((id, i) => {
      if ((counts.get(id) ?? 0) < 2) return;
      const extra = slugify(rows[i].cells(col));
      if (extra) ids[i] = joinSlug(id, extra);
    });
  }
  const taken = new Set(ids);
  const seen = new Set<string>();
  return ids.map((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
    let n = 2;
    while (taken.has(joinSlug(id, String(n)))) n++;
    const unique = joinSlug(id, String(n));
    taken.add(unique);
    seen.add(unique);
    rows[i].entries.push({ row: rows[i].row, column: idColumn, value: rows[i].cells(mapping.id[0]), field: 'id', action: 'guessed', reason: 'id made unique', detail: `another row has the id ${id}: this one is ${unique}` });
    return unique;
  });
}

/** `delimiter` and `encoding` of a mapping file as written, when valid (the full check comes later). */
function readingSettings(data: unknown): { delimiter?: string; encoding?: 'utf8' | 'latin1' } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const { delimiter, encoding } = data as Record<string, unknown>;
  return {
    delimiter: delimiter === 'tab' ? '\t' : typeof delimiter === 'string' && [',', ';', '|', '\t'].includes(delimiter) ? delimiter : undefined,
    encoding: encoding === 'utf8' || encoding === 'latin1' ? encoding : undefined,
  };
}

/** Run an import in memory. Throws ImportError for a file or mapping it cannot use. */
export function importRegister(opts: ImportOptions): ImportResult {
  if (opts.bytes.length === 0) throw new ImportError(`${opts.fileName}: the file is empty`);
  // A mapping file may say how to read the file; that comes before its header can be checked.
  const preset = readingSettings(opts.mapping?.data);
  const decoded = decodeCsv(opts.bytes, opts.encoding ?? preset.encoding);
  const read = (text: string, delimiter?: string) => {
    try {
      return parseCsv(text, delimiter);
    } catch (e) {
      if (e instanceof ImportError) throw new ImportError(`${opts.fileName}: ${e.message}`);
      throw e;
    }
  };
  const sniff = read(decoded.text, preset.delimiter);
  const notes: string[] = [];

  // Which mapping: a file given, the built-in GMPP one, or one guessed from the header.
  let raw: unknown;
  let source: string;
  let gmpp: ReturnType<typeof gmppMappingFor>;
  if (opts.mapping) {
    raw = opts.mapping.data;
    source = opts.mapping.source;
  } else if ((gmpp = gmppMappingFor(sniff.names, opts.fileName))) {
    raw = gmpp.mapping;
    source = 'the built-in GMPP mapping';
    notes.push(...gmpp.notes);
  } else {
    raw = guessMapping(sniff.names, titleFromFileName(opts.fileName));
    source = 'the mapping guessed from the header';
    if (raw === undefined) {
      throw new ImportError(
        `${opts.fileName}: no column looks like a project name (title); write a mapping file and pass it with --map (see README, "Importing a register"). Its columns are ${sniff.names.map((n) => `"${n}"`).join(', ')}`,
      );
    }
  }
  let mapping = resolveMapping(raw, sniff.names, source);

  // The built-in mapping's encoding and delimiter, when they differ from what was detected: read again.
  let decodedUsed = decoded;
  if (!opts.encoding && !preset.encoding && mapping.encoding && mapping.encoding !== decoded.encoding) decodedUsed = decodeCsv(opts.bytes, mapping.encoding);
  if (decodedUsed.replaced > 0) notes.push(`${decodedUsed.replaced} characters are not valid ${encodingName(decodedUsed.encoding)} and show as �: try --encoding latin1`);
  const reparse = decodedUsed !== decoded || (mapping.delimiter !== undefined && mapping.delimiter !== sniff.delimiter);
  const csv = reparse ? read(decodedUsed.text, mapping.delimiter ?? sniff.delimiter) : sniff;
  if (reparse) mapping = resolveMapping(raw, csv.names, source);
  const filters = [...mapping.filters, ...(opts.filters ?? []).map((f) => parseFilter(f, mapping))];
  const names = [...mapping.index.keys()];

  const plan = names.map((column, i) => {
    const cm = mapping.columns.find((c) => c.index === i);
    return { column, becomes: cm ? (cm.targets.length ? cm.targets.map(describeTarget).join(' + ') : 'ignored') : 'not imported (not in the mapping)' };
  });
  for (const [f, template] of Object.entries(mapping.defaults)) notes.push(`a record with no ${f} of its own gets ${template} (the mapping's default)`);
  if (csv.rows.some((r) => r.cells.length > names.length)) notes.push('some rows have more cells than the header has columns: the extra cells are not imported');

  const kept = csv.rows.filter((r) => filters.every((f) => f.re.test(oneLine(r.cells[f.index] ?? ''))));
  if (kept.length === 0) {
    throw new ImportError(`${opts.fileName}: no row matches ${filters.map((f) => `${f.name}=${f.source}`).join(' and ')} (${csv.rows.length} rows read)`);
  }
  const first = (name: string) => kept[0].cells[mapping.index.get(name) ?? -1] ?? '';

  // portfolio.yaml
  const settingsRaw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mapping.portfolio)) settingsRaw[k] = typeof v === 'string' ? fillTemplate(v, first) : v;
  if (opts.title !== undefined) settingsRaw.title = oneLine(opts.title);
  if (settingsRaw.title === undefined || settingsRaw.title === '') settingsRaw.title = titleFromFileName(opts.fileName);
  if (opts.asOf !== undefined) {
    const asOf = daySchema().safeParse(opts.asOf);
    if (!asOf.success) throw new ImportError(`--as-of ${opts.asOf}: ${asOf.error.issues[0]?.message ?? 'expected a day YYYY-MM-DD'}`);
    settingsRaw.as_of = opts.asOf;
  }
  const settings = portfolioSchema().safeParse(settingsRaw);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new ImportError(`${source}: portfolio.${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  const fy = settings.data.fiscal_year_start;

  // rows → records
  const columnOf = new Map<number, ColumnMap>(mapping.columns.map((c) => [c.index, c]));
  const titleColumn = mapping.columns.find((c) => c.targets.some((t) => t.kind === 'field' && t.field === 'title'))!;
  const built = kept.map((r) => {
    const cell = (i: number) => r.cells[i] ?? '';
    const state: RowState = { values: {}, from: {}, tags: [], sections: new Map(), entries: [] };
    for (const cm of mapping.columns) {
      for (const t of cm.targets) {
        if (t.kind === 'body') applyBody(state, cell(cm.index), t);
        else applyField(state, r.row, cm.name, cell(cm.index), t, mapping);
      }
    }
    for (const [f, template] of Object.entries(mapping.defaults) as [Field, string][]) {
      const has = f === 'tags' ? state.tags.length > 0 : f === 'program' ? state.program !== undefined : state.values[f] !== undefined;
      if (has) continue;
      const value = fillTemplate(template, (name) => cell(mapping.index.get(name) ?? -1));
      const before = state.entries.length;
      applyField(state, r.row, `defaults.${f}`, value, { kind: 'field', field: f }, mapping);
      // A value of this row was dropped and the default stands in: say so.
      const dropped = state.entries.slice(0, before).find((e) => e.field === f && e.action === 'dropped');
      if (dropped && state.values[f] !== undefined) {
        state.entries.push({ row: r.row, column: dropped.column, value: dropped.value, field: f, action: 'guessed', reason: 'default used', detail: `no usable value: the default ${String(state.values[f])} instead` });
      }
    }
    if (state.values.title === undefined) {
      state.values.title = `Row ${r.row}`;
      state.entries.push({ row: r.row, column: titleColumn.name, value: cell(titleColumn.index), field: 'title', action: 'guessed', reason: 'no title', detail: `no usable title: called it "Row ${r.row}"` });
    }
    if (state.values.status === undefined) {
      state.values.status = 'active';
      state.entries.push({ row: r.row, column: '', value: '', field: 'status', action: 'guessed', reason: 'no status', detail: 'no usable status and no default: set to active' });
    }
    // End before start (and baseline end before start): the end is dropped.
    const start = state.values.start as string | undefined;
    for (const f of ['end', 'baseline_end'] as const) {
      const end = state.values[f] as string | undefined;
      if (start !== undefined && end !== undefined && endDay(end, fy) < startDay(start, fy)) {
        const from = state.from[f]!;
        state.entries.push({ row: r.row, column: from.column, value: from.cell, field: f, action: 'dropped', reason: 'end before start', detail: `${end} is before the start ${start}` });
        delete state.values[f];
      }
    }
    const idCells = mapping.id.map((i) => oneLine(cell(i))).filter(Boolean);
    let base = slugify(idCells.join(' '));
    if (!base) {
      base = `row-${r.row}`;
      state.entries.push({ row: r.row, column: names[mapping.id[0]], value: idCells.join(' '), field: 'id', action: 'guessed', reason: 'no id', detail: `nothing to make an id from: called it ${base}` });
    }
    return { row: r.row, state, base, cells: cell, entries: state.entries };
  });
  const ids = assignIds(built, mapping, names[mapping.id[0]]);

  // Render
  const files: ContentFile[] = [];
  const programs = new Map<string, { title: string; raws: Set<string> }>();
  const entries: ReportEntry[] = [];
  built.forEach((b, i) => {
    const id = ids[i];
    const path = `projects/${id}.md`;
    for (const e of b.state.entries) entries.push({ ...e, record: path });
    if (b.state.program) {
      const p = programs.get(b.state.program.id) ?? { title: b.state.program.title, raws: new Set<string>() };
      p.raws.add(b.state.program.raw);
      programs.set(b.state.program.id, p);
    }
    const project: ProjectOut = { ...(b.state.values as ProjectOut), program: b.state.program?.id, tags: b.state.tags.length ? b.state.tags : undefined };
    files.push({ path, text: renderProject(project, bodyOf(b.state.sections)) });
  });
  const programColumn = mapping.columns.find((c) => c.targets.some((t) => t.kind === 'field' && t.field === 'program'));
  for (const [id, p] of [...programs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.push({ path: `programs/${id}.md`, text: renderProgram(p.title, opts.fileName, programColumn?.name ?? 'program', [...p.raws]) });
  }
  files.push({ path: 'portfolio.yaml', text: renderPortfolio(settingsRaw, opts.fileName, source, mapping.notice) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // The output must pass check: a failure here is a bug in the importer, not in the register.
  const { diagnostics } = loadPortfolio(files);
  if (hasErrors(diagnostics)) {
    throw new ImportError(`the imported records do not pass check (a bug in the importer; please report it):\n${diagnostics.slice(0, 20).map(formatDiagnostic).join('\n')}`);
  }

  entries.sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    source: opts.fileName,
    encoding: decodedUsed.encoding,
    encodingHow: opts.encoding ? 'given' : decodedUsed.how,
    delimiter: mapping.delimiter ?? csv.delimiter,
    mapping: mapping.name,
    notice: mapping.notice,
    plan,
    rowsRead: csv.rows.length,
    filteredOut: csv.rows.length - kept.length,
    filters: filters.map((f) => `${f.name}=${f.source}`),
    projects: built.length,
    programs: programs.size,
    asOf: settings.data.as_of,
    title: settings.data.title,
    notes,
    entries,
  };
  return { files, report };
}
