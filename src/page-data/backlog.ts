/** Page data for /backlog/: the ranked requests, the unscored ones, and the scale of their score bars. */
import { contributionScale, type ContributionScale } from '../charts/contributions.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import type { Backlog, BacklogEntry } from '../core/scorecard.ts';

const METHOD = {
  weighted: { name: 'weighted scoring', def: 'score-weighted' },
  wsjf: { name: 'WSJF (weighted shortest job first)', def: 'score-wsjf' },
  rice: { name: 'RICE (reach × impact × confidence / effort)', def: 'score-rice' },
} as const;

export interface BacklogPage {
  method: (typeof METHOD)[keyof typeof METHOD];
  ranked: (BacklogEntry & { p: ProjectView })[];
  unscored: (Backlog['unscored'][number] & { p: ProjectView })[];
  /** One scale for every score bar, so bars compare across rows. */
  scale: ContributionScale;
  /** False when the audience hides scores: the order is published, not the scores. */
  scoresShown: boolean;
  reviewEveryDays: number;
}

export function backlogPage(model: PortfolioModel, backlog: Backlog): BacklogPage {
  const project = (id: string) => model.byId.projects.get(id)!;
  const ranked = backlog.ranked.map((e) => ({ ...e, p: project(e.id) }));
  return {
    method: METHOD[backlog.method],
    ranked,
    unscored: backlog.unscored.map((u) => ({ ...u, p: project(u.id) })),
    scale: contributionScale(ranked.flatMap((r) => (r.p.score ? [r.p.score] : []))),
    scoresShown: ranked.some((r) => r.p.score),
    reviewEveryDays: model.settings.review_every_days,
  };
}
