/**
 * `npm run check` parses on several cores (src/lib/prepare-parallel.ts): the
 * result must be exactly what parsing in one thread gives, for every fixture,
 * for hostile YAML, and when the worker fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPortfolio, prepareFile, type ContentFile } from '../../src/core/load.ts';
import { syntheticPortfolio } from '../../src/core/synthetic.ts';
import { prepareFiles, type ParallelOptions } from '../../src/lib/prepare-parallel.ts';
import { readContentDir } from '../../src/lib/read-content.ts';
import { runCheck, type CheckResult } from '../../scripts/check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every file through the worker, one file per message: the most cloning there can be. */
const WORKER_ONLY: ParallelOptions = { threads: 2, minFiles: 0, chunkSize: 1, workersOnly: true };

const tmp = mkdtempSync(path.join(tmpdir(), 'roadmap-check-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv('ROADMAP_AUDIENCE', '');
  return () => vi.unstubAllEnvs();
});

function writeContent(name: string, files: ContentFile[]): string {
  const dir = path.join(tmp, name);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  return dir;
}

const stripTime = (r: CheckResult) => r.output.replace(/\(\d+\.\d\d s\)\n$/, '(T s)\n');

/** runCheck twice, in one thread and through the worker, and demand the same result. */
async function same(dir: string, cwd: string, parallel: ParallelOptions = WORKER_ONLY) {
  const serial = await runCheck(dir, { cwd, parallel: false });
  const threaded = await runCheck(dir, { cwd, parallel });
  expect(serial.stats?.fromWorkers).toBe(0);
  expect(stripTime(threaded)).toBe(stripTime(serial));
  expect(threaded.diagnostics).toStrictEqual(serial.diagnostics);
  expect(threaded.exitCode).toBe(serial.exitCode);
  expect(threaded.input).toStrictEqual(serial.input);
  return { serial, threaded };
}

/** YAML that tests the structured clone and the positions rebuilt after it. */
const HOSTILE: ContentFile[] = [
  { path: 'portfolio.yaml', text: 'title: Hostile\nscoring:\n  criteria:\n    - { id: value, weight: 1 }\n    - { id: risk, weight: 0 }\n' },
  { path: 'teams/core.md', text: '---\ntitle: Core\n---\n' },
  {
    path: 'projects/numbers.md',
    text: '---\ntitle: Numbers\nstatus: active\nprogress: -0\nnan: .nan\ninf: -.inf\noct: 0o17\nhex: 0x1F\nbig: 123456789012345678901234567890\nnothing: ~\nflag: on\nwhen: 2026-01-15\n---\nBody\n',
  },
  { path: 'projects/proto.md', text: '---\ntitle: Proto\nstatus: active\n__proto__: { polluted: true }\nconstructor: x\n---\n' },
  { path: 'projects/unicode.md', text: "\ufeff---\r\ntitle: \"Ünïcødé 🚀 \\ud800 \\u0000\"\r\nstatus: active\r\nsummary: 'it''s'\r\n---\r\nBody with ✓\r\nline 2\r\n" },
  { path: 'projects/tagged.md', text: '---\ntitle: !!js/function "function () { return 1 }"\nstatus: active\nother: !custom 3\n---\n' },
  { path: 'projects/anchors.md', text: '---\ntitle: Anchors\nstatus: active\nteams: &t [core]\ntags: *t\nmilestones:\n  - &m { name: A, date: 2026-02-01 }\n  - *m\n---\n' },
  { path: 'projects/bomb.md', text: `---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n---\n` },
  { path: 'projects/twice.md', text: '---\ntitle: A\nstatus: active\ntitle: B\n---\n' },
  { path: 'projects/broken.md', text: '---\ntitle: Broken\nstatus: active\nsummary: a: b\n---\n' },
  { path: 'projects/list.md', text: '---\n- not\n- a mapping\n---\n' },
  { path: 'projects/scalar.md', text: '---\njust text\n---\n' },
  { path: 'projects/comments.md', text: '---\n# only a comment\n---\nBody\n' },
  { path: 'projects/empty.md', text: '' },
  { path: 'projects/plain.md', text: 'no front matter\n' },
  { path: 'projects/open.md', text: '---\ntitle: Open\n' },
  { path: 'projects/code.md', text: '---js\n{ title: "x" }\n---\n' },
  { path: 'projects/yml.md', text: '---yml\ntitle: Yml\nstatus: done\n---\n' },
  {
    path: 'projects/schema.md',
    text: '---\ntitle: 42\nstatus: in progress\nstart: 2026-02-30\nend: 2026-01-01\nteams: [nope]\nrisks:\n  - { title: R, likelihood: 9, impact: 1 }\ndependencies:\n  - on: schema\n  - on: ghost\nscores: { value: 9, valu: 1 }\nsumary: typo\n---\n',
  },
  { path: 'projects/Bad_Name.md', text: '---\ntitle: Bad\nstatus: active\n---\n' },
  { path: 'projects/dup.md', text: '---\ntitle: Dup\nstatus: active\n---\n' },
  { path: 'projects/dup.mdx', text: '---\ntitle: Dup again\nstatus: active\n---\n' },
  { path: 'projects/_draft.md', text: 'not parsed' },
  { path: 'elsewhere/stray.md', text: '---\ntitle: Stray\n---\n' },
];

