/** Computed values as rows a page shows: the value's text, its formula and definition, or why there is none (earned value, ROI). */
import { EVM_INDEX_KEYS, EVM_KEYS, EVM_TERMS, evmDefinition, type EarnedValue, type EvmKey } from '../core/earned-value.ts';
import { formatIndex, formatMoney, formatPercent, formatYears } from '../core/format.ts';
import type { PortfolioModel } from '../core/model.ts';
import type { ProjectRoi } from '../core/roi.ts';
import type { Figure } from '../core/scorecard/figure.ts';

/** How an earned value reads: money, or an index; SPI and CPI never rounded onto or across their thresholds. */
export function evmText(model: PortfolioModel, k: EvmKey): (n: number) => string {
  if (!EVM_INDEX_KEYS.has(k)) return (n) => formatMoney(n, model.settings.currency);
  const bounds = k === 'spi' || k === 'cpi' ? model.settings.evm[k] : [];
  return (n) => formatIndex(n, bounds);
}

/** One computed value as a row: its text, or why there is none; with its formula and definition anchor. */
export interface ValueRow {
  name: string;
  term: string;
  /** The value as the page shows it; absent when it cannot be computed. */
  text?: string;
  formula?: string;
  definition: string;
  /** Why there is no value. */
  missing?: string;
}

export function valueRow(name: string, term: string, f: Figure | undefined, text: (n: number) => string, definition: string, missing: string | undefined): ValueRow {
  return f ? { name, term, text: text(f.value), formula: f.formula, definition: f.definition } : { name, term, definition, missing: missing ?? 'missing' };
}

/** Every earned value in reading order (BAC … TCPI), each with its formula or why it is missing: a project's or a scope's. */
export function evmRows(model: PortfolioModel, e: Pick<EarnedValue, 'figures' | 'missing'>): ValueRow[] {
  return EVM_KEYS.map((k) => valueRow(EVM_TERMS[k].name, EVM_TERMS[k].term, e.figures[k], evmText(model, k), evmDefinition(k), e.missing[k]));
}

/** Annual value, cost, ROI, payback and realized value as rows; `terms` says what each sums over (a project or a scope). */
export function roiRows(model: PortfolioModel, r: Pick<ProjectRoi, 'annualValue' | 'cost' | 'roi' | 'payback' | 'realized' | 'missing'>, terms: { annualValue: string; cost: string; roi: string; payback: string }): ValueRow[] {
  const money = (n: number) => formatMoney(n, model.settings.currency);
  return [
    valueRow('Annual value', terms.annualValue, r.annualValue, money, 'annual-value', r.missing.annualValue),
    valueRow('Cost', terms.cost, r.cost, money, 'roi-cost', r.missing.cost),
    valueRow('ROI', terms.roi, r.roi, (n) => formatPercent(n, { signed: true }), 'roi', r.missing.roi),
    valueRow('Payback', terms.payback, r.payback, formatYears, 'payback', r.missing.payback),
    valueRow('Realized annual value', 'at today\'s benefit realization', r.realized, money, 'realized-value', r.missing.realized),
  ];
}
