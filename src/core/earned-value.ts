/**
 * Earned value of a project, and roll-ups over projects (issue 20; README
 * "What the build computes" and "Extensions to the contract").
 *
 * From the time-phased budget lines (`budget.lines`, each `period` a day,
 * month or fiscal quarter), `progress` and the lines' actuals, as of the start
 * of the as-of day (days before it have passed, the as-of day has not):
 * BAC = Σ planned of the lines; PV = Σ planned of the lines whose period has
 * ended + the current period's planned × days passed / days in it; EV =
 * progress × BAC; AC = Σ actual of the lines whose period has begun (the
 * current period's actual counts in full: it is money spent, not a plan);
 * then SV, CV, SPI, CPI, EAC, VAC and TCPI from those four. A value whose
 * inputs are missing, or whose divisor is 0, is absent with the reason.
 * A roll-up sums BAC, PV, EV and AC over the projects that have all four and
 * computes the ratios from the sums (never an average of ratios).
 */
import { dateSpan, type Day } from './dates.ts';
import { formatCount, formatDate, formatIndex, formulaNumber } from './format.ts';
import type { Project, Rag } from './schema.ts';
import { figure, signedNum, sumText, type Figure } from './scorecard/figure.ts';

export const EVM_KEYS = ['bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac', 'vac', 'tcpi'] as const;
export type EvmKey = (typeof EVM_KEYS)[number];

/** Each key's short name and what it means, in reading order (the page's rows, the definitions page). */
export const EVM_TERMS: Record<EvmKey, { name: string; term: string; formula: string }> = {
  bac: { name: 'BAC', term: 'Budget at completion', formula: 'Σ planned of the budget lines' },
  pv: { name: 'PV', term: 'Planned value', formula: 'Σ planned of the lines whose period has ended + the current period\'s planned × days passed / days in the period' },
  ev: { name: 'EV', term: 'Earned value', formula: 'progress × BAC' },
  ac: { name: 'AC', term: 'Actual cost', formula: 'Σ actual of the lines whose period has begun by the as-of date' },
  sv: { name: 'SV', term: 'Schedule variance', formula: 'EV − PV' },
  cv: { name: 'CV', term: 'Cost variance', formula: 'EV − AC' },
  spi: { name: 'SPI', term: 'Schedule performance index', formula: 'EV / PV' },
  cpi: { name: 'CPI', term: 'Cost performance index', formula: 'EV / AC' },
  eac: { name: 'EAC', term: 'Estimate at completion', formula: 'BAC / CPI = BAC × AC / EV' },
  vac: { name: 'VAC', term: 'Variance at completion', formula: 'BAC − EAC' },
  tcpi: { name: 'TCPI', term: 'To-complete performance index', formula: '(BAC − EV) / (BAC − AC)' },
};

/** The keys that are indices (shown as `0.64`), the rest are money. */
export const EVM_INDEX_KEYS: ReadonlySet<EvmKey> = new Set(['spi', 'cpi', 'tcpi']);

/** Definition anchor of a key on /scorecard/definitions/. */
export const evmDefinition = (k: EvmKey) => `evm-${k}`;

/** The planned and actual of one period (lines with the same span merged), for the S-curve. */
export interface EvmPeriod {
  /** The period as the first line with this span writes it (`2026-Q1`, `2026-05`). */
  period: string;
  first: Day;
  last: Day;
  planned: number;
  /** Σ actual of its lines that report one; absent when none does. */
  actual?: number;
}

export interface EvmLevel {
  value: Rag;
  /** e.g. `SPI 0.64 < 0.85`. */
  reason: string;
}

export interface EarnedValue {
  figures: Partial<Record<EvmKey, Figure>>;
  /** Why each absent value is absent, e.g. `no progress`. */
  missing: Partial<Record<EvmKey, string>>;
  /** The lines' periods in time order (empty when a line has no period). */
  periods: EvmPeriod[];
  /** What SPI and CPI suggest for schedule and budget health (a hint beside the health, never the health). */
  hint: { schedule?: EvmLevel; budget?: EvmLevel };
}

export interface EvmThresholds {
  spi: readonly [number, number];
  cpi: readonly [number, number];
}

type Lines = NonNullable<NonNullable<Project['budget']>['lines']>;

const ratio = (n: number) => formulaNumber(n, 3);
/** `a + b + c = total`; a single term is its own total. */
export const sumFormula = (values: readonly number[], total: number) => (values.length === 1 ? signedNum(total) : `${sumText(values)} = ${signedNum(total)}`);

/** SPI or CPI against [amber, red]: red below the second number, amber below the first. */
export function evmLevel(name: 'SPI' | 'CPI', index: number, [amber, red]: readonly [number, number]): EvmLevel {
  const v = `${name} ${formatIndex(index, [amber, red])}`;
  if (index < red) return { value: 'red', reason: `${v} < ${ratio(red)}` };
  if (index < amber) return { value: 'amber', reason: `${v} < ${ratio(amber)}` };
  return { value: 'green', reason: `${v} ≥ ${ratio(amber)}` };
}

