/**
 * Imports run inward only (README, "How it is built"): core imports nothing
 * of the rest, charts only core, page data only core and charts, and nothing
 * imports scripts/. A test of the rule itself checks that a file against the
 * flow is reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/build-site.ts';

/** What each layer (folder under src/) may import, besides itself and npm packages. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  charts: ['core'],
  'page-data': ['core', 'charts'],
  render: ['core'],
  io: ['core'],
  pipeline: ['core', 'io', 'render', 'page-data'],
  integrations: ['core', 'io', 'render', 'pipeline', 'page-data', 'charts'],
  components: ['core', 'charts', 'render', 'page-data', 'components', 'styles'],
  layouts: ['core', 'render', 'page-data', 'components', 'integrations', 'styles'],
  pages: ['core', 'charts', 'render', 'page-data', 'components', 'layouts', 'integrations', 'styles'],
  // Astro's content collections config: the content folder from the settings.
  'content.config.ts': ['core', 'io', 'pipeline'],
};

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|astro|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** The layer of a path inside src/, or `scripts`, or undefined for anything else. */
function layerOf(file: string): string | undefined {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'scripts') return 'scripts';
  if (rel[0] !== 'src') return undefined;
  return rel[1];
}

/** Every import of `file` against the flow, as `from → to`. */
export function violations(file: string, text: string): string[] {
  const from = layerOf(file)!;
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) continue; // a package
    const target = path.resolve(path.dirname(file), spec);
    const to = layerOf(target);
    if (to === from) continue;
    if (to === 'scripts' || !to || !(ALLOWED[from] ?? []).includes(to)) out.push(`${path.relative(ROOT, file)} → ${spec}`);
  }
  return out;
}

describe('import direction', () => {
  it('every import in src/ runs inward, and nothing imports scripts/', () => {
    const files = sourceFiles(path.join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('reports an import against the flow', () => {
    const core = path.join(ROOT, 'src/core/x.ts');
    expect(violations(core, "import { a } from '../charts/timeline.ts';")).toEqual(['src/core/x.ts → ../charts/timeline.ts']);
    expect(violations(path.join(ROOT, 'src/charts/x.ts'), "import type { B } from '../page-data/roadmap.ts';\nimport { c } from '../core/dates.ts';")).toHaveLength(1);
    expect(violations(path.join(ROOT, 'src/io/x.ts'), "export { runCheck } from '../../scripts/check.ts';")).toHaveLength(1);
    expect(violations(path.join(ROOT, 'src/components/X.astro'), "---\nimport { getSite } from '../integrations/site.ts';\n---")).toHaveLength(1);
    expect(violations(path.join(ROOT, 'src/page-data/x.ts'), "const m = await import('../io/read-content.ts');")).toHaveLength(1);
    expect(violations(core, "import { z } from 'zod';\nimport { d } from './dates.ts';")).toEqual([]);
  });
});
