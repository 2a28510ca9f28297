/**
 * The chart components rendered to SVG (Astro Container API), compared with
 * committed files in tests/charts/__snapshots__/*.svg: the JSON snapshots pin
 * the view models, these pin what the components draw from them.
 *
 *     node_modules/.bin/vitest run --config tests/charts/svg/vitest.config.ts
 */
import { describe, expect, it } from 'vitest';
import { portfolioDiagram } from '../../../src/charts/dag-view.ts';
import { milestoneStrip } from '../../../src/charts/roadmap-views.ts';
import { buildTimeline } from '../../../src/charts/timeline.ts';
import { heatmapBlock } from '../../../src/page-data/scorecard.ts';
import DependencyDiagram from '../../../src/components/DependencyDiagram.astro';
import HeatmapChart from '../../../src/components/HeatmapChart.astro';
import MilestoneStrip from '../../../src/components/MilestoneStrip.astro';
import Timeline from '../../../src/components/Timeline.astro';
import { DAG_FIXTURES, dagModel, dependencyWeb, NORTHWIND_MARKERS, northwindMini, securityReview, seventyYears } from '../fixtures.ts';
import { renderSvg } from './render.ts';

const snapshot = (name: string) => `../__snapshots__/${name}.svg`;

describe('chart components as SVG', () => {
  it('Timeline: three-year axis (northwind-mini)', async () => {
    const view = buildTimeline(northwindMini());
    const svg = await renderSvg(Timeline, { view, label: 'Roadmap by program', idPrefix: 'tl' });
    await expect(svg).toMatchFileSnapshot(snapshot('timeline.northwind-mini'));
  });

  it('Timeline plot: bars, milestone names and numbers, the as-of line (northwind-mini)', async () => {
    const view = buildTimeline(northwindMini());
    const svg = await renderSvg(Timeline, { view, label: 'Roadmap by program', idPrefix: 'tl' }, 1);
    await expect(svg).toMatchFileSnapshot(snapshot('timeline-plot.northwind-mini'));
  });

  it('Timeline: portfolio markers and milestone names (northwind-mini, default window)', async () => {
    const view = buildTimeline(northwindMini({ markers: NORTHWIND_MARKERS }), undefined, { window: true });
    const svg = await renderSvg(Timeline, { view, label: 'Roadmap by program', idPrefix: 'tl' }, 1);
    await expect(svg).toMatchFileSnapshot(snapshot('timeline-plot.markers'));
  });

  it('Timeline plot: dependency arrows, a conflict, stubs and a need_by milestone (dependency-web)', async () => {
    const view = buildTimeline(dependencyWeb());
    const svg = await renderSvg(Timeline, { view, label: 'Roadmap by program', idPrefix: 'tl' }, 1);
    await expect(svg).toMatchFileSnapshot(snapshot('timeline-plot.dependency-web'));
  });

  it('Timeline: seventy-year axis (1997–2067)', async () => {
    const view = buildTimeline(seventyYears());
    const svg = await renderSvg(Timeline, { view, label: 'Roadmap by program', idPrefix: 'tl' });
    await expect(svg).toMatchFileSnapshot(snapshot('timeline.seventy-years'));
  });

  it('DependencyDiagram: contract-conflicts', async () => {
    const diagram = portfolioDiagram(dagModel(DAG_FIXTURES['contract-conflicts']));
    const svg = await renderSvg(DependencyDiagram, { diagram, id: 'dep', label: 'Dependencies of the whole portfolio' });
    await expect(svg).toMatchFileSnapshot(snapshot('dag-view.contract-conflicts'));
  });

  it('HeatmapChart: security-review over-allocated', async () => {
    const model = securityReview();
    const rows = [{ team: 'security-review', label: 'Security review', cells: model.byId.teams.get('security-review')!.utilization! }];
    const svg = await renderSvg(HeatmapChart, { heatmap: heatmapBlock(model, rows), model, id: 'heat' });
    await expect(svg).toMatchFileSnapshot(snapshot('heatmap.security-review'));
  });

  it('MilestoneStrip: northwind-mini portal', async () => {
    const model = northwindMini();
    const svg = await renderSvg(MilestoneStrip, { strip: milestoneStrip(model, model.byId.projects.get('portal')!) });
    await expect(svg).toMatchFileSnapshot(snapshot('milestone-strip.portal'));
  });

  it('MilestoneStrip: northwind-mini portal with portfolio markers', async () => {
    const model = northwindMini({ markers: NORTHWIND_MARKERS });
    const svg = await renderSvg(MilestoneStrip, { strip: milestoneStrip(model, model.byId.projects.get('portal')!) });
    await expect(svg).toMatchFileSnapshot(snapshot('milestone-strip.markers'));
  });
});
