/**
 * `npm run check` parses on several cores (src/io/prepare-parallel.ts): the
 * result must be exactly what parsing in one thread gives, for every fixture,
 * for hostile YAML, and when the worker fails.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPortfolio, prepareFile, type ContentFile } from '../../src/core/load.ts';
import { syntheticPortfolio } from '../../scripts/bench/synthetic.ts';
import { prepareFiles, type ParallelOptions } from '../../src/io/prepare-parallel.ts';
import { readContentDir } from '../../src/io/read-content.ts';
import { runCheck } from '../../src/pipeline/check.ts';
import { expectSameCheck, HOSTILE_YAML as HOSTILE, writeContent as writeContentIn } from '../support/check-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every file through the worker, one file per message: the most cloning there can be. */
const WORKER_ONLY: ParallelOptions = { threads: 2, minFiles: 0, chunkSize: 1, workersOnly: true };

const tmp = mkdtempSync(path.join(tmpdir(), 'roadmap-check-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv('ROADMAP_AUDIENCE', '');
  return () => vi.unstubAllEnvs();
});

const writeContent = (name: string, files: ContentFile[]) => writeContentIn(tmp, name, files);

/** runCheck twice, in one thread and through the worker, and demand the same result. */
async function same(dir: string, cwd: string, parallel: ParallelOptions = WORKER_ONLY) {
  const serial = await runCheck(dir, { cwd, parallel: false });
  const threaded = await runCheck(dir, { cwd, parallel });
  expect(serial.stats?.fromWorkers).toBe(0);
  expectSameCheck(threaded, serial);
  return { serial, threaded };
}

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
