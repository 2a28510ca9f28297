/**
 * The JSON Schema files in public/schemas/: generated from the Zod schemas,
 * committed, and up to date; and they accept the records the build accepts.
 * No JSON Schema validator is installed, so a small one covering the
 * keywords the files use (type, enum, required, properties, items, anyOf,
 * pattern, minimum/maximum, minLength, min/maxItems, additionalProperties,
 * propertyNames) stands in.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlFile } from '../../src/core/frontmatter.ts';
import { jsonSchemaFiles, SCHEMA_FILES } from '../../src/core/json-schema.ts';
import { STATUSES } from '../../src/core/schema.ts';
import { main } from '../../scripts/schema.ts';
import { removeTempDirs, ROOT, runMain, runScript, tempDir } from './run.ts';

type Schema = Record<string, any>;

const DIR = join(ROOT, 'public', 'schemas');
const load = (name: string): Schema => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

/** Problems of `value` against `schema`, as `path: message`. */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (schema.anyOf) {
    const ok = (schema.anyOf as Schema[]).some((s) => validate(s, value, path).length === 0);
    if (!ok) out.push(`${path}: matches no alternative`);
  }
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type);
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (types) {
    const fits = types.some((type) => (type === 'integer' ? Number.isInteger(value) : type === 'number' ? typeof value === 'number' : type === actual));
    if (!fits) return [...out, `${path}: expected ${types.join(' or ')}, got ${actual}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) out.push(`${path}: "${value}" does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${path}: too short`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: above maximum`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) out.push(`${path}: not above exclusiveMinimum`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: too few items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(`${path}: too many items`);
    value.forEach((v, i) => {
      const item = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (item) out.push(...validate(item, v, `${path}[${i}]`));
    });
  }
  if (actual === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.properties?.[k]) out.push(...validate(schema.properties[k], v, `${path}.${k}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push(...validate(schema.additionalProperties, v, `${path}.${k}`));
      if (schema.propertyNames) out.push(...validate(schema.propertyNames, k, `${path}.${k} (key)`));
    }
  }
  return out;
}

afterAll(removeTempDirs);

describe('npm run schema', () => {
  it('committed files are exactly what the Zod schemas generate now (run npm run schema if this fails)', async () => {
    const files = jsonSchemaFiles();
    expect(readdirSync(DIR).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(readFileSync(join(DIR, f.name), 'utf8'), f.name).toBe(f.text);
  });

  it('generates the same text twice (deterministic), with a trailing newline', async () => {
    const a = jsonSchemaFiles();
    const b = jsonSchemaFiles();
    expect(a).toEqual(b);
    for (const f of a) expect(f.text.endsWith('}\n')).toBe(true);
  });

  it('--check passes on the committed files and fails on a stale one', async () => {
    expect((await runScript('schema.ts', ['--check'])).code).toBe(0);
    const dir = tempDir();
    // The first through the script itself, the rest in-process.
    expect((await runMain(main, ['--out', dir])).code).toBe(0);
    expect((await runMain(main, ['--check', '--out', dir])).code).toBe(0);
    writeFileSync(join(dir, 'project.schema.json'), '{}\n');
    const stale = await runMain(main, ['--check', '--out', dir]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/project\.schema\.json {2}out of date: run npm run schema/);
  });

  it('covers each collection and portfolio.yaml, for draft-07 editors', async () => {
    expect(SCHEMA_FILES.map((f) => f.name)).toEqual(expect.arrayContaining(['portfolio.schema.json', 'project.schema.json', 'program.schema.json', 'goal.schema.json', 'team.schema.json']));
    for (const f of SCHEMA_FILES) expect(load(f.name).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('project: title and status required, status enum from the schema, defaults not required', async () => {
    const s = load('project.schema.json');
    expect(s.required).toEqual(['title', 'status']);
    expect(s.properties.status.enum).toEqual([...STATUSES]);
    expect(s.properties.visibility.default).toBe('public');
    expect(s.properties.progress).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(s.properties.health.properties.schedule.enum).toEqual(['green', 'amber', 'red']);
  });

  it('dates carry the three forms as a pattern', async () => {
    const re = new RegExp(load('project.schema.json').properties.start.pattern);
    for (const ok of ['2026-01-15', '2026-01', '2026-Q4']) expect(re.test(ok), ok).toBe(true);
    for (const bad of ['2026-13-01', '15.01.2026', '2026-Q5', '2026-1-5', 'soon']) expect(re.test(bad), bad).toBe(false);
    const day = new RegExp(load('portfolio.schema.json').properties.as_of.pattern);
    expect(day.test('2026-11-15')).toBe(true);
    expect(day.test('2026-11')).toBe(false);
  });

  it('accepts every record of the example portfolio', async () => {
    const kinds = { projects: 'project', programs: 'program', goals: 'goal', teams: 'team' } as const;
    let n = 0;
    for (const [folder, kind] of Object.entries(kinds)) {
      const schema = load(`${kind}.schema.json`);
      for (const name of readdirSync(join(ROOT, 'content', folder))) {
        const { data } = parseFrontMatter(readFileSync(join(ROOT, 'content', folder, name), 'utf8'));
        expect(validate(schema, data), `${folder}/${name}`).toEqual([]);
        n++;
      }
    }
    expect(n).toBeGreaterThan(30);
    expect(validate(load('portfolio.schema.json'), parseYamlFile(readFileSync(join(ROOT, 'content', 'portfolio.yaml'), 'utf8')).data)).toEqual([]);
  });

  it('rejects invalid projects', async () => {
    const s = load('project.schema.json');
    expect(validate(s, { title: 'X', status: 'active' })).toEqual([]);
    expect(validate(s, { title: 'X' })).toContain('$: missing status');
    expect(validate(s, { title: 'X', status: 'in progress' }).join()).toMatch(/not in enum/);
    expect(validate(s, { title: 'X', status: 'active', progress: 150 }).join()).toMatch(/above maximum/);
    expect(validate(s, { title: 'X', status: 'active', start: '01/02/2026' }).join()).toMatch(/does not match/);
    expect(validate(s, { title: 'X', status: 'active', risks: [{ title: 'R', likelihood: 7, impact: 2 }] }).join()).toMatch(/likelihood/);
    expect(validate(s, { title: '', status: 'active' }).join()).toMatch(/too short/);
  });

  it('the import mapping schema accepts the built-in GMPP mapping and the fixture mapping', async () => {
    const { GMPP_MAPPING } = await import('../../src/core/import/gmpp.ts');
    const s = load('import-mapping.schema.json');
    expect(validate(s, GMPP_MAPPING)).toEqual([]);
    expect(validate(s, parseYamlFile(readFileSync(join(ROOT, 'tests/fixtures/import/register.mapping.yaml'), 'utf8')).data)).toEqual([]);
    expect(validate(s, { colums: {} })).toContain('$: missing columns');
  });

  it('.vscode/settings.json points editors at files that exist', async () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    const entries = Object.entries(settings['yaml.schemas']);
    expect(entries.map(([, globs]) => globs).flat()).toContain('**/portfolio.yaml');
    for (const [file] of entries) expect(() => readFileSync(join(ROOT, file))).not.toThrow();
  });
});
