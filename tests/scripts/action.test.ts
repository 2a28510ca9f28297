/**
 * The GitHub Action's steps (scripts/action.ts, called by action.yml) on a
 * throw-away content-only git repository made by `npm run init`, outside
 * Roadmap's own folder, as GitHub runs them: the content relative to
 * GITHUB_WORKSPACE, outputs to GITHUB_OUTPUT, the report to
 * GITHUB_STEP_SUMMARY, the comment through a stand-in for GitHub's API on
 * 127.0.0.1. One build.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { annotations, main, parseArgs } from '../../scripts/action.ts';
import { main as initMain } from '../../scripts/init.ts';
import { COMMENT_MARKER } from '../../src/core/compare/index.ts';
import { assertBuilt, withBuildLock } from '../support/build-site.ts';
import { git } from '../support/git.ts';
import { removeTempDirs, ROOT, runMain, tempDir } from './run.ts';

let work: string;
let repo: string;

beforeAll(async () => {
  work = tempDir('roadmap-action-');
  repo = join(work, 'our-portfolio');
  const init = await runMain(initMain, [repo, '--action', 'acme/roadmap@v1'], { env: { ROADMAP_TODAY: '2026-12-01' } });
  expect(init.code).toBe(0);
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Our portfolio'], '2026-12-01T10:00:00Z');
  // The pull request: the project ends a quarter later.
  const file = join(repo, 'content/projects/new-service-desk-tool.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^end: 2027-Q3 /m, 'end: 2027-Q4 '));
  git(repo, ['commit', '-q', '-am', 'Service desk tool ends a quarter later'], '2026-12-02T10:00:00Z');
});

afterAll(removeTempDirs);

/** GitHub's environment for a step: the workspace, and the files it reads back. */
function github(extra: Record<string, string> = {}) {
  const dir = tempDir('roadmap-runner-');
  const env = { GITHUB_WORKSPACE: repo, RUNNER_TEMP: dir, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), ...extra };
  const read = (name: 'output' | 'summary') => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  return { dir, env, read };
}

describe('scripts/action.ts arguments', () => {
  it('escapes annotations as GitHub reads workflow commands', () => {
    const d = { file: 'content/a,b:c.md', line: 2, column: 5, field: 'x', message: '100% wrong\nsecond line', severity: 'warning' as const, rule: 'r' };
    expect(annotations([d])).toBe('::warning file=content/a%2Cb%3Ac.md,line=2,col=5,title=Roadmap check%3A x::100%25 wrong%0Asecond line\n');
  });

  it('takes an input left empty as its default, and refuses an unknown mode', () => {
    expect(parseArgs(['build', '--content', '', '--audience', '', '--base-path', '', '--site-url', ''])).toEqual({ mode: 'build', content: 'content', strict: false, base: 'HEAD^1', post: false });
    expect(parseArgs(['compare', '--base', 'main', '--post'])).toMatchObject({ mode: 'compare', base: 'main', post: true });
    expect(parseArgs(['deploy'])).toEqual({ error: expect.stringMatching(/^unknown mode "deploy": expected check, build, compare/) });
  });
});

