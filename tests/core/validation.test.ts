/**
 * Validation: one fixture folder per rule under tests/fixtures/invalid/<rule>/,
 * each checked for the exact lines `npm run check` prints (path:line:column,
 * field, message, suggestion), plus in-memory cases for what fixtures cannot
 * hold well (BOM + CRLF, timing, environment).
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic, formatReport, type Diagnostic } from '../../src/core/diagnostics.ts';
import { FrontMatterError, parseFrontMatter, safeMatterOptions } from '../../src/core/frontmatter.ts';
import { hasErrors, loadPortfolio, type ContentFile } from '../../src/core/load.ts';
import { SCHEMA_VERSION } from '../../src/core/version.ts';
import { RULE_IDS } from '../../src/core/rules/index.ts';
import { runCheck } from '../../src/pipeline/check.ts';
import { checkContent } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { main as checkMain } from '../../scripts/check.ts';
import { runMain } from '../scripts/run.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INVALID = path.join(ROOT, 'tests/fixtures/invalid');
const VALID = path.join(ROOT, 'tests/fixtures/valid');
const MARKER = path.join(tmpdir(), 'roadmap-pwned-marker');

beforeEach(() => {
  vi.stubEnv('ROADMAP_AUDIENCE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** What `check` prints for a fixture, run from tests/fixtures/invalid, without the timing. */
async function check(name: string, opts: { strict?: boolean; audience?: string } = {}) {
  const result = await runCheck(name, { cwd: INVALID, ...opts });
  return { ...result, lines: result.output.trimEnd().split('\n').map((l) => l.replace(/\(\d+\.\d\d s\)$/, '(T s)')) };
}

const PORTFOLIO: ContentFile = { path: 'portfolio.yaml', text: 'title: Test\n' };
const load = (files: ContentFile[], opts = {}) => loadPortfolio(files, opts);
const lines = (diags: Diagnostic[]) => diags.map(formatDiagnostic);

