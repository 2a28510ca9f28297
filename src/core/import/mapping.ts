/**
 * The mapping file: how the columns of a CSV register become record fields.
 * Written in YAML by a maintainer (`npm run import -- file.csv --map m.yaml`),
 * or built in (the GMPP file, see `gmpp.ts`). `resolveMapping` checks it
 * against the file's header and returns column indexes, so the importer never
 * meets an unknown column.
 *
 *     name: Finance register         # shown in the report
 *     notice: "Source: …, licence …" # written at the top of portfolio.yaml and the report
 *     delimiter: ";"                 # , ; | or tab; detected from the header when absent
 *     encoding: latin1               # utf8 | latin1; detected when absent (--encoding wins)
 *     date_format: dmy               # dmy | mdy: how 03/04/2025 reads (ISO always works)
 *     decimal: ","                   # when amounts use a decimal comma
 *     id: [Project]                  # columns slugged into the id (default: the title column)
 *     disambiguate: [Department]     # appended, in order, when ids collide
 *     filter: { Category: "ICT|Digital" }   # keep rows whose cell matches (regex, any case)
 *     columns:                       # column → target, or a list of targets
 *       Project: title
 *       Status: status
 *       Budget (£k): { field: budget.planned, multiply: 1000 }
 *       Department: program
 *       Theme: { field: tags, split: "," }
 *       Description: body
 *       Notes: { body: Notes }
 *       RAG: [health.schedule, { body: Status, label: RAG }]
 *       Old column: ignore
 *     values:                        # per field: cell → value (case and spacing ignored; /regex/ keys)
 *       status: { "In flight": active, "Parked": on-hold, "Unknown": null }
 *     missing: { "/^TBC/": "to be confirmed" }   # cells that mean "no value", with the reason
 *     program_titles: { MOD: Ministry of Defence }
 *     defaults: { status: active }   # when a row has no value; "{Column}" takes the row's cell
 *     portfolio: { title: "{Year} register", currency: GBP, fiscal_year_start: 4 }
 */
import { z } from 'zod';
import { INVESTMENTS, PHASES, portfolioSchema, RAG, STATUSES, VALUE_STATUSES, VISIBILITIES } from '../schema.ts';
import { suggest } from '../suggest.ts';
import { oneLine, valueKey, type DateOrder, type ValueMap } from './convert.ts';
import { ImportError } from './errors.ts';

/** Fields a column can fill, by how its cells are read. */
export const TEXT_FIELDS = ['title', 'summary', 'sponsor', 'owners.business', 'owners.technical', 'health.note'] as const;
export const ENUM_FIELDS = {
  status: STATUSES,
  phase: PHASES,
  investment: INVESTMENTS,
  visibility: VISIBILITIES,
  value_status: VALUE_STATUSES,
} as const;
export const RAG_FIELDS = ['readiness', 'health.schedule', 'health.budget', 'health.scope', 'health.resources', 'health.benefits'] as const;
export const DATE_FIELDS = ['updated', 'start', 'end', 'baseline_end'] as const;
export const NUMBER_FIELDS = { progress: [0, 100], 'budget.planned': [0, Infinity], 'budget.forecast': [0, Infinity] } as const;
/** `program`: the cell is slugged into a program id, and a program record is written for each. */
export const FIELDS = [
  ...TEXT_FIELDS,
  ...(Object.keys(ENUM_FIELDS) as (keyof typeof ENUM_FIELDS)[]),
  ...RAG_FIELDS,
  ...DATE_FIELDS,
  ...(Object.keys(NUMBER_FIELDS) as (keyof typeof NUMBER_FIELDS)[]),
  'program',
  'tags',
] as const;
export type Field = (typeof FIELDS)[number];

export type FieldKind = 'text' | 'enum' | 'rag' | 'date' | 'number' | 'program' | 'tags';

export function fieldKind(f: Field): FieldKind {
  if ((TEXT_FIELDS as readonly string[]).includes(f)) return 'text';
  if (f in ENUM_FIELDS) return 'enum';
  if ((RAG_FIELDS as readonly string[]).includes(f)) return 'rag';
  if ((DATE_FIELDS as readonly string[]).includes(f)) return 'date';
  if (f in NUMBER_FIELDS) return 'number';
  return f as 'program' | 'tags';
}

/** The values a field accepts, for enum and RAG fields. */
export function allowedValues(f: Field): readonly string[] | undefined {
  if (f in ENUM_FIELDS) return ENUM_FIELDS[f as keyof typeof ENUM_FIELDS];
  if ((RAG_FIELDS as readonly string[]).includes(f)) return RAG;
  return undefined;
}

// ---------------------------------------------------------------------------
// the file, as written

