/** Page data for /projects/[id]/: the project, its milestone strip and its dependency neighbourhood. */
import { neighbourhoodDiagram, type Diagram } from '../charts/dag-view.ts';
import { milestoneStrip, type MilestoneStrip } from '../charts/roadmap-views.ts';
import type { PortfolioModel, ProjectView } from '../core/model.ts';

export interface ProjectPage {
  project: ProjectView;
  /** The milestones on a quarter strip; absent without milestones. */
  strip?: MilestoneStrip;
  /** Upstream and downstream, two steps each way; absent without dependencies. */
  neighbourhood?: Diagram;
}

export function projectPage(model: PortfolioModel, id: string): ProjectPage {
  const project = model.byId.projects.get(id);
  if (!project) throw new Error(`no project "${id}"`);
  return { project, strip: milestoneStrip(model, project), neighbourhood: neighbourhoodDiagram(model, id, 2) };
}
