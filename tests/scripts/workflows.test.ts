/**
 * The GitHub workflows and the action (action.yml): valid for GitHub (the
 * published schemas, checked offline by @action-validator); every action pinned to a full commit SHA (a moved tag
 * cannot change what runs); the publish rights (pages, id-token) held by
 * the deploy job only, never by the job that runs `npm ci` and MDX code; and
 * the pull-request comment split so that no job both runs the pull request's
 * code and may write (compare.yml reads and uploads the report,
 * compare-comment.yml posts it, finding its comment by the marker). The
 * starter's workflows (npm run init) are held to the same rules, with
 * Roadmap's own action by tag.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_LIMIT, COMMENT_MARKER } from '../../src/core/compare/index.ts';
import { STARTER_ACTIONS, starterFiles } from '../../src/core/starter.ts';
import { NODE, ROOT } from './run.ts';

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8');
/** The starter's workflows (npm run init), as it writes them for an action `acme/roadmap@v1`. */
const starter = starterFiles({ action: 'acme/roadmap@v1', schemasUrl: 'https://example.org/schemas/', today: '2026-12-01' }).filter((f) => f.path.startsWith('.github/workflows/'));
/** Lines `uses: x` whose action is not pinned to a full commit SHA with its version in a comment (local and `acme/roadmap` ones aside). */
function unpinnedIn(name: string, source: string, ours?: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
    if (!m || m[1]!.startsWith('./') || (ours && m[1]!.startsWith(`${ours}@`))) continue; // a local action is part of this repository
    if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]!) || !/^\s+#\s*v\d+(\.\d+){0,2}\s*$/.test(m[2]!)) out.push(`${name}: ${line.trim()}`);
  }
  return out;
}

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
  it('pins every action to a full commit SHA, with its version in a comment (action.yml too)', () => {
    expect(files.length).toBeGreaterThan(0);
    const unpinned = [...files.flatMap((f) => unpinnedIn(f, text(f))), ...unpinnedIn('action.yml', readFileSync('action.yml', 'utf8'))];
    expect(unpinned).toEqual([]);
    expect(unpinnedIn('x.yml', 'steps:\n  - uses: actions/checkout@v5\n')).toEqual(['x.yml: - uses: actions/checkout@v5']);
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
      expect(steps.find((s) => action(s) === 'actions/checkout')!.with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 2 });
      // This repository's own action (action.yml), as portfolio repositories use it: the report, not the comment.
      expect(steps.find((s) => s.uses === './')!.with).toEqual({ mode: 'compare', content: 'content', comment: false });
      const actionFile = parse(readFileSync('action.yml', 'utf8')) as { runs: { steps: Step[] } };
      const upload = actionFile.runs.steps.find((s) => action(s) === 'actions/upload-artifact')!;
      expect(upload.if).toBe("always() && inputs.mode == 'compare'");
      expect(upload.with).toMatchObject({ name: 'roadmap-compare', path: '${{ runner.temp }}/roadmap-compare/' });
      // What compare-comment.yml reads from the artifact, written by the action's compare step (tests/scripts/action.test.ts).
      const script = String(comment.jobs.comment!.steps![1]!.with!.script);
      expect(script).toContain("read('pr-number')");
      expect(script).toContain("read('comment.md')");
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

describe('validated against the published schemas of GitHub Actions (@action-validator, offline)', () => {
  it('action.yml, every workflow of this repository and the starter\'s', () => {
    const errors = (state: { errors: unknown[] }) => state.errors;
    expect(errors(validateAction(readFileSync('action.yml', 'utf8')))).toEqual([]);
    for (const f of files) expect({ f, errors: errors(validateWorkflow(text(f))) }).toEqual({ f, errors: [] });
    expect(starter.map((f) => f.path)).toEqual(['.github/workflows/check.yml', '.github/workflows/publish.yml']);
    for (const f of starter) expect({ f: f.path, errors: errors(validateWorkflow(f.text)) }).toEqual({ f: f.path, errors: [] });
  });

  it('finds what GitHub would refuse (so the check above can fail)', () => {
    expect(validateAction(readFileSync('action.yml', 'utf8').replace('ASTRO_TELEMETRY_DISABLED: "1"', 'ASTRO_TELEMETRY_DISABLED: 1')).errors).not.toEqual([]);
    expect(validateWorkflow(starter[0]!.text.replace('runs-on:', 'runs_on:')).errors).not.toEqual([]);
  });

  it('the command-line validator a maintainer runs (npx action-validator FILE) agrees', async () => {
    const cli = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
    const ok = await promisify(execFile)(NODE, [cli, join(ROOT, 'action.yml')]);
    expect(ok.stderr).toBe('');
  });
});

describe('the action (action.yml) and the starter\'s workflows', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: (Step & { id?: string; shell?: string; 'working-directory'?: string })[] } };

  it('installs Roadmap in its own folder and runs scripts/action.ts, passing inputs through the environment, never into the script text', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['mode', 'content', 'audience', 'strict', 'base', 'comment', 'pages', 'base-path', 'site-url', 'github-token']);
    expect(action.inputs.mode!.default).toBe('check');
    expect(action.inputs.content!.default).toBe('content');
    const steps = action.runs.steps;
    expect(steps.find((s) => s.run?.startsWith('npm ci'))!['working-directory']).toBe('${{ github.action_path }}');
    // npm's cache is keyed on the hash of the action's own lock file.
    expect(steps.find((s) => s.id === 'lock')!.run).toContain('"$GITHUB_ACTION_PATH/package-lock.json"');
    expect(steps.find((s) => s.with?.path === '~/.npm')!.with!.key).toContain('${{ steps.lock.outputs.hash }}');
    const run = steps.find((s) => s.id === 'run')!;
    expect(run.run).toContain('node "$GITHUB_ACTION_PATH/scripts/action.ts" "${args[@]}"');
    for (const s of steps) if (s.run) expect({ run: s.run, expression: s.run.includes('${{') }).toEqual({ run: s.run, expression: false });
    // The Pages base path and address come from configure-pages unless given.
    expect(run.env).toMatchObject({ INPUT_BASE_PATH: '${{ inputs.base-path || steps.pages.outputs.base_path }}', INPUT_SITE_URL: '${{ inputs.site-url || steps.pages.outputs.base_url }}' });
    expect(steps.find((s) => action_(s) === 'actions/upload-pages-artifact')!.with).toEqual({ path: '${{ steps.run.outputs.site }}' });
  });

  it('the starter pins the same third-party actions as this repository, and runs ours by tag', () => {
    const ours = files.map(text).join('\n');
    for (const pinned of Object.values(STARTER_ACTIONS)) expect(ours).toContain(`uses: ${pinned}`);
    for (const f of starter) expect(unpinnedIn(f.path, f.text, 'acme/roadmap')).toEqual([]);
    const check = parse(starter[0]!.text) as Workflow;
    expect(Object.keys(check.on)).toEqual(['pull_request']);
    expect(check.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(check.jobs.check!.steps!.map((s) => [s.uses?.replace(/@.*/, ''), s.with])).toEqual([
      ['actions/checkout', { 'fetch-depth': 2, 'persist-credentials': false }],
      ['acme/roadmap', { mode: 'compare' }],
    ]);
    const publish = parse(starter[1]!.text) as Workflow;
    expect(publish.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(publish.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(publish.jobs.build!.steps!.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/checkout', 'acme/roadmap']);
    expect(publish.jobs.deploy!.steps!.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
  });
});

const action_ = (s: Step) => s.uses?.replace(/@.*/, '');
