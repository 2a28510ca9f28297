/**
 * `npm run migrate`: the framework with an example migration of the tests'
 * own (version 1 → 2: a project's `updated` becomes `reviewed`), on a copy of
 * tests/fixtures/migrate/v1. No migration ships while the contract is at
 * version 1, so the real command finds nothing to do.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar } from 'yaml';
import { MIGRATIONS, planMigration, type Migration } from '../../src/core/migrate.ts';
import { SCHEMA_VERSION } from '../../src/core/version.ts';
import { main } from '../../scripts/migrate.ts';
import { removeTempDirs, ROOT, runMain, runScript, tempDir } from './run.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/migrate/v1');

/** The example: renames the key in place, so its comments and position stay. */
const RENAME_UPDATED: Migration = {
  from: 1,
  description: 'projects: `updated` becomes `reviewed`',
  rewrite(doc, file) {
    if (file.kind !== 'projects' || !isMap(doc.contents)) return [];
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'updated');
    if (!pair || !isScalar(pair.key)) return [];
    pair.key.value = 'reviewed';
    return ['updated → reviewed'];
  },
};
const TO_2 = { migrations: [RENAME_UPDATED], to: 2 };

function copy(): string {
  const dir = join(tempDir('roadmap-migrate-'), 'content');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

afterAll(removeTempDirs);

describe('npm run migrate', () => {
  it('ships no migration while the contract is at version 1: the example content has nothing to do', async () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
    const run = await runScript('migrate.ts', []);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('The content is at version 1 of the record format: nothing to migrate.\n');
  });

  it('a dry run by default: reports each change and writes nothing', async () => {
    const dir = copy();
    const run = await runMain((io) => main(io, TO_2), ['--content', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Migrating from version 1 to 2 of the record format:',
        '  1 → 2: projects: `updated` becomes `reviewed`',
        '',
        'portfolio.yaml',
        '  schema_version: 1 → 2',
        'projects/payroll.md',
        '  updated → reviewed',
        '',
        '2 files would change (a dry run: nothing was written; run again with --write).',
        '',
      ].join('\n'),
    );
    expect(read(dir, 'projects/payroll.md')).toBe(read(FIXTURE, 'projects/payroll.md'));
    expect(read(dir, 'portfolio.yaml')).toBe(read(FIXTURE, 'portfolio.yaml'));
  });

  // The yaml package keeps every comment and the key order; it writes one space before an inline comment.
  it('--write rewrites only what changes, keeping comments, order and the body; then there is nothing left to do', async () => {
    const dir = copy();
    const run = await runMain((io) => main(io, TO_2), ['--write', '--content', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 files rewritten.');
    expect(read(dir, 'projects/payroll.md')).toBe(read(FIXTURE, 'projects/payroll.md').replace('\nupdated: 2026-11-02   #', '\nreviewed: 2026-11-02 #'));
    expect(read(dir, 'portfolio.yaml')).toBe(read(FIXTURE, 'portfolio.yaml').replace('schema_version: 1', 'schema_version: 2').replace('GBP   #', 'GBP #'));
    expect(read(dir, 'projects/intranet.md')).toBe(read(FIXTURE, 'projects/intranet.md'));
    const again = await runMain((io) => main(io, TO_2), ['--write', '--content', dir]);
    expect(again).toMatchObject({ code: 0, stdout: 'The content is at version 2 of the record format: nothing to migrate.\n' });
  });

  it('adds schema_version after the title when portfolio.yaml had none (version 1 by default)', () => {
    const plan = planMigration([{ path: 'portfolio.yaml', text: '# Ours\ntitle: X\ncurrency: EUR\n' }], TO_2);
    expect(plan.files).toEqual([{ path: 'portfolio.yaml', text: '# Ours\ntitle: X\nschema_version: 2\ncurrency: EUR\n', changes: ['schema_version: 2 (added)'] }]);
  });

  it('refuses content newer than it knows, or a version with no migration, and writes nothing', async () => {
    const dir = copy();
    const newer = planMigration([{ path: 'portfolio.yaml', text: 'title: X\nschema_version: 3\n' }], TO_2);
    expect(newer.error).toBe("the content is written for version 3 of the record format, newer than this Roadmap's 2: use a newer release");
    const gap = await runMain((io) => main(io, { migrations: [], to: 2 }), ['--write', '--content', dir]);
    expect(gap).toMatchObject({ code: 1, stderr: 'no migration from version 1 to 2\n' });
    expect(read(dir, 'portfolio.yaml')).toBe(read(FIXTURE, 'portfolio.yaml'));
  });
});