describe('the action on a repository made by npm run init', () => {
  it('check: the starter passes, paths read from the repository root', async () => {
    const run = await runMain(main, ['check', '--content', 'content', '--strict'], { env: github().env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✓ 1 project, 1 program, 1 goal, 1 team — no problems/);
    expect(run.code).toBe(0);
  });

  it('check: a broken record fails, named by its path in the repository', async () => {
    const file = join(repo, 'content/projects/broken.md');
    writeFileSync(file, '---\ntitle: Broken\nstatus: in progress\n---\n');
    try {
      const run = await runMain(main, ['check'], { env: github({ GITHUB_ACTIONS: 'true' }).env });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('content/projects/broken.md:3:1  status  unknown value "in progress"');
      // On GitHub, each problem is also an annotation at its line (shown in the pull request's files).
      expect(run.stdout).toContain('::error file=content/projects/broken.md,line=3,col=1,title=Roadmap check%3A status::unknown value "in progress", expected proposed | approved | active | on-hold | done | cancelled (did you mean active?)\n');
    } finally {
      writeFileSync(file, '');
      git(repo, ['clean', '-qfx', 'content/projects']);
    }
  });

  describe('compare', () => {
    let server: Server;
    let api: string;
    const requests: { method: string; url: string; body: string; auth: string }[] = [];
    let comments: { id: number; body: string; user: { login: string } }[] = [];
    let refuse = false;

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (d: string) => (body += d));
        req.on('end', () => {
          requests.push({ method: req.method!, url: req.url!, body, auth: String(req.headers.authorization) });
          const json = (status: number, data: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
          if (refuse && req.method !== 'GET') return json(403, { message: 'Resource not accessible by integration' });
          if (req.method === 'GET' && req.url!.startsWith('/repos/acme/our-portfolio/issues/7/comments')) return json(200, comments);
          if (req.method === 'POST' && req.url === '/repos/acme/our-portfolio/issues/7/comments') {
            comments.push({ id: 41, body: JSON.parse(body).body, user: { login: 'github-actions[bot]' } });
            return json(201, comments.at(-1));
          }
          if (req.method === 'PATCH' && req.url === '/repos/acme/our-portfolio/issues/comments/41') {
            comments[0]!.body = JSON.parse(body).body;
            return json(200, comments[0]);
          }
          json(404, { message: 'Not Found' });
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    function pullRequest() {
      const gh = github({ GITHUB_TOKEN: 'token-1', GITHUB_REPOSITORY: 'acme/our-portfolio', GITHUB_API_URL: api });
      const event = join(gh.dir, 'event.json');
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
      return { ...gh, env: { ...gh.env, GITHUB_EVENT_PATH: event } };
    }

    it('writes the report, the job summary and the outputs, and posts one comment that later runs update', async () => {
      const gh = pullRequest();
      const run = await runMain(main, ['compare', '--post'], { env: gh.env });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = join(gh.dir, 'roadmap-compare', 'report.md');
      expect(readFileSync(report, 'utf8')).toMatch(/^- New service desk tool: end Q3\u00a0FY2027 → Q4\u00a0FY2027 \(\+92 days\)/m);
      expect(gh.read('output')).toBe(`report=${report}\ncomment=${join(gh.dir, 'roadmap-compare', 'comment.md')}\n`);
      expect(readFileSync(join(gh.dir, 'roadmap-compare', 'pr-number'), 'utf8')).toBe('7\n');
      expect(gh.read('summary')).toMatch(new RegExp(`^${COMMENT_MARKER}\\n## What this change does to the portfolio\\n`));
      expect(gh.read('summary')).toContain('Base: `HEAD^1`');
      expect(run.stdout).toContain('The report is posted on #7.');
      expect(comments).toEqual([{ id: 41, body: gh.read('summary'), user: { login: 'github-actions[bot]' } }]);
      expect(requests.every((r) => r.auth === 'Bearer token-1')).toBe(true);

      requests.length = 0;
      const again = await runMain(main, ['compare', '--post'], { env: pullRequest().env });
      expect(again.stdout).toContain('The report is updated on #7.');
      expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
      expect(comments).toHaveLength(1);
    });

    it('without the right to comment (a fork) it says so, keeps the report in the job summary and does not fail', async () => {
      comments = [];
      refuse = true;
      const gh = pullRequest();
      const run = await runMain(main, ['compare', '--post'], { env: gh.env });
      refuse = false;
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('Could not comment on #7 (403: no right to; a pull request from a fork?): the report is in the job summary.\n');
      expect(gh.read('summary')).toMatch(/New service desk tool: end Q3\u00a0FY2027 → Q4\u00a0FY2027/);
    });
  });

  it('action.yml\'s own step, run by bash as GitHub runs it (inputs in the environment, empty ones the defaults)', async () => {
    const step = (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: { id?: string; run?: string }[] } }).runs.steps.find((s) => s.id === 'run')!;
    const gh = github();
    const inputs = { INPUT_MODE: 'compare', INPUT_CONTENT: 'content', INPUT_AUDIENCE: '', INPUT_STRICT: 'false', INPUT_BASE: '', INPUT_COMMENT: 'false', INPUT_BASE_PATH: '', INPUT_SITE_URL: '' };
    const env = { PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, HOME: gh.dir, GITHUB_ACTION_PATH: ROOT, ...gh.env, ...inputs };
    const { stdout } = await promisify(execFile)('bash', ['-e', '-c', step.run!], { cwd: repo, env });
    expect(stdout).toContain('## What this change does to the portfolio');
    expect(gh.read('output')).toContain(`report=${join(gh.dir, 'roadmap-compare', 'report.md')}\n`);
  });

  describe('build', () => {
    const gh = { dir: '', env: {} as Record<string, string>, read: (_: 'output' | 'summary') => '' };
    let out: string;
    // In a hook: it may wait for other files' builds (they take turns under one lock).
    beforeAll(async () => {
      Object.assign(gh, github());
      out = join(gh.dir, 'site');
      const run = await withBuildLock(() => runMain(main, ['build', '--base-path', '/our-portfolio', '--site-url', 'https://acme.github.io/our-portfolio', '--out', out], { env: gh.env }));
      assertBuilt({ outDir: out, stdout: run.stdout, stderr: run.stderr, code: run.code, ms: 0 });
    });

    it('writes the site under the Pages base path, with "What changed" from the content repository\'s history', () => {
      expect(gh.read('output')).toBe(`site=${out}\n`);
      const index = readFileSync(join(out, 'index.html'), 'utf8');
      expect(index).toContain('Our IT portfolio');
      expect(index).toContain('href="/our-portfolio/roadmap/"');
      expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://acme.github.io/our-portfolio/projects/new-service-desk-tool/</loc>');
      expect(readFileSync(join(out, 'changes/index.html'), 'utf8')).toMatch(/New service desk tool[\s\S]*End moved/);
      // The JSON Schemas the starter's editor settings name are published with the site too.
      expect(existsSync(join(out, 'schemas/portfolio.schema.json'))).toBe(true);
    });
  });
});
