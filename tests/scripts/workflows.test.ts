/**
 * The GitHub workflows: every action pinned to a full commit SHA (a moved tag
 * cannot change what runs), and the publish rights (pages, id-token) held by
 * the deploy job only, never by the job that runs `npm ci` and MDX code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8');

interface Job {
  permissions?: Record<string, string> | string;
  steps?: { uses?: string }[];
}
interface Workflow {
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

describe('.github/workflows', () => {
  it('pins every action to a full commit SHA, with its version in a comment', () => {
    expect(files.length).toBeGreaterThan(0);
    const unpinned: string[] = [];
    for (const f of files) {
      for (const line of text(f).split('\n')) {
        const m = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m || m[1]!.startsWith('./')) continue; // a local action is part of this repository
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]!) || !/^\s+#\s*v\d+(\.\d+){0,2}\s*$/.test(m[2]!)) unpinned.push(`${f}: ${line.trim()}`);
      }
    }
    expect(unpinned).toEqual([]);
  });

  it('gives pages: write and id-token: write to the deploy job only; the build job reads', () => {
    const wf = parse(text('publish.yml')) as Workflow;
    const writes = (p: Workflow['permissions']) =>
      typeof p === 'string' ? (p === 'write-all' ? ['write-all'] : []) : Object.entries(p ?? {}).filter(([, v]) => v === 'write').map(([k]) => k);
    expect(writes(wf.permissions)).toEqual([]);
    expect(wf.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // The deploy job runs no code of this repository: no checkout, no npm, only the deploy action.
    expect(wf.jobs.deploy!.steps!.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    for (const f of files) {
      const w = parse(text(f)) as Workflow;
      for (const [name, job] of Object.entries(w.jobs)) {
        if (f === 'publish.yml' && name === 'deploy') continue;
        expect({ f, name, writes: writes(job.permissions ?? w.permissions) }).toEqual({ f, name, writes: [] });
      }
    }
  });
});
