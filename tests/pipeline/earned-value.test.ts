/**
 * Earned value and ROI through the pipeline (content folder → check → model →
 * scorecards → portfolio.json), on the worked examples: BAC 100, 25 a
 * quarter, as of mid-way through the third quarter, progress 40%, AC 55; and a
 * cost of 1,000,000 with an annual value of 400,000 over 5 years.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolioJsonText } from '../../src/core/export-json.ts';
import { portfolioCsv } from '../../src/core/export-csv.ts';
import { buildSite, type Site } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { ROOT } from '../support/build-site.ts';
import { writeContent } from '../support/check-content.ts';
import { removeTempDirs, tempDir } from '../scripts/run.ts';

// 2026-Q3 is 1 July – 30 September (92 days); as of 16 August, 46 days (1 July – 15 August) have passed.
const PORTFOLIO = 'title: EVM\ncurrency: GBP\nas_of: 2026-08-16\n';
const project = (title: string, fields: string) => `---\ntitle: ${title}\nstatus: active\n${fields}\n---\n`;
const LINES = `budget:
  planned: 100
  lines:
    - { period: 2026-Q1, planned: 25, actual: 20 }
    - { period: 2026-Q2, planned: 25, actual: 25 }
    - { period: 2026-Q3, planned: 25, actual: 10 }
    - { period: 2026-Q4, planned: 25 }`;
const FILES = [
  { path: 'portfolio.yaml', text: PORTFOLIO },
  { path: 'programs/core.md', text: '---\ntitle: Core\n---\n' },
  { path: 'projects/worked.md', text: project('Worked', `program: core\nprogress: 40\n${LINES}`) },
  {
    path: 'projects/valued.md',
    text: project('Valued', 'program: core\nbudget: { planned: 900000, forecast: 1000000 }\nbenefits:\n  - { metric: Calls, baseline: 100, target: 50, actual: 75, annual_value: 300000 }\n  - { metric: Licences, annual_value: 100000 }'),
  },
  { path: 'projects/unvalued.md', text: project('Unvalued', 'program: core\nbudget: { planned: 500 }\nbenefits:\n  - { metric: Happiness, baseline: 1, target: 2 }') },
  { path: 'projects/no-progress.md', text: project('No progress', `program: core\n${LINES}`) },
];

/** CSV rows as cells (no cell here holds a comma or a quote). */
const cells = (csv: string) => csv.trimEnd().split('\r\n').map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
let dir: string;
const site = (audience: string) => buildSite(loadSettings({ ROADMAP_CONTENT: dir, ROADMAP_AUDIENCE: audience, ROADMAP_CHECK_CACHE: 'off' }, ROOT), { parallel: false });

beforeAll(() => {
  dir = writeContent(tempDir('roadmap-evm-'), 'content', FILES);
});
afterAll(removeTempDirs);

