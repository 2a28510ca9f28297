/**
 * Earned value and ROI on the project page and the scorecard (page data): the
 * sections appear only with their inputs, say what is missing, hint health
 * without changing it, rank value for money by ROI with unvalued projects
 * apart, and vanish for an audience that hides budget or benefits.
 */
import { describe, expect, it } from 'vitest';
import { projectPage } from '../../src/page-data/project.ts';
import { scorecardView } from '../../src/page-data/scorecard.ts';
import { programPage } from '../../src/page-data/records.ts';
import { siteFromInput } from '../../src/pipeline/index.ts';
import { loadSettings } from '../../src/pipeline/settings.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';

const LINES = [
  { period: '2026-Q1', planned: 25, actual: 20 },
  { period: '2026-Q2', planned: 25, actual: 25 },
  { period: '2026-Q3', planned: 25, actual: 10 },
  { period: '2026-Q4', planned: 25 },
];
const input = portfolio({
  settings: settings({ as_of: '2026-08-16', currency: 'GBP', evm: { spi: [0.7, 0.6], cpi: [0.95, 0.85] } }),
  programs: [program('core')],
  projects: [
    // The worked example: SPI 0.64 (amber: below 0.7, not below 0.6), CPI 0.727 (red: below 0.85).
    project('worked', { program: 'core', status: 'active', progress: 40, budget: { planned: 100, forecast: 125, lines: LINES } }),
    project('no-lines', { program: 'core', status: 'active', progress: 10, budget: { planned: 50 } }),
    project('good', { program: 'core', status: 'active', budget: { forecast: 100 }, benefits: [{ metric: 'm', annual_value: 100 }] }),
    project('fair', { program: 'core', status: 'active', budget: { forecast: 1000 }, benefits: [{ metric: 'm', annual_value: 300 }] }),
    project('unvalued', { program: 'core', status: 'active', budget: { forecast: 10 }, benefits: [{ metric: 'm' }] }),
  ],
});
const site = (audience: string) => siteFromInput(loadSettings({ ROADMAP_AUDIENCE: audience }, '/p'), input);

describe('project page', () => {
  const s = site('internal');

  it('shows earned value with its S-curve, every value with a formula, and the hints beside the health', () => {
    const page = projectPage(s.model, 'worked');
    expect(page.section.earnedValue?.title).toBe('Earned value');
    expect(page.earnedValue!.rows.map((r) => [r.name, r.text])).toEqual([
      ['BAC', '£100'],
      ['PV', '£63'],
      ['EV', '£40'],
      ['AC', '£55'],
      ['SV', '−£23'],
      ['CV', '−£15'],
      ['SPI', '0.64'],
      ['CPI', '0.73'],
      ['EAC', '£138'],
      ['VAC', '−£38'],
      ['TCPI', '1.33'],
    ]);
    expect(page.earnedValue!.rows.every((r) => r.formula && r.definition.startsWith('evm-'))).toBe(true);
    expect(page.earnedValue!.curve?.rows).toHaveLength(4);
    expect(page.summary.evmHints).toEqual([
      { dimension: 'schedule', value: 'amber', reason: 'SPI 0.64 < 0.7' },
      { dimension: 'budget', value: 'red', reason: 'CPI 0.73 < 0.85' },
    ]);
    // Budget health stays the contract's: variance +25% → red, from the variance, not from CPI.
    expect(page.project.health.budget?.reason).toMatch(/^variance/);
    expect(page.section.roi).toBeUndefined(); // no benefit states annual_value
  });

  it('leaves earned value out without budget lines, and shows ROI where a benefit is valued', () => {
    expect(projectPage(s.model, 'no-lines').section.earnedValue).toBeUndefined();
    const page = projectPage(s.model, 'good');
    expect(page.roi!.rows.map((r) => [r.name, r.text ?? r.missing])).toEqual([
      ['Annual value', '£100'],
      ['Cost', '£100'],
      ['ROI', '+400%'],
      ['Payback', '1 year'],
      ['Realized annual value', 'no valued benefit has baseline, target and actual'],
    ]);
  });
});

describe('scorecard', () => {
  it('rolls earned value up per program and ranks value for money, unvalued projects apart', () => {
    const s = site('internal');
    const view = scorecardView(s.model, s.scorecards)!;
    expect(view.section.earnedValue).toBeDefined();
    expect(view.earnedValue!.lines.shown.map((l) => [l.kind, l.id, l.spi?.text, l.spi?.value])).toEqual([['programs', 'core', '0.64', 'amber']]);
    expect(view.earnedValue!.left).toBe(4); // budgets without lines
    expect(view.valueForMoney!.ranked.shown.map((r) => [r.id, r.roi, r.payback])).toEqual([
      ['good', '+400%', '1 year'],
      ['fair', '+50%', '3.3 years'],
    ]);
    expect(view.valueForMoney!.unvalued.shown).toEqual(['no-lines', 'unvalued', 'worked']);
    // Σ value 400, Σ cost 1,100 over 5 years: (2,000 − 1,100) / 1,100.
    expect(view.valueForMoney!.figures.find((f) => f.name === 'ROI')!.text).toBe('+81.8%');
    const program = scorecardView(s.model, s.scorecards, { kind: 'program', id: 'core' })!;
    expect(program.earnedValue!.lines.shown.map((l) => l.id)).toEqual(['worked']);
    // The program page's scorecard summary: a sentence each.
    const summary = programPage(s.model, s.scorecards, 'core').scorecard!;
    expect([summary.earnedValue, summary.roi]).toEqual(['SPI 0.64, CPI 0.73 (1 project)', 'ROI +81.8% over 5 years, payback 2.8 years (2 valued projects)']);
  });

  it('the public audience (budget and benefits hidden) sees neither section, nor the hints', () => {
    const s = site('public');
    const view = scorecardView(s.model, s.scorecards)!;
    expect(view.section.earnedValue).toBeUndefined();
    expect(view.section.valueForMoney).toBeUndefined();
    const page = projectPage(s.model, 'worked');
    expect(page.section.earnedValue).toBeUndefined();
    expect(page.summary.evmHints).toBeUndefined();
    expect(projectPage(s.model, 'good').section.roi).toBeUndefined();
    const summary = programPage(s.model, s.scorecards, 'core').scorecard!;
    expect([summary.earnedValue, summary.roi]).toEqual([undefined, undefined]);
  });
});
