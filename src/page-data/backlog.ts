/** Page data for /backlog/: the ranked requests, the unscored ones, and the scale of their score bars. */
import { contributionScale, type ContributionScale } from '../charts/contributions.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import type { Backlog, BacklogEntry } from '../core/scorecard.ts';
import { capList, paginate, PAGE_SIZE, type Capped, type PageOf } from './paging.ts';

/** Where the full ranked list of requests is (its first page). */
export const REQUESTS_PATH = '/backlog/requests/';

const METHOD = {
  weighted: { name: 'weighted scoring', def: 'score-weighted' },
  wsjf: { name: 'WSJF (weighted shortest job first)', def: 'score-wsjf' },
  rice: { name: 'RICE (reach × impact × confidence / effort)', def: 'score-rice' },
} as const;

type Ranked = BacklogEntry & { p: ProjectView };

export interface BacklogPage {
  method: (typeof METHOD)[keyof typeof METHOD];
  /** The highest-ranked requests; the rest on /backlog/requests/. */
  ranked: Capped<Ranked>;
  unscored: Capped<Backlog['unscored'][number] & { p: ProjectView }>;
  /** The open portfolio's ranking (requests and work in flight), the top of it; portfolio.csv has every rank. */
  openRanking: Capped<Ranked>;
  /** One scale for every score bar, so bars compare across rows. */
  scale: ContributionScale;
  /** False when the audience hides scores: the order is published, not the scores. */
  scoresShown: boolean;
  reviewEveryDays: number;
}

type Common = Pick<BacklogPage, 'method' | 'scale' | 'scoresShown' | 'reviewEveryDays'>;

function rankedOf(model: PortfolioModel, backlog: Backlog): { ranked: Ranked[]; common: Common } {
  const ranked = backlog.ranked.map((e) => ({ ...e, p: model.byId.projects.get(e.id)! }));
  return {
    ranked,
    common: {
      method: METHOD[backlog.method],
      scale: contributionScale(ranked.flatMap((r) => (r.p.score ? [r.p.score] : []))),
      scoresShown: ranked.some((r) => r.p.score),
      reviewEveryDays: model.settings.review_every_days,
    },
  };
}

export function backlogPage(model: PortfolioModel, backlog: Backlog): BacklogPage {
  const project = (id: string) => model.byId.projects.get(id)!;
  const { ranked, common } = rankedOf(model, backlog);
  return {
    ...common,
    ranked: capList(ranked),
    unscored: capList(backlog.unscored.map((u) => ({ ...u, p: project(u.id) }))),
    openRanking: capList(backlog.openRanking.map((e) => ({ ...e, p: project(e.id) }))),
  };
}

/** /backlog/requests/ and its pages: every ranked request, PAGE_SIZE a page, with the same scale as /backlog/. */
export function backlogRequestPages(model: PortfolioModel, backlog: Backlog, size = PAGE_SIZE): (Common & { page: PageOf<Ranked> })[] {
  const { ranked, common } = rankedOf(model, backlog);
  // No ranked request, no page (the backlog says so itself).
  return ranked.length === 0 ? [] : paginate(ranked, REQUESTS_PATH, size).map((page) => ({ ...common, page }));
}
