/**
 * Fields the contract does not define are ignored by the build, so a typo
 * (`sumary:`) silently loses data: warn, with a did-you-mean over the fields
 * allowed at that level. The allowed fields come from walking the Zod schema,
 * so nested objects and lists of objects are covered without listing them here.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { fieldPath } from '../diagnostics.ts';
import { suggest } from '../suggest.ts';
import type { Path } from '../frontmatter.ts';
import type { LoadContext, PortfolioEntry, RecordEntry, Rule } from './context.ts';
import { diagnostic, getSchemas, isPlainObject } from './context.ts';

/** The parts of Zod 4's schema definitions this walk reads. */
interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  getter?: () => ZodLike;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  element?: ZodLike;
  valueType?: ZodLike;
  items?: ZodLike[];
  rest?: ZodLike | null;
}
interface ZodLike {
  _zod: { def: Def };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);

function unwrap(s: ZodLike): Def {
  let def = s._zod.def;
  for (let i = 0; i < 20; i++) {
    if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    else if (def.type === 'lazy' && def.getter) def = def.getter()._zod.def;
    else break;
  }
  return def;
}

function walk(schema: ZodLike, value: unknown, path: (string | number)[], report: (path: Path, key: string, known: string[]) => void): void {
  const def = unwrap(schema);
  if (def.type === 'object' && def.shape && isPlainObject(value)) {
    const shape = def.shape;
    const open = def.catchall !== undefined && def.catchall._zod.def.type !== 'never';
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(shape, key)) walk(shape[key], value[key], [...path, key], report);
      else if (!open) report([...path, key], key, Object.keys(shape));
    }
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element as ZodLike, v, [...path, i], report));
  } else if (def.type === 'tuple' && def.items && Array.isArray(value)) {
    value.forEach((v, i) => {
      const item = def.items?.[i] ?? def.rest;
      if (item) walk(item, v, [...path, i], report);
    });
  } else if (def.type === 'record' && def.valueType && isPlainObject(value)) {
    for (const key of Object.keys(value)) walk(def.valueType, value[key], [...path, key], report);
  }
}

function check(entry: RecordEntry | PortfolioEntry, schema: ZodLike, record: string, out: Diagnostic[]): void {
  if (!entry.raw) return;
  walk(schema, entry.raw, [], (path, key, known) => {
    const what = path.length === 1 ? record : fieldPath(path.slice(0, -1));
    out.push(
      diagnostic(entry, path, 'unknown-field', `${what} has no such field: ignored`, {
        severity: 'warning',
        suggestion: suggest(key, known, { synonyms: false }),
      }),
    );
  });
}

const WHAT: Record<string, string> = { goals: 'goal', programs: 'program', projects: 'project', teams: 'team' };

export const unknownField: Rule = {
  id: 'unknown-field',
  description: 'Fields the record contract does not define are ignored; usually a typo. A warning, an error with --strict.',
  check(ctx: LoadContext) {
    const schemas = getSchemas();
    const out: Diagnostic[] = [];
    if (ctx.portfolio) check(ctx.portfolio, schemas.portfolio as unknown as ZodLike, 'portfolio.yaml', out);
    for (const r of ctx.records) check(r, schemas[r.collection] as unknown as ZodLike, `a ${WHAT[r.collection]}`, out);
    return out;
  },
};
