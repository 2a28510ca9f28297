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
import { trendChart } from '../../../src/charts/trend.ts';
import TrendChart from '../../../src/components/TrendChart.astro';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const MONTHS = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-20'];

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

  it('TrendChart: health mix, stacked areas', async () => {
    const counts = [[9, 6, 3], [9, 6, 3], [8, 6, 4], [8, 5, 5], [8, 6, 4], [8, 7, 4], [9, 7, 4]];
    const names = ['Green', 'Amber', 'Red'];
    const chart = trendChart(
      names.map((name, i) => ({ name, className: `t-${name.toLowerCase()}`, points: MONTHS.map((m, k) => ({ x: day(m), y: counts[k]![i], title: `${m}, ${name}: ${counts[k]![i]}` })) })),
      { stacked: true, integer: true, zero: true },
    );
    // After the legend's three keys and the y labels: the grid, the areas, the points.
    const svg = (await Promise.all([4, 5, 6].map((n) => renderSvg(TrendChart, { chart, id: 'health', label: 'Health mix' }, n)))).join('');
    await expect(svg).toMatchFileSnapshot(snapshot('trend.health-mix'));
  });

  it('TrendChart: milestone trend analysis with the diagonal (an end +10 days a month, a milestone that holds and is done)', async () => {
    const plus = (iso: string, n: number) => day(iso) + n;
    const chart = trendChart(
      [
        { name: 'Design', className: 't-0', dashed: true, points: MONTHS.map((m) => ({ x: day(m), y: day('2026-03-31'), title: '' })) },
        { name: 'Project end', className: 't-end', points: MONTHS.map((m, k) => ({ x: day(m), y: plus('2026-09-30', 10 * k), title: '' })) },
      ],
      { dates: true, diagonal: true, height: 240 },
    );
    // After the legend's two keys: the y labels (dates), the grid, the lines, the diagonal and the untitled points as dot paths (as a project page draws them), no circles.
    const svg = (await Promise.all([2, 3, 4, 5].map((n) => renderSvg(TrendChart, { chart, id: 'mta', label: 'Milestone trend' }, n)))).join('');
    await expect(svg).toMatchFileSnapshot(snapshot('trend.milestone-trend'));
  });
});
