/**
 * Page data for the roadmap's other views: /roadmap/now-next-later/ and
 * /roadmap/status/. Each column shows at most LIST_CAP cards; "N more" goes
 * to the full, paginated project list of that column (/projects/list/KEY/),
 * in the same order, because a stakeholder reading a column wants the rest
 * of that column (a program's page has all its projects, by status, already).
 */
import { nowNextLater, statusBoard, type NowNextLater, type StatusColumn } from '../charts/roadmap-views.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';
import { formatDate } from '../core/format.ts';
import { projectListPath, worstFirst } from './lists.ts';
import { LIST_CAP } from './paging.ts';

export interface NowNextLaterColumn {
  key: NowNextLater['columns'][number]['key'];
  label: string;
  description: string;
  /** Cards shown: Now worst health first (then the soonest end), Next and Later soonest start first. */
  projects: string[];
  total: number;
  more: number;
  /** The full column (/projects/list/now/ …). */
  moreHref: string;
}

export function nowNextLaterPage(model: PortfolioModel, limit = LIST_CAP): { asOf: string; view: Omit<NowNextLater, 'columns'> & { columns: NowNextLaterColumn[] } } {
  const view = nowNextLater(model);
  const project = (id: string) => model.byId.projects.get(id)!;
  const columns = view.columns.map((c) => {
    const ordered = c.key === 'now' ? c.projects.map(project).toSorted(worstFirst).map((p) => p.id) : c.projects;
    return { ...c, projects: ordered.slice(0, limit), total: ordered.length, more: Math.max(0, ordered.length - limit), moreHref: projectListPath(c.key) };
  });
  return { asOf: formatDate(model.settings.as_of, model.settings.fiscal_year_start), view: { ...view, columns } };
}

export interface BoardColumn extends Omit<StatusColumn, 'groups'> {
  /** Program groups (board order) holding the column's LIST_CAP worst cards; `count` is the group's whole size. */
  groups: (StatusColumn['groups'][number] & { count: number })[];
  more: number;
  /** The full column, worst first (/projects/list/STATUS/). */
  moreHref: string;
}

export function statusBoardPage(model: PortfolioModel, limit = LIST_CAP): { asOf: string; columns: BoardColumn[] } {
  const project = (id: string) => model.byId.projects.get(id)!;
  const columns = statusBoard(model).map((c) => {
    const worst = c.groups.flatMap((g) => g.projects.map(project)).toSorted(worstFirst);
    const shown = new Set(worst.slice(0, limit).map((p) => p.id));
    const groups = c.groups
      .map((g) => ({ ...g, count: g.projects.length, projects: g.projects.map(project).filter((p) => shown.has(p.id)).toSorted(worstFirst).map((p: ProjectView) => p.id) }))
      .filter((g) => g.projects.length > 0);
    return { status: c.status, count: c.count, groups, more: c.count - shown.size, moreHref: projectListPath(c.status) };
  });
  return { asOf: formatDate(model.settings.as_of, model.settings.fiscal_year_start), columns };
}
