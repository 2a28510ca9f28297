import { describe, expect, it } from 'vitest';
import { buildTimeline, groupIntoLanes, type TimelineBar } from '../../src/charts/timeline.ts';
import { textWidth } from '../../src/charts/time-scale.ts';
import { formatDate } from '../../src/core/format.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { portfolio, program, project, settings } from '../core/fixtures.ts';
import { northwindMini, seventyYears } from './fixtures.ts';

const model = northwindMini();
const view = buildTimeline(model);
const bars = new Map<string, TimelineBar>(view.lanes.flatMap((l) => l.bars.map((b) => [b.id, b] as const)));

describe('buildTimeline (fixture northwind-mini, as-of 2026-11-15)', () => {
  it('matches the snapshot of the whole view model', async () => {
    await expect(JSON.stringify(view, null, 1)).toMatchFileSnapshot('__snapshots__/timeline.northwind-mini.json');
  });

  it('fits the range to whole fiscal quarters and marks the as-of day', () => {
    const [years, quarters] = view.levels;
    expect(view.levels.map((l) => l.key)).toEqual(['years', 'quarters']);
    expect(view.span).toMatchObject({ fromIso: '2025-04-01', toIso: '2027-09-30', windowed: false }); // iam starts 2025-06-01, epr ends 2027-09-30
    expect(years.bands.map((y) => y.text)).toEqual(['FY2025/26', 'FY2026/27', 'FY2027/28']);
    expect(quarters.bands.map((q) => q.text)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2']);
    expect(view.asOf.iso).toBe('2026-11-15');
    const q3 = quarters.bands[6];
    expect(view.asOf.x).toBeGreaterThan(q3.x);
    expect(view.asOf.x).toBeLessThan(q3.x + q3.width);
  });

  it('groups by program, titles sorted, "No program" last, with counts', () => {
    expect(view.lanes.map((l) => [l.label, l.count, l.record?.id])).toEqual([
      ['Cyber Security (2)', 2, 'cyber'],
      ['Digital Front Door (2)', 2, 'dfd'],
      ['No program (1)', 1, undefined],
    ]);
    expect(view.lanes[1].bars.map((b) => b.id)).toEqual(['portal', 'contact']); // by start
  });

  it('leaves undated and half-dated projects off the timeline, with why', () => {
    expect(view.charted).toBe(5);
    expect(view.unscheduled).toEqual([
      { id: 'half', title: 'Half scheduled', status: 'approved', reason: 'no end date' },
      { id: 'intake', title: 'Intake idea', status: 'proposed', reason: 'no dates' },
    ]);
  });

  it('draws progress, the baseline behind the bar and the slip in the title', () => {
    const b = bars.get('portal')!;
    expect(b.progressWidth).toBeCloseTo((b.width * 58) / 100, 1);
    expect(b.baseline).toBeDefined();
    expect(b.baseline!.endX).toBeLessThan(b.x + b.width); // 21 days before the forecast end
    expect(b.slipDays).toBe(21);
    expect(b.tooltip).toContain('baseline end 5\u00a0Feb\u00a02027, slip +21 days');
    expect(b.note?.text).toBe('+21 d slip');
    expect(b.marker).toBe(b.rag === 'red' ? '!!' : b.rag === 'amber' ? '!' : '');
  });

  it('marks an open project past its end as overdue up to the as-of line', () => {
    const b = bars.get('contact')!;
    expect(b.overdue).toBe(true);
    expect(b.overdueDays).toBe(16);
    expect(b.overdueGap!.x + b.overdueGap!.width).toBeCloseTo(view.asOf.x, 1);
    expect(b.note?.text).toBe('overdue 16 d, +100 d slip');
    expect(b.rag).toBe('red');
    expect(b.marker).toBe('!!');
    expect(bars.get('iam')!.overdue).toBe(false); // done
  });

  it('draws the confidence range as a whisker from P50 to P95, the note after it; none on overdue, done or cancelled bars', () => {
    const b = bars.get('portal')!;
    const f = model.byId.projects.get('portal')!.forecast!;
    expect(b.whisker).toBeDefined();
    expect(b.whisker!.x1).toBeLessThan(b.whisker!.x2);
    expect(b.whisker!.y).toBe(b.y + b.height / 2);
    expect(b.note!.x).toBeGreaterThan(b.whisker!.x2);
    // Its P50 is well after the bar's end: a dotted lead joins them, so the range reads as this bar's.
    expect(b.whisker!.x1 - (b.x + b.width)).toBeGreaterThan(6);
    expect(b.whisker!.lead).toEqual({ x0: expect.closeTo(b.x + b.width, 1), path: `M${b.whisker!.lead!.x0} ${b.whisker!.y}H${b.whisker!.x1}` });
    expect(b.tooltip).toContain(`P50 ${formatDate(f.p50, 4)}, P80 ${formatDate(f.p80, 4)}, P95 ${formatDate(f.p95, 4)}`);
    for (const id of ['contact', 'iam', 'tablets']) expect(bars.get(id)!.whisker).toBeUndefined();
    expect(view.hasWhisker).toBe(true);
    // No forecast in the model (compare, history): no whisker anywhere.
    const plain = buildTimeline(buildModel(portfolio({ projects: [project('x', { start: '2026-01-01', end: '2026-12-31' })] }), { audience: 'internal', asOf: '2026-06-01' }));
    expect(plain.hasWhisker).toBe(false);
  });

  it('shows a quarter end that equals the baseline date as no slip and no baseline bar', () => {
    const b = bars.get('epr')!;
    expect(b.slipDays).toBe(0);
    expect(b.baseline).toBeUndefined();
  });

  it('draws milestones done, late and open differently, with moved baselines', () => {
    const ms = bars.get('portal')!.milestones;
    expect(ms.map((m) => [m.name, m.state, m.baseline?.days])).toEqual([
      ['Design approved', 'done', 13],
      ['Pilot live', 'late', undefined],
      ['Public launch', 'open', 21],
    ]);
    expect(ms[2].tooltip).toBe('Public launch: 29\u00a0Jan\u00a02027; open; baseline 8\u00a0Jan\u00a02027, moved +21 days');
    expect(ms[0].path).toMatch(/^M[\d.]+ [\d.]+l([\d.]+) \1-\1 \1-\1-\1z$/); // a diamond: the top corner, then relative steps
    // a cancelled project's unfinished milestone is not "late"
    expect(bars.get('tablets')!.milestones[0].state).toBe('open');
    // its health is the one it has everywhere else (the contract's: schedule red once the end has passed)
    expect(bars.get('tablets')!.rag).toBe('red');
  });

  it('never overlaps or cuts labels: names wrap to two lines in the label column, the full title in <title>', () => {
    const all = [...bars.values()].sort((a, b) => a.rowY - b.rowY);
    for (let i = 1; i < all.length; i += 1) expect(all[i].rowY - all[i - 1].rowY).toBeGreaterThanOrEqual(24 + 12 * (all[i - 1].labelLines.length - 1));
    for (const b of all) for (const l of b.labelLines) expect(textWidth(l.text, 12)).toBeLessThanOrEqual(view.labelWidth - 32);
    const c = bars.get('contact')!;
    expect(c.labelLines.map((l) => l.text)).toEqual(['Patient Contact Centre Telephony', 'Replacement With A Very Long Title']);
    expect(c.labelTruncated).toBe(false);
    expect(c.tooltip.startsWith('Patient Contact Centre Telephony Replacement With A Very Long Title (Active)')).toBe(true);
    for (const b of all) if (b.note) expect(b.note.anchor === 'start' ? b.note.x + textWidth(b.note.text, 11) : b.note.x).toBeLessThanOrEqual(view.plotX1);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildTimeline(northwindMini()))).toBe(JSON.stringify(view));
  });
});

