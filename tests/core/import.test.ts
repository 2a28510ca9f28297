/**
 * The CSV importer's pure core (src/core/import/): cell conversion, reading
 * CSV in both encodings, mappings, and whole imports — the fixture register
 * and the real GMPP 2023 file — checked with loadPortfolio in memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlFile } from '../../src/core/frontmatter.ts';
import { parseDate, parseEnum, parseNumber, parseRag, slugify } from '../../src/core/import/convert.ts';
import { decodeCsv, detectDelimiter, parseCsv } from '../../src/core/import/csv.ts';
import { GMPP_MAPPING, isGmppHeader } from '../../src/core/import/gmpp.ts';
import { ImportError, importRegister, type ImportOptions, type ImportResult } from '../../src/core/import/importer.ts';
import { columnNames, resolveMapping } from '../../src/core/import/mapping.ts';
import { countByReason, formatReportMarkdown } from '../../src/core/import/report.ts';
import { loadPortfolio } from '../../src/core/load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const GMPP = bytes('gmpp-2023.csv');

function run(opts: Partial<ImportOptions> & { fileName: string }): ImportResult {
  return importRegister({ bytes: bytes(opts.fileName), ...opts });
}

function fileText(result: ImportResult, path: string): string {
  const f = result.files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in ${result.files.map((x) => x.path).join(', ')}`);
  return f.text;
}

function record(result: ImportResult, path: string): { data: Record<string, unknown>; body: string } {
  const fm = parseFrontMatter(fileText(result, path));
  return { data: fm.data as Record<string, unknown>, body: fm.body };
}

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : undefined);

describe('cells → values', () => {
  it('numbers as spreadsheets write them', () => {
    expect(value(parseNumber('7.9', { multiply: 1e6 }))).toBe(7_900_000);
    expect(value(parseNumber('£1,250,000'))).toBe(1_250_000);
    expect(value(parseNumber('1.234.567,89'))).toBe(1_234_567.89);
    expect(value(parseNumber('1 234'))).toBe(1234);
    expect(value(parseNumber('(5,000)'))).toBe(-5000);
    expect(value(parseNumber('-3.5'))).toBe(-3.5);
    expect(value(parseNumber('45%'))).toBe(45);
    expect(value(parseNumber('1,5', { decimal: ',' }))).toBe(1.5);
    const m = parseNumber('2.5m');
    expect(m).toMatchObject({ ok: true, value: 2_500_000, guess: { reason: 'number format guessed' } });
    expect(parseNumber('1.2E+07')).toMatchObject({ ok: true, value: 12_000_000, guess: { reason: 'number format guessed' } });
    for (const bad of ['Exempt under Section 43', 'about 5', '12-14', '1,2,3.4.5', '']) expect(parseNumber(bad).ok, bad).toBe(false);
  });

  it('every date format, and impossible dates', () => {
    const cases: [string, string][] = [
      ['2025-04-01', '2025-04-01'],
      ['2025-06-30T00:00:00', '2025-06-30'],
      ['2025/06/30', '2025-06-30'],
      ['31.03.2026', '2026-03-31'],
      ['1.4.2026', '2026-04-01'],
      ['01/05/2025', '2025-05-01'],
      ['31-03-2026', '2026-03-31'],
      ['31 March 2027', '2027-03-31'],
      ['March 31, 2027', '2027-03-31'],
      ['2026-03', '2026-03'],
      ['2026-Q4', '2026-Q4'],
      ['Mar 2026', '2026-03'],
    ];
    for (const [cell, iso] of cases) expect(parseDate(cell), cell).toEqual({ ok: true, value: iso });
    expect(parseDate('01/05/2025', 'mdy')).toEqual({ ok: true, value: '2025-01-05' });
    expect(parseDate('15-Jun-24')).toMatchObject({ ok: true, value: '2024-06-15', guess: { reason: 'date guessed' } });
    expect(parseDate('45747')).toMatchObject({ ok: true, value: '2025-03-31', guess: { detail: expect.stringContaining('serial number') } });
    expect(parseDate('12/31/2025')).toMatchObject({ ok: true, value: '2025-12-31', guess: { detail: expect.stringContaining('swapped') } });
    expect(parseDate('31.02.2026')).toEqual({ ok: false, reason: 'date does not exist', detail: '2026-02-31 does not exist' });
    expect(parseDate('13/13/2025')).toMatchObject({ ok: false, reason: 'date does not exist' });
    expect(parseDate('next spring')).toMatchObject({ ok: false, reason: 'not a date' });
  });

  it('RAG ratings, including split ratings (the worse colour, reported)', () => {
    expect(parseRag('Green', 'health.schedule')).toEqual({ ok: true, value: 'green' });
    expect(parseRag('A', 'health.schedule')).toEqual({ ok: true, value: 'amber' });
    expect(parseRag('Amber/Red', 'health.schedule')).toMatchObject({ ok: true, value: 'red', guess: { reason: 'split rating' } });
    expect(parseRag('amber - green', 'health.schedule')).toMatchObject({ ok: true, value: 'amber', guess: { reason: 'split rating' } });
    expect(parseRag('Purple', 'health.schedule')).toMatchObject({ ok: false });
  });

  it('enum values: exact, then synonyms and near misses (guessed)', () => {
    expect(parseEnum('On Hold', ['active', 'on-hold'], 'status')).toEqual({ ok: true, value: 'on-hold' });
    expect(parseEnum('In progress', ['proposed', 'active', 'done'], 'status')).toMatchObject({ ok: true, value: 'active', guess: {} });
    expect(parseEnum('Parked', ['proposed', 'active', 'done'], 'status')).toMatchObject({ ok: false, reason: 'not a status value' });
  });

  it('slugs: stable, kebab-case, at most 60 characters', () => {
    expect(slugify('Data Platform: "Lakehouse" & BI #1')).toBe('data-platform-lakehouse-and-bi-1');
    expect(slugify('Café Wi-Fi Upgrade')).toBe('cafe-wi-fi-upgrade');
    expect(slugify('10K additional prison places')).toBe('10k-additional-prison-places');
    expect(slugify("Country's Biggest Cities")).toBe('countrys-biggest-cities');
    expect(slugify('???')).toBeUndefined();
    const long = slugify('Land Intelligence, Surveillance, Target Acquisition and Reconnaissance (ISTAR) programme phase two')!;
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('reading CSV', () => {
  it('detects the encoding: valid UTF-8 is UTF-8, anything else Latin-1; a given encoding wins', () => {
    const utf8 = decodeCsv(bytes('register-utf8.csv'));
    const latin1 = decodeCsv(bytes('register-latin1.csv'));
    expect([utf8.encoding, latin1.encoding]).toEqual(['utf8', 'latin1']);
    expect(utf8.text).toBe(latin1.text);
    expect(utf8.text).toContain('Budget (£)');
    expect(decodeCsv(GMPP).text).toContain('TOTAL Baseline Benefits (£m)');
    const forced = decodeCsv(bytes('register-latin1.csv'), 'utf8');
    expect(forced.how).toBe('given');
    expect(forced.replaced).toBeGreaterThan(0);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });

  it('the delimiter, quoted multi-line cells, doubled quotes, CRLF, row numbers', () => {
    expect(detectDelimiter('a;b;"c;d"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b\tc')).toBe(',');
    const csv = parseCsv('name;note\r\n"A";"line 1\r\nline ""2"""\r\n\r\nB;x\r\n');
    expect(csv.names).toEqual(['name', 'note']);
    expect(csv.rows).toEqual([
      { row: 2, cells: ['A', 'line 1\r\nline "2"'] },
      { row: 4, cells: ['B', 'x'] },
    ]);
  });

  it('the GMPP file: 244 rows of 19 cells, with colour_rating twice', () => {
    const csv = parseCsv(decodeCsv(GMPP).text);
    expect(csv.delimiter).toBe(';');
    expect(csv.rows).toHaveLength(244);
    expect(csv.rows.every((r) => r.cells.length === 19)).toBe(true);
    expect(columnNames(csv.names).filter((n) => n.startsWith('colour_rating'))).toEqual(['colour_rating', 'colour_rating#2']);
    expect(isGmppHeader(csv.names)).toBe(true);
  });

  it('unreadable CSV and empty files are clear errors', () => {
    expect(() => parseCsv('a,"b\nc,d\n')).toThrow(/a quoted cell is never closed/);
    expect(() => parseCsv('\n\n')).toThrow(/the file is empty/);
    expect(() => parseCsv('a,b\n')).toThrow(/a header but no rows/);
  });
});

describe('mappings', () => {
  const header = ['Project', 'Status', 'Budget (£k)', 'RAG', 'RAG'];

  it('an unknown column is an error that names the columns and suggests one', () => {
    expect(() => resolveMapping({ columns: { Projet: 'title' } }, header, 'm.yaml')).toThrow(
      /^m\.yaml: columns: no column "Projet" in the file \(did you mean "Project"\?\); its columns are "Project", "Status"/,
    );
  });

  it('unknown fields, settings and values are errors with suggestions', () => {
    expect(() => resolveMapping({ columns: { Project: 'titel' } }, header)).toThrow(/unknown field "titel" \(did you mean title\?\)/);
    expect(() => resolveMapping({ colums: {} }, header)).toThrow(/unknown setting "colums" \(did you mean columns\?\)/);
    expect(() => resolveMapping({ columns: { Status: 'status' } }, header)).toThrow(/no column is mapped to title/);
    expect(() => resolveMapping({ columns: { Project: 'title' }, values: { status: { Parked: 'paused' } } }, header)).toThrow(/"Parked" maps to "paused", which is not a status/);
    expect(() => resolveMapping({ columns: { Project: 'title' }, defaults: { updated: '{Year}-03-31' } }, header)).toThrow(/no column "Year"/);
    expect(() => resolveMapping({ columns: { Project: 'title' }, filter: { Status: '(' } }, header)).toThrow(/not a valid regular expression/);
  });

  it('a repeated column is addressed as name#2; names match ignoring case and spacing', () => {
    const m = resolveMapping({ columns: { project: 'title', 'RAG#2': 'health.schedule', 'budget  (£K)': { field: 'budget.planned', multiply: 1000 } } }, header);
    expect(m.columns.map((c) => [c.name, c.index])).toEqual([
      ['Project', 0],
      ['RAG#2', 4],
      ['Budget (£k)', 2],
    ]);
    expect(m.unmapped).toEqual(['Status', 'RAG']);
  });

  it('the built-in GMPP mapping resolves against the GMPP header', () => {
    const m = resolveMapping(GMPP_MAPPING, parseCsv(decodeCsv(GMPP).text).names);
    expect(m.unmapped).toEqual([]);
  });
});

describe('importing the fixture register', () => {
  const utf8 = run({ fileName: 'register-utf8.csv' });
  const latin1 = run({ fileName: 'register-latin1.csv' });

  it('both encodings give the same records', () => {
    const records = (r: ImportResult) => r.files.filter((f) => f.path !== 'portfolio.yaml');
    expect(records(latin1)).toEqual(records(utf8));
    expect(utf8.report.encoding).toBe('utf8');
    expect(latin1.report.encoding).toBe('latin1');
  });

  it('passes check, one project per row, ids unique and stable', () => {
    const { input, diagnostics } = loadPortfolio(utf8.files);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(input?.projects.map((p) => p.id)).toEqual([
      'cafe-wi-fi-upgrade',
      'customer-portal-replatform',
      'data-platform-lakehouse-and-bi-1',
      'network-refresh-facilities',
      'network-refresh-infrastructure',
      'row-7',
    ]);
    expect(run({ fileName: 'register-utf8.csv' }).files).toEqual(utf8.files);
  });

  it('reads every date format into the record format', () => {
    expect(record(utf8, 'projects/customer-portal-replatform.md').data).toMatchObject({ start: '2025-04-01', end: '2026-03-31' });
    expect(record(utf8, 'projects/data-platform-lakehouse-and-bi-1.md').data).toMatchObject({ start: '2025-05-01', end: '2027-03-31' });
    expect(record(utf8, 'projects/cafe-wi-fi-upgrade.md').data).toMatchObject({ start: '2024-06-15', end: '2025-03-31' });
    expect(record(utf8, 'projects/network-refresh-facilities.md').data).toMatchObject({ start: '2026-03', end: '2026-Q4' });
    expect(record(utf8, 'projects/network-refresh-infrastructure.md').data).toMatchObject({ start: '2025-06-30' });
    expect(record(utf8, 'projects/network-refresh-infrastructure.md').data.end).toBeUndefined();
  });

  it('keeps what it can and reports every dropped or guessed value with row, column, value and why', () => {
    const e = utf8.report.entries;
    const find = (row: number, column: string) => e.filter((x) => x.row === row && x.column === column);
    expect(find(5, 'Due')).toEqual([
      { row: 5, column: 'Due', value: '31.02.2026', field: 'end', action: 'dropped', reason: 'date does not exist', detail: '2026-02-31 does not exist', record: 'projects/network-refresh-infrastructure.md' },
    ]);
    expect(find(4, 'Forecast (£)')[0]).toMatchObject({ value: '#N/A', action: 'dropped', reason: 'spreadsheet error' });
    expect(find(4, 'Budget (£)')[0]).toMatchObject({ value: '(5,000)', action: 'dropped', reason: 'out of range' });
    expect(find(5, 'Budget (£)')[0]).toMatchObject({ value: 'TBC', reason: 'placeholder for no value' });
    expect(find(5, 'Status').map((x) => x.action)).toEqual(['dropped', 'guessed']);
    expect(find(7, 'Due')[0]).toMatchObject({ action: 'dropped', reason: 'end before start' });
    expect(find(2, 'RAG')[0]).toMatchObject({ action: 'guessed', reason: 'split rating' });
    expect(find(7, 'Project').map((x) => x.reason)).toEqual(['no title', 'no id']);
    expect(countByReason(e).reduce((n, c) => n + c.dropped, 0)).toBe(e.filter((x) => x.action === 'dropped').length);
    const md = formatReportMarkdown(utf8.report);
    for (const x of e) expect(md).toContain(`| ${x.row} | ${x.column.replace(/\|/g, '\\|')} |`);
  });

  it('a --- line in a cell stays in the body; YAML-special titles survive', () => {
    const portal = record(utf8, 'projects/customer-portal-replatform.md');
    expect(portal.data.title).toBe('Customer Portal Replatform');
    expect(portal.body).toContain('## Notes\n\nLine one\n---\ntitle: not front matter\n---\nLine after the dashes');
    expect(record(utf8, 'projects/data-platform-lakehouse-and-bi-1.md').data.title).toBe('Data Platform: "Lakehouse" & BI #1');
  });

  it('a mapping file: programs, value maps, missing values, portfolio settings', () => {
    const mapping = { data: parseYamlFile(readFileSync(join(FIXTURES, 'register.mapping.yaml'), 'utf8')).data, source: 'register.mapping.yaml' };
    const r = run({ fileName: 'register-latin1.csv', mapping, asOf: '2025-09-30' });
    expect(r.files.map((f) => f.path)).toEqual(expect.arrayContaining(['programs/digital.md', 'programs/data.md', 'programs/facilities.md', 'programs/infrastructure.md']));
    expect(parseFrontMatter(fileText(r, 'programs/digital.md')).data).toEqual({ title: 'Digital Services' });
    expect(record(r, 'projects/network-refresh-infrastructure.md').data).toMatchObject({ status: 'on-hold', program: 'infrastructure' });
    expect(r.report.entries.find((e) => e.value === 'TBC')).toMatchObject({ reason: 'marked as no value' });
    const settings = parseYamlFile(fileText(r, 'portfolio.yaml')).data;
    expect(settings).toEqual({ title: 'Example register', currency: 'GBP', fiscal_year_start: 4, as_of: '2025-09-30' });
    expect(loadPortfolio(r.files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('ids: disambiguated by the disambiguate columns, then numbered (reported); long names keep the suffix', () => {
    const long = 'A very long project name that goes on and on past the sixty character limit';
    const csv = ['Project,Department', 'Alpha,X', 'Alpha,Y', 'Alpha,Y', `${long},Finance`, `${long},Estates`].join('\n');
    const r = importRegister({ fileName: 'ids.csv', bytes: new TextEncoder().encode(csv) });
    const ids = r.files.filter((f) => f.path.startsWith('projects/')).map((f) => f.path.slice(9, -3));
    expect(ids).toEqual(expect.arrayContaining(['alpha-x', 'alpha-y', 'alpha-y-2']));
    const longIds = ids.filter((id) => id.startsWith('a-very-long'));
    expect(longIds.map((id) => id.split('-').pop()).sort()).toEqual(['estates', 'finance']);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(60);
    expect(r.report.entries).toEqual([expect.objectContaining({ row: 4, field: 'id', action: 'guessed', reason: 'id made unique', detail: 'another row has the id alpha-y: this one is alpha-y-2' })]);
  });

  it('errors: empty file, no title column, no row left by a filter, a bad --as-of', () => {
    expect(() => importRegister({ fileName: 'x.csv', bytes: new Uint8Array() })).toThrow(ImportError);
    expect(() => importRegister({ fileName: 'x.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') })).toThrow(/no column looks like a project name/);
    expect(() => run({ fileName: 'register-utf8.csv', filters: ['Project=^zzz'] })).toThrow(/no row matches Project=\^zzz/);
    expect(() => run({ fileName: 'register-utf8.csv', filters: ['Nope=x'] })).toThrow(/--filter Nope=x: no column "Nope"/);
    expect(() => run({ fileName: 'register-utf8.csv', asOf: '2025-02-30' })).toThrow(/--as-of 2025-02-30/);
  });
});

describe('importing the GMPP 2023 file', () => {
  const gmpp = importRegister({ fileName: 'gmpp-2023.csv', bytes: GMPP });
  const { input, diagnostics } = loadPortfolio(gmpp.files);

  it('passes check, with one project per row imported and a program per department', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(gmpp.report.rowsRead).toBe(244);
    expect(input?.projects).toHaveLength(244);
    expect(gmpp.report.projects).toBe(244);
    expect(input?.programs).toHaveLength(21);
    expect(new Set(input?.projects.map((p) => p.id)).size).toBe(244);
    expect(input?.settings).toMatchObject({ title: 'Government Major Projects Portfolio 2023', currency: 'GBP', fiscal_year_start: 4, as_of: '2023-03-31' });
  });

  it('maps a row: DCA rating → health.schedule, £m → pounds, department → program, category → tag, text → body', () => {
    const r = record(gmpp, 'projects/civil-service-pensions-2015-remedy.md');
    expect(r.data).toEqual({
      title: 'Civil Service Pensions 2015 Remedy',
      status: 'active',
      program: 'co',
      tags: ['Government Transformation and Service Delivery'],
      updated: '2023-03-31',
      start: '2020-05-20',
      end: '2024-09-30',
      health: { schedule: 'amber' },
      budget: { planned: 7_900_000, forecast: 4_200_000 },
    });
    expect(r.body).toMatch(/^The 2015 Pensions Remedy Programme/);
    expect(r.body).toContain('## Delivery confidence\n\n**SRO rating:** Amber');
    expect(r.body).toContain('**Whole-life cost baseline incl. non-government costs (£m):** 34');
    expect(r.body).toContain('**GMPP project number:** CO_0024_2021-Q2');
    expect(parseFrontMatter(fileText(gmpp, 'programs/mod.md')).data).toEqual({ title: 'Ministry of Defence (MOD)' });
  });

  it('reports what was dropped, by reason', () => {
    const counts = Object.fromEntries(countByReason(gmpp.report.entries).map((c) => [c.reason, c.dropped]));
    expect(counts).toEqual({
      'withheld under a Freedom of Information Act exemption': 103,
      'early-planning project: not yet reported': 11,
      'end before start': 1,
    });
    expect(gmpp.report.entries.filter((e) => e.action === 'guessed')).toEqual([]);
    expect(gmpp.report.entries.find((e) => e.reason === 'end before start')).toMatchObject({ row: 178, column: 'end_date', value: '20.01.2023', detail: '2023-01-20 is before the start 2023-02-20' });
  });

  it('--filter keeps the ICT projects', () => {
    const ict = importRegister({ fileName: 'gmpp-2023.csv', bytes: GMPP, filters: ['report_category=ICT'] });
    expect(ict.report.projects).toBe(32);
    expect(ict.report.filteredOut).toBe(212);
    expect(loadPortfolio(ict.files).input?.projects).toHaveLength(32);
  });
});

describe('the GMPP ICT example in scripts/examples/gmpp-ict', () => {
  it('is exactly what the documented import command writes (regenerate it if this fails)', () => {
    const dir = join(ROOT, 'scripts', 'examples', 'gmpp-ict');
    const ict = importRegister({
      fileName: 'gmpp-2023.csv',
      bytes: GMPP,
      filters: ['report_category=ICT'],
      title: 'Government Major Projects Portfolio 2023: ICT projects',
    });
    const expected = [...ict.files, { path: 'import-report.md', text: formatReportMarkdown(ict.report) }];
    const committed = ['portfolio.yaml', 'import-report.md', ...['projects', 'programs'].flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`))];
    expect(committed.sort()).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(join(dir, f.path), 'utf8'), f.path).toBe(f.text);
  });
});

describe('the built-in GMPP mapping on other years of the series', () => {
  const result = run({ fileName: 'gmpp-2021-shaped.csv' });

  it('reads renamed columns, ISO and day/month/year dates, and money with £ and thousands separators', () => {
    expect(result.report.mapping).toBe('UK Government Major Projects Portfolio (built in)');
    expect(result.report.delimiter).toBe(',');
    const borders = record(result, 'projects/digital-borders.md').data;
    expect(borders).toMatchObject({
      title: 'Digital Borders',
      program: 'ho',
      sponsor: 'Jane Smith',
      tags: ['ICT'],
      start: '2019-04-01',
      end: '2025-03-31',
      updated: '2021-03-31',
      health: { schedule: 'amber' },
      budget: { planned: 1_234_500_000, forecast: 1_300_000_000 },
    });
    expect(record(result, 'projects/dreadnought.md').data).toMatchObject({ start: '2011-04-01', end: '2036-03-31', budget: { planned: 2_000_000_000, forecast: 2_100_000_000 }, health: { schedule: 'red' } });
    expect(record(result, 'projects/court-reform.md').data).toMatchObject({ budget: { planned: 210_400_000, forecast: 1_190_500_000 } });
    expect(result.report.entries.filter((e) => e.action === 'guessed')).toEqual([]);
  });

  it('a known column the file lacks is a note, not a failure; the year comes from the file name', () => {
    expect(result.report.notes).toContain('the GMPP column TOTAL Baseline Benefits (£m) is not in this file: nothing fills the benefits in the body');
    expect(result.report.notes).toContain('the GMPP column colour_rating#2 is not in this file: nothing fills health.schedule (SRO rating)');
    expect(result.report.notes).toContain('no year column: the report year 2021 is taken from the file name');
    expect(result.report.notes.find((n) => n.startsWith('read as the GMPP columns of other years'))).toContain('Financial Year Baseline (£m) → total_baseline');
    expect(fileText(result, 'portfolio.yaml')).toContain('title: Government Major Projects Portfolio 2021');
    expect(fileText(result, 'portfolio.yaml')).toContain('as_of: 2021-03-31');
    expect(loadPortfolio(result.files).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('needs only a name, a department and enough of the rest to be the series', () => {
    const csv = (header: string) => importRegister({ fileName: 'g.csv', bytes: new TextEncoder().encode(`${header}\nX,HO,ICT,Amber,2020-01-01,2021-01-01,1,2\n`) });
    expect(csv('Project Name,Department,Category,DCA,Start Date,End Date,Financial Year Baseline (£m),Financial Year Forecast (£m)').report.mapping).toBe('UK Government Major Projects Portfolio (built in)');
    expect(csv('Project Name,Team,Category,DCA,Start Date,End Date,Financial Year Baseline (£m),Financial Year Forecast (£m)').report.mapping).not.toBe('UK Government Major Projects Portfolio (built in)');
    expect(isGmppHeader(['project_name', 'department', 'start_date', 'end_date'])).toBe(false);
    // An ordinary register with a department, dates and money is not GMPP (whose settings publish everything).
    expect(isGmppHeader(['Project name', 'Department', 'Category', 'Description', 'Start date', 'End date', 'Forecast'])).toBe(false);
    expect(isGmppHeader(['Project name', 'Department', 'Category', 'RAG', 'Start date', 'End date', 'Budget'])).toBe(false);
  });
});