const columnRef = z.string().trim().min(1, { error: 'expected a column name' });
const targetObject = z
  .strictObject({
    field: z.string().optional().meta({ description: `The record field the column fills: ${FIELDS.join(', ')}` }),
    body: z.string().optional().meta({ description: 'Put the cell in the Markdown body, under this ## heading ("" for the opening text)' }),
    label: z.string().optional().meta({ description: 'With body: write the cell as "**label:** value"' }),
    multiply: z.number().positive({ error: 'multiply must be a number above 0' }).optional().meta({ description: 'With a number field: multiply the cell, e.g. 1000000 for a column in millions' }),
    split: z.string().min(1).optional().meta({ description: 'With tags: split the cell on this text, e.g. ","' }),
  })
  .meta({ description: 'A field with options, or a body section' });
const target = z.union([z.string().meta({ description: `A field (${FIELDS.join(', ')}), body, or ignore` }), targetObject], {
  error: 'expected a field name, body, ignore, or { field: … } / { body: … }',
});
const columnList = z.union([columnRef.transform((c) => [c]), z.array(columnRef)]);

export const mappingFileSchema = () =>
  z
    .strictObject({
      name: z.string().optional().meta({ description: 'What this mapping is for (shown in the report)' }),
      notice: z.string().optional().meta({ description: 'Source and licence of the data, written at the top of portfolio.yaml and the report' }),
      delimiter: z.enum([',', ';', '|', '\t', 'tab'], { error: 'delimiter is one of , ; | or tab' }).optional().meta({ description: 'The separator; detected from the header when absent' }),
      encoding: z.enum(['utf8', 'latin1'], { error: 'encoding is utf8 or latin1' }).optional().meta({ description: 'The file encoding; detected when absent (--encoding wins)' }),
      date_format: z.enum(['dmy', 'mdy'], { error: 'date_format is dmy (31/12/2025) or mdy (12/31/2025)' }).optional().meta({ description: 'How 03/04/2025 reads: dmy (default) is 3 April; ISO dates always work' }),
      decimal: z.enum(['.', ','], { error: 'decimal is "." or ","' }).optional().meta({ description: 'The decimal separator of amounts, when it is a comma' }),
      id: columnList.optional().meta({ description: 'Column(s) slugged into the record id; default: the title column' }),
      disambiguate: columnList.optional().meta({ description: 'Column(s) appended, in order, when two rows get the same id' }),
      filter: z.record(z.string(), z.string()).optional().meta({ description: 'Keep only rows whose column matches the regular expression (any case)' }),
      columns: z
        .record(z.string(), z.union([target, z.array(target)]), {
          error: (iss) => (iss.input === undefined ? 'missing: a mapping needs columns:, e.g. columns: { "Project name": title }' : 'expected column: target pairs'),
        })
        .meta({ description: 'Column name → target, or a list of targets. A repeated column name is name#2.' }),
      values: z.record(z.string(), z.record(z.string(), z.string().nullable())).optional().meta({ description: 'Per field: cell → value (case and spacing ignored; /regex/ keys; null = no value)' }),
      missing: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional().meta({ description: 'Cells that mean "no value": a list, or cell (or /regex/) → the reason reported' }),
      program_titles: z.record(z.string(), z.string()).optional().meta({ description: 'Program cell → the title of the program record made for it' }),
      defaults: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional().meta({ description: 'Field → value when a row has none; "{Column}" takes the row\'s cell' }),
      portfolio: z.record(z.string(), z.unknown()).optional().meta({ description: 'portfolio.yaml settings; "{Column}" takes the first row\'s cell' }),
    })
    .meta({ title: 'Roadmap import mapping', description: 'How npm run import reads a CSV register (see the README, "Importing a register").' });

export type MappingFile = z.input<ReturnType<typeof mappingFileSchema>>;

// ---------------------------------------------------------------------------
// resolved against a header

export type Target =
  | { kind: 'field'; field: Field; multiply?: number; split?: string }
  | { kind: 'body'; section: string; label?: string };

export interface ColumnMap {
  index: number;
  /** The column's name as the report shows it (`colour_rating#2` for a repeated name). */
  name: string;
  targets: Target[];
}

export interface MissingRule {
  test: (cell: string) => boolean;
  reason: string;
}