describe('check in worker threads gives what check in one thread gives', () => {
  for (const group of ['invalid', 'valid']) {
    const base = path.join(ROOT, 'tests/fixtures', group);
    for (const name of readdirSync(base)) {
      it(`fixture ${group}/${name}: same lines, diagnostics and data`, async () => {
        const { threaded } = await same(name, base);
        expect(threaded.stats?.fromWorkers).toBe(threaded.stats?.files);
      });
    }
  }

  it('the example content', async () => {
    const { threaded } = await same('content', ROOT);
    expect(threaded.stats!.files).toBeGreaterThan(20);
    expect(threaded.stats!.fromWorkers).toBe(threaded.stats!.files);
  });

  it('hostile YAML: odd numbers, __proto__, BOM and CRLF, tags, aliases, every kind of parse error', async () => {
    const dir = writeContent('hostile', HOSTILE);
    const { serial, threaded } = await same(dir, tmp);
    expect(threaded.stats!.fromWorkers).toBe(HOSTILE.length - 2); // not _draft.md, not elsewhere/
    // The cases are live: positions that need the text again, and parse problems of every kind.
    const rules = new Set(serial.diagnostics.map((d) => d.rule));
    for (const rule of ['yaml-syntax', 'schema', 'empty-file', 'no-front-matter', 'unclosed-front-matter', 'front-matter-language', 'duplicate-id', 'invalid-id', 'unknown-field', 'unknown-reference', 'self-dependency']) {
      expect(rules, rule).toContain(rule);
    }
    expect(serial.diagnostics.some((d) => d.line > 3 && d.column > 1)).toBe(true);
  });

  it('prepared data is identical, value for value (NaN, -0, own __proto__, shared aliases)', async () => {
    const { prepared, stats } = await prepareFiles(HOSTILE, WORKER_ONLY);
    expect(stats.fromWorkers).toBe(stats.files);
    const serial = HOSTILE.map((f) => prepareFile(f.path, f.text));
    expect(prepared).toStrictEqual(serial);

    const numbers = prepared[HOSTILE.findIndex((f) => f.path === 'projects/numbers.md')]!.parsed!.data as Record<string, unknown>;
    expect(Object.is(numbers.progress, -0)).toBe(true);
    expect(numbers.nan).toBeNaN();
    expect(numbers.inf).toBe(-Infinity);
    const proto = prepared[HOSTILE.findIndex((f) => f.path === 'projects/proto.md')]!.parsed!.data as Record<string, unknown>;
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    const anchors = prepared[HOSTILE.findIndex((f) => f.path === 'projects/anchors.md')]!.parsed!.data as Record<string, unknown[]>;
    expect(anchors.tags).toBe(anchors.teams); // an alias is the same object, after the clone too
    expect(anchors.milestones[1]).toBe(anchors.milestones[0]);
  });

  it('a synthetic portfolio in chunks shared by both threads, with errors spread through it', async () => {
    const { files } = syntheticPortfolio({ records: 300, seed: 3 });
    const broken = files.map((f, i) => (i % 37 === 5 && f.path.startsWith('projects/') ? { ...f, text: f.text.replace(/^status: \w+/m, 'status: in progress').replace(/^start:/m, 'start: 2026-02-30\nbegin:') } : f));
    const dir = writeContent('synthetic', broken);
    const { serial, threaded } = await same(dir, tmp, { threads: 2, minFiles: 0, chunkSize: 7 });
    expect(serial.diagnostics.length).toBeGreaterThan(8);
    expect(threaded.stats!.workers).toBe(1);
  });

  it('loadPortfolio with prepared files builds the context it builds alone', async () => {
    const files = await readContentDir(path.join(ROOT, 'content'));
    const { prepared } = await prepareFiles(files, WORKER_ONLY);
    expect(loadPortfolio(files, { prepared, audience: 'internal' })).toStrictEqual(loadPortfolio(files, { audience: 'internal' }));
  });
});

