/**
 * Search, exports and publishing output of real builds: the Pagefind index
 * (records only, with filters and meta; nothing internal in a public index,
 * compressed files included), portfolio.csv / portfolio.xml / milestones.ics / feed.xml,
 * robots.txt and sitemap.xml per audience, the CSP meta, and BASE_PATH.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, humanize } from '../../src/core/format.ts';
import { importMspdi } from '../../src/core/import/mspdi.ts';
import { healthLabel, tagWords } from '../../src/core/search-index.ts';
import { assertBuilt, buildSite, listFiles, readText, type BuildResult } from '../support/build-site.ts';
import { EXAMPLE, EXAMPLE_UNDER_BASE } from '../support/shared-builds.ts';
import { parseTags } from '../support/html.ts';
import { EXAMPLE_IN_PARTS, pagefindFiles, pagefindFragments, type PagefindFragment } from '../support/pagefind.ts';
import { prepare } from '../support/prepare.ts';
import { checkXml } from '../support/xml.ts';

const HOSTILE = 'tests/fixtures/sites/hostile';
const HOSTILE_INTERNAL = ['SENTINEL-INTERNAL-7f3a', 'SENTINEL-DEPNOTE-8a1b', 'sentinel-internal-7f3a'];
const HOSTILE_HIDDEN = ['987654321', 'SENTINEL-VENDOR-2c6d', 'SENTINEL-RISK-41c2', 'SENTINEL-DECISION-9d0e', 'SENTINEL-BENEFIT-5b7a', 'SENTINEL-CHANGE-3e8f'];
/** The index splits words at hyphens: the sentinels' distinctive halves, looked for in the (decompressed) index only. */
const INDEX_WORDS = ['7f3a', '8a1b', '2c6d', '41c2', '9d0e', '5b7a', '3e8f'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const json = (dir: string): Json => JSON.parse(readText(dir, 'portfolio.json')) as Json;

/** Every text of the build (pagefind decompressed): `rel → lower-case text`. */
function allText(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of listFiles(dir)) if (!rel.startsWith('pagefind/')) out.set(rel, readFileSync(join(dir, rel)).toString('utf8').toLowerCase());
  for (const [rel, text] of pagefindFiles(dir)) out.set(rel, text.toLowerCase());
  return out;
}

function hits(dir: string, needles: string[]): string[] {
  const out: string[] = [];
  for (const [rel, text] of allText(dir)) for (const n of needles) if (text.includes(n.toLowerCase())) out.push(`${rel}: ${n}`);
  return out;
}

const recordUrls = (data: Json) =>
  (['projects', 'programs', 'goals', 'teams'] as const).flatMap((k) => (data[k] as Json[]).map((r) => `/${k}/${r.id}/`)).sort();