export interface Mapping {
  name: string;
  notice?: string;
  delimiter?: string;
  encoding?: 'utf8' | 'latin1';
  dateOrder: DateOrder;
  decimal?: '.' | ',';
  columns: ColumnMap[];
  id: number[];
  disambiguate: ColumnMap['index'][];
  filters: { index: number; name: string; re: RegExp; source: string }[];
  values: Partial<Record<Field, ValueMap>>;
  missing: MissingRule[];
  programTitles: Map<string, string>;
  /** Field → template (`{Column}` placeholders already checked). */
  defaults: Partial<Record<Field, string>>;
  portfolio: Record<string, unknown>;
  /** Header columns the mapping does not mention. */
  unmapped: string[];
  /** Column name → index, for templates. */
  index: Map<string, number>;
}

/** Cells that mean "no value" in any register. */
export const BUILT_IN_MISSING: readonly MissingRule[] = [
  { test: (c) => /^#(N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i.test(c), reason: 'spreadsheet error' },
  { test: (c) => /^(n\/?a|tbc|tbd|tba|-+|–|—|\?+|unknown|none|null|nil|not applicable|to be confirmed)$/i.test(c), reason: 'placeholder for no value' },
];

/** Header names made unique: a repeated `rating` becomes `rating#2`, `rating#3`. */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const name = h === '' ? `column ${i + 1}` : h;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

function zodMessage(e: z.ZodError): string {
  return e.issues
    .map((i) => {
      const where = i.path.map(String).join('.');
      if (i.code === 'unrecognized_keys') {
        return i.keys
          .map((k) => {
            const hint = suggest(k, Object.keys(mappingFileSchema().shape));
            return `${where ? `${where}: ` : ''}unknown setting "${k}"${hint ? ` (did you mean ${hint}?)` : ''}`;
          })
          .join('; ');
      }
      return `${where ? `${where}: ` : ''}${i.message}`;
    })
    .join('; ');
}

function regexOf(source: string, what: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (e) {
    throw new ImportError(`${what}: "${source}" is not a valid regular expression (${(e as Error).message})`);
  }
}

/** `/^Exempt/` → a case-insensitive RegExp; anything else → undefined. */
function slashRegex(key: string, what: string): RegExp | undefined {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(key.trim());
  if (!m) return undefined;
  return regexOf(m[1], what);
}

function fieldOf(name: string, where: string): Field {
  const trimmed = name.trim();
  if ((FIELDS as readonly string[]).includes(trimmed)) return trimmed as Field;
  const hint = suggest(trimmed, FIELDS);
  throw new ImportError(`${where}: unknown field "${trimmed}"${hint ? ` (did you mean ${hint}?)` : ''}; a column can fill ${FIELDS.join(', ')}, body, or be ignored`);
}

function parseTarget(t: z.output<typeof target>, where: string): Target | undefined {
  if (typeof t === 'string') {
    const s = t.trim();
    if (s === 'ignore' || s === '') return undefined;
    if (s === 'body') return { kind: 'body', section: '' };
    return { kind: 'field', field: fieldOf(s, where) };
  }
  if (t.body !== undefined) {
    if (t.field !== undefined || t.multiply !== undefined || t.split !== undefined) throw new ImportError(`${where}: a target is either { field: … } or { body: … }, not both`);
    return { kind: 'body', section: oneLine(t.body), label: t.label === undefined ? undefined : oneLine(t.label) };
  }
  if (t.field === undefined) throw new ImportError(`${where}: a target needs field: or body:`);
  const field = fieldOf(t.field, where);
  if (t.multiply !== undefined && fieldKind(field) !== 'number') throw new ImportError(`${where}: multiply is for number fields (progress, budget.planned, budget.forecast), not ${field}`);
  if (t.split !== undefined && field !== 'tags') throw new ImportError(`${where}: split is for tags, not ${field}`);
  if (t.label !== undefined) throw new ImportError(`${where}: label is for body targets`);
  return { kind: 'field', field, multiply: t.multiply, split: t.split };
}

/** `{Column}` placeholders in a template, checked against the header. */
export function templateColumns(template: string, find: (name: string, where: string) => number, where: string): void {
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) find(m[1], where);
}

/** Replace `{Column}` with the row's cell (one line). */
export function fillTemplate(template: string, cell: (name: string) => string): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => oneLine(cell(name)));
}

/**
 * Check a mapping (as written) against a file's header: every column it
 * names exists, every field is one the importer fills, every value it maps to
 * is allowed. Throws ImportError with a message a maintainer can act on.
 */
