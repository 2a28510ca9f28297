/**
 * `npm run import -- register.csv --infer`: a mapping proposed from the header
 * and sample rows of three differently shaped registers (known names; plain
 * words with values that say what they are; US dates and a status column
 * named otherwise), written as a mapping file that --map accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFrontMatter } from '../../src/core/frontmatter.ts';
import { inferFromBytes, type Inference } from '../../src/core/import/infer.ts';
import { importRegister } from '../../src/core/import/importer.ts';
import { loadPortfolio } from '../../src/core/load.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Column → the field it is proposed for (`body` for a body section). */
function targets(inf: Inference): Record<string, string> {
  return Object.fromEntries(inf.columns.map((c) => [c.column, typeof c.target === 'string' ? c.target : 'field' in c.target ? c.target.field : 'body']));
}

function importWith(name: string, inf: Inference) {
  const result = importRegister({ fileName: name, bytes: bytes(name), mapping: { data: parse(inf.text), source: `${name}.mapping.yaml` } });
  expect(loadPortfolio(result.files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

describe('--infer: a mapping proposed for an unknown register', () => {
  it('a register with usual names: title, dates, status by its values, health, budget in £k', () => {
    const inf = inferFromBytes('infer-named.csv', bytes('infer-named.csv'));
    expect(targets(inf)).toMatchObject({ Initiative: 'title', Stage: 'status', 'Kick-off': 'start', 'Go live': 'end', RAG: 'health.schedule', 'Budget (£k)': 'budget.planned', 'Exec sponsor': 'sponsor', Portfolio: 'program', Notes: 'body' });
    expect(inf.columns.find((c) => c.column === 'Initiative')!.confidence).toBe('high');
    expect(inf.statusValues).toEqual({ Complete: 'done', 'In flight': 'active', Planned: 'approved' });
    const r = importWith('infer-named.csv', inf);
    const crm = parseFrontMatter(r.files.find((f) => f.path === 'projects/crm-replacement.md')!.text).data as Record<string, any>;
    expect(crm).toMatchObject({ title: 'CRM replacement', status: 'active', start: '2025-01-06', end: '2025-11-28', budget: { planned: 1_200_000 } });
  });

  it('plain words: the values say which column is the status, the dates (the earlier is the start), the RAG and the money; a code column is not the title', () => {
    const inf = inferFromBytes('infer-unnamed.csv', bytes('infer-unnamed.csv'));
    expect(targets(inf)).toMatchObject({ Ref: 'body', Work: 'title', 'Where we are': 'status', From: 'start', Until: 'end', 'Traffic light': 'health.schedule', Money: 'budget.planned', Who: 'owners.business', Area: 'program' });
    expect(inf.mapping.decimal).toBe('.');
    const r = importWith('infer-unnamed.csv', inf);
    expect(r.report.entries).toEqual([]);
    expect(r.report.projects).toBe(6);
  });

  it('US dates, a lifecycle column as the status, the only finish date as the end, percentages as progress', () => {
    const inf = inferFromBytes('infer-mixed.csv', bytes('infer-mixed.csv'));
    expect(inf.dateFormat).toBe('mdy');
    expect(targets(inf)).toMatchObject({ Summary: 'title', Lifecycle: 'status', 'Planned Finish': 'end', 'Actual Start': 'start', Health: 'health.schedule', 'Percent done': 'progress', 'Cost estimate': 'budget.planned' });
    expect(inf.text).toContain('date_format: mdy');
    expect(inf.text).toMatch(/ {2}Summary: title {3}# low: /);
    const r = importWith('infer-mixed.csv', inf);
    const iam = parseFrontMatter(r.files.find((f) => f.path === 'projects/identity-and-access-management.md')!.text).data as Record<string, any>;
    expect(iam).toMatchObject({ start: '2025-01-13', end: '2025-12-15', progress: 40 });
  });
});