describe('swimlanes by goal, team, investment and status', () => {
  it('puts a project with two goals in both lanes and the rest under "No goal"', () => {
    const v = buildTimeline(model, model.projects, { grouping: 'goal' });
    expect(v.lanes.map((l) => [l.label, l.bars.map((b) => b.id)])).toEqual([
      ['Improve patient access (2)', ['portal', 'contact']],
      ['Strengthen cyber resilience (1)', ['portal']],
      ['No goal (3)', ['iam', 'tablets', 'epr']],
    ]);
  });

  it('groups by team, investment type (contract order) and status (contract order)', () => {
    const lanes = (g: 'team' | 'investment' | 'status') => groupIntoLanes(model, model.projects, g).map((l) => [l.label, l.projects.map((p) => p.id)]);
    expect(lanes('team')).toEqual([
      ['Web team', ['portal']],
      ['No team', ['contact', 'epr', 'half', 'iam', 'intake', 'tablets']], // model order (by id); the chart sorts lanes by start
    ]);
    expect(lanes('investment').map((l) => l[0])).toEqual(['Run', 'Grow', 'No investment type']);
    expect(lanes('status').map((l) => l[0])).toEqual(['Proposed', 'Approved', 'Active', 'Done', 'Cancelled']);
  });
});

describe('lane order', () => {
  it('sorts lane titles as people read them: numbers by value, case ignored, the "No …" lane last', () => {
    const numbered = buildModel(
      portfolio({
        settings: settings(),
        programs: ['Program 10', 'program 2', 'Program 1', 'Álpha'].map((title, i) => program(`p${i}`, { title })),
        projects: [0, 1, 2, 3, -1].map((i) => project(`x${i + 1}`, { status: 'active', start: '2026-01-01', end: '2026-06-30', program: i >= 0 ? `p${i}` : undefined })),
      }),
      { audience: 'internal', asOf: '2026-03-01' },
    );
    expect(groupIntoLanes(numbered, numbered.projects, 'program').map((l) => l.label)).toEqual(['Álpha', 'Program 1', 'program 2', 'Program 10', 'No program']);
  });
});

