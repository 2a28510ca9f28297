/** Computed values as rows a page shows: the value's text, its formula and definition, or why there is none (earned value, ROI). */
import { EVM_INDEX_KEYS, type EvmKey } from '../core/earned-value.ts';
import { formatIndex, formatMoney } from '../core/format.ts';
import type { PortfolioModel } from '../core/model.ts';
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
