/**
 * `npm run export -- --format mspdi|json|csv`: the build's exports without a
 * build, for the audience of ROADMAP_AUDIENCE (public unless set).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/export.ts';
import { removeTempDirs, runScript, tempDir } from './run.ts';

afterAll(removeTempDirs);

describe.concurrent('npm run export', () => {
  it('writes the MS Project XML of the public portfolio by default, and of the internal one when asked', async () => {
    const out = join(tempDir(), 'plan.xml');
    const pub = await runScript('export.ts', ['--format', 'mspdi', '--out', out]);
    expect(pub.code, pub.stderr).toBe(0);
    expect(pub.stderr).toContain('the public portfolio as mspdi');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n<!-- The public portfolio as of 2026-11-15/);
    expect(text).not.toContain('Legacy PAS Vendor Exit');
    const internal = await runScript('export.ts', ['--format', 'mspdi'], { env: { ROADMAP_AUDIENCE: 'internal' } });
    expect(internal.stdout).toContain('<Name>Legacy PAS Vendor Exit</Name>');
  });

  it('refuses a format it does not know and content with errors', async () => {
    expect(parseArgs(['--format', 'mpp'])).toEqual({ error: expect.stringMatching(/^--format is mspdi, json, csv, not "mpp"/) });
    expect(parseArgs([])).toEqual({ error: expect.stringMatching(/^which format\?/) });
    const bad = await runScript('export.ts', ['--format', 'json', '--content', 'tests/fixtures/invalid/dependency-cycle']);
    expect(bad.code).toBe(1);
  });
});
