import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingOptional } from '../../scripts/fix-lockfile.ts';

describe('package-lock.json', () => {
  it('has an entry for every optional platform package, so `npm ci` accepts it (run `npm run fix-lockfile` after npm install)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    expect(missingOptional(lock.packages).map((m) => m.key)).toEqual([]);
  });

  it('finds a missing optional dependency, and accepts one resolved higher up the tree', () => {
    const packages = {
      '': {},
      'node_modules/a': { optionalDependencies: { 'a-darwin': '1.0.0', shared: '2.0.0' } },
      'node_modules/shared': { version: '2.0.0' },
      'node_modules/b/node_modules/c': { dev: true, optionalDependencies: { shared: '2.0.0', 'c-win32-x64': '3.0.0' } },
    };
    expect(missingOptional(packages)).toEqual([
      { key: 'node_modules/a-darwin', version: '1.0.0', dev: false },
      { key: 'node_modules/c-win32-x64', version: '3.0.0', dev: true },
    ]);
  });
});
