/**
 * Page data for the roadmap pages (/roadmap/ and /roadmap/by-*): one per
 * grouping, each showing the default window around the as-of day; and
 * /roadmap/whole-span/, by program over the data's whole range.
 */
import { printSlices, type PrintSlices } from '../charts/timeline-print.ts';
import { roadmapSummary, type RoadmapSummary } from '../charts/roadmap-views.ts';
import { roadmapEmbedRef, type TimelineEmbed } from './embeds.ts';
import { buildTimeline, GROUPINGS, type Grouping, type TimelineView } from '../charts/timeline.ts';
import { quarterOf } from '../core/dates.ts';
import { describeFiscalYear, formatDate, formatDay } from '../core/format.ts';
import type { PortfolioModel } from '../core/model.ts';
import { titleOf } from '../core/model.ts';

export type RoadmapGrouping = Exclude<Grouping, 'none'>;

export interface RoadmapPage {
  grouping: RoadmapGrouping;
  /** The grouping's entry in GROUPINGS (label, path). */
  current: (typeof GROUPINGS)[number];
  groupings: typeof GROUPINGS;
  view: TimelineView;
  summary: RoadmapSummary;
  /** The summary cards, each with the projects it counts (id and title). */
  cards: { key: string; figure: number; label: string; projects: { id: string; title: string; note?: string }[] }[];
  /** A project can sit in several lanes (goals, teams). */
  multi: boolean;
  /** The as-of day as people read it (`15 Nov 2026`). */
  asOf: string;
  fiscalYearStart: number;
  /** How fiscal years run and which quarter this is, in words, for the lede. */
  fiscalText: string;
  /** The shown span in words (`1 Oct 2025 to 31 Mar 2030`) and its years for the whole-span link. */
  spanText: string;
  dataYears: string;
  /** The default window (grouping pages) or the whole span (/roadmap/whole-span/). */
  span: 'window' | 'whole';
  /** The whole-span page's path. */
  wholeSpanPath: string;
  /** /roadmap/timeline.svg, offered on the page that draws the same chart (by program, default window). */
  embed?: Pick<TimelineEmbed, 'path' | 'label'>;
  /** A chart taller than wide prints in slices of whole rows, each under the axis; one no taller than wide is shrunk onto one sheet. */
  print?: PrintSlices;
}

export const WHOLE_SPAN_PATH = '/roadmap/whole-span/';

/**
 * `slips`: projects that keep slipping, from the portfolio's history (src/page-data/history.ts slipFlags):
 * id → `slipped in N of the last M reviews`; a card lists them when there are any.
 */
export function roadmapPage(model: PortfolioModel, grouping: RoadmapGrouping, span: 'window' | 'whole' = 'window', slips: ReadonlyMap<string, string> = new Map()): RoadmapPage {
  const summary = roadmapSummary(model);
  const fy = model.settings.fiscal_year_start;
  const view = buildTimeline(model, model.projects, { grouping, window: span === 'window' });
  const card = (key: string, label: string, ids: string[]) => ({ key, figure: ids.length, label, projects: ids.map((id) => ({ id, title: titleOf(model, 'projects', id) })) });
  return {
    grouping,
    current: GROUPINGS.find((g) => g.key === grouping)!,
    groupings: GROUPINGS,
    view,
    summary,
    cards: [
      card('in-flight', 'in flight', summary.inFlight),
      card('landing', `land this quarter (${summary.quarter})`, summary.landingThisQuarter),
      card('slipped', 'slipped past baseline', summary.slipped),
      card('at-risk', 'at risk (red or amber)', summary.atRisk),
      card('overdue', 'overdue (open past end)', summary.overdue),
      ...(slips.size ? [{ ...card('keeps-slipping', 'keep slipping (end later at most reviews)', [...slips.keys()]), projects: [...slips].map(([id, note]) => ({ id, title: titleOf(model, 'projects', id), note })) }] : []),
    ],
    multi: grouping === 'goal' || grouping === 'team',
    asOf: formatDate(model.settings.as_of, fy),
    fiscalYearStart: fy,
    fiscalText: `${describeFiscalYear(quarterOf(model.asOfDay, fy).fy, fy)}; this quarter, ${summary.quarter}, runs ${formatDate(summary.quarterFirstIso, fy)} to ${formatDate(summary.quarterLastIso, fy)}.`,
    spanText: `${formatDate(view.span.fromIso, fy)} to ${formatDate(view.span.toIso, fy)}`,
    dataYears: `${view.span.dataFromIso.slice(0, 4)}–${view.span.dataToIso.slice(0, 4)}`,
    span,
    wholeSpanPath: WHOLE_SPAN_PATH,
    embed: grouping === 'program' && span === 'window' ? roadmapEmbedRef(model) : undefined,
    print: view.height > view.width ? printSlices(view) : undefined,
  };
}