describe('scale: lanes collapse above the threshold', () => {
  it('draws one summary row per lane with health counts', () => {
    const v = buildTimeline(model, model.projects, { collapseAt: 3 });
    expect(v.collapsed).toBe(true);
    expect(v.lanes.every((l) => l.bars.length === 0)).toBe(true);
    const dfd = v.lanes.find((l) => l.key === 'program:dfd')!;
    expect(dfd.summary).toMatchObject({ count: 2, overdue: 1, slipped: 2, startIso: '2026-01-15', endIso: '2027-02-26' });
    expect(dfd.summary!.byHealth.red).toBe(1);
    expect(dfd.height).toBe(26 + 32);
    expect(dfd.summary!.lines.map((l) => l.text)).toEqual(["2 projects, 1 overdue, 2 slipped", "1 red · 1 amber"]);
  });
});

describe('collapsed lanes split their bar by health', () => {
  it('gives each health value a segment in proportion to its count, red first, covering the span', () => {
    const v = buildTimeline(model, model.projects, { collapseAt: 3 });
    const dfd = v.lanes.find((l) => l.key === 'program:dfd')!.summary!;
    expect(dfd.segments.map((s) => s.rag)).toEqual(['red', 'amber']);
    expect(dfd.segments[0].x).toBe(dfd.x);
    expect(dfd.segments[0].width).toBeCloseTo(dfd.width / 2, 1);
    expect(dfd.segments[1].x + dfd.segments[1].width).toBeCloseTo(dfd.x + dfd.width, 1);
  });
});

