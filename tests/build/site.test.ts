/**
 * The built site, file by file: the real `astro build` of the example
 * portfolio (`content/`, see content/README.md for its scenario map) and of
 * the hostile fixture (`tests/fixtures/sites/hostile/`), for the public and
 * internal audiences, plus a rebuild, a BASE_PATH build and a build of a
 * broken content folder.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, hashTree, listFiles, plain, readText, ROOT, type BuildResult } from '../support/build-site.ts';
import { EXAMPLE_UNDER_BASE } from '../support/shared-builds.ts';
import { EXAMPLE_IN_PARTS } from '../support/pagefind.ts';
import { dangerousMarkup, decodeEntities, isInternalUrl, pageUrls, parseTags, withoutAttributeValues } from '../support/html.ts';
import { prepare } from '../support/prepare.ts';

const EXAMPLE = 'content';
const HOSTILE = 'tests/fixtures/sites/hostile';
const BROKEN = 'tests/fixtures/sites/broken';

// ---------------------------------------------------------------------------
// helpers

type Json = Record<string, any>;

/** Record ids of a content folder, by collection, split by visibility. */
function contentIds(content: string) {
  const dir = join(ROOT, content);
  const ids = (collection: string) =>
    readdirSync(join(dir, collection))
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => f.replace(/\.mdx?$/, ''))
      .sort();
  const internal = ids('projects').filter((id) => {
    const file = readdirSync(join(dir, 'projects')).find((f) => f.replace(/\.mdx?$/, '') === id)!;
    const frontMatter = readFileSync(join(dir, 'projects', file), 'utf8').split(/^---\s*$/m)[1] ?? '';
    return /^visibility:\s*internal\s*$/m.test(frontMatter);
  });
  return {
    projects: ids('projects').filter((id) => !internal.includes(id)),
    internalProjects: internal,
    programs: ids('programs'),
    goals: ids('goals'),
    teams: ids('teams'),
  };
}

/** The pages and files the site map promises for these records. */
function expectedFiles(ids: { projects: string[]; programs: string[]; goals: string[]; teams: string[] }): string[] {
  return [
    'index.html',
    '404.html',
    'portfolio.json',
    ...['projects', 'programs', 'goals', 'teams', 'roadmap', 'dependencies', 'scorecard', 'backlog', 'search'].map((s) => `${s}/index.html`),
    ...ids.projects.map((id) => `projects/${id}/index.html`),
    ...ids.programs.map((id) => `programs/${id}/index.html`),
    ...ids.goals.map((id) => `goals/${id}/index.html`),
    ...ids.teams.map((id) => `teams/${id}/index.html`),
  ];
}

const isPage = (rel: string) => /\.(html?|svg|xml)$/i.test(rel);

/** `[file, needle]` for every needle found in any file of the build (case-insensitive), text or binary. */
function findEverywhere(outDir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const rel of listFiles(outDir)) {
    const text = readFileSync(join(outDir, rel)).toString('latin1').toLowerCase();
    const utf8 = readFileSync(join(outDir, rel), 'utf8').toLowerCase();
    for (const needle of needles) {
      const n = needle.toLowerCase();
      if (text.includes(n) || utf8.includes(n)) hits.push(`${rel}: ${needle}`);
    }
  }
  return hits;
}

/** Needles not found anywhere in the build. */
function missingEverywhere(outDir: string, needles: string[]): string[] {
  const found = new Set(findEverywhere(outDir, needles).map((h) => h.slice(h.indexOf(': ') + 2)));
  return needles.filter((n) => !found.has(n));
}

/** Every object key in a JSON value, with its path. */
function keyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keyPaths(v, `${path}.${k}`)]);
  }
  return [];
}

/** Problems with untrusted text in the built pages: real markup, not escaped text. */
function markupProblems(outDir: string): string[] {
  const problems: string[] = [];
  for (const rel of listFiles(outDir).filter(isPage)) {
    const html = readText(outDir, rel);
    const markup = withoutAttributeValues(html).toLowerCase();
    for (const raw of ['<script>alert', '<b>bold</b>', '<script>window.__pwned', '<svg onload', '<img src=x']) {
      if (markup.includes(raw.toLowerCase())) problems.push(`${rel}: contains raw ${raw}`);
    }
    for (const p of dangerousMarkup(html)) problems.push(`${rel}: ${p.problem} in ${p.tag}`);
  }
  return problems;
}

