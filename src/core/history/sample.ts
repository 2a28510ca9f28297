/**
 * One sample of the portfolio's history: the figures the trends show, and
 * each project's forecast dates (for milestone trend analysis), taken from a
 * model built for the build's audience — so a sample holds nothing that
 * audience may not see. Plain data (JSON), so samples can be cached.
 */
import { dayToIso, endDay, quarterOf, quarterLabel } from '../dates.ts';
import type { PortfolioModel, Rag } from '../model.ts';

export interface SampleProject {
  id: string;
  title: string;
  status: string;
  /** Overall health; absent when none. */
  health?: Rag;
  /** The forecast end's last day (ISO), when set. */
  end?: string;
  /** Milestones with their date's last day (ISO). */
  milestones: { name: string; date: string; done: boolean }[];
}

export interface HistorySample {
  /** The sampled commit; absent for now (the build's own content). */
  commit?: string;
  /** The commit's date (ISO, UTC); absent for now. */
  committed?: string;
  /** The as-of day the model was computed for (ISO). */
  asOf: string;
  /** Projects by overall health (every project, as portfolio.json counts them). */
  health: Record<Rag | 'none', number>;
  /** Open dependency conflicts (each late dependency once). */
  conflicts: number;
  /** Slip (end − baseline end) of open projects that slip: total and median days, and how many. */
  slip: { total: number; median?: number; projects: number };
  /** Σ planned and forecast budget; absent when the audience does not see budgets. */
  budget?: { planned?: number; forecast?: number };
  /** Each team's utilization in the as-of day's fiscal quarter (demand / capacity); absent when demand is hidden. */
  utilization?: { id: string; title: string; ratio?: number; demand: number }[];
  /** Proposed projects waiting for a decision (the backlog). */
  backlog: number;
  projects: SampleProject[];
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The sample of a model (built for one audience, as of the sample's day). */
export function sampleOf(model: PortfolioModel, at: { commit?: string; committed?: string } = {}): HistorySample {
  const fy = model.settings.fiscal_year_start;
  const h = model.portfolio.byHealth;
  const slips = model.projects.filter((p) => p.open && p.slipDays !== undefined && p.slipDays > 0).map((p) => p.slipDays!);
  const quarter = quarterOf(model.asOfDay, fy);
  const period = quarterLabel(quarter.fy, quarter.q);
  const demandHidden = model.hidden.includes('demand');
  return {
    ...(at.commit ? { commit: at.commit, committed: at.committed } : {}),
    asOf: model.settings.as_of,
    health: { green: h.green ?? 0, amber: h.amber ?? 0, red: h.red ?? 0, none: h.none ?? 0 },
    conflicts: model.projects.reduce((n, p) => n + (p.open ? p.conflicts.length : 0), 0),
    slip: { total: slips.reduce((a, b) => a + b, 0), median: median(slips), projects: slips.length },
    budget: model.hidden.includes('budget') ? undefined : { planned: model.portfolio.budgetPlanned, forecast: model.portfolio.budgetForecast },
    utilization: demandHidden
      ? undefined
      : model.teams.map((t) => {
          const cell = t.utilization?.find((c) => c.period === period);
          return { id: t.id, title: t.record.title, ratio: cell?.ratio, demand: cell?.demand ?? 0 };
        }),
    backlog: model.projects.reduce((n, p) => n + (p.record.status === 'proposed' ? 1 : 0), 0),
    projects: model.projects.map((p) => ({
      id: p.id,
      title: p.record.title,
      status: p.record.status,
      ...(p.health.overall ? { health: p.health.overall } : {}),
      ...(p.record.end ? { end: dayToIso(endDay(p.record.end, fy)) } : {}),
      milestones: (p.record.milestones ?? []).map((m) => ({ name: m.name, date: dayToIso(endDay(m.date, fy)), done: m.done === true })),
    })),
  };
}