describe('earned value, internal audience', () => {
  let s: Site;
  beforeAll(async () => {
    s = await site('internal');
  });

  it('computes the worked example', () => {
    const ev = s.model.byId.projects.get('worked')!.earnedValue!;
    const v = (k: keyof typeof ev.figures) => ev.figures[k]?.value;
    expect(v('bac')).toBe(100);
    expect(v('pv')).toBeCloseTo(62.5, 10);
    expect(v('ev')).toBeCloseTo(40, 10);
    expect(v('ac')).toBe(55);
    expect(v('sv')).toBeCloseTo(-22.5, 10);
    expect(v('cv')).toBeCloseTo(-15, 10);
    expect(v('spi')).toBeCloseTo(0.64, 10);
    expect(v('cpi')).toBeCloseTo(0.727, 3);
    expect(v('eac')).toBeCloseTo(137.5, 10);
    expect(v('vac')).toBeCloseTo(-37.5, 10);
    expect(v('tcpi')).toBeCloseTo(1.333, 3);
    expect(ev.missing).toEqual({});
    expect(ev.figures.pv!.formula).toContain('25 + 25 + 25 × 46/92 days of Q3\u00a0FY2026 = 62.5');
    expect(ev.figures.eac!.formula).toBe('BAC / CPI = BAC × AC / EV = 100 × 55 / 40 = 137.5');
    // Default thresholds [0.95, 0.85]: both below the red level.
    expect(ev.hint.schedule).toEqual({ value: 'red', reason: 'SPI 0.64 < 0.85' });
    expect(ev.hint.budget).toEqual({ value: 'red', reason: 'CPI 0.73 < 0.85' });
    // The hint does not touch the computed health.
    expect(s.model.byId.projects.get('worked')!.health.budget).toBeUndefined();
  });

  it('says what is missing instead of a number', () => {
    const ev = s.model.byId.projects.get('no-progress')!.earnedValue!;
    expect(ev.figures.pv?.value).toBeCloseTo(62.5, 10);
    expect(ev.figures.ev).toBeUndefined();
    expect(ev.missing.ev).toBe('no progress');
    expect(ev.missing.spi).toBe('needs EV: no progress');
    expect(ev.missing.eac).toBe('needs CPI: needs EV: no progress');
    const noLines = s.model.byId.projects.get('valued')!.earnedValue!;
    expect(noLines.figures).toEqual({});
    expect(noLines.missing.bac).toBe('the budget has no lines by period');
  });

  it('rolls earned value up from sums over the projects with BAC, PV, EV and AC', () => {
    const r = s.scorecards.programs.get('core')!.earnedValue!;
    expect(r.projects).toEqual(['worked']);
    expect(r.left.map((x) => x.id)).toEqual(['no-progress', 'unvalued', 'valued']);
    expect(r.figures.spi?.value).toBeCloseTo(0.64, 10);
    expect(s.scorecards.portfolio.earnedValue!.figures.bac?.value).toBe(100);
  });

  it('computes ROI and payback, and lists unvalued projects apart', () => {
    const roi = s.model.byId.projects.get('valued')!.roi!;
    expect(roi.annualValue?.value).toBe(400000);
    expect(roi.cost?.value).toBe(1000000); // forecast, not planned
    expect(roi.roi?.value).toBeCloseTo(1.0, 10);
    expect(roi.payback?.value).toBeCloseTo(2.5, 10);
    // Calls realized 50% (100 → 75 of 100 → 50): 300,000 × 0.5; Licences has no realization.
    expect(roi.realized?.value).toBe(150000);
    const unvalued = s.model.byId.projects.get('unvalued')!.roi!;
    expect(unvalued.roi).toBeUndefined();
    expect(unvalued.missing.roi).toBe('needs an annual value: no benefit states annual_value');
    const r = s.scorecards.portfolio.roi!;
    expect(r.projects).toEqual(['valued']);
    expect(r.unvalued).toEqual(['no-progress', 'unvalued', 'worked']);
    expect(r.roi?.value).toBeCloseTo(1.0, 10);
    expect(r.payback?.value).toBeCloseTo(2.5, 10);
  });

  it('exports earned value and ROI in portfolio.json and the CSV', () => {
    const json = JSON.parse(portfolioJsonText(s.model));
    const worked = json.projects.find((p: { id: string }) => p.id === 'worked');
    expect(worked.earnedValue).toMatchObject({ bac: 100, pv: 62.5, ev: 40, ac: 55, sv: -22.5, cv: -15, spi: 0.64, cpi: 0.7273, eac: 137.5, vac: -37.5, tcpi: 1.3333 });
    expect(worked.earnedValue.hint).toEqual({ schedule: 'red', budget: 'red' });
    // Only the inputs' own reasons: SV, SPI, … of a project without progress say no more than EV's.
    const noProgress = json.projects.find((p: { id: string }) => p.id === 'no-progress');
    expect(noProgress.earnedValue.missing).toEqual({ ev: 'no progress' });
    expect(noProgress.earnedValue.pv).toBe(62.5);
    const valued = json.projects.find((p: { id: string }) => p.id === 'valued');
    expect(valued.roi).toMatchObject({ annualValue: 400000, cost: 1000000, roi: 1, paybackYears: 2.5, realizedAnnualValue: 150000 });
    const csv = cells(portfolioCsv(s.model));
    const header = csv[0]!;
    const row = csv.find((l) => l[0] === 'worked')!;
    expect(row[header.indexOf('evm_spi')]).toBe('0.64');
    expect(row[header.indexOf('evm_eac')]).toBe('137.5');
  });
});

describe('earned value and ROI, public audience (budget and benefits hidden)', () => {
  let s: Site;
  beforeAll(async () => {
    s = await site('public');
  });

  it('leaves both out of the model, the scorecards and the exports', () => {
    for (const p of s.model.projects) {
      expect(p.earnedValue).toBeUndefined();
      expect(p.roi).toBeUndefined();
    }
    expect(s.scorecards.portfolio.earnedValue).toBeUndefined();
    expect(s.scorecards.portfolio.roi).toBeUndefined();
    const text = portfolioJsonText(s.model);
    expect(text).not.toMatch(/earnedValue|"roi"|annualValue|paybackYears/);
    // The columns stay (one header for every audience); their cells are empty.
    const [header, ...rows] = cells(portfolioCsv(s.model));
    const cols = header!.flatMap((h, i) => (/^(evm_|roi|annual_value|payback)/.test(h) ? [i] : []));
    expect(cols.length).toBe(14);
    for (const row of rows) expect(cols.map((i) => row[i])).toEqual(cols.map(() => ''));
  });
});