/** Pages allowed to load JavaScript: the search page (Pagefind) and pages whose body has a Mermaid block. */
function mayLoadScript(outDir: string, rel: string): boolean {
  return rel === 'search/index.html' || readText(outDir, rel).includes('class="language-mermaid"');
}

/** Script tags on every other page. */
function scriptTags(outDir: string): string[] {
  return listFiles(outDir)
    .filter((rel) => rel.endsWith('.html') && !mayLoadScript(outDir, rel))
    .flatMap((rel) => parseTags(readText(outDir, rel)).filter((t) => t.name === 'script').map((t) => `${rel}: <script ${t.attrs.map(([k, v]) => `${k}="${v}"`).join(' ')}>`));
}

/**
 * Every "On this page" link of every page, checked against the page: the
 * first element with the link's id is a heading whose text is the link's
 * text. Returns the problems, and how many pages have such a list.
 */
function onThisPageProblems(outDir: string): { problems: string[]; pages: string[] } {
  const problems: string[] = [];
  const pages: string[] = [];
  const text = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
  for (const rel of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const html = readText(outDir, rel);
    const nav = /<nav[^>]*aria-label="On this page"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
    if (!nav) continue;
    pages.push(rel);
    for (const [, id, label] of nav[1].matchAll(/<a href="#([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
      const at = html.indexOf(` id="${id}"`);
      const open = html.lastIndexOf('<', at);
      const heading = /^<(h[2-4])\b/.exec(html.slice(open));
      const end = heading ? html.indexOf(`</${heading[1]}>`, at) : -1;
      const headingText = heading && end > 0 ? text(html.slice(html.indexOf('>', at) + 1, end)) : undefined;
      if (at < 0) problems.push(`${rel}: #${id} has no target`);
      else if (!heading) problems.push(`${rel}: #${id} is not a heading`);
      else if (headingText !== text(label)) problems.push(`${rel}: #${id} reads "${headingText}", the list says "${text(label)}"`);
    }
  }
  return { problems, pages };
}

/** The text of the page's h2 headings, in order. */
function h2s(html: string): string[] {
  return [...html.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => decodeEntities(m[1].replace(/<[^>]*>/g, '')).trim());
}

function json(outDir: string): Json {
  return JSON.parse(readText(outDir, 'portfolio.json')) as Json;
}

const byId = (list: Json[]) => new Map(list.map((x) => [x.id as string, x]));

// The example's hidden-field values, from content/projects/patient-portal.md
// (each checked to appear nowhere in a public field of any record).
const EXAMPLE_HIDDEN = [
  'NHS login federation delayed by the identity project', // risks[0].title
  'Supplier key-person dependency', // risks[2].title
  'Fund the digital letters module', // decisions[0].question
  'Launch with email and one-time code', // decisions[1].question
  'Proxy access for carers and parents', // changes[1].title
  'Defer digital letters to phase 2', // changes[0].title
  'Inbound booking calls', // benefits[1].metric
  'Healthwise Digital Ltd', // budget.lines[].vendor
  '1450000', // budget.planned
  '1,450,000',
];
// The example's internal records (content/README.md, scenario 2): ids, titles, body marker, names only they use.
const EXAMPLE_INTERNAL = [
  'legacy-pas-vendor-exit',
  'it-service-desk-restructure',
  'Legacy PAS Vendor Exit',
  'IT Service Desk Restructure',
  'INTERNAL-ONLY',
  'Meridian Health Systems',
  'Hartley Morgan',
  'Legacy PAS cut-over weekend', // the internal portfolio marker
];

const HOSTILE_INTERNAL = ['SENTINEL-INTERNAL-7f3a', 'SENTINEL-DEPNOTE-8a1b', 'SENTINEL-MARKER-6c1d'];
const HOSTILE_HIDDEN = [
  '987654321',
  'SENTINEL-VENDOR-2c6d',
  'SENTINEL-RISK-41c2',
  'SENTINEL-DECISION-9d0e',
  'SENTINEL-BENEFIT-5b7a',
  'SENTINEL-CHANGE-3e8f',
  '0.4321',
];
/** Other spellings of the hidden budget figure a page might print. */
const HOSTILE_BUDGET_FORMS = ['987,654,321', '987.654.321', '987 654 321', '987\u00a0654\u00a0321', '987\u202f654\u202f321', '987.65m', '987.7m', '987.7 m', '988m'];

const HOSTILE_TITLE = '<script>alert(1)</script> "quoted" & <b>bold</b>';

/** Keys computed from or holding a field the public audience hides. */
const PUBLIC_FORBIDDEN_KEYS = [
  'budget',
  'benefits',
  'risks',
  'scores',
  'demand',
  'decisions',
  'changes',
  'score',
  'scoreTerms',
  'budgetVariance',
  'benefitRealization',
  'budgetPlanned',
  'budgetForecast',
  'budgetShare',
  'unalignedBudgetShare',
  'utilization',
];

function publicLeaks(data: Json): string[] {
  // `portfolio` holds the settings (thresholds.budgetVariance is a threshold, not a figure).
  const { portfolio: _settings, ...records } = data;
  // `health.benefits` is the benefits dimension, computed from value_status (public), not from `benefits`.
  return keyPaths(records).filter((p) => PUBLIC_FORBIDDEN_KEYS.includes(p.slice(p.lastIndexOf('.') + 1)) && !/\.health(Source)?\.benefits$/.test(p));
}

// ---------------------------------------------------------------------------

describe('example portfolio, public build', () => {
  let build: BuildResult;
  let files: string[];
  let data: Json;
  const ids = contentIds(EXAMPLE);

  prepare(async () => {
    build = assertBuilt(await buildSite({ content: EXAMPLE }));
    files = listFiles(build.outDir);
    data = json(build.outDir);
  });

  it('has the content the scenario map describes (25 public, 2 internal projects)', () => {
    expect(ids.projects).toHaveLength(25);
    expect(ids.internalProjects).toEqual(['it-service-desk-restructure', 'legacy-pas-vendor-exit']);
    expect([ids.programs.length, ids.goals.length, ids.teams.length]).toEqual([4, 3, 5]);
  });

  it('writes every page of the site map, and a page for every public record', () => {
    const missing = expectedFiles(ids).filter((f) => !files.includes(f));
    expect(missing, `missing from dist: ${missing.join(', ')}`).toEqual([]);
    const projectPages = files.filter((f) => /^projects\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]);
    expect(projectPages.sort()).toEqual(ids.projects);
  });

  it('leaves internal records out of every file, assets and portfolio.json included', () => {
    expect(findEverywhere(build.outDir, EXAMPLE_INTERNAL)).toEqual([]);
  });

  it('leaves hidden fields (budget, benefits, risks, decisions, changes) out of every file', () => {
    expect(findEverywhere(build.outDir, EXAMPLE_HIDDEN)).toEqual([]);
  });

  it('escapes record text and has no event handlers or script URLs', () => {
    expect(markupProblems(build.outDir)).toEqual([]);
  });

  it("puts an MDX body's headings one level down, under the page's Notes heading, as a Markdown body's", () => {
    const html = readText(build.outDir, 'projects/security-awareness-programme/index.html');
    const notes = html.slice(html.indexOf('<h2 id="sec-notes">'), html.indexOf('<h2 id="sec-overview">'));
    expect(notes.match(/<h[1-6][^>]*>[^<]*/g)).toEqual(['<h2 id="sec-notes">Notes', '<h3 id="summary">Summary', '<h3 id="lessons-learned">Lessons learned']);
  });

  it('ships no client JavaScript: no <script> in any page and no .js file', () => {
    expect(scriptTags(build.outDir)).toEqual([]);
    // Pagefind's files, and the Mermaid loader with the chunks it imports lazily.
    expect(files.filter((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/') && !f.startsWith('_astro/'))).toEqual([]);
  });

  it('loads JavaScript for Mermaid only on the page with a Mermaid block, as one module script', () => {
    const mermaidPages = files.filter((f) => f.endsWith('.html') && f !== 'search/index.html' && mayLoadScript(build.outDir, f));
    expect(mermaidPages).toEqual(['projects/datacentre-exit/index.html']);
    const scripts = parseTags(readText(build.outDir, mermaidPages[0])).filter((t) => t.name === 'script');
    expect(scripts.map((t) => Object.fromEntries(t.attrs).type)).toEqual(['module']);
  });

  it('is not marked internal and does not ask search engines to stay away', () => {
    const marked = files.filter((f) => f.endsWith('.html') && /<meta name="robots" content="noindex/.test(readText(build.outDir, f)));
    expect(marked).toEqual([]);
    expect(readText(build.outDir, 'index.html')).not.toMatch(/audience-badge/);
  });

  it('exports portfolio.json: schemaVersion 1, camelCase keys only, every public project', () => {
    expect(data.schemaVersion).toBe(1);
    expect(keyPaths(data).filter((p) => p.slice(p.lastIndexOf('.') + 1).includes('_'))).toEqual([]);
    expect(data.portfolio).toMatchObject({ title: 'Northwind Health IT Portfolio', currency: 'GBP', fiscalYearStart: 4, asOf: '2026-11-15', audience: 'public' });
    expect(data.projects.map((p: Json) => p.id).sort()).toEqual(ids.projects);
    expect(data.summary.total).toBe(25);
    expect(data.goals.map((g: Json) => g.id).sort()).toEqual(ids.goals);
    expect(data.programs.map((p: Json) => p.id).sort()).toEqual(ids.programs);
    expect(data.teams.map((t: Json) => t.id).sort()).toEqual(ids.teams);
  });

  it('exports no hidden field and no number computed from one', () => {
    expect(publicLeaks(data)).toEqual([]);
    const projects = byId(data.projects);
    // budget and resources health come from hidden fields (budget, demand)
    expect(projects.get('e-prescribing-rollout')!.health.budget).toBeUndefined();
    expect(projects.get('identity-and-access')!.health.resources).toBeUndefined();
  });
});

describe('example portfolio, internal build', () => {
  let build: BuildResult;
  let data: Json;
  const ids = contentIds(EXAMPLE);

  prepare(async () => {
    build = assertBuilt(await buildSite({ content: EXAMPLE, audience: 'internal' }));
    data = json(build.outDir);
  });

  it('has pages for the internal records too', () => {
    const files = listFiles(build.outDir);
    const all = { ...ids, projects: [...ids.projects, ...ids.internalProjects].sort() };
    expect(expectedFiles(all).filter((f) => !files.includes(f))).toEqual([]);
    expect(data.projects.map((p: Json) => p.id).sort()).toEqual(all.projects);
    expect(data.summary.total).toBe(27);
  });

  it('contains the internal records and the hidden fields the public build leaves out', () => {
    expect(missingEverywhere(build.outDir, EXAMPLE_INTERNAL)).toEqual([]);
    expect(missingEverywhere(build.outDir, EXAMPLE_HIDDEN.filter((n) => n !== '1,450,000'))).toEqual([]);
  });

  it('makes every table scroller a region the keyboard can reach, named uniquely on its page (a wide table scrolls inside it)', () => {
    const bad: string[] = [];
    for (const rel of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const names = new Set<string>();
      for (const tag of parseTags(readText(build.outDir, rel))) {
        const attrs = Object.fromEntries(tag.attrs);
        if (!(attrs.class ?? '').split(/\s+/).includes('table-scroll')) continue;
        const name = attrs['aria-label'] ?? '';
        if (attrs.role !== 'region' || attrs.tabindex !== '0' || !name) bad.push(`${rel}: <${tag.name} class="${attrs.class}">`);
        else if (names.has(name)) bad.push(`${rel}: two regions named "${name}"`);
        names.add(name);
      }
    }
    expect(bad).toEqual([]);
  });

  it('marks every page internal and asks search engines not to index it', () => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    const unmarked = pages.filter((f) => !/<meta name="robots" content="noindex/.test(readText(build.outDir, f)) || !/>Internal</.test(readText(build.outDir, f)));
    expect(unmarked).toEqual([]);
  });

  it('puts what matters first: the scorecard opens with Needs attention and the health matrix, a project with its summary then its narrative', () => {
    expect(h2s(readText(build.outDir, 'scorecard/index.html')).slice(0, 2)).toEqual(['Needs attention', 'Health matrix']);
    expect(h2s(readText(build.outDir, 'scorecard/programs/digital-front-door/index.html')).slice(0, 2)).toEqual(['Needs attention', 'Health matrix']);
    const portal = h2s(readText(build.outDir, 'projects/patient-portal/index.html'));
    expect(portal.slice(0, 2)).toEqual(['Summary', 'Notes']);
    expect(portal.indexOf('Overview')).toBeGreaterThan(portal.indexOf('Notes'));
    // The body's own sections sit under Notes (its ## are h3 there), not beside it.
    expect(portal).not.toContain('Background');
    expect(readText(build.outDir, 'projects/patient-portal/index.html')).toContain('<h3 id="background">Background</h3>');
    expect(portal.indexOf('Risks')).toBeGreaterThan(portal.indexOf('Overview'));
  });

  it('links every "On this page" entry to a heading with its text, on the long pages', () => {
    const { problems, pages } = onThisPageProblems(build.outDir);
    expect(problems).toEqual([]);
    for (const page of ['scorecard/index.html', 'dependencies/index.html', 'projects/patient-portal/index.html', 'goals/improve-patient-access/index.html', 'programs/digital-front-door/index.html']) {
      expect(pages).toContain(page);
    }
  });

  it('escapes record text, has no event handlers or script URLs, ships no script', () => {
    expect(markupProblems(build.outDir)).toEqual([]);
    expect(scriptTags(build.outDir)).toEqual([]);
  });
});

describe('hostile fixture, public build', () => {
  let build: BuildResult;
  let data: Json;
  const ids = contentIds(HOSTILE);

  prepare(async () => {
    build = assertBuilt(await buildSite({ content: HOSTILE }));
    data = json(build.outDir);
  });

  it('is valid content: `npm run check -- --strict` passes with no warning', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/check.ts', '--strict'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ROADMAP_CONTENT: HOSTILE },
      encoding: 'utf8',
    });
    expect(run.status, plain(`${run.stdout}${run.stderr}`)).toBe(0);
    expect(plain(run.stdout)).toMatch(/6 projects.*no problems/);
  });

  it('writes the site map for the public records only', () => {
    const files = listFiles(build.outDir);
    expect(ids.internalProjects).toEqual(['sentinel-internal-7f3a']);
    expect(expectedFiles(ids).filter((f) => !files.includes(f))).toEqual([]);
    expect(files.filter((f) => f.includes('sentinel-internal'))).toEqual([]);
  });

  it('leaves the internal project and every hidden field out of every file', () => {
    expect(findEverywhere(build.outDir, [...HOSTILE_INTERNAL, ...HOSTILE_HIDDEN, ...HOSTILE_BUDGET_FORMS])).toEqual([]);
  });

  it('drops the dependency on the internal project', () => {
    const p = byId(data.projects).get('depends-on-internal')!;
    expect((p.dependencies ?? []).map((d: Json) => d.on)).toEqual([]);
    expect(p.conflicts ?? []).toEqual([]);
    expect(publicLeaks(data)).toEqual([]);
  });

  it('has no raw markup from records: no <script>alert, no <b>bold</b>, no handlers, no script URLs', () => {
    expect(markupProblems(build.outDir)).toEqual([]);
    expect(scriptTags(build.outDir)).toEqual([]);
  });

  it('shows the hostile title as text, escaped, on its page, in lists and in the page title', () => {
    for (const rel of ['projects/hostile-title/index.html', 'projects/index.html', 'programs/hostile-program/index.html']) {
      const html = readText(build.outDir, rel);
      expect(html, rel).not.toContain('<b>bold</b>');
      expect(decodeEntities(html), rel).toContain(HOSTILE_TITLE);
    }
    const page = readText(build.outDir, 'projects/hostile-title/index.html');
    const title = /<title>([\s\S]*?)<\/title>/.exec(page)![1]!;
    expect(decodeEntities(title)).toContain(HOSTILE_TITLE);
  });

  it('links only safe evidence URLs, with the attribute escaped', () => {
    const urls = pageUrls(readText(build.outDir, 'projects/hostile-title/index.html')).map((u) => u.value);
    expect(urls).toContain('https://example.org/evidence?a=1&b="2"');
    expect(urls.filter((u) => u.includes('alert'))).toEqual([]);
  });

  it('sanitizes the Markdown body but keeps its Markdown and safe links', () => {
    const html = readText(build.outDir, 'projects/hostile-body/index.html');
    expect(html).toContain('<strong>Markdown</strong>');
    expect(pageUrls(html).map((u) => u.value)).toContain('https://example.org/safe');
    // The body only: the header's search box is the site's own form.
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(parseTags(main).filter((t) => ['iframe', 'form', 'object', 'embed', 'math', 'style', 'button'].includes(t.name)).map((t) => t.name)).toEqual([]);
  });

  it('keeps the raw HTML the allow-list permits (details, kbd, sub) with its text', () => {
    const html = readText(build.outDir, 'projects/hostile-body/index.html');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toMatch(/<details><summary>Escalation history<\/summary>\s*<p>Raised at the steering committee.<\/p>\s*<\/details>/);
  });

  it('exports the hostile text verbatim in portfolio.json (JSON is data, not markup)', () => {
    expect(byId(data.projects).get('hostile-title')!.title).toBe(HOSTILE_TITLE);
    expect(data.schemaVersion).toBe(1);
    expect(keyPaths(data).filter((p) => p.slice(p.lastIndexOf('.') + 1).includes('_'))).toEqual([]);
  });
});

describe('hostile fixture, internal build', () => {
  let build: BuildResult;
  let data: Json;

  prepare(async () => {
    build = assertBuilt(await buildSite({ content: HOSTILE, audience: 'internal' }));
    data = json(build.outDir);
  });

  it('contains the internal project and every hidden-field sentinel', () => {
    expect(listFiles(build.outDir)).toContain('projects/sentinel-internal-7f3a/index.html');
    expect(missingEverywhere(build.outDir, [...HOSTILE_INTERNAL, ...HOSTILE_HIDDEN])).toEqual([]);
    const page = readText(build.outDir, 'projects/sentinel-internal-7f3a/index.html');
    // title, summary and body
    expect(page.match(/SENTINEL-INTERNAL-7f3a/g)!.length).toBeGreaterThanOrEqual(3);
    expect(byId(data.projects).get('depends-on-internal')!.dependencies.map((d: Json) => d.on)).toEqual(['sentinel-internal-7f3a']);
  });

  it('shows the hidden fields on the project page', () => {
    const page = readText(build.outDir, 'projects/hostile-title/index.html');
    for (const s of ['SENTINEL-RISK-41c2', 'SENTINEL-DECISION-9d0e', 'SENTINEL-BENEFIT-5b7a', 'SENTINEL-CHANGE-3e8f', 'SENTINEL-VENDOR-2c6d']) expect(page).toContain(s);
  });

  it('is as safe as the public build', () => {
    expect(markupProblems(build.outDir)).toEqual([]);
    expect(scriptTags(build.outDir)).toEqual([]);
  });
});

describe('reproducible builds', () => {
  it('builds the same content and as-of date byte for byte, whatever the time zone or ROADMAP_AS_OF (as_of in portfolio.yaml wins)', async () => {
    const first = assertBuilt(await buildSite({ content: EXAMPLE }));
    // The run's index-in-parts build has TZ=Pacific/Kiritimati and ROADMAP_AS_OF=2031-01-01. Its search index is
    // split (tests/build/search.test.ts finds the same fragments in the parts as in the whole index), so the
    // search page names the parts: apart from that attribute, every file is the same.
    expect(EXAMPLE_IN_PARTS.env?.TZ).toBe('Pacific/Kiritimati');
    const second = assertBuilt(await buildSite(EXAMPLE_IN_PARTS));
    const outsideIndex = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([f]) => !f.startsWith('pagefind/') && f !== 'search/index.html'));
    const a = outsideIndex(hashTree(first.outDir));
    const b = outsideIndex(hashTree(second.outDir));
    const differ = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => a[f] !== b[f]).sort();
    expect(differ, `files that differ between two builds: ${differ.slice(0, 20).join(', ')}`).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(40);
    const searchPage = (dir: string) => readText(dir, 'search/index.html').replace(/ data-merge(="[^"]*")?/, '');
    expect(searchPage(second.outDir)).toBe(searchPage(first.outDir));
  }, 600_000);
});

