/** `npm run bench`: argument parsing, JS bytes per page, dist stats, the table row. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distStats, jsPerPageType, pageJsBytes, parseBenchArgs, tableRow, TABLE_HEAD, type BenchReport } from '../../scripts/bench.ts';
import { heaviestPages } from '../../scripts/bench/open-pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseBenchArgs', () => {
  it('reads --records N (both spellings) and the flags', () => {
    expect(parseBenchArgs(['--records', '500'])).toEqual({ records: 500, baseline: false, open: false, keep: false, seed: 1, json: false });
    expect(parseBenchArgs(['--records=2000', '--baseline', '--open', '--keep', '--seed', '9', '--json'])).toEqual({ records: 2000, baseline: true, open: true, keep: true, seed: 9, json: true });
    expect(parseBenchArgs(['--records', '10', '--audience', 'internal'])).toMatchObject({ audience: 'internal' });
  });
  it('refuses a missing or bad record count and unknown options', () => {
    expect(parseBenchArgs([])).toHaveProperty('error', expect.stringContaining('--records needs a whole number'));
    expect(parseBenchArgs(['--records', '0'])).toHaveProperty('error');
    expect(parseBenchArgs(['--records', '1.5'])).toHaveProperty('error');
    expect(parseBenchArgs(['--records', '5', '--fast'])).toHaveProperty('error', expect.stringContaining('unknown option --fast'));
  });
});

describe('pageJsBytes', () => {
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(join(dir, '_astro', 'a.js'), 'x'.repeat(1000));
  writeFileSync(join(dir, '_astro', 'b.js'), 'y'.repeat(250));

  it('is 0 for a page without scripts, and ignores JSON data blocks', () => {
    expect(pageJsBytes('<html><body><svg><title>t</title></svg></body></html>', dir)).toBe(0);
    expect(pageJsBytes('<script type="application/json">{"a":1}</script><script type="application/ld+json">{}</script>', dir)).toBe(0);
  });
  it('counts inline scripts, external scripts once, and module preloads', () => {
    expect(pageJsBytes('<script>let a=1;</script>', dir)).toBe(8);
    expect(pageJsBytes('<script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/a.js"></script>', dir)).toBe(1000);
    expect(pageJsBytes('<link rel="modulepreload" href="/_astro/b.js"><script type="module" src="/_astro/a.js"></script>', dir)).toBe(1250);
    expect(pageJsBytes('<script src="https://cdn.example/x.js"></script>', dir)).toBe(0);
  });
  it('finds the page of each type in a built site', () => {
    const site = join(dir, 'site');
    for (const [p, html] of [
      ['projects/project-01', '<p>record</p>'],
      ['roadmap', '<svg></svg>'],
      ['search', '<script type="module" src="/_astro/a.js"></script>'],
    ] as const) {
      mkdirSync(join(site, p), { recursive: true });
      writeFileSync(join(site, p, 'index.html'), html);
    }
    mkdirSync(join(site, '_astro'), { recursive: true });
    writeFileSync(join(site, '_astro', 'a.js'), 'z'.repeat(42));
    expect(jsPerPageType(site, 'project-01')).toEqual({ record: 0, roadmap: 0, dependency: undefined, scorecard: undefined, search: 42 });
    expect(distStats(site)).toEqual({ pages: 3, files: 4, bytes: 13 + 11 + 50 + 42 });
  });
});

describe('tableRow', () => {
  it('formats one row of the README table', () => {
    const r: BenchReport = {
      records: 2000,
      seed: 1,
      cpus: 2,
      loadBefore: '0.10 0.20 0.30',
      generateMs: 100,
      check: { wallMs: 2345, code: 0 },
      recheck: { wallMs: 650 },
      build: { wallMs: 61_250, cpuMs: 90_000, code: 0, peakTreeRss: 1536 * 1024 * 1024, pages: 2103, distBytes: 125 * 1024 * 1024, js: { record: 0, roadmap: 0, dependency: 0, scorecard: 0, search: 1 } },
      baseline: { wallMs: 40_000, code: 0, pages: 2000, distBytes: 1, ratio: 61_250 / 40_000 },
      dir: '/tmp/x',
    };
    expect(TABLE_HEAD.split('\n')[0]!.split('|').length).toBe(tableRow(r).split('|').length);
    expect(tableRow(r)).toBe('| 2,000 | 61.3 s | 90.0 s | 1536 MB | 2,103 | 125 MB | 2.3 s (0.7 s) | 40.0 s | 1.53× |');
  });
});

describe('heaviestPages (what --open opens)', () => {
  it('takes the largest index.html of each top-level folder and the home page, largest first, skipping assets and the search index', () => {
    const site = join(dir, 'open-site');
    const page = (rel: string, bytes: number) => {
      mkdirSync(join(site, rel), { recursive: true });
      writeFileSync(join(site, rel, 'index.html'), 'x'.repeat(bytes));
    };
    page('', 50);
    page('projects/a', 300);
    page('projects/b', 200);
    page('projects/list/page/2', 400);
    page('teams/t', 100);
    page('pagefind/x', 9_000);
    page('_astro/y', 9_000);
    expect(heaviestPages(site)).toEqual([
      { path: '/projects/list/page/2/', bytes: 400 },
      { path: '/teams/t/', bytes: 100 },
      { path: '/', bytes: 50 },
    ]);
  });
});
