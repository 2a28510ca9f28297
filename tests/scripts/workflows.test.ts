/**
 * The GitHub workflows: every action pinned to a full commit SHA (a moved tag
 * cannot change what runs); the publish rights (pages, id-token) held by
 * the deploy job only, never by the job that runs `npm ci` and MDX code; and
 * the pull-request comment split so that no job both runs the pull request's
 * code and may write (compare.yml reads and uploads the report,
 * compare-comment.yml posts it, finding its comment by the marker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_LIMIT, COMMENT_MARKER } from '../../src/core/compare/index.ts';

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string> | string;
  steps?: Step[];
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const writes = (p: Workflow['permissions']) =>
  typeof p === 'string' ? (p === 'write-all' ? ['write-all'] : []) : Object.entries(p ?? {}).filter(([, v]) => v === 'write').map(([k]) => k).sort();
const action = (s: Step) => s.uses?.replace(/@.*/, '');

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
    expect(writes(wf.permissions)).toEqual([]);
    expect(wf.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(wf.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // The deploy job runs no code of this repository: no checkout, no npm, only the deploy action.
    expect(wf.jobs.deploy!.steps!.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    // Every other job reads only, but the one that posts the compare comment (below).
    for (const f of files) {
      const w = parse(text(f)) as Workflow;
      for (const [name, job] of Object.entries(w.jobs)) {
        if ((f === 'publish.yml' && name === 'deploy') || (f === 'compare-comment.yml' && name === 'comment')) continue;
        expect({ f, name, writes: writes(job.permissions ?? w.permissions) }).toEqual({ f, name, writes: [] });
      }
    }
  });

  describe('the pull-request comment (npm run compare)', () => {
    const compare = parse(text('compare.yml')) as Workflow;
    const comment = parse(text('compare-comment.yml')) as Workflow;

    it('computes the report in a pull_request run that only reads, and uploads it with the pull request number', () => {
      expect(Object.keys(compare.on)).toEqual(['pull_request']);
      expect(writes(compare.permissions)).toEqual([]);
      const [job, ...others] = Object.values(compare.jobs);
      expect(others).toEqual([]);
      expect(job!.permissions).toEqual({ contents: 'read' });
      const steps = job!.steps!;
      expect(steps.find((s) => action(s) === 'actions/checkout')!.with).toMatchObject({ 'persist-credentials': false });
      const run = steps.find((s) => s.run?.includes('npm run --silent compare'))!.run!;
      expect(run).toMatch(/compare -- --base HEAD\^1 --out compare\/report\.md --comment compare\/comment\.md/);
      expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
      expect(run).toContain('> compare/pr-number');
      const upload = steps.find((s) => action(s) === 'actions/upload-artifact')!;
      expect(upload.if).toBe('always()');
      expect(upload.with).toMatchObject({ name: 'roadmap-compare', path: 'compare/' });
    });

    it('posts it from a workflow_run job that may write but runs none of the pull request\'s code', () => {
      expect(comment.on).toEqual({ workflow_run: { workflows: [compare.name], types: ['completed'] } });
      expect(comment.permissions).toEqual({});
      const [job, ...others] = Object.values(comment.jobs);
      expect(others).toEqual([]);
      expect(job!.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
      expect(job!.if).toBe("github.event.workflow_run.event == 'pull_request'");
      // No checkout, no npm, no shell: the artifact is downloaded and posted through the API.
      expect(job!.steps!.map(action)).toEqual(['actions/download-artifact', 'actions/github-script']);
      expect(job!.steps!.some((s) => s.run !== undefined)).toBe(false);
      const download = job!.steps![0]!;
      expect(download.with).toMatchObject({ name: 'roadmap-compare', 'run-id': '${{ github.event.workflow_run.id }}' });
    });

    it('updates one comment found by the marker, checks the pull request is at the compared commit, and cuts at the limit', () => {
      const script = String(comment.jobs.comment!.steps![1]!.with!.script);
      expect(script).toContain(`const MARKER = '${COMMENT_MARKER}';`);
      expect(script).toContain(`const LIMIT = ${COMMENT_LIMIT};`);
      expect(script).toMatch(/c\.user\?\.login === 'github-actions\[bot\]' && c\.body\?\.startsWith\(MARKER\)/);
      expect(script).toMatch(/if \(ours\) await github\.rest\.issues\.updateComment\([^)]*\);\s*else await github\.rest\.issues\.createComment/);
      expect(script).toContain('pr.head.sha !== process.env.HEAD_SHA');
      expect(comment.jobs.comment!.steps![1]!.env).toMatchObject({ HEAD_SHA: '${{ github.event.workflow_run.head_sha }}' });
      expect(script).toMatch(/if \(body\.length > LIMIT\)/);
    });
  });
});