describe('BASE_PATH=/roadmap', () => {
  let build: BuildResult;
  let plainBuild: BuildResult;

  prepare(async () => {
    plainBuild = assertBuilt(await buildSite({ content: EXAMPLE }));
    // One build for every BASE_PATH test: SITE_URL changes no page link.
    build = assertBuilt(await buildSite(EXAMPLE_UNDER_BASE));
  });

  it('prefixes every internal href and src with /roadmap/', () => {
    const bad: string[] = [];
    for (const rel of listFiles(build.outDir).filter(isPage)) {
      for (const u of pageUrls(readText(build.outDir, rel))) {
        if (isInternalUrl(u.value) && !u.value.startsWith('/roadmap/')) bad.push(`${rel}: <${u.tag} ${u.attr}="${u.value}">`);
      }
    }
    for (const rel of listFiles(build.outDir).filter((f) => f.endsWith('.css'))) {
      for (const m of readText(build.outDir, rel).matchAll(/url\(\s*['"]?([^'")]+)/g)) {
        if (isInternalUrl(m[1]!) && !m[1]!.startsWith('data:') && !m[1]!.startsWith('/roadmap/')) bad.push(`${rel}: url(${m[1]})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('links exactly what the root build links, under /roadmap (so the Roadmap page is /roadmap/roadmap/)', () => {
    const asset = (u: string) => u.replace(/\/_astro\/([^/]+?)\.[A-Za-z0-9_-]{6,}\.(\w+)$/, '/_astro/$1.*.$2');
    const mismatched: string[] = [];
    const pages = listFiles(plainBuild.outDir).filter((f) => f.endsWith('.html'));
    expect(listFiles(build.outDir).filter((f) => f.endsWith('.html'))).toEqual(pages);
    for (const rel of pages) {
      const want = pageUrls(readText(plainBuild.outDir, rel)).map((u) => (isInternalUrl(u.value) ? asset(`/roadmap${u.value}`) : u.value));
      const got = pageUrls(readText(build.outDir, rel)).map((u) => asset(u.value));
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        const diff = got.filter((u, i) => u !== want[i]).slice(0, 5);
        mismatched.push(`${rel}: ${diff.join(' ')} (expected ${want.filter((u, i) => u !== got[i]).slice(0, 5).join(' ')})`);
      }
    }
    expect(mismatched).toEqual([]);
    expect(pageUrls(readText(build.outDir, 'index.html')).map((u) => u.value)).toContain('/roadmap/roadmap/');
  });

  it('has the Mermaid loader import mermaid from under /roadmap/, where the build put it', () => {
    const module = /import\(`\/roadmap\/(_astro\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs)`\)/.exec(readText(build.outDir, 'projects/datacentre-exit/index.html'))?.[1];
    expect(module).toBeDefined();
    expect(listFiles(build.outDir)).toContain(module);
  });
});

describe('a content folder with errors', () => {
  let build: BuildResult;
  let output: string;

  prepare(async () => {
    build = await buildSite({ content: BROKEN });
    output = plain(`${build.stdout}\n${build.stderr}`);
  });

  it('fails the build', () => {
    expect(build.code, output.slice(-3000)).not.toBe(0);
  });

  it('prints every problem as path:line:column  field  message', () => {
    const where = (file: string, line: number, field: string) =>
      new RegExp(`(^|[\\s/])${BROKEN.replaceAll('/', '\\/')}\\/projects\\/${file.replace('.', '\\.')}:${line}:\\d+\\s+${field.replace(/[[\].]/g, '\\$&')}\\s+\\S`, 'm');
    expect(output).toMatch(where('bad-status.md', 3, 'status'));
    expect(output).toMatch(/in progress[^\n]*did you mean "?active"?/);
    expect(output).toMatch(where('bad-date.md', 4, 'start'));
    expect(output).toMatch(where('bad-reference.md', 4, 'program'));
    expect(output).toMatch(/no-such-program/);
  });

  it('writes nothing', () => {
    expect(listFiles(build.outDir)).toEqual([]);
  });
});