/**
 * SV, CV, SPI, CPI, EAC, VAC and TCPI from BAC, PV, EV and AC (each a figure
 * or absent with its reason in `missing`); the same for a project and a roll-up.
 */
export function deriveEarnedValue(base: Pick<EarnedValue, 'figures' | 'missing'>, thresholds: EvmThresholds): Pick<EarnedValue, 'figures' | 'missing' | 'hint'> {
  const figures = { ...base.figures };
  const missing = { ...base.missing };
  const { bac, pv, ev, ac } = figures;
  /** Why a value needing `keys` is absent: the first missing input and its reason. */
  const lacking = (...keys: EvmKey[]) => {
    const k = keys.find((key) => figures[key] === undefined)!;
    return `needs ${EVM_TERMS[k].name}: ${missing[k] ?? 'missing'}`;
  };
  const put = (k: EvmKey, value: number, formula: string) => {
    if (Number.isFinite(value)) figures[k] = figure(value, `${EVM_TERMS[k].formula} = ${formula}`, evmDefinition(k));
    else missing[k] = 'not a finite number';
  };
  if (ev && pv) put('sv', ev.value - pv.value, `${signedNum(ev.value)} − ${signedNum(pv.value)} = ${signedNum(ev.value - pv.value)}`);
  else missing.sv = lacking('ev', 'pv');
  if (ev && ac) put('cv', ev.value - ac.value, `${signedNum(ev.value)} − ${signedNum(ac.value)} = ${signedNum(ev.value - ac.value)}`);
  else missing.cv = lacking('ev', 'ac');
  if (!ev || !pv) missing.spi = lacking('ev', 'pv');
  else if (pv.value <= 0) missing.spi = 'PV is 0: nothing was planned before the as-of date';
  else put('spi', ev.value / pv.value, `${signedNum(ev.value)} / ${signedNum(pv.value)} = ${ratio(ev.value / pv.value)}`);
  if (!ev || !ac) missing.cpi = lacking('ev', 'ac');
  else if (ac.value <= 0) missing.cpi = 'AC is 0: nothing spent yet';
  else put('cpi', ev.value / ac.value, `${signedNum(ev.value)} / ${signedNum(ac.value)} = ${ratio(ev.value / ac.value)}`);
  const cpi = figures.cpi;
  if (!bac || !cpi) missing.eac = lacking('bac', 'cpi');
  else if (cpi.value <= 0) missing.eac = 'CPI is 0: no value earned yet';
  // BAC / CPI = BAC × AC / EV: computed (and written out) from the sums, so the inputs shown give the result by hand, not the rounded CPI.
  else put('eac', (bac.value * ac!.value) / ev!.value, `${signedNum(bac.value)} × ${signedNum(ac!.value)} / ${signedNum(ev!.value)} = ${signedNum((bac.value * ac!.value) / ev!.value)}`);
  const eac = figures.eac;
  if (bac && eac) put('vac', bac.value - eac.value, `${signedNum(bac.value)} − ${signedNum(eac.value)} = ${signedNum(bac.value - eac.value)}`);
  else missing.vac = lacking('bac', 'eac');
  if (!bac || !ev || !ac) missing.tcpi = lacking('bac', 'ev', 'ac');
  else if (bac.value - ac.value <= 0) missing.tcpi = 'AC ≥ BAC: the budget is spent, nothing is left to finish the work with';
  else {
    const t = (bac.value - ev.value) / (bac.value - ac.value);
    put('tcpi', t, `(${signedNum(bac.value)} − ${signedNum(ev.value)}) / (${signedNum(bac.value)} − ${signedNum(ac.value)}) = ${ratio(t)}`);
  }
  const hint: EarnedValue['hint'] = {};
  if (figures.spi) hint.schedule = evmLevel('SPI', figures.spi.value, thresholds.spi);
  if (figures.cpi) hint.budget = evmLevel('CPI', figures.cpi.value, thresholds.cpi);
  return { figures, missing, hint };
}

/** Lines with the same span merged, in time order (first day, then last day). */
function periodsOf(lines: Lines, fy: number): EvmPeriod[] {
  const bySpan = new Map<string, EvmPeriod>();
  for (const l of lines) {
    const span = dateSpan(l.period!, fy);
    const key = `${span.first}:${span.last}`;
    let p = bySpan.get(key);
    if (!p) bySpan.set(key, (p = { period: l.period!, first: span.first, last: span.last, planned: 0 }));
    p.planned += l.planned ?? 0;
    if (l.actual !== undefined) p.actual = (p.actual ?? 0) + l.actual;
  }
  return [...bySpan.values()].sort((a, b) => a.first - b.first || a.last - b.last);
}

/**
 * A project's earned value as of `asOfDay`; undefined without a budget (or
 * when the audience hides it: the record arrives stripped).
 */
