/** The two models being compared, and what every section needs from them. */
import { compareCodeUnits, compareTitles } from '../format.ts';
import type { PortfolioModel, Rag, RecordKind } from '../model.ts';
import type { Ref } from './report.ts';

export interface Pair {
  base: PortfolioModel;
  head: PortfolioModel;
  /** A record by id and title: the head's title, else the base's, else the id. */
  ref(kind: RecordKind, id: string): Ref;
}

export function pairOf(base: PortfolioModel, head: PortfolioModel): Pair {
  return {
    base,
    head,
    ref: (kind, id) => ({ id, title: head.byId[kind].get(id)?.record.title ?? base.byId[kind].get(id)?.record.title ?? id }),
  };
}

/** Ids present on both sides, sorted. */
export function common<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): string[] {
  return [...a.keys()].filter((id) => b.has(id)).sort(compareCodeUnits);
}

export const SEVERITY: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** Worse first: how much worse the head is than the base (a value that appears counts from green). */
export function worsening(from: Rag | undefined, to: Rag | undefined): number {
  return (to ? SEVERITY[to] : 0) - (from ? SEVERITY[from] : 0);
}

/** Records in reading order: by title as people read it, then id. */
export function byTitle(a: Ref, b: Ref): number {
  return compareTitles(a.title, b.title) || compareCodeUnits(a.id, b.id);
}