export function resolveMapping(raw: unknown, header: readonly string[], source = 'the mapping'): Mapping {
  const parsed = mappingFileSchema().safeParse(raw ?? {});
  if (!parsed.success) throw new ImportError(`${source}: ${zodMessage(parsed.error)}`);
  const m = parsed.data;
  const names = columnNames(header);
  const index = new Map(names.map((n, i) => [n, i]));
  const loose = new Map<string, number>();
  names.forEach((n, i) => {
    const k = oneLine(n).toLowerCase();
    if (!loose.has(k)) loose.set(k, i);
  });
  const find = (name: string, where: string): number => {
    const exact = index.get(name) ?? index.get(name.trim()) ?? loose.get(oneLine(name).toLowerCase());
    if (exact !== undefined) return exact;
    const hint = suggest(name, names);
    throw new ImportError(`${source}: ${where}: no column "${name}" in the file${hint ? ` (did you mean "${hint}"?)` : ''}; its columns are ${names.map((n) => `"${n}"`).join(', ')}`);
  };

  const columns: ColumnMap[] = [];
  const mentioned = new Set<number>();
  for (const [col, spec] of Object.entries(m.columns)) {
    const i = find(col, 'columns');
    mentioned.add(i);
    const where = `${source}: columns.${col}`;
    const targets = (Array.isArray(spec) ? spec : [spec]).map((t) => parseTarget(t, where)).filter((t): t is Target => t !== undefined);
    columns.push({ index: i, name: names[i], targets });
  }
  const fields = new Set(columns.flatMap((c) => c.targets.flatMap((t) => (t.kind === 'field' ? [t.field] : []))));
  if (!fields.has('title')) throw new ImportError(`${source}: no column is mapped to title (every record needs one), e.g. columns: { "Project name": title }`);

  const titleColumn = columns.find((c) => c.targets.some((t) => t.kind === 'field' && t.field === 'title'));
  const id = m.id ? m.id.map((c) => find(c, 'id')) : [titleColumn!.index];
  const disambiguate = (m.disambiguate ?? []).map((c) => find(c, 'disambiguate'));
  const filters = Object.entries(m.filter ?? {}).map(([col, re]) => {
    const i = find(col, 'filter');
    return { index: i, name: names[i], re: regexOf(re, `${source}: filter.${col}`), source: re };
  });

  const values: Partial<Record<Field, ValueMap>> = {};
  for (const [f, map] of Object.entries(m.values ?? {})) {
    const field = fieldOf(f, `${source}: values`);
    const allowed = allowedValues(field);
    const vm: ValueMap = { exact: new Map(), patterns: [] };
    for (const [k, v] of Object.entries(map)) {
      if (v !== null && allowed && !allowed.includes(v)) {
        const hint = suggest(v, allowed);
        throw new ImportError(`${source}: values.${f}: "${k}" maps to "${v}", which is not a ${f}: expected one of ${allowed.join(', ')}${hint ? ` (did you mean ${hint}?)` : ''}, or null for no value`);
      }
      const re = slashRegex(k, `${source}: values.${f}`);
      if (re) vm.patterns.push({ re, value: v });
      else vm.exact.set(valueKey(k), v);
    }
    values[field] = vm;
  }

  const missing: MissingRule[] = [];
  const missingSpec = m.missing ?? [];
  const entries = Array.isArray(missingSpec) ? missingSpec.map((k) => [k, 'marked as no value'] as const) : Object.entries(missingSpec);
  for (const [k, reason] of entries) {
    const re = slashRegex(k, `${source}: missing`);
    const key = valueKey(k);
    missing.push({ test: re ? (c) => re.test(c) : (c) => valueKey(c) === key, reason });
  }
  missing.push(...BUILT_IN_MISSING);

  const defaults: Partial<Record<Field, string>> = {};
  for (const [f, v] of Object.entries(m.defaults ?? {})) {
    const field = fieldOf(f, `${source}: defaults`);
    templateColumns(v, find, `defaults.${f}`);
    defaults[field] = v;
  }
  const portfolio = m.portfolio ?? {};
  for (const [k, v] of Object.entries(portfolio)) if (typeof v === 'string') templateColumns(v, find, `portfolio.${k}`);
  const known = Object.keys(portfolioSchema().shape);
  for (const k of Object.keys(portfolio)) {
    if (!known.includes(k)) {
      const hint = suggest(k, known);
      throw new ImportError(`${source}: portfolio: unknown setting "${k}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
  }

  return {
    name: m.name ?? 'mapping file',
    notice: m.notice === undefined ? undefined : oneLine(m.notice),
    delimiter: m.delimiter === 'tab' ? '\t' : m.delimiter,
    encoding: m.encoding,
    dateOrder: m.date_format ?? 'dmy',
    decimal: m.decimal,
    columns,
    id,
    disambiguate,
    filters,
    values,
    missing,
    programTitles: new Map(Object.entries(m.program_titles ?? {}).map(([k, v]) => [valueKey(k), oneLine(v)])),
    defaults,
    portfolio,
    unmapped: names.filter((_, i) => !mentioned.has(i)),
    index,
  };
}
