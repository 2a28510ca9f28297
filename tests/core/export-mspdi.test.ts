/**
 * `/portfolio.xml` (MSPDI): elements in the schema's order (MS Project drops
 * out-of-order elements), the audience's projects only, text escaped, and a
 * round trip through `npm run import`'s MSPDI reader that gives back the same
 * projects, dates, milestones and dependencies — on the example portfolio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/core/build-model.ts';
import { endDay } from '../../src/core/dates.ts';
import { demandSpans } from '../../src/core/capacity.ts';
import { ASSIGNMENT_ORDER, BASELINE_ORDER, LINK_ORDER, portfolioMspdi, PROJECT_ORDER, RESOURCE_ORDER, TASK_ORDER } from '../../src/core/export-mspdi.ts';
import { parseFrontMatter } from '../../src/core/frontmatter.ts';
import { importMspdi } from '../../src/core/import/mspdi.ts';
import { loadPortfolio, type ContentFile } from '../../src/core/load.ts';
import type { PortfolioModel } from '../../src/core/model.ts';
import { checkXml, type XmlElement } from '../support/xml.ts';
import { portfolio, project, settings } from './fixtures.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

function contentFiles(dir: string): ContentFile[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .map((f) => ({ path: relative(dir, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function exampleModel(audience: 'public' | 'internal'): PortfolioModel {
  const { input, diagnostics } = loadPortfolio(contentFiles(CONTENT));
  if (!input) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return buildModel(input, { audience, asOf: input.settings.as_of ?? '2026-11-15' });
}

/** True when `names` appear in the order of `order` (each known). */
function inOrder(names: string[], order: readonly string[]): string | undefined {
  let last = -1;
  for (const n of names) {
    const i = order.indexOf(n);
    if (i < 0) return `${n} is not in the schema list`;
    if (i < last) return `${n} after ${order[last]}`;
    last = i;
  }
  return undefined;
}

