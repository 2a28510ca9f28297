/**
 * Write the synthetic portfolio (`src/core/synthetic.ts`) to a folder.
 *
 *     node scripts/bench/generate.ts --records N --out DIR [--seed S]
 *
 * DIR is emptied first. Prints the counts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { syntheticPortfolio, type SyntheticCounts } from './synthetic.ts';

export function writeSynthetic(dir: string, records: number, seed = 1): SyntheticCounts {
  rmSync(dir, { recursive: true, force: true });
  const { files, counts } = syntheticPortfolio({ records, seed });
  const made = new Set<string>();
  for (const f of files) {
    const full = path.join(dir, ...f.path.split('/'));
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, f.text);
  }
  return counts;
}

function main(): void {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const records = Number(get('--records'));
  const out = get('--out');
  if (!Number.isInteger(records) || records < 1 || !out) {
    process.stderr.write('usage: node scripts/bench/generate.ts --records N --out DIR [--seed S]\n');
    process.exitCode = 2;
    return;
  }
  const counts = writeSynthetic(path.resolve(out), records, Number(get('--seed') ?? 1));
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