describe('fixtures: one folder per rule, exact lines', () => {
  const cases: Record<string, string[]> = {
    'empty-file': ['empty-file/projects/empty.md:1:1  empty file: a record starts with a --- line, its fields, and another --- line', '1 error, 0 warnings in 1 file'],
    'no-front-matter': ['no-front-matter/projects/plain.md:1:1  no front matter: a record starts with --- on the first line', '1 error, 0 warnings in 1 file'],
    'unclosed-front-matter': ['unclosed-front-matter/projects/open.md:1:1  front matter is not closed: add a line with --- after the last field', '1 error, 0 warnings in 1 file'],
    'front-matter-language': [
      'front-matter-language/projects/config.md:1:1  front matter must be YAML: remove "toml" after the opening ---',
      'front-matter-language/projects/evil.md:1:1  front matter must be YAML: remove "js" after the opening ---',
      '2 errors, 0 warnings in 2 files',
    ],
    'yaml-syntax': [
      'yaml-syntax/projects/bomb.md:5:8  invalid YAML: too many aliases (more than 100): refusing to expand them',
      'yaml-syntax/projects/broken.md:4:10  invalid YAML: nested mappings are not allowed in compact mappings (put text that contains ": " in quotes)',
      'yaml-syntax/projects/twice.md:4:1  title  field "title" is written twice',
      '3 errors, 0 warnings in 3 files',
    ],
    schema: [
      'schema/portfolio.yaml:5:19  scoring.criteria[1].weight  weights must be greater than 0, got 0',
      'schema/projects/fte.md:5:23  demand[0].fte  must be 0 or more, got -1',
      'schema/projects/missing-status.md:1:1  status  required field is missing',
      'schema/projects/missing-title.md:1:1  title  required field is missing',
      'schema/projects/progress.md:4:1  progress  progress is a percentage from 0 to 100, got 120',
      'schema/projects/risk.md:6:5  risks[0].likelihood  must be from 1 to 5, got 6',
      'schema/projects/status-synonym.md:3:1  status  unknown value "in progress", expected proposed | approved | active | on-hold | done | cancelled (did you mean active?)',
      '7 errors, 0 warnings in 7 files',
    ],
    'impossible-date': ['impossible-date/projects/leap.md:5:1  end  2026-02-30 does not exist (February 2026 has 28 days)', '1 error, 0 warnings in 1 file'],
    'unknown-field': [
      'unknown-field/projects/typo.md:4:1  sumary  a project has no such field: ignored (did you mean summary?)',
      'unknown-field/projects/typo.md:6:62  milestones[0].dne  milestones[0] has no such field: ignored (did you mean done?)',
      '0 errors, 2 warnings in 1 file',
      '✓ 1 project, 0 programs, 0 goals, 0 teams — 2 warnings (T s)',
    ],
    'end-before-start': [
      'end-before-start/projects/backwards.md:5:1  end  end 2026-01-31 is before start 2026-03-01',
      'end-before-start/projects/backwards.md:7:46  demand[0].to  to 2026-Q2 is before from 2026-Q3',
      '2 errors, 0 warnings in 1 file',
    ],
    // A quarter as end and as pessimistic is the same last day: fine.md passes.
    'end-range': [
      'end-range/projects/early.md:6:14  end_range.optimistic  optimistic 2026-07-01 is after end 2026-06-30: optimistic ≤ end ≤ pessimistic',
      'end-range/projects/late.md:8:3  end_range.pessimistic  pessimistic 2026-09-29 is before end 2026-Q3: optimistic ≤ end ≤ pessimistic',
      'end-range/projects/no-end.md:4:1  end_range  end_range needs an end: the most likely end, between optimistic and pessimistic',
      '3 errors, 0 warnings in 3 files',
    ],
    'marker-date-or-range': [
      'marker-date-or-range/portfolio.yaml:3:37  markers[0].from  a marker has either a date or from + to, not both: remove the date or the period',
      'marker-date-or-range/portfolio.yaml:4:5  markers[1].date  a marker needs a date, or from and to for a period',
      'marker-date-or-range/portfolio.yaml:5:19  markers[2].from  a period needs both from and to: add to (or use date for a single day)',
      '3 errors, 0 warnings in 1 file',
    ],
    // Equal from and to is a one-day period; a quarter as both is the whole quarter.
    'marker-range-order': ['marker-range-order/portfolio.yaml:4:49  markers[0].to  to 2026-12-15 is before from 2027-01-05', '1 error, 0 warnings in 1 file'],
    'duplicate-marker': [
      'duplicate-marker/portfolio.yaml:5:7  markers[2].name  marker "investment board" is already defined at markers[0]: names are unique',
      '1 error, 0 warnings in 1 file',
    ],
    'unknown-reference': [
      'unknown-reference/programs/digital-channels.md:3:9  goals[0]  unknown goal "grow-revenu" (did you mean grow-revenue?)',
      'unknown-reference/projects/portal.md:4:1  program  unknown program "digital-chanels" (did you mean digital-channels?)',
      'unknown-reference/projects/portal.md:5:23  goals[1]  unknown goal "grow-revenu" (did you mean grow-revenue?)',
      'unknown-reference/projects/portal.md:6:9  teams[0]  unknown team "platfrom" (did you mean platform?)',
      'unknown-reference/projects/portal.md:10:5  dependencies[0].on  unknown project "identity-platfrom" (did you mean identity-platform?)',
      `unknown-reference/projects/portal.md:12:5  dependencies[1].need_by  unknown milestone "Go live": need_by names one of this project's milestones (did you mean Go-live?)`,
      'unknown-reference/projects/portal.md:13:1  scores  no score: missing strategic_fit',
      'unknown-reference/projects/portal.md:13:21  scores.strategic_fti  unknown criterion "strategic_fti", expected value | strategic_fit (did you mean strategic_fit?)',
      'unknown-reference/projects/portal.md:15:7  demand[0].team  unknown team "plattform" (did you mean platform?)',
      '8 errors, 1 warning in 2 files',
    ],
    'control-character': [
      'control-character/projects/escapes.md:2:1  title  lone surrogate U+D800 (half of a broken \\u escape?) at character 8: not allowed in text (only tab and line breaks are)',
      'control-character/projects/escapes.md:4:12  tags[1]  control character U+0000 (NUL) at character 4: not allowed in text (only tab and line breaks are)',
      'control-character/projects/escapes.md:7:8  body  control character U+0007 (BEL): not allowed in text (only tab and line breaks are)',
      '3 errors, 0 warnings in 1 file',
    ],
    'score-range': ['score-range/projects/high.md:4:11  scores.value  6 is outside the scale 1 to 5 (scoring.scale)', '1 error, 0 warnings in 1 file'],
    'missing-score-criterion': [
      'missing-score-criterion/projects/partial.md:4:1  scores  no score: missing risk, effort',
      '0 errors, 1 warning in 1 file',
      '✓ 1 project, 0 programs, 0 goals, 0 teams — 1 warning (T s)',
    ],
    'self-dependency': ['self-dependency/projects/ouroboros.md:5:5  dependencies[0].on  a project cannot depend on itself ("ouroboros")', '1 error, 0 warnings in 1 file'],
    'dependency-cycle': ['dependency-cycle/projects/a.md:5:5  dependencies[0]  dependency cycle: a → b → c → a', '1 error, 0 warnings in 1 file'],
    'duplicate-id': [
      'duplicate-id/projects/x.mdx:1:1  duplicate id "x": duplicate-id/projects/x.md has the same id (ids are file names without the extension)',
      '1 error, 0 warnings in 1 file',
    ],
    'invalid-id': [
      'invalid-id/projects/CRM_Upgrade.md:1:1  file name "CRM_Upgrade.md" is not a valid id: ids are lower-case kebab-case (a-z, 0-9 and -) (did you mean crm-upgrade.md?)',
      '1 error, 0 warnings in 1 file',
    ],
    audience: [
      'audience/portfolio.yaml:4:12  audiences.public.hide[0]  unknown project field "budjet": it hides nothing, so a typo here publishes the field (did you mean budget?)',
      `audience/portfolio.yaml:4:27  audiences.public.hide[2]  title cannot be hidden: every audience sees a project's title and status`,
      '2 errors, 0 warnings in 1 file',
    ],
    'portfolio-missing': ['portfolio-missing/portfolio.yaml:1:1  no portfolio.yaml: every content folder needs one, with at least a title', '1 error, 0 warnings in 1 file'],
    'unknown-folder': [
      'unknown-folder/project/stray.md:1:1  not in goals/, programs/, projects/, teams/: ignored (did you mean projects/stray.md?)',
      '0 errors, 1 warning in 1 file',
      '✓ 0 projects, 0 programs, 0 goals, 0 teams — 1 warning (T s)',
    ],
  };

  for (const [name, expected] of Object.entries(cases)) {
    it(name, async () => {
      const r = await check(name);
      expect(r.lines).toEqual(expected);
      const errors = r.diagnostics.some((d) => d.severity === 'error');
      expect(r.exitCode).toBe(errors ? 1 : 0);
      expect(r.input === undefined).toBe(errors);
    });
  }

  it('every fixture folder reports only its own rule', async () => {
    for (const name of Object.keys(cases)) {
      const r = await check(name);
      const rules = new Set(r.diagnostics.map((d) => d.rule));
      const allowed: Record<string, string[]> = { 'unknown-reference': ['unknown-reference', 'missing-score-criterion'] };
      for (const rule of rules) expect(allowed[name] ?? [name], `${name} reported ${rule}`).toContain(rule);
      expect(RULE_IDS).toContain(name);
    }
  });

  it('valid/minimal passes with no diagnostics, .mdx included', async () => {
    const r = await runCheck('minimal', { cwd: VALID });
    expect(r.diagnostics).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^✓ 2 projects, 1 program, 1 goal, 1 team — no problems \(\d+\.\d\d s\)\n$/);
    const input = r.input!;
    expect(input.projects.map((p) => [p.id, p.file])).toEqual([
      ['identity', 'projects/identity.mdx'],
      ['portal', 'projects/portal.md'],
    ]);
    expect(input.settings.fiscal_year_start).toBe(4);
    expect(input.settings.audiences).toHaveProperty('public');
    const portal = input.projects[1];
    expect(portal.data.start).toBe('2026-01-15'); // YAML 1.2 core: dates stay strings
    expect(portal.data.dependencies?.[0]).toEqual({ on: 'identity', kind: 'other', type: 'finish-to-start', need_by: 'Go-live' });
    expect(portal.body).toBe('The portal.\n');
    expect(input.teams[0].data.kind).toBe('team');
  });

  it('--strict turns warnings into errors', async () => {
    const r = await check('unknown-field', { strict: true });
    expect(r.exitCode).toBe(1);
    expect(r.input).toBeUndefined();
    expect(r.lines.at(-1)).toBe('2 errors, 0 warnings in 1 file');
  });
});

