/**
 * `npm run import` as a maintainer runs it: a child process writing a content
 * folder that `npm run check` accepts, a report on stdout and in
 * import-report.md, and on any error a clear message, exit 1 and nothing
 * written (no folder, no temporary folder left beside it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as checkMain } from '../../scripts/check.ts';
import { main, parseArgs, runImport as runImportInProcess } from '../../scripts/import.ts';
import { removeTempDirs, ROOT, runMain, runScript, tempDir } from './run.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');

/** `npm run import` in-process (runMain); `spawn` runs the script in a child process, as the cases marked so do. */
function runImport(args: string[], env: Record<string, string> = {}, how: 'in-process' | 'spawn' = 'in-process') {
  return how === 'spawn' ? runScript('import.ts', args, { env }) : runMain(main, args, { env });
}

/** Nothing at `out`, and nothing else beside it (no temporary folder left over). */
function expectNothingWritten(out: string, siblingsBefore: string[] = []) {
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dirname(out))).toEqual(siblingsBefore);
}

afterAll(removeTempDirs);

describe.concurrent('npm run import', () => {
  it('imports the fixture register into a folder that passes check, and reports every dropped or guessed value', async () => {
    const out = join(tempDir(), 'content');
    // Through the scripts themselves (entry points, output and exit codes); the other cases run in-process.
    const res = await runImport([join(FIXTURES, 'register-latin1.csv'), '--out', out, '--as-of', '2025-09-30'], {}, 'spawn');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('register-latin1.csv:5  Due  end dropped "31.02.2026": 2026-02-31 does not exist  (projects/network-refresh-infrastructure.md)');
    expect(res.stdout).toMatch(/encoding Latin-1 .*, detected: not valid UTF-8; delimiter ","/);
    expect(res.stdout).toMatch(/values: 8 dropped \(.*\); 12 guessed \(/);
    expect(res.stdout).toMatch(/✓ 6 projects and 0 programs written to /);
    expect(readdirSync(out).sort()).toEqual(['import-report.md', 'portfolio.yaml', 'projects']);
    expect(readFileSync(join(out, 'portfolio.yaml'), 'utf8')).toContain('as_of: 2025-09-30');
    const report = readFileSync(join(out, 'import-report.md'), 'utf8');
    expect(report).toContain('| 5 | Due | 31.02.2026 | end | dropped: 2026-02-31 does not exist | projects/network-refresh-infrastructure.md |');
    const check = await runScript('check.ts', ['--content', out]);
    expect(check.stdout).toMatch(/✓ 6 projects/);
    expect(check.code).toBe(0);
  });

  it('imports an MS Project XML plan (recognised by its .xml name) into a folder that passes check', async () => {
    const out = join(tempDir(), 'plan');
    const res = await runImport([join(ROOT, 'tests', 'fixtures', 'mspdi', 'ms-project.xml'), '--out', out, '--projects-at', '2']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('ms-project.xml:link 8  dependencies dropped "Data Platform → Mobile build": a start-to-finish link');
    expect(res.stdout).toMatch(/✓ 4 projects \(3 milestones, 3 dependencies, 4 demand lines\), 2 programs, 2 teams written to /);
    expect(readdirSync(out).sort()).toEqual(['import-report.md', 'portfolio.yaml', 'programs', 'projects', 'teams']);
    const check = await runMain(checkMain, ['--content', out]);
    expect(check.stdout).toMatch(/✓ 4 projects, 2 programs, 0 goals, 2 teams/);
    expect(check.code).toBe(0);
    const args = parseArgs([join(ROOT, 'tests', 'fixtures', 'mspdi', 'ms-project.xml'), '--out', join(tempDir(), 'x'), '--filter', 'a=b']);
    if ('error' in args) throw new Error(args.error);
    await expect(runImportInProcess(args)).rejects.toThrow('--map, --filter and --encoding are for CSV registers, not MS Project XML');
    expect(parseArgs(['plan.xml', '--projects-at', '0'])).toEqual({ error: '--projects-at is an outline level 1 or more (1 is the top level), not "0"' });
  });

  it('--infer writes a proposed mapping file (and no records); it does not replace one without --force', async () => {
    const dir = tempDir();
    const res = await runMain(main, [join(FIXTURES, 'infer-unnamed.csv'), '--infer'], { cwd: dir });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Where we are  →  status  (high: ');
    expect(res.stdout).toContain('written to infer-unnamed.mapping.yaml: review it, then npm run import -- ');
    expect(readdirSync(dir)).toEqual(['infer-unnamed.mapping.yaml']);
    const again = await runMain(main, [join(FIXTURES, 'infer-unnamed.csv'), '--infer'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('infer-unnamed.mapping.yaml: exists: choose another --out, or add --force to replace it');
    // Importing with it is tests/core/import-infer.test.ts.
  });

  it('imports the whole GMPP file: 244 projects that pass check, with the drops reported', async () => {
    const out = join(tempDir(), 'gmpp');
    const res = await runImport([join(FIXTURES, 'gmpp-2023.csv'), '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('values: 115 dropped (103 withheld under a Freedom of Information Act exemption, 11 early-planning project: not yet reported, 1 end before start); none guessed');
    expect(res.stdout).toMatch(/✓ 244 projects and 21 programs written to /);
    expect(readdirSync(join(out, 'projects'))).toHaveLength(244);
    const check = await runMain(checkMain, ['--content', out]);
    expect(check.stdout).toMatch(/✓ 244 projects, 21 programs/);
    expect(check.code).toBe(0);
  });

  it('--filter, --title and --encoding', async () => {
    const out = join(tempDir(), 'ict');
    const res = await runImport([join(FIXTURES, 'gmpp-2023.csv'), '--out', out, '--filter', 'report_category=ICT', '--title', 'ICT: "digital" projects', '--encoding', 'latin1']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('244 rows read, 212 left out by report_category=ICT');
    expect(readdirSync(join(out, 'projects'))).toHaveLength(32);
    expect(readFileSync(join(out, 'portfolio.yaml'), 'utf8')).toContain(`title: 'ICT: "digital" projects'`);
  });

  it('a wrong --encoding is reported, not hidden', async () => {
    const out = join(tempDir(), 'c');
    const res = await runImport([join(FIXTURES, 'register-latin1.csv'), '--out', out, '--encoding', 'utf8']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/note: \d+ characters are not valid UTF-8 and show as �: try --encoding latin1/);
  });

  it('refuses a folder that is not empty unless --force, which replaces it', async () => {
    const out = join(tempDir(), 'content');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const refused = await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the folder is not empty: choose another --out, or add --force to replace it');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    const forced = await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['import-report.md', 'portfolio.yaml', 'projects']);
    expect(readdirSync(dirname(out))).toEqual(['content']);
  });

  it('an empty folder is fine', async () => {
    const out = join(tempDir(), 'content');
    mkdirSync(out);
    expect((await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'portfolio.yaml'))).toBe(true);
  });

  describe('errors: a clear message, exit 1, nothing written', () => {
    it('an unknown column in the mapping', async () => {
      const dir = tempDir();
      const out = join(dir, 'content');
      writeFileSync(join(dir, 'bad.mapping.yaml'), 'columns:\n  Projet: title\n');
      const res = await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', out, '--map', join(dir, 'bad.mapping.yaml')]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/bad\.mapping\.yaml: columns: no column "Projet" in the file \(did you mean "Project"\?\)/);
      expect(res.stderr).toContain('nothing was written');
      expectNothingWritten(out, ['bad.mapping.yaml']);
    });

    it('an empty file', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'empty.csv'), '');
      const res = await runImport([join(dir, 'empty.csv'), '--out', join(dir, 'content')]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/empty\.csv: the file is empty/);
      expectNothingWritten(join(dir, 'content'), ['empty.csv']);
    });

    it('a file that does not exist, or a mapping that does not', async () => {
      const dir = tempDir();
      const missing = await runImport([join(dir, 'nope.csv'), '--out', join(dir, 'content')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/nope\.csv: no such file/);
      const noMap = await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', join(dir, 'content'), '--map', 'nope.yaml']);
      expect(noMap.code).toBe(1);
      expect(noMap.stderr).toContain('nope.yaml: no such mapping file');
      expectNothingWritten(join(dir, 'content'));
    });

    it('a file that is not CSV, and a mapping that is not YAML', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'broken.csv'), 'name,notes\nA,"never closed\n');
      const csv = await runImport([join(dir, 'broken.csv'), '--out', join(dir, 'content')]);
      expect(csv.code).toBe(1);
      expect(csv.stderr).toMatch(/broken\.csv: not a readable CSV file: a quoted cell is never closed/);
      writeFileSync(join(dir, 'm.yaml'), 'columns: [\n');
      const yaml = await runImport([join(FIXTURES, 'register-utf8.csv'), '--out', join(dir, 'content'), '--map', join(dir, 'm.yaml')]);
      expect(yaml.code).toBe(1);
      expect(yaml.stderr).toMatch(/m\.yaml:2:1: invalid YAML/);
      expectNothingWritten(join(dir, 'content'), ['broken.csv', 'm.yaml']);
    });

    it('bad usage exits 2', async () => {
      const res = await runImport(['a.csv', '--colour'], {}, 'spawn');
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^unknown option --colour\nusage: npm run import -- <file.csv>/);
      expect(parseArgs([])).toEqual({ error: expect.stringMatching(/^which file\?/) });
      expect(parseArgs(['a.csv', '--encoding', 'ebcdic'])).toEqual({ error: '--encoding is utf8 or latin1, not "ebcdic"' });
      expect(parseArgs(['a.csv', 'b.csv'])).toEqual({ error: expect.stringMatching(/^one file at a time/) });
      expect(parseArgs(['a.csv', '--out'])).toEqual({ error: expect.stringMatching(/^--out needs a folder/) });
      expect(parseArgs(['a.csv', '--filter=x=1', '--filter', 'y=2', '--as-of', '2025-01-01', '--force'], { ROADMAP_CONTENT: 'c' })).toMatchObject({
        file: 'a.csv',
        filters: ['x=1', 'y=2'],
        asOf: '2025-01-01',
        force: true,
        out: join(ROOT, 'c'),
      });
    });
  });
});
