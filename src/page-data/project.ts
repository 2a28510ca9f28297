/** Page data for /projects/[id]/: the project, its milestone strip and its dependency neighbourhood. */
import { neighbourhoodDiagram, type Diagram } from '../charts/dag-view.ts';
import { milestoneStrip, type MilestoneStrip } from '../charts/roadmap-views.ts';
import { hiddenHealthDimensions } from '../core/audience.ts';
import { humanize } from '../core/format.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';

export interface ProjectPage {
  project: ProjectView;
  /** The milestones on a quarter strip; absent without milestones. */
  strip?: MilestoneStrip;
  /** Upstream and downstream, two steps each way; absent without dependencies. */
  neighbourhood?: Diagram;
  /** The overall-health label; it says so when this edition does not publish every dimension. */
  overallLabel: string;
  /** Why the overall health leaves dimensions out (a tooltip); absent when none is hidden. */
  overallReason?: string;
}

export function projectPage(model: PortfolioModel, id: string): ProjectPage {
  const project = model.byId.projects.get(id);
  if (!project) throw new Error(`no project "${id}"`);
  return { project, strip: milestoneStrip(model, project), neighbourhood: neighbourhoodDiagram(model, id, 2), ...overallHealthLabel(model) };
}

/** "Overall health", or "Overall health (of published dimensions)" when the audience hides some: a public rating is not the internal one. */
export function overallHealthLabel(model: PortfolioModel): { overallLabel: string; overallReason?: string } {
  const hidden = hiddenHealthDimensions(model.hidden);
  if (hidden.length === 0) return { overallLabel: 'Overall health' };
  const names = hidden.map((d) => humanize(d).toLowerCase());
  return {
    overallLabel: 'Overall health (of published dimensions)',
    overallReason: `The worst of the published dimensions; this edition does not publish ${names.join(' or ')} health.`,
  };
}
