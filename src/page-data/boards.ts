/** Page data for the roadmap's other views: /roadmap/now-next-later/ and /roadmap/status/. */
import { nowNextLater, statusBoard, type NowNextLater, type StatusColumn } from '../charts/roadmap-views.ts';
import type { PortfolioModel } from '../core/model.ts';

export function nowNextLaterPage(model: PortfolioModel): { asOf: string; view: NowNextLater } {
  return { asOf: model.settings.as_of, view: nowNextLater(model) };
}

export function statusBoardPage(model: PortfolioModel): { asOf: string; columns: StatusColumn[] } {
  return { asOf: model.settings.as_of, columns: statusBoard(model) };
}