describe('front matter is YAML and is never executed', () => {
  beforeEach(() => {
    rmSync(MARKER, { force: true });
    delete (globalThis as Record<string, unknown>).__roadmapPwned;
  });

  it('a ---js record is refused and its code never runs', async () => {
    const r = await check('front-matter-language');
    expect(r.exitCode).toBe(1);
    expect(r.diagnostics.every((d) => d.rule === 'front-matter-language')).toBe(true);
    expect((globalThis as Record<string, unknown>).__roadmapPwned).toBeUndefined();
    expect(existsSync(MARKER)).toBe(false);
  });

  for (const lang of ['js', 'javascript', 'JavaScript', 'coffee', 'coffeescript', 'cson', 'toml', 'json']) {
    it(`---${lang} is refused at 1:1`, () => {
      const text = `---${lang}\n{ "title": (globalThis.__roadmapPwned = true, "x"), "status": "active" }\n---\n`;
      const r = load([PORTFOLIO, { path: 'projects/x.md', text }]);
      expect(lines(r.diagnostics)).toEqual([`projects/x.md:1:1  front matter must be YAML: remove "${lang}" after the opening ---`]);
      expect((globalThis as Record<string, unknown>).__roadmapPwned).toBeUndefined();
    });
  }

  it("gray-matter's engines for other languages throw, even if the language check were bypassed", () => {
    const opts = safeMatterOptions(() => ({}));
    for (const lang of ['js', 'javascript', 'coffee', 'coffeescript', 'toml', 'json']) {
      expect(() => matter(`---${lang}\n(globalThis.__roadmapPwned = true)\n---\n`, opts)).toThrow(FrontMatterError);
    }
    expect((globalThis as Record<string, unknown>).__roadmapPwned).toBeUndefined();
  });

  it('---yaml and ---yml are accepted', () => {
    expect(parseFrontMatter('---yaml\ntitle: A\n---\n').data).toEqual({ title: 'A' });
    expect(parseFrontMatter('---yml\ntitle: A\n---\n').data).toEqual({ title: 'A' });
  });

  it('YAML tags do not construct anything (js/function stays text, with a warning)', () => {
    const r = load([PORTFOLIO, { path: 'projects/x.md', text: '---\ntitle: !!js/function "function () { globalThis.__roadmapPwned = true }"\nstatus: active\n---\n' }]);
    expect(r.input?.projects[0].data.title).toBe('function () { globalThis.__roadmapPwned = true }');
    expect(r.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['yaml-syntax', 'warning', 2]]);
    expect((globalThis as Record<string, unknown>).__roadmapPwned).toBeUndefined();
  });

  it('__proto__ in front matter is an unknown field, not a prototype', () => {
    const r = load([PORTFOLIO, { path: 'projects/x.md', text: '---\ntitle: X\nstatus: active\n__proto__: { polluted: true }\n---\n' }]);
    expect(lines(r.diagnostics)).toEqual(['projects/x.md:4:1  __proto__  a project has no such field: ignored']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading files', () => {
  it('BOM + CRLF: loads, with the right line numbers and an LF body', () => {
    const text = '\uFEFF---\r\ntitle: Windows\r\nstatus: active\r\nmilestones:\r\n  - { name: A, date: 2026-01-01 }\r\n  - { name: B, date: 2026-02-30 }\r\n---\r\nFirst line\r\nSecond line\r\n';
    const bad = load([PORTFOLIO, { path: 'projects/win.md', text }]);
    expect(lines(bad.diagnostics)).toEqual(['projects/win.md:6:16  milestones[1].date  2026-02-30 does not exist (February 2026 has 28 days)']);
    const good = load([PORTFOLIO, { path: 'projects/win.md', text: text.replace('2026-02-30', '2026-02-28') }]);
    expect(good.diagnostics).toEqual([]);
    expect(good.input?.projects[0].body).toBe('First line\nSecond line\n');
    expect(parseFrontMatter(text).bodyLine).toBe(8);
  });

  it('the YAML billion-laughs bomb is refused quickly', () => {
    let bomb = '---\ntitle: Bomb\nstatus: active\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const name of 'bcdefghijklmn') {
      bomb += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]\n`;
      prev = name;
    }
    bomb += '---\n';
    const r = load([PORTFOLIO, { path: 'projects/bomb.md', text: bomb }]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['yaml-syntax']);
    expect(r.diagnostics[0].message).toContain('too many aliases');
  });

  it('aliases may not blow a record up: one 1 MB anchor reused 90 times is refused at the alias that crosses the cap', () => {
    const big = 'x'.repeat(1_000_000);
    const refs = Array.from({ length: 90 }, (_, i) => `r${i}: *big`).join('\n');
    const text = `---\ntitle: Big\nstatus: active\nsummary: &big ${big}\nchanges:\n  - { id: CR-1, title: *big }\n${refs}\n---\n`;
    const r = load([PORTFOLIO, { path: 'projects/big.md', text }]);
    // 1 MB source: the cap is 4 MB + 64 KiB, crossed by the fourth copy (changes[0].title, r0, r1, r2).
    expect(lines(r.diagnostics)).toEqual([
      'projects/big.md:9:5  invalid YAML: alias *big expands the YAML to more than 4,069,416 characters (4 × its 1,000,970 + 65,536): refusing to expand it',
    ]);
  });

  it('ordinary alias reuse is fine, small records get 64 KiB of room', () => {
    const items = Array.from({ length: 60 }, (_, i) => `  - { name: M${i}, date: 2026-01-01, evidence: *ev }`).join('\n');
    const text = `---\ntitle: Reuse\nstatus: active\nsponsor: &ev "${'e'.repeat(500)}"\nmilestones:\n${items}\n---\n`;
    expect(load([PORTFOLIO, { path: 'projects/reuse.md', text }]).diagnostics).toEqual([]);
  });

  it('a list that contains itself through an alias (&a [*a]) is an error, not a crash (fuzz counterexample)', () => {
    expect(lines(load([{ path: 'portfolio.yaml', text: 'title: &a [ *a ]\n' }]).diagnostics)).toEqual(['portfolio.yaml:1:1  title  expected text, got a list']);
    expect(lines(load([PORTFOLIO, { path: 'projects/x.md', text: '---\ntitle: X\nstatus: active\ntags: &a [ *a ]\n---\n' }]).diagnostics)).toEqual([
      'projects/x.md:4:12  tags[0]  expected text, got a list',
    ]);
  });

  it('YAML 1.2 core schema: dates, on/off and yes/no stay strings', () => {
    const r = parseFrontMatter('---\nd: 2026-01-15\non: yes\noff: no\nn: 012\n---\n');
    expect(r.data).toEqual({ d: '2026-01-15', on: 'yes', off: 'no', n: 12 });
  });

  it('a YAML syntax error points at the line of the error', () => {
    const r = load([PORTFOLIO, { path: 'projects/x.md', text: '---\ntitle: X\nstatus: active\ntags: [a, b\nsummary: text\n---\n' }]);
    expect(r.diagnostics.map((d) => [d.rule, d.line])).toEqual([['yaml-syntax', 5]]);
  });

  it('one syntax error in portfolio.yaml is one diagnostic: rules that need its settings stay quiet', () => {
    const portfolio = { path: 'portfolio.yaml', text: 'title: Test\nscoring:\n  method: wsjf\n  criteria: [\n' };
    const project = { path: 'projects/x.md', text: '---\ntitle: X\nstatus: proposed\nscores: { value: 3, risk: 2 }\n---\n' };
    const r = load([portfolio, project]);
    expect(lines(r.diagnostics)).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ file: 'portfolio.yaml', rule: 'yaml-syntax' });
  });

  it('a front matter that is not a mapping is a schema error', () => {
    const r = load([PORTFOLIO, { path: 'projects/x.md', text: '---\n- a\n- b\n---\n' }]);
    expect(lines(r.diagnostics)).toEqual(['projects/x.md:1:1  front matter must be field: value pairs, got ["a","b"]']);
  });

  it('files outside the collections are ignored; _drafts and dotfiles too', () => {
    const r = load([
      PORTFOLIO,
      { path: 'README.md', text: '# Notes' },
      { path: 'assets/logo.svg', text: '<svg/>' },
      { path: 'projects/_template.md', text: '---\ntitle: [\n---\n' },
      { path: 'projects/.#x.md', text: 'lock' },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.input?.projects).toEqual([]);
  });

  it('records are found in sub-folders; the id is the file name', () => {
    const r = load([PORTFOLIO, { path: 'projects/2026/crm.md', text: '---\ntitle: CRM\nstatus: active\n---\n' }]);
    expect(r.input?.projects.map((p) => [p.id, p.file])).toEqual([['crm', 'projects/2026/crm.md']]);
  });

  it('a misnamed portfolio.yml is pointed out', () => {
    const r = load([{ path: 'portfolio.yml', text: 'title: T\n' }]);
    expect(lines(r.diagnostics)).toEqual(['portfolio.yml:1:1  the settings file must be named portfolio.yaml (did you mean portfolio.yaml?)']);
  });

  it('the root option prefixes paths in diagnostics and messages', () => {
    const r = load([PORTFOLIO, { path: 'projects/a.md', text: '' }], { root: 'content' });
    expect(r.diagnostics[0].file).toBe('content/projects/a.md');
  });
});

describe('control characters and lone surrogates', () => {
  const record = (front: string, body = 'Body.\n') => ({ path: 'projects/x.md', text: `---\ntitle: X\nstatus: active\n${front}---\n${body}` });

  it('a lone surrogate written as a YAML escape is an error at its key', () => {
    const r = load([PORTFOLIO, record('summary: "\\ud800"\nsponsor: "\\udc00 low"\nowners: { business: "pair \\ud83d\\ude00 is fine" }\n')]);
    expect(lines(r.diagnostics)).toEqual([
      'projects/x.md:4:1  summary  lone surrogate U+D800 (half of a broken \\u escape?) at character 1: not allowed in text (only tab and line breaks are)',
      'projects/x.md:5:1  sponsor  lone surrogate U+DC00 (half of a broken \\u escape?) at character 1: not allowed in text (only tab and line breaks are)',
    ]);
    expect(r.input).toBeUndefined();
  });

  it('NUL, C0 and C1 characters in keys and values; the printed line stays one escaped line', () => {
    const r = load([PORTFOLIO, record('tags: [ok, "a\\x1b[31mred"]\nmilestones:\n  - { name: "M\\x85", date: 2026-01-01 }\n"ke\\0y": 1\n')]);
    const out = lines(r.diagnostics);
    expect(out).toEqual([
      'projects/x.md:4:12  tags[1]  control character U+001B (ESC) at character 2: not allowed in text (only tab and line breaks are)',
      'projects/x.md:6:7  milestones[0].name  control character U+0085 (NEL) at character 2: not allowed in text (only tab and line breaks are)',
      'projects/x.md:7:1  ke\\u0000y  the field name has a control character U+0000 (NUL): not allowed in text (only tab and line breaks are)',
      'projects/x.md:7:1  ke\\u0000y  a project has no such field: ignored',
    ]);
    for (const l of out) expect(l).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  it('schema_version: the current version passes; a newer one asks for a newer Roadmap, an older one for npm run migrate', () => {
    const at = (v: string) => load([{ path: 'portfolio.yaml', text: `title: Test\nschema_version: ${v}\n` }]).diagnostics.map((d) => `${d.line} ${d.field} ${d.message}`);
    expect(at(String(SCHEMA_VERSION))).toEqual([]);
    expect(at(String(SCHEMA_VERSION + 1))).toEqual([expect.stringMatching(/^2 schema_version written for a newer version of the record format than this Roadmap reads \(1\): use a newer release/)]);
    expect(at(String(SCHEMA_VERSION - 1))).toEqual([expect.stringMatching(/^2 schema_version written for an older version of the record format: run npm run migrate/)]);
    expect(at('"one"')).toEqual([expect.stringMatching(/^2 schema_version expected a whole number/)]);
  });

  it('portfolio.yaml strings are checked too', () => {
    const r = load([{ path: 'portfolio.yaml', text: 'title: Test\norganization: "Acme\\x07"\n' }]);
    expect(r.diagnostics.map((d) => [d.rule, d.line, d.field])).toEqual([['control-character', 2, 'organization']]);
  });

  it('bodies: tab and CRLF are fine; another control character is reported at its line and column', () => {
    const ok = load([PORTFOLIO, { path: 'projects/x.md', text: '---\r\ntitle: X\r\nstatus: active\r\n---\r\na\tb\r\nc\r\n' }]);
    expect(ok.diagnostics).toEqual([]);
    const bad = load([PORTFOLIO, record('', 'First\nsecond \u0000 and \u0001\nthird\u009b\n')]);
    expect(lines(bad.diagnostics)).toEqual([
      'projects/x.md:6:8  body  control character U+0000 (NUL): not allowed in text (only tab and line breaks are)',
      'projects/x.md:7:6  body  control character U+009B: not allowed in text (only tab and line breaks are)',
    ]);
  });

  it('a body full of control characters is summed up after 20 lines', () => {
    const r = load([PORTFOLIO, record('', '\u0001\n'.repeat(25))]);
    expect(r.diagnostics).toHaveLength(21);
    expect(r.diagnostics.at(-1)?.message).toBe('this and 4 more lines of the body have control characters too');
  });
});

describe('schema details', () => {
  const project = (fm: string) => load([PORTFOLIO, { path: 'projects/p.md', text: `---\ntitle: P\nstatus: active\n${fm}---\n` }]);

  it('a missing field inside a list item is located at the item', () => {
    expect(lines(project('milestones:\n  - date: 2026-01-01\n').diagnostics)).toEqual(['projects/p.md:5:5  milestones[0].name  required field is missing']);
  });

  it('earned value and ROI fields: annual_value, roi_years and evm thresholds', () => {
    expect(lines(project('benefits:\n  - { metric: M, annual_value: -5 }\n').diagnostics)).toEqual(['projects/p.md:5:18  benefits[0].annual_value  must be 0 or more, got -5']);
    const portfolio = (text: string) => lines(load([{ path: 'portfolio.yaml', text: `title: Test\n${text}` }]).diagnostics);
    expect(portfolio('roi_years: 2.5\nevm: { spi: [0.8, 0.9], cpi: 1 }\n')).toEqual([
      'portfolio.yaml:2:1  roi_years  expected a whole number of years, got 2.5',
      'portfolio.yaml:3:8  evm.spi  the amber level must not be below the red one: amber below the first number, red below the second, got [0.8,0.9]',
      'portfolio.yaml:3:25  evm.cpi  expected two numbers [amber, red], e.g. [0.95, 0.85], got 1',
    ]);
    expect(portfolio('roi_years: 3\nevm: { spi: [1, 0.9] }\n')).toEqual([]);
  });

  it('wrong types say what was found', () => {
    expect(lines(project('progress: high\nsponsor: 42\nend:\n').diagnostics)).toEqual([
      'projects/p.md:4:1  progress  expected a number, got "high"',
      'projects/p.md:5:1  sponsor  expected text, got 42 (put it in quotes to use it as text)',
      'projects/p.md:6:1  end  expected a date: YYYY-MM-DD, YYYY-MM or YYYY-Qn, got an empty value (give it a value or remove the line)',
    ]);
  });

  it('enum synonyms and typos in nested fields', () => {
    expect(lines(project('health: { schedule: yellow }\nrisks:\n  - { title: R, likelihood: 2, impact: 2, status: resolved }\n').diagnostics)).toEqual([
      'projects/p.md:4:11  health.schedule  unknown value "yellow", expected green | amber | red (did you mean amber?)',
      'projects/p.md:6:43  risks[0].status  unknown value "resolved", expected open | closed (did you mean closed?)',
    ]);
  });

  it('a reference that is not an id gets its kebab-case form suggested', () => {
    expect(lines(project('program: Digital Channels\n').diagnostics)).toEqual([
      'projects/p.md:4:1  program  ids are lower-case kebab-case, e.g. crm-upgrade, got "Digital Channels" (did you mean digital-channels?)',
    ]);
  });

  it('unknown fields nested in portfolio.yaml are warned about', () => {
    const r = load([{ path: 'portfolio.yaml', text: 'title: T\nscoring:\n  methd: wsjf\n' }]);
    expect(lines(r.diagnostics)).toEqual(['portfolio.yaml:3:3  scoring.methd  scoring has no such field: ignored (did you mean method?)']);
  });
});

describe('portfolio markers', () => {
  const markers = (yaml: string) => lines(load([{ path: 'portfolio.yaml', text: `title: Test\nmarkers:\n${yaml}` }]).diagnostics);

  it('a date that does not exist, or is not a day, is an error at the marker field', () => {
    expect(markers('  - { name: Board, date: 2027-02-30 }\n  - { name: Freeze, from: 2026-13, to: 2027-01-05 }\n  - { name: Release, date: 2027-06 }\n')).toEqual([
      'portfolio.yaml:3:20  markers[0].date  2027-02-30 does not exist (February 2027 has 28 days)',
      'portfolio.yaml:4:21  markers[1].from  month 13 does not exist, got "2026-13"',
      'portfolio.yaml:5:22  markers[2].date  expected a day: YYYY-MM-DD, got "2027-06"',
    ]);
  });

  it('kind and visibility are enums; unknown marker fields are warned about', () => {
    expect(markers('  - { name: Board, date: 2027-02-10, kind: meeting, visibilty: internal }\n')).toEqual([
      'portfolio.yaml:3:38  markers[0].kind  unknown value "meeting", expected freeze | board | release | other',
      'portfolio.yaml:3:53  markers[0].visibilty  markers[0] has no such field: ignored (did you mean visibility?)',
    ]);
  });

  it('valid markers pass, with the defaults filled in', () => {
    const r = load([{ path: 'portfolio.yaml', text: 'title: Test\nmarkers:\n  - { name: Board, date: 2027-02-10 }\n  - { name: Freeze, from: 2026-12, to: 2027-01-05, kind: freeze, visibility: internal }\n' }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.input?.settings.markers).toEqual([
      { name: 'Board', date: '2027-02-10', kind: 'other', visibility: 'public' },
      { name: 'Freeze', from: '2026-12', to: '2027-01-05', kind: 'freeze', visibility: 'internal' },
    ]);
  });
});

describe('scoring models', () => {
  it('wsjf: job_size must be > 0; unknown inputs get a suggestion', () => {
    const r = load([
      { path: 'portfolio.yaml', text: 'title: T\nscoring: { method: wsjf }\n' },
      { path: 'projects/p.md', text: '---\ntitle: P\nstatus: proposed\nscores: { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 0, jobsize: 2 }\n---\n' },
    ]);
    expect(lines(r.diagnostics)).toEqual([
      'projects/p.md:4:70  scores.job_size  job_size must be greater than 0 (the score divides by it), got 0',
      'projects/p.md:4:83  scores.jobsize  unknown wsjf input "jobsize", expected business_value | time_criticality | risk_reduction | job_size (did you mean job_size?)',
    ]);
  });

  it('rice: effort must be > 0', () => {
    const r = load([
      { path: 'portfolio.yaml', text: 'title: T\nscoring: { method: rice }\n' },
      { path: 'projects/p.md', text: '---\ntitle: P\nstatus: proposed\nscores:\n  reach: 100\n  impact: 2\n  confidence: 0.8\n  effort: -1\n---\n' },
    ]);
    expect(lines(r.diagnostics)).toEqual(['projects/p.md:8:3  scores.effort  effort must be greater than 0 (the score divides by it), got -1']);
  });
});

describe('dependencies', () => {
  const proj = (id: string, deps: string[]): ContentFile => ({
    path: `projects/${id}.md`,
    text: `---\ntitle: ${id}\nstatus: active\ndependencies:\n${deps.map((d) => `  - on: ${d}\n`).join('')}---\n`,
  });

  it('each cycle is reported once, from its smallest id', () => {
    const r = load([PORTFOLIO, proj('c', ['a']), proj('a', ['b']), proj('b', ['c', 'a']), proj('d', ['e']), proj('e', ['d'])]);
    expect(lines(r.diagnostics)).toEqual([
      'projects/a.md:5:5  dependencies[0]  dependency cycle: a → b → a',
      'projects/a.md:5:5  dependencies[0]  dependency cycle: a → b → c → a',
      'projects/d.md:5:5  dependencies[0]  dependency cycle: d → e → d',
    ]);
  });

  it('a self-dependency is not also a cycle', () => {
    const r = load([PORTFOLIO, proj('a', ['a'])]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['self-dependency']);
  });

  it('a 5,000-project chain closing on itself does not overflow the stack', () => {
    const files = [PORTFOLIO, ...Array.from({ length: 5000 }, (_, i) => proj(`p${String(i).padStart(4, '0')}`, [`p${String((i + 1) % 5000).padStart(4, '0')}`]))];
    const r = load(files);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].message).toMatch(/^dependency cycle: p0000 → p0001 → .* → p4999 → p0000$/);
  });
});

describe('audiences', () => {
  it('ROADMAP_AUDIENCE must be defined, with a suggestion', async () => {
    const r = await runCheck('minimal', { cwd: VALID, audience: 'interal' });
    expect(r.exitCode).toBe(1);
    expect(r.output.split('\n')[0]).toBe('minimal/portfolio.yaml:1:1  audiences  ROADMAP_AUDIENCE is "interal", which is not an audience here (defined: public, internal) (did you mean internal?)');
  });

  it('ROADMAP_AUDIENCE from the settings is used by the check', async () => {
    const check = (audience: string) => checkContent(loadSettings({ ROADMAP_CONTENT: 'minimal', ROADMAP_AUDIENCE: audience, ROADMAP_CHECK_CACHE: 'off' }, VALID));
    expect((await check('internal')).exitCode).toBe(0);
    const board = await check('board');
    expect(board.exitCode).toBe(1);
    expect(board.output).toContain('ROADMAP_AUDIENCE is "board", which is not an audience here');
  });

  it('without ROADMAP_AUDIENCE, a public audience must exist', () => {
    const r = load([{ path: 'portfolio.yaml', text: 'title: T\naudiences:\n  staff: { hide: [] }\n' }]);
    expect(lines(r.diagnostics)).toEqual(['portfolio.yaml:2:1  audiences  no "public" audience: builds without ROADMAP_AUDIENCE publish for public (defined: staff)']);
  });
});

describe('formatting', () => {
  const d: Diagnostic = { file: 'content/projects/x.md', line: 12, column: 3, field: 'status', message: 'unknown value "wip"', suggestion: 'active', severity: 'error', rule: 'schema' };

  it('formatDiagnostic: path:line:column  field  message (did you mean …?)', () => {
    expect(formatDiagnostic(d)).toBe('content/projects/x.md:12:3  status  unknown value "wip" (did you mean active?)');
    expect(formatDiagnostic({ ...d, field: '', suggestion: undefined })).toBe('content/projects/x.md:12:3  unknown value "wip"');
  });

  it('a key or file name with a line break or other control character stays on one line (escaped)', () => {
    const keyLines = lines(load([PORTFOLIO, { path: 'projects/x.md', text: '---\ntitle: X\nstatus: active\n"a\\rb\\nc": 1\n---\n' }]).diagnostics);
    expect(keyLines).toContain('projects/x.md:4:1  a\\rb\\nc  a project has no such field: ignored');
    expect(keyLines.every((l) => !/[\r\n]/.test(l))).toBe(true);
    const [name] = lines(load([PORTFOLIO, { path: 'projects/new\nline\u0007.md', text: '---\ntitle: X\nstatus: active\n---\n' }]).diagnostics);
    expect(name).toMatch(/^projects\/new\\nline\\u0007\.md:1:1  file name "new\\nline\\u0007\.md" is not a valid id/);
    expect(formatDiagnostic({ ...d, message: 'x\u2028y\u0085z\u007f', suggestion: 'a\tb' })).toBe('content/projects/x.md:12:3  status  x\\u2028y\\u0085z\\u007f (did you mean a\\tb?)');
  });

  it('formatReport ends with the summary', () => {
    expect(formatReport([d, { ...d, severity: 'warning' }, { ...d, file: 'b.md' }]).split('\n').at(-1)).toBe('2 errors, 1 warning in 2 files');
    expect(formatReport([])).toBe('0 errors, 0 warnings in 0 files');
  });

  it('hasErrors', () => {
    expect(hasErrors([d])).toBe(true);
    expect(hasErrors([{ ...d, severity: 'warning' }])).toBe(false);
  });
});

describe('the CLI', () => {
  const run = promisify(execFile);
  const node = path.join(ROOT, 'node_modules/.bin/node');
  // One case starts Node for real (the entry point, its exit code and stdout); the others run its `main` in this
  // process with the same arguments, folder and environment (a second of CPU less each).
  const spawned = (args: string[]) =>
    run(node, ['scripts/check.ts', ...args], { cwd: ROOT, env: { ...process.env, ROADMAP_AUDIENCE: '' } }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
  const cli = (args: string[]) => runMain(checkMain, args, { cwd: ROOT, env: { ROADMAP_AUDIENCE: '' } });

  it('exits 1 and prints paths relative to the working directory', async () => {
    const r = await spawned(['--content', 'tests/fixtures/invalid/impossible-date']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'tests/fixtures/invalid/impossible-date/projects/leap.md:5:1  end  2026-02-30 does not exist (February 2026 has 28 days)\n1 error, 0 warnings in 1 file\n',
    );
  });

  it('exits 0 on valid content, 1 on warnings with --strict', async () => {
    expect((await cli(['--content', 'tests/fixtures/valid/minimal'])).code).toBe(0);
    expect((await cli(['--content=tests/fixtures/invalid/unknown-field'])).code).toBe(0);
    expect((await cli(['--strict', '--content', 'tests/fixtures/invalid/unknown-field'])).code).toBe(1);
  });

  it('a missing content folder is an error, an unknown option a usage error', async () => {
    const r = await cli(['--content', 'tests/fixtures/nope']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/nope:1:1  content folder not found');
    expect((await cli(['--bogus'])).code).toBe(2);
  });
});

describe('speed', () => {
  it('2,000 records load in linear time (well under 5 s)', () => {
    const files: ContentFile[] = [{ path: 'portfolio.yaml', text: 'title: T\nscoring:\n  criteria:\n    - { id: value, weight: 1 }\n' }];
    for (let i = 0; i < 20; i++) files.push({ path: `teams/t${i}.md`, text: `---\ntitle: Team ${i}\n---\n` });
    for (let i = 0; i < 2000; i++) {
      files.push({
        path: `projects/p${i}.md`,
        text: `---\ntitle: Project ${i}\nstatus: active\nteams: [t${i % 20}]\nstart: 2026-01-15\nend: 2026-Q3\nscores: { value: 3 }\ndependencies:\n  - on: p${Math.max(0, i - 1)}\n---\nBody ${i}\n`,
      });
    }
    const r = load(files);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['self-dependency']); // p0 → p0
  });
});
