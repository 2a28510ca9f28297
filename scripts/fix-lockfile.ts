/**
 * `npm run fix-lockfile`: adds the lock entries npm leaves out when the
 * registry it installs from lacks another platform's optional binary (e.g.
 * @astrojs/compiler-binding-darwin-arm64). Without them `npm ci` refuses the
 * lock file ("Missing: … from lock file"). Each added entry carries its os
 * and cpu, so every platform skips the others' binaries, as npm would have
 * written it. Run after `npm install <pkg>`; tests/lockfile.test.ts fails
 * until it has been run.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Entry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}

const PLATFORMS: [RegExp, string[] | undefined, string[]][] = [
  [/android-arm64/, ['android'], ['arm64']],
  [/darwin-arm64/, ['darwin'], ['arm64']],
  [/darwin-x64/, ['darwin'], ['x64']],
  [/linux-arm64/, ['linux'], ['arm64']],
  [/linux-x64/, ['linux'], ['x64']],
  [/freebsd-x64/, ['freebsd'], ['x64']],
  [/(win32|windows)-arm64/, ['win32'], ['arm64']],
  [/(win32|windows)-x64/, ['win32'], ['x64']],
  [/wasm32/, undefined, ['wasm32']],
];

/** Lock paths of optional dependencies that have no entry (resolved as npm would: nearest node_modules up the tree). */
export function missingOptional(packages: Record<string, Entry>): { key: string; version: string; dev: boolean }[] {
  const missing = new Map<string, { key: string; version: string; dev: boolean }>();
  for (const [path, entry] of Object.entries(packages)) {
    for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
      let dir = path;
      let found = false;
      for (;;) {
        if (packages[`${dir ? `${dir}/` : ''}node_modules/${dep}`]) {
          found = true;
          break;
        }
        const i = dir.lastIndexOf('node_modules/');
        if (i < 0) break;
        dir = dir.slice(0, Math.max(0, i - 1));
      }
      const key = `node_modules/${dep}`;
      if (!found && !missing.has(key)) missing.set(key, { key, version, dev: Boolean(entry.dev) });
    }
  }
  return [...missing.values()];
}

function main() {
  const file = process.argv[2] ?? 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, Entry> };
  const added = missingOptional(lock.packages);
  for (const { key, version, dev } of added) {
    const platform = PLATFORMS.find(([re]) => re.test(key));
    lock.packages[key] = {
      version,
      ...(dev ? { dev: true } : {}),
      optional: true,
      ...(platform?.[1] ? { os: platform[1] } : {}),
      ...(platform ? { cpu: platform[2] } : {}),
    };
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.length} lock entries:\n${added.map((a) => `  ${a.key}@${a.version}`).join('\n')}` : 'the lock file is complete');
}

if (import.meta.main) main();
