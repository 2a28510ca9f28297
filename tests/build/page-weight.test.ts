/**
 * Every page has a size budget: the 2,000-project synthetic portfolio (the
 * bench's, seed 1) is built once, and the test fails when any HTML page is
 * above PAGE_BUDGET or the whole output folder above DIST_BUDGET, naming the
 * pages and sizes. One build (about 40–60 s on 2 cores).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildRoot, buildSite, listFiles, readText } from '../support/build-site.ts';
import { ATTENTION_CAP } from '../../src/page-data/paging.ts';
import { SYNTHETIC_RECORDS, syntheticContent } from '../support/shared-builds.ts';

const RECORDS = SYNTHETIC_RECORDS;
/** No HTML page above 400 KB: readable on a phone, and under any host's comfort. */
const PAGE_BUDGET = 400 * 1024;
/**
 * The target for the whole output folder (HTML, search index, exports,
 * assets): 6 × a plain Astro site of the same records (title and body a page,
 * plus Pagefind: `npm run bench -- --records 2000 --baseline`, measured at
 * 9,541,091 bytes).
 */
const DIST_BUDGET = 6 * 9_541_091;
/**
 * Until the target is met, the output may not grow: 93,847,504 bytes measured (December 2026, issue 16's
 * size work: coordinates to one decimal, shorter diamonds and dependency-diagram markup, record timelines
 * capped at 50 projects; the roadmap's print slices; no scoped-style classes, self-closing SVG shapes;
 * goal, program and team tables capped at 50 with full lists, +1.3 MB), plus 2%. The floor without removing content is
 * above the target: the exports (portfolio.json 8.5 MB, portfolio.xml 3.3, milestones.ics 2.8,
 * portfolio.csv 0.9), Pagefind (4.7) and the embeddable timelines (4.2) are 24.3 MB, and the 1,946
 * project pages 39.4 MB (20.2 KB each, 9.3 KB of it the dependency section: the two-step diagram, its
 * legend, Mermaid source and tables): 63.7 MB before any other page.
 */
const DIST_CEILING = 95_720_000;

let outDir: string;
let sizes: { path: string; bytes: number }[];

beforeAll(async () => {
  // The run's shared copy (the global setup may have built it already).
  outDir = assertBuilt(await buildSite({ content: syntheticContent(buildRoot(), RECORDS) })).outDir;
  sizes = listFiles(outDir).map((path) => ({ path, bytes: statSync(join(outDir, path)).size }));
});

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

describe(`page weight at ${RECORDS} projects`, () => {
  it(`no HTML page above ${kb(PAGE_BUDGET)}`, () => {
    const html = sizes.filter((f) => f.path.endsWith('.html'));
    expect(html.length).toBeGreaterThan(RECORDS);
    const over = html.filter((f) => f.bytes > PAGE_BUDGET).toSorted((a, b) => b.bytes - a.bytes);
    expect(over.map((f) => `${f.path} ${kb(f.bytes)}`)).toEqual([]);
  });

  const total = () => sizes.reduce((n, f) => n + f.bytes, 0);
  const largest = () =>
    Object.entries(
      sizes.reduce<Record<string, number>>((acc, f) => {
        const top = f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path;
        acc[top] = (acc[top] ?? 0) + f.bytes;
        return acc;
      }, {}),
    )
      .toSorted((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${(v / 1e6).toFixed(1)} MB`)
      .join(', ');

  it(`the output folder does not grow past ${(DIST_CEILING / 1e6).toFixed(1)} MB`, () => {
    expect(total(), `dist ${(total() / 1e6).toFixed(1)} MB; largest: ${largest()}`).toBeLessThanOrEqual(DIST_CEILING);
  });

  it(`the scorecard's "Needs attention" lists show their ${ATTENTION_CAP} most urgent items each, the overdue projects linking to their full list`, () => {
    const html = readText(outDir, 'scorecard/index.html');
    // Each list: from its heading to the next heading.
    const lists = [...html.matchAll(/<h3 id="attention-([a-z-]+)"[^>]*>[^<]*\((\d+)\)<\/h3>([\s\S]*?)(?=<h[23][ >])/g)].map((m) => ({ id: m[1]!, total: Number(m[2]), items: (m[3]!.match(/<li[ >]/g) ?? []).length, body: m[3]! }));
    expect(lists.map((l) => l.id)).toContain('overdue-projects');
    for (const l of lists) expect(l.items, l.id).toBe(Math.min(ATTENTION_CAP, l.total));
    const overdue = lists.find((l) => l.id === 'overdue-projects')!;
    expect(overdue.total).toBeGreaterThan(ATTENTION_CAP);
    expect(overdue.body).toContain(`<a href="/projects/list/overdue/">all ${overdue.total} overdue projects</a>`);
  });

  // Known gap, kept visible: the output is ~9.9 × plain Astro (see DIST_CEILING for where the bytes are).
  // It.fails passes while over the target and fails once the site fits: then make it a plain `it` and drop DIST_CEILING.
  it.fails(`the output folder within 6 × plain Astro (${(DIST_BUDGET / 1e6).toFixed(1)} MB): not met yet`, () => {
    expect(sizes.length).toBeGreaterThan(0);
    expect(total(), `dist ${(total() / 1e6).toFixed(1)} MB; largest: ${largest()}`).toBeLessThanOrEqual(DIST_BUDGET);
  });
});