describe('a worker that fails changes the time, not the result', () => {
  const files = HOSTILE;
  const expected = files.map((f) => prepareFile(f.path, f.text));

  it('a worker that cannot start: everything is prepared in this thread', async () => {
    const { prepared, stats } = await prepareFiles(files, { ...WORKER_ONLY, workerUrl: pathToFileURL(path.join(tmp, 'missing-worker.mjs')) });
    expect(stats.fromWorkers).toBe(0);
    expect(prepared).toStrictEqual(expected);
  });

  it('a worker that claims chunks and exits without delivering them', async () => {
    const script = path.join(tmp, 'quitter.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => { const c = new Int32Array(job.counter); Atomics.add(c, 0, 3); process.exit(0); });`,
    );
    const { prepared, stats } = await prepareFiles(files, { threads: 2, minFiles: 0, chunkSize: 2, workerUrl: pathToFileURL(script) });
    expect(stats.fromWorkers).toBe(0);
    expect(prepared).toStrictEqual(expected);
  });

  it('a worker that reports a chunk as failed, then delivers the rest', async () => {
    const script = path.join(tmp, 'half.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
import { prepareFile } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/core/load.ts')).href)};
parentPort.on('message', (job) => {
  const c = new Int32Array(job.counter);
  const n = Math.ceil(job.paths.length / job.chunkSize);
  for (let k = Atomics.add(c, 0, 1); k < n; k = Atomics.add(c, 0, 1)) {
    if (k % 2 === 0) { parentPort.postMessage({ chunk: k, failed: 'no' }); continue; }
    const prepared = [];
    for (let i = k * job.chunkSize; i < Math.min(job.paths.length, (k + 1) * job.chunkSize); i++) prepared.push(prepareFile(job.paths[i], job.texts[i]));
    parentPort.postMessage({ chunk: k, prepared });
  }
  parentPort.postMessage({ done: true });
});`,
    );
    const { prepared, stats } = await prepareFiles(files, { ...WORKER_ONLY, chunkSize: 3, workerUrl: pathToFileURL(script) });
    expect(stats.fromWorkers).toBeGreaterThan(0);
    expect(stats.fromWorkers).toBeLessThan(stats.files);
    expect(prepared).toStrictEqual(expected);
  });

  it('few files: no worker is started', async () => {
    const { stats } = await prepareFiles(files, { threads: 2 });
    expect(stats.workers).toBe(0);
    const many = await prepareFiles(files, { threads: 2, minFiles: files.length - 2 });
    expect(many.stats.workers).toBe(1);
  });
});