export function earnedValue(record: Pick<Project, 'budget' | 'progress'>, fy: number, asOfDay: Day, thresholds: EvmThresholds): EarnedValue | undefined {
  const budget = record.budget;
  if (!budget) return undefined;
  const lines = budget.lines ?? [];
  const figures: EarnedValue['figures'] = {};
  const missing: EarnedValue['missing'] = {};
  const noLines = 'the budget has no lines by period';
  const planned = lines.flatMap((l) => (l.planned !== undefined ? [l.planned] : []));
  if (lines.length === 0) missing.bac = noLines;
  else if (planned.length === 0) missing.bac = 'no budget line states planned';
  else {
    const bac = planned.reduce((a, b) => a + b, 0);
    figures.bac = figure(bac, `${EVM_TERMS.bac.formula} = ${sumFormula(planned, bac)}`, evmDefinition('bac'));
  }
  const undated = lines.findIndex((l) => l.period === undefined);
  let periods: EvmPeriod[] = [];
  if (lines.length === 0) {
    missing.pv = noLines;
    missing.ac = noLines;
  } else if (undated >= 0) {
    missing.pv = `budget line ${undated + 1} has no period`;
    missing.ac = missing.pv;
  } else {
    periods = periodsOf(lines, fy);
    if (figures.bac) {
      // PV: whole periods before the as-of day, the current one pro rata by days passed.
      let pv = 0;
      const terms: string[] = [];
      for (const p of periods) {
        if (p.planned === 0 || p.first >= asOfDay) continue;
        if (p.last < asOfDay) {
          pv += p.planned;
          terms.push(signedNum(p.planned));
        } else {
          const passed = asOfDay - p.first;
          const days = p.last - p.first + 1;
          pv += (p.planned * passed) / days;
          terms.push(`${signedNum(p.planned)} × ${passed}/${days} days of ${formatDate(p.period, fy)}`);
        }
      }
      const shown = terms.length <= 6 ? terms.join(' + ') : `${terms.slice(0, 5).join(' + ')} + … (${terms.length} periods)`;
      figures.pv = figure(pv, `Σ planned of the periods passed by the as-of date = ${terms.length === 0 ? '0' : terms.length === 1 && terms[0] === signedNum(pv) ? terms[0] : `${shown} = ${signedNum(pv)}`}`, evmDefinition('pv'));
    } else missing.pv = `needs BAC: ${missing.bac}`;
    const begun = periods.filter((p) => p.first <= asOfDay);
    const actuals = begun.flatMap((p) => (p.actual !== undefined ? [p.actual] : []));
    if (actuals.length === 0) missing.ac = 'no actual reported for a period begun by the as-of date';
    else {
      const ac = actuals.reduce((a, b) => a + b, 0);
      figures.ac = figure(ac, `${EVM_TERMS.ac.formula} = ${sumFormula(actuals, ac)}`, evmDefinition('ac'));
    }
  }
  if (record.progress === undefined) missing.ev = 'no progress';
  else if (!figures.bac) missing.ev = `needs BAC: ${missing.bac}`;
  else {
    const ev = (record.progress / 100) * figures.bac.value;
    figures.ev = figure(ev, `progress × BAC = ${formulaNumber(record.progress)}% × ${signedNum(figures.bac.value)} = ${signedNum(ev)}`, evmDefinition('ev'));
  }
  return { ...deriveEarnedValue({ figures, missing }, thresholds), periods };
}

export interface EarnedValueRollup extends Pick<EarnedValue, 'figures' | 'missing' | 'hint'> {
  /** Projects summed: those with BAC, PV, EV and AC. */
  projects: string[];
  /** Projects with a budget (as the audience sees it) left out, with the first value they lack. */
  left: { id: string; reason: string }[];
}

/** BAC, PV, EV and AC summed over the projects that have all four, then the ratios from the sums; undefined when no project has a budget. */
export function rollupEarnedValue(items: readonly { id: string; earnedValue?: EarnedValue }[], thresholds: EvmThresholds): EarnedValueRollup | undefined {
  const base = ['bac', 'pv', 'ev', 'ac'] as const;
  const sums = { bac: [] as number[], pv: [] as number[], ev: [] as number[], ac: [] as number[] };
  const projects: string[] = [];
  const left: EarnedValueRollup['left'] = [];
  let any = false;
  for (const { id, earnedValue: e } of items) {
    if (!e) continue;
    any = true;
    const lacks = base.find((k) => e.figures[k] === undefined);
    if (lacks) {
      left.push({ id, reason: `no ${EVM_TERMS[lacks].name}: ${e.missing[lacks] ?? 'missing'}` });
      continue;
    }
    projects.push(id);
    for (const k of base) sums[k].push(e.figures[k]!.value);
  }
  if (!any) return undefined;
  const figures: EarnedValue['figures'] = {};
  const missing: EarnedValue['missing'] = {};
  for (const k of base) {
    if (projects.length === 0) missing[k] = 'no project has BAC, PV, EV and AC';
    else {
      const total = sums[k].reduce((a, b) => a + b, 0);
      figures[k] = figure(total, `Σ ${EVM_TERMS[k].name} of ${formatCount(projects.length, 'project')} = ${sumFormula(sums[k], total)}`, evmDefinition(k));
    }
  }
  return { ...deriveEarnedValue({ figures, missing }, thresholds), projects, left };
}