describe('the default window and the whole span', () => {
  const windowed = buildTimeline(seventyYears(), undefined, { window: true });
  const whole = buildTimeline(seventyYears());

  it('shows a year before the as-of day to three after, and the whole span without the window', () => {
    expect(windowed.span).toMatchObject({ fromIso: '2025-10-01', toIso: '2029-12-31', windowed: true, dataFromIso: '1997-01-01', dataToIso: '2067-12-31' });
    expect(whole.span).toMatchObject({ fromIso: '1997-01-01', toIso: '2067-12-31', windowed: false });
    expect(windowed.levels.map((l) => l.key)).toEqual(['years', 'quarters']);
    expect(whole.levels.map((l) => `${l.key}/${l.step}`)).toEqual(['years/5']);
  });

  it('marks a bar cut by the window with chevrons and says so in its title', () => {
    const [mainframe, upgrade] = windowed.lanes[0].bars;
    expect(mainframe.continues.map((c) => c.side)).toEqual(['before', 'after']);
    expect(mainframe.tooltip).toContain('continues before 1\u00a0Oct\u00a02025');
    expect(mainframe.tooltip).toContain('continues after 31\u00a0Dec\u00a02029');
    expect(mainframe.x).toBe(windowed.plotX0);
    expect(mainframe.x + mainframe.width).toBe(windowed.plotX1);
    expect(upgrade.continues).toEqual([]);
    expect(whole.lanes[0].bars.every((b) => b.continues.length === 0)).toBe(true);
  });

  it('leaves off projects wholly outside the window and counts them', () => {
    const model = buildModel(
      portfolio({
        projects: [
          project('old', { title: 'Old', start: '2010-01-01', end: '2012-01-01' }),
          project('now', { title: 'Now', start: '2026-01-01', end: '2027-01-01' }),
          project('far', { title: 'Far', start: '2040-01-01', end: '2041-01-01' }),
        ],
      }),
      { audience: 'internal', asOf: '2026-06-01' },
    );
    const v = buildTimeline(model, undefined, { window: true });
    expect(v.lanes.flatMap((l) => l.bars.map((b) => b.id))).toEqual(['now']);
    expect(v.span).toMatchObject({ outsideBefore: 1, outsideAfter: 1, windowed: true });
  });
});

describe('names in the label column', () => {
  it('tells apart two names that read the same after the cut by their id', () => {
    const title = (s: string) => `New Style of Information Management and Records Transformation Programme ${s}`;
    const model = buildModel(
      portfolio({
        projects: [
          project('nsoi-a', { title: title('Alpha'), start: '2026-01-01', end: '2027-01-01' }),
          project('nsoi-b', { title: title('Beta'), start: '2026-01-01', end: '2027-01-01' }),
          project('short', { title: 'Short', start: '2026-01-01', end: '2027-01-01' }),
        ],
      }),
      { audience: 'internal', asOf: '2026-06-01' },
    );
    const v = buildTimeline(model);
    const labels = v.lanes.flatMap((l) => l.bars.map((b) => b.label));
    expect(new Set(labels).size).toBe(3);
    const [a, b] = v.lanes[0].bars.filter((x) => x.id.startsWith('nsoi'));
    expect(a.labelLines).toHaveLength(2);
    expect(a.labelLines[1].text.endsWith(' · nsoi-a')).toBe(true);
    expect(b.labelLines[1].text.endsWith(' · nsoi-b')).toBe(true);
    for (const bar of [a, b]) for (const l of bar.labelLines) expect(textWidth(l.text, 12)).toBeLessThanOrEqual(v.labelWidth - 32);
  });

  it('gives the small-screen list the charted projects by the fiscal quarter they end in, from the as-of quarter on, counting the rest', () => {
    expect(view.quarterList.map((q) => q.label)).toEqual(view.quarterList.map((q) => q.label).toSorted((x, y) => x.slice(3).localeCompare(y.slice(3)) || x.localeCompare(y)));
    expect(view.quarterList.length).toBeLessThanOrEqual(8);
    const listed = view.quarterList.flatMap((q) => q.items.map((i) => i.id));
    const { before, after } = view.quarterListOmitted;
    // Every charted project is listed or counted as ending before or after the listed quarters.
    expect(listed.length + before + after).toBe(bars.size);
    // The first quarter listed is the as-of quarter or later; nothing listed ends before it.
    expect(view.quarterList[0].lastIso >= view.asOf.iso).toBe(true);
    expect(view.quarterList.every((q) => q.items.every((i) => i.endIso >= view.quarterList[0].firstIso))).toBe(true);
    expect(view.quarterList[0].label).toMatch(/^Q[1-4] FY\d{4}\/\d{2}$/);
  });
});
