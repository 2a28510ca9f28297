/**
 * Audiences on the scorecard and backlog: a public build of the sentinel
 * fixture must not contain any hidden value, nor a number derived from one,
 * anywhere in dist/ (every file, the decompressed search index included),
 * while the internal build of the same content shows them (so the check can
 * fail). The public pages must still read well: their sections are left out,
 * not shown empty or as zeros.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, listFiles, readText, type BuildResult } from '../support/build-site.ts';
import { pagefindFiles } from '../support/pagefind.ts';
import { prepare } from '../support/prepare.ts';
import { SENTINEL, SENTINEL_INTERNAL } from '../support/shared-builds.ts';

const SENTINELS = [
  '7319283',
  '7,319,283',
  '8426197',
  '8,426,197',
  '5137291',
  '5,137,291',
  // the same amounts as cards and chart labels write them
  '£7.3m',
  '£8.4m',
  '£5.1m',
  '15.12',
  'SENTINEL-VENDOR-SC41',
  '91357',
  '91,357',
  '137035',
  '137,035',
  '0.6173',
  '61.73',
  'SENTINEL-BENEFIT-SC52',
  'SENTINEL-RISK-SC63',
  'SENTINEL-DECISION-SC74',
  'SENTINEL-CHANGE-SC85',
  // earned value and ROI, derived from budget and benefits
  '2708134.71',
  '2,708,135',
  '13884570',
  '13,884,570',
  '2468013',
  '2,468,013',
  '0.4645',
  '3.41',
];

function allText(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of listFiles(dir)) if (!rel.startsWith('pagefind/')) out.set(rel, readFileSync(join(dir, rel)).toString('utf8'));
  for (const [rel, text] of pagefindFiles(dir)) out.set(rel, text);
  return out;
}

function hits(dir: string, needles: readonly string[]): string[] {
  const out: string[] = [];
  for (const [rel, text] of allText(dir)) for (const n of needles) if (text.includes(n)) out.push(`${rel}: ${n}`);
  return out;
}

const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('scorecard and backlog audiences (sentinel fixture)', () => {
  let pub: BuildResult;
  let internal: BuildResult;
  prepare(async () => {
    pub = assertBuilt(await buildSite(SENTINEL));
    internal = assertBuilt(await buildSite(SENTINEL_INTERNAL));
  });

  it('the public build contains no hidden value anywhere in dist/', () => {
    expect(listFiles(pub.outDir)).toContain('scorecard/index.html');
    expect(hits(pub.outDir, SENTINELS)).toEqual([]);
  });

  it('the internal build shows them on the scorecard and backlog (the check can fail)', () => {
    const sc = readText(internal.outDir, 'scorecard/index.html');
    for (const s of ['£7,319,283', '£8,426,197', '£5,137,291', 'SENTINEL-VENDOR-SC41', 'SENTINEL-RISK-SC63', 'SENTINEL-DECISION-SC74', 'SENTINEL-CHANGE-SC85', '£7.3m', '£8.4m', 'Sentinel team at 61.73% in Q1\u00a0FY2026/27']) {
      expect(sc, s).toContain(s);
    }
    // variance (8426197 − 7319283) / 7319283 = +15.12% > 15% → red
    expect(text(sc)).toContain('(8,426,197 − 7,319,283) / 7,319,283 = +15.12%');
    // Earned value (EV 37% × 7,319,283; EAC = BAC × AC / EV) and ROI (+46.4% over 5 years) with their formulas.
    expect(text(sc)).toContain('EAC Estimate at completion BAC / CPI = BAC × AC / EV = 7,319,283 × 5,137,291 / 2,708,134.71 = 13,884,570.27 £13,884,570');
    expect(text(sc)).toContain('(annual value × 5 years − cost) / cost = (2,468,013 × 5 − 8,426,197) / 8,426,197 = 0.464');
    const project = text(readText(internal.outDir, 'projects/sc-sentinel-active/index.html'));
    expect(project).toContain('progress × BAC = 37% × 7,319,283 = 2,708,134.71');
    expect(project).toContain('EVM suggests');
    expect(project).toContain('Payback cost / annual value cost / annual value = 8,426,197 / 2,468,013 = 3.41 years 3.4 years');
    const backlog = readText(internal.outDir, 'backlog/index.html');
    // RICE 91357 × 3 × 0.5 / 1 = 137035.5, in the open portfolio's ranking with its formula
    expect(text(backlog)).toContain('Sentinel active project 137,035.5 Active');
    expect(backlog).toContain('title="91357 × 3 × 0.5 / 1"');
    // the request: 10 × 1 × 0.5 / 2 = 2.5, rank 2
    expect(text(backlog)).toContain('10 × 1 × 0.5 / 2 = 2.5');
    expect(text(backlog)).toContain('missing: impact, confidence, effort');
  });

  it('the public scorecard reads without the hidden sections', () => {
    const page = text(readText(pub.outDir, 'scorecard/index.html'));
    expect(page).toContain('This edition does not publish budget, scores, capacity demand, risks, benefits, decisions, change requests');
    for (const absent of ['Earned value', 'Value for money', 'Budget and benefits', 'Budget by period', 'Budget by vendor', 'Risk heat map', 'Capacity', 'Decisions needed', 'Change requests open', 'Planned budget']) {
      expect(page, absent).not.toContain(absent);
    }
    // what stays: counts, health matrix, alignment by count, investment mix by count, public attention items
    expect(page).toContain('Health matrix');
    expect(page).toContain('Sentinel active project');
    expect(page).toContain('Investment mix');
    // transform: 1 of the 3 open projects (the two requests are not classified)
    expect(page).toContain('1 / 3 open projects = 33.33%');
    expect(page).toContain('Gates pending (1)');
    expect(page).toContain('Stale records (1)');
  });

  it('the public project page has no earned value, return on investment or EVM hint', () => {
    const page = text(readText(pub.outDir, 'projects/sc-sentinel-active/index.html'));
    for (const absent of ['Earned value', 'Return on investment', 'EVM suggests', 'annual_value']) expect(page, absent).not.toContain(absent);
    expect(page).toContain('37% complete'); // progress is public
  });

  it('the public backlog keeps the rank, drops scores and what is missing', () => {
    const page = text(readText(pub.outDir, 'backlog/index.html'));
    expect(page).toContain('This edition publishes the priority order, not the scores behind it.');
    expect(page).toContain('Sentinel request');
    expect(page).toContain('Stale: 167 days since update');
    expect(page).toContain('Not yet scored (1)');
    expect(page).not.toContain('missing:');
    expect(page).not.toContain('By criterion');
  });

  it('the team page shows no utilization in public and the heatmap row internally', () => {
    expect(text(readText(pub.outDir, 'teams/sc-sentinel-team/index.html'))).not.toContain('Utilization');
    const t = readText(internal.outDir, 'teams/sc-sentinel-team/index.html');
    expect(t).toContain('Utilization by quarter');
    expect(t).toContain('demand 0.62 FTE / capacity 1 FTE = 62%');
  });
});