describe('example, public build: search index', () => {
  let build: BuildResult;
  let data: Json;
  let fragments: PagefindFragment[];

  prepare(async () => {
    build = assertBuilt(await buildSite(EXAMPLE));
    data = json(build.outDir);
    fragments = pagefindFragments(build.outDir);
  });

  it('is built by `astro build` itself, with the UI files', () => {
    const files = listFiles(join(build.outDir, 'pagefind'));
    for (const f of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']) expect(files).toContain(f);
    expect(build.stdout).toMatch(/indexed \d+ records for search/);
    const entry = JSON.parse(readText(build.outDir, 'pagefind/pagefind-entry.json')) as Json;
    expect(entry.languages.en.page_count).toBe(recordUrls(data).length);
  });

  it('indexes exactly the record pages (no overview, lists, search or 404)', () => {
    expect(fragments.map((f) => f.url)).toEqual(recordUrls(data));
  });

  it('indexes content only: no nav, header search box or footer text', () => {
    const portal = fragments.find((f) => f.url === '/projects/patient-portal/')!;
    expect(portal.content).toContain('Patient Portal');
    // The header (skip link, brand, nav, search box) and the footer (audience, export links).
    for (const noise of ['Skip to content', 'Northwind Health IT Portfolio', 'Search projects', 'portfolio.json', 'Audience: public', 'What changed']) {
      expect(fragments.filter((f) => f.content.includes(noise)).map((f) => f.url), noise).toEqual([]);
    }
  });

  it('has the filters and meta of each project', () => {
    const portal = fragments.find((f) => f.url === '/projects/patient-portal/')!;
    const p = (data.projects as Json[]).find((x) => x.id === 'patient-portal')!;
    expect(portal.filters.type).toEqual(['Project']);
    // Words, not ids (src/core/search-index.ts): the status and health as the badges say them.
    expect(portal.filters.status).toEqual([humanize(p.status)]);
    expect(portal.filters.program).toEqual([(data.programs as Json[]).find((g) => g.id === p.program)!.title]);
    expect(portal.filters.health).toEqual([healthLabel(p.health.overall)]);
    expect(portal.filters.investment).toEqual([humanize(p.investment)]);
    expect(portal.filters.tag).toEqual(p.tags.map(tagWords).sort());
    expect(portal.filters.goal!.length).toBe(p.goals.length);
    expect(portal.filters.team!.length).toBeGreaterThan(0);
    // The end date as the site writes dates (`26 Feb 2027`), not the record's ISO form.
    expect(portal.meta).toMatchObject({ type: 'Project', status: humanize(p.status), health: healthLabel(p.health.overall), end: formatDate(p.end, data.fiscalYearStart as number), title: p.title });
    const program = fragments.find((f) => f.url.startsWith('/programs/'))!;
    expect(program.meta.type).toBe('Program');
    expect(program.filters).toEqual({ type: ['Program'] });
  });

  it('has every filter value of the portfolio in the filter files', () => {
    const filterText = [...pagefindFiles(build.outDir)].filter(([rel]) => rel.endsWith('.pf_filter')).map(([, t]) => t).join('\n');
    const projects = data.projects as Json[];
    const expected = new Set<string>(['type', 'status', 'program', 'goal', 'team', 'health', 'investment', 'tag', 'Project', 'Program', 'Goal', 'Team']);
    for (const p of projects) {
      expected.add(humanize(p.status));
      if (p.investment) expected.add(humanize(p.investment));
      for (const t of p.tags ?? []) expected.add(tagWords(t));
    }
    for (const g of data.programs as Json[]) expected.add(g.title);
    expect([...expected].filter((v) => !filterText.includes(v))).toEqual([]);
  });

  it('loads search JavaScript only on the search page', () => {
    const withSearch = listFiles(build.outDir)
      .filter((f) => f.endsWith('.html'))
      .filter((f) => /pagefind[-.a-z]*\.js|PagefindUI/.test(readText(build.outDir, f)));
    expect(withSearch).toEqual(['search/index.html']);
    const search = parseTags(readText(build.outDir, 'search/index.html'));
    expect(search.filter((t) => t.name === 'script').map((t) => Object.fromEntries(t.attrs).src ?? 'inline module')).toEqual(['/pagefind/pagefind-ui.js', 'inline module']);
  });

  it('has a header search box on every page: a GET form to /search/ with q', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    const missing = pages.filter((f) => {
      const tags = parseTags(readText(build.outDir, f));
      const form = tags.find((t) => t.name === 'form' && Object.fromEntries(t.attrs).role === 'search');
      const input = tags.find((t) => t.name === 'input' && Object.fromEntries(t.attrs).name === 'q');
      return !form || Object.fromEntries(form.attrs).action !== '/search/' || Object.fromEntries(form.attrs).method !== 'get' || !input;
    });
    expect(pages.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});

describe('example, public build: search index in parts (ROADMAP_SEARCH_PART_CHARS)', () => {
  let whole: BuildResult;
  let parts: BuildResult;

  prepare(async () => {
    whole = assertBuilt(await buildSite(EXAMPLE));
    parts = assertBuilt(await buildSite(EXAMPLE_IN_PARTS));
  });

  const partFolders = (dir: string) => ['', ...readdirSync(join(dir, 'pagefind')).filter((f) => f.startsWith('part-')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((f) => `${f}/`)];

  it('writes the first part with the scripts and the others as data only, in part-2/, part-3/…', () => {
    const folders = partFolders(parts.outDir);
    expect(folders.length).toBeGreaterThanOrEqual(3);
    expect(folders.slice(1)).toEqual(folders.slice(1).map((_, i) => `part-${i + 2}/`));
    expect(parts.stdout).toMatch(new RegExp(`indexed \\d+ records for search in ${folders.length} parts`));
    for (const folder of folders.slice(1)) {
      const files = readdirSync(join(parts.outDir, 'pagefind', folder)).sort();
      expect(files.filter((f) => !/^(pagefind-entry\.json|pagefind\.en_\w+\.pf_meta|index|fragment|filter)$/.test(f)), folder).toEqual([]);
      expect(files, folder).toContain('pagefind-entry.json');
    }
    expect(listFiles(join(parts.outDir, 'pagefind'))).toContain('pagefind-ui.js');
  });

  it('indexes every record page exactly once across the parts, with the same fragments as the whole index', () => {
    const counts = partFolders(parts.outDir).map((f) => (JSON.parse(readText(parts.outDir, `pagefind/${f}pagefind-entry.json`)) as Json).languages.en.page_count as number);
    expect(counts.every((n) => n > 0)).toBe(true);
    const wholeFragments = pagefindFragments(whole.outDir);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(wholeFragments.length);
    expect(pagefindFragments(parts.outDir)).toEqual(wholeFragments);
  });

  it('tells the search page which parts to merge, and the whole index has none', () => {
    const merge = (dir: string) => Object.fromEntries(parseTags(readText(dir, 'search/index.html')).find((t) => Object.fromEntries(t.attrs).id === 'search')!.attrs)['data-merge'];
    expect(merge(parts.outDir)).toBe(partFolders(parts.outDir).slice(1).map((f) => `/pagefind/${f}`).join(' '));
    expect(merge(whole.outDir)).toBe('');
  });
});

// A bad ROADMAP_SEARCH_PART_CHARS stops the build before anything is written: tests/build/publish.test.ts, in the
// same failing build as a bad BASE_PATH (the settings report every bad variable at once).

describe('example, public build: exports and hardening', () => {
  let build: BuildResult;
  let data: Json;

  prepare(async () => {
    build = assertBuilt(await buildSite(EXAMPLE));
    data = json(build.outDir);
  });

  it('portfolio.csv parses back with one row per project of portfolio.json', () => {
    const text = readText(build.outDir, 'portfolio.csv');
    const rows = parse(text, { columns: true, record_delimiter: '\r\n' }) as Json[];
    expect(rows.map((r) => r.id)).toEqual((data.projects as Json[]).map((p) => p.id));
    const portal = rows.find((r) => r.id === 'patient-portal')!;
    const p = (data.projects as Json[]).find((x) => x.id === 'patient-portal')!;
    expect(portal.title).toBe(p.title);
    expect(portal.health).toBe(p.health.overall);
    expect(portal.budget_planned).toBe('');
    expect(portal.slip_days).toBe(p.slipDays === undefined ? '' : String(p.slipDays));
  });

  it('milestones.ics: CRLF, lines ≤ 75 octets, one event per milestone, project end and portfolio marker, unique UIDs', () => {
    const text = readText(build.outDir, 'milestones.ics');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    const projects = data.projects as Json[];
    const markers = ((data.portfolio as Json).markers ?? []) as Json[];
    expect(markers.length).toBeGreaterThan(0);
    const expected = projects.reduce((n, p) => n + (p.milestones?.length ?? 0) + (p.end ? 1 : 0), 0) + markers.length;
    const uids = unfolded.match(/^UID:.*$/gm)!;
    expect(uids).toHaveLength(expected);
    expect(new Set(uids).size).toBe(expected);
    expect(unfolded).toContain('UID:patient-portal/end@roadmap');
    expect(unfolded).not.toContain('URL:'); // no SITE_URL: no absolute links
  });

  it('portfolio.xml is MS Project XML that imports back with one project per dated project of portfolio.json', () => {
    const text = readText(build.outDir, 'portfolio.xml');
    expect(checkXml(text).problems).toEqual([]);
    const back = importMspdi({ fileName: 'portfolio.xml', text });
    const dated = (data.projects as Json[]).filter((p) => p.start && p.end);
    expect(back.report.projects).toBe(dated.length);
    expect(back.report.entries).toEqual([]);
  });

  it('feed.xml is well-formed Atom; changes page and 404.html exist', () => {
    const { problems, root } = checkXml(readText(build.outDir, 'feed.xml'));
    expect(problems).toEqual([]);
    expect(root!.name).toBe('feed');
    const files = listFiles(build.outDir);
    expect(files).toContain('changes/index.html');
    expect(files).toContain('404.html');
    expect(readText(build.outDir, 'changes/index.html')).toContain('What changed');
  });

  it('robots.txt allows indexing; no sitemap without SITE_URL', () => {
    expect(readText(build.outDir, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    expect(listFiles(build.outDir)).not.toContain('sitemap.xml');
  });

  it('every page has a CSP that allows scripts only from the site, hashes only of its own inline scripts; WebAssembly only on the search page', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    const csp = (f: string) => {
      const meta = parseTags(readText(build.outDir, f)).find((t) => t.name === 'meta' && Object.fromEntries(t.attrs)['http-equiv'] === 'content-security-policy');
      return meta ? Object.fromEntries(meta.attrs).content! : '';
    };
    for (const f of pages) {
      const policy = csp(f);
      expect(policy, f).toContain("default-src 'self'");
      expect(policy, f).toContain("object-src 'none'");
      const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!;
      expect(scriptSrc, f).toMatch(/^'self'/);
      expect(scriptSrc, f).not.toContain('unsafe-inline');
      expect(scriptSrc, f).not.toContain("'unsafe-eval'");
      expect(scriptSrc, f).not.toMatch(/https?:/);
      expect(scriptSrc.includes("'wasm-unsafe-eval'"), f).toBe(f === 'search/index.html');
      // Exactly the hashes of the page's own inline scripts: a read-only page lists none.
      const own = [...readText(build.outDir, f).matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
      expect(scriptSrc.split(' ').filter((t) => t.startsWith("'sha256-")).toSorted(), f).toEqual(own.toSorted());
    }
    expect(csp('roadmap/index.html')).toMatch(/script-src 'self'(;|$)/);
  });
});

describe('hostile fixture: nothing internal in a public index', () => {
  let pub: BuildResult;
  let internal: BuildResult;

  prepare(async () => {
    pub = assertBuilt(await buildSite({ content: HOSTILE }));
    internal = assertBuilt(await buildSite({ content: HOSTILE, audience: 'internal' }));
  });

  it('the public build has no internal sentinel or hidden value in any file, the decompressed index included', () => {
    expect(hits(pub.outDir, [...HOSTILE_INTERNAL, ...HOSTILE_HIDDEN])).toEqual([]);
    expect(hits(pub.outDir, INDEX_WORDS).filter((h) => h.startsWith('pagefind/'))).toEqual([]);
    expect(pagefindFragments(pub.outDir).map((f) => f.url)).not.toContain('/projects/sentinel-internal-7f3a/');
  });

  it('the internal build indexes them (so the check above can fail)', () => {
    const index = [...pagefindFiles(internal.outDir)].map(([rel]) => rel);
    const found = hits(internal.outDir, ['SENTINEL-INTERNAL-7f3a', 'SENTINEL-RISK-41c2']).filter((h) => h.startsWith('pagefind/'));
    expect(index.length).toBeGreaterThan(0);
    expect(found.some((h) => h.endsWith('.pf_fragment: SENTINEL-INTERNAL-7f3a'))).toBe(true);
    expect(found.some((h) => h.endsWith('.pf_fragment: SENTINEL-RISK-41c2'))).toBe(true);
    expect(hits(internal.outDir, INDEX_WORDS).filter((h) => /^pagefind\/index\/.*: 7f3a$/.test(h)).length).toBeGreaterThan(0);
    expect(pagefindFragments(internal.outDir).map((f) => f.url)).toContain('/projects/sentinel-internal-7f3a/');
  });

  it('an internal build disallows robots and marks every page noindex and Internal', () => {
    expect(readText(internal.outDir, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    const pages = listFiles(internal.outDir).filter((f) => f.endsWith('.html'));
    const unmarked = pages.filter((f) => {
      const html = readText(internal.outDir, f);
      return !html.includes('<meta name="robots" content="noindex, nofollow">') || !/class="audience-badge"[^>]*>Internal</.test(html);
    });
    expect(unmarked).toEqual([]);
  });
});

describe('BASE_PATH=/roadmap with SITE_URL', () => {
  let build: BuildResult;
  const SITE = EXAMPLE_UNDER_BASE.env!.SITE_URL!;

  prepare(async () => {
    build = assertBuilt(await buildSite(EXAMPLE_UNDER_BASE));
  });

  it('has no absolute link, script, form or search path outside /roadmap/', () => {
    const bad: string[] = [];
    for (const f of listFiles(build.outDir).filter((x) => x.endsWith('.html'))) {
      for (const t of parseTags(readText(build.outDir, f))) {
        for (const [k, v] of t.attrs) {
          if (!['href', 'src', 'action', 'data-bundle', 'data-base', 'srcset', 'poster'].includes(k)) continue;
          if (v.startsWith('/') && !v.startsWith('/roadmap/') && v !== '/roadmap') bad.push(`${f}: <${t.name} ${k}="${v}">`);
        }
      }
    }
    expect(bad).toEqual([]);
    const search = readText(build.outDir, 'search/index.html');
    expect(search).toContain('data-bundle="/roadmap/pagefind/"');
    expect(search).toContain('src="/roadmap/pagefind/pagefind-ui.js"');
  });

  it('writes absolute URLs under the site in sitemap, robots, calendar and feed', () => {
    const sitemap = readText(build.outDir, 'sitemap.xml');
    const { problems, root } = checkXml(sitemap);
    expect(problems).toEqual([]);
    const locs = root!.children.map((u) => u.children.find((c) => c.name === 'loc')!.text);
    expect(locs).toContain(`${SITE}/`);
    expect(locs).toContain(`${SITE}/projects/patient-portal/`);
    expect(locs.filter((l) => !l.startsWith(`${SITE}/`))).toEqual([]);
    expect(locs.filter((l) => l.includes('404'))).toEqual([]);
    expect(readText(build.outDir, 'robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
    expect(readText(build.outDir, 'milestones.ics').replace(/\r\n /g, '')).toContain(`URL:${SITE}/projects/patient-portal/`);
    expect(readText(build.outDir, 'feed.xml')).toContain(`<id>${SITE}/feed.xml</id>`);
  });
});