describe('/portfolio.xml (MS Project XML)', () => {
  const model = exampleModel('internal');
  const xml = portfolioMspdi(model);

  it('is well-formed, with every element in the order of the MSPDI schema', () => {
    const { problems, root } = checkXml(xml);
    expect(problems).toEqual([]);
    expect(root!.name).toBe('Project');
    expect(root!.attrs.xmlns).toBe('http://schemas.microsoft.com/project');
    expect(inOrder(root!.children.map((c) => c.name), PROJECT_ORDER)).toBeUndefined();
    const tasks = root!.children.find((c) => c.name === 'Tasks')!.children;
    expect(tasks.length).toBeGreaterThan(20);
    const problemsOf = (t: XmlElement) => [
      inOrder(t.children.map((c) => c.name), TASK_ORDER),
      ...t.children.filter((c) => c.name === 'PredecessorLink').map((l) => inOrder(l.children.map((c) => c.name), LINK_ORDER)),
      ...t.children.filter((c) => c.name === 'Baseline').map((b) => inOrder(b.children.map((c) => c.name), BASELINE_ORDER)),
    ].filter(Boolean);
    expect(tasks.flatMap(problemsOf)).toEqual([]);
    const resources = root!.children.find((c) => c.name === 'Resources')!.children;
    const assignments = root!.children.find((c) => c.name === 'Assignments')!.children;
    expect(resources.length).toBeGreaterThan(2);
    expect(resources.map((r) => inOrder(r.children.map((c) => c.name), RESOURCE_ORDER)).filter(Boolean)).toEqual([]);
    expect(assignments.map((a) => inOrder(a.children.map((c) => c.name), ASSIGNMENT_ORDER)).filter(Boolean)).toEqual([]);
    // The checker itself catches an element out of order.
    expect(inOrder(['UID', 'Name', 'ID'], TASK_ORDER)).toBe('ID after Name');
  });

  it('round trip: importing the export gives back the same projects, dates, milestones and dependencies', () => {
    const result = importMspdi({ fileName: 'portfolio.xml', text: xml });
    const fy = model.settings.fiscal_year_start;
    const day = (s: string | undefined, f = fy) => (s === undefined ? undefined : endDay(s, f));
    const imported = new Map(
      result.files.filter((f) => f.path.startsWith('projects/')).map((f) => {
        const data = parseFrontMatter(f.text).data as Record<string, any>;
        return [data.title as string, { id: f.path.slice(9, -3), data }];
      }),
    );
    const dated = model.projects.filter((p) => p.record.start && p.record.end);
    expect([...imported.keys()].sort()).toEqual(dated.map((p) => p.record.title).sort());
    const titleOf = new Map(model.projects.map((p) => [p.id, p.record.title]));
    const importedTitle = new Map([...imported.values()].map((v) => [v.id, v.data.title as string]));
    let links = 0;
    for (const p of dated) {
      const back = imported.get(p.record.title)!.data;
      expect(day(back.start), p.id).toBe(p.startDay);
      expect(day(back.end), p.id).toBe(p.endDay);
      expect(day(back.baseline_end), p.id).toBe(p.baselineEndDay);
      expect(back.progress, p.id).toBe(p.record.progress);
      const milestones = (list: { name: string; date: string; baseline?: string; done?: boolean }[] | undefined) =>
        (list ?? []).map((m) => ({ name: m.name, date: day(m.date), baseline: day(m.baseline), done: m.done === true })).sort((a, b) => a.name.localeCompare(b.name));
      expect(milestones(back.milestones), p.id).toEqual(milestones(p.record.milestones));
      const deps = (list: { on: string; type?: string; need_by?: string }[] | undefined, title: (id: string) => string | undefined) =>
        (list ?? []).map((d) => `${title(d.on)} ${d.type ?? 'finish-to-start'} ${d.need_by ?? '-'}`).sort();
      expect(deps(back.dependencies, (id) => importedTitle.get(id)), p.id).toEqual(deps(p.record.dependencies?.filter((d) => dated.some((x) => x.id === d.on)), (id) => titleOf.get(id)));
      links += back.dependencies?.length ?? 0;
    }
    expect(links).toBeGreaterThan(3);
    expect(result.report.entries).toEqual([]);

    // Demand: the same person-days per project and team (assignments are spread over quarters, two decimals each).
    const teamTitle = new Map(model.teams.map((t) => [t.id, t.record.title]));
    const importedTeams = new Map(
      result.files.filter((f) => f.path.startsWith('teams/')).map((f) => [f.path.slice(6, -3), (parseFrontMatter(f.text).data as { title: string }).title]),
    );
    const personDays = (id: string, demand: { team: string; fte: number; from?: string; to?: string }[] | undefined, start: string, end: string, title: (t: string) => string | undefined) => {
      const out = new Map<string, number>();
      for (const span of demandSpans({ id, record: { status: 'active', start, end, demand } }, fy)) {
        const k = title(span.team)!;
        out.set(k, (out.get(k) ?? 0) + span.fte * (span.to - span.from + 1));
      }
      return out;
    };
    let compared = 0;
    for (const p of dated) {
      if (!p.record.demand?.length) continue;
      const back = imported.get(p.record.title)!.data;
      const want = personDays(p.id, p.record.demand, p.record.start!, p.record.end!, (t) => teamTitle.get(t));
      const got = personDays(p.id, back.demand, back.start, back.end, (t) => importedTeams.get(t));
      expect([...got.keys()].sort(), p.id).toEqual([...want.keys()].sort());
      for (const [k, v] of want) expect(Math.abs(got.get(k)! - v) / v, `${p.id} ${k}`).toBeLessThan(0.02);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('a public build exports public projects only; text is escaped', () => {
    const pub = portfolioMspdi(exampleModel('public'));
    expect(xml).toContain('<Name>Legacy PAS Vendor Exit</Name>');
    expect(pub).not.toContain('Legacy PAS Vendor Exit');
    // The public audience hides demand: no resources, no assignments.
    expect(pub).not.toContain('<Resources>');
    expect(xml).toContain('<Resources>');
    expect(xml).toContain('<StatusDate>2026-11-15T17:00:00</StatusDate>');
    const hostile = buildModel(portfolio({ settings: settings(), projects: [project('x', { title: 'A <b> & "c" ]]>', start: '2026-01-05', end: '2026-03-31', milestones: [{ name: 'M & <N>', date: '2026-02-02' }] })] }), { audience: 'internal', asOf: '2026-01-10' });
    const out = portfolioMspdi(hostile);
    expect(checkXml(out).problems).toEqual([]);
    const back = importMspdi({ fileName: 'x.xml', text: out });
    const rec = parseFrontMatter(back.files.find((f) => f.path.startsWith('projects/'))!.text).data as Record<string, any>;
    expect(rec.title).toBe('A <b> & "c" ]]>');
    expect(rec.milestones).toEqual([{ name: 'M & <N>', date: '2026-02-02' }]);
  });
});
