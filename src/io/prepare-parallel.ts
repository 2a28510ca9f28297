/**
 * Parsing and validating the content files on every core.
 *
 * `prepareFile` (src/core/load.ts) is the expensive, per-file part of loading
 * (YAML through the `yaml` package, then Zod): about 85% of `npm run check`.
 * It is pure and its result is plain data, so worker threads can compute it
 * and send it back by structured clone; `loadPortfolio` then builds the same
 * context from it as from its own parsing (positions for diagnostics are
 * rebuilt from the text, in this thread, only for files with a problem).
 *
 * Work is shared in chunks claimed from an atomic counter: this thread starts
 * at once and the worker joins when it has loaded, so neither waits for the
 * other. A chunk the worker cannot deliver (it failed to start, crashed, or
 * its result would not clone) is prepared here, so the result never depends
 * on the worker, only the time does.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { isParsed, prepareFile, type ContentFile, type PreparedFile } from '../core/load.ts';

export interface ParallelOptions {
  /** Threads in all, this one included. Default: the available cores, at most 4. 1 = no worker. */
  threads?: number;
  /** Fewer files to parse than this: no worker (starting one costs about 0.3 s of CPU). Default 256. */
  minFiles?: number;
  /** Files per unit of work. Default 64. */
  chunkSize?: number;
  /** Tests: this thread prepares nothing itself unless a worker fails, so every file goes through a worker. */
  workersOnly?: boolean;
  /** Tests: another worker script (one that fails, say). */
  workerUrl?: URL;
}

export interface PrepareStats {
  /** Files parsed (records and portfolio.yaml). */
  files: number;
  /** Worker threads started. */
  workers: number;
  /** Files whose result came from a worker. */
  fromWorkers: number;
}

export interface Prepared {
  /** Aligned with the files: `loadPortfolio(files, { prepared })`. */
  prepared: (PreparedFile | undefined)[];
  stats: PrepareStats;
}

/** What the main thread sends a worker. */
export interface WorkerJob {
  paths: string[];
  texts: string[];
  /** Int32Array[0]: the next chunk to claim. */
  counter: SharedArrayBuffer;
  chunkSize: number;
}

/** What a worker sends back, one message per chunk. */
export type WorkerReply = { chunk: number; prepared: (PreparedFile | undefined)[] } | { chunk: number; failed: string };

const DEFAULT_MIN_FILES = 256;
const DEFAULT_CHUNK = 64;
const MAX_THREADS = 4;

/**
 * The yaml parser reads `process.env.LOG_TOKENS` once per token, and Node's
 * `process.env` is a slow native accessor (check on 10,000 records: 30% of the
 * time). Parse against a plain snapshot; the real object is back before any
 * other code can run, since `fn` is synchronous.
 */
function withEnvSnapshot<T>(fn: () => T): T {
  const env = process.env;
  process.env = { ...env };
  try {
    return fn();
  } finally {
    process.env = env;
  }
}

function startWorker(url: URL): Worker | undefined {
  try {
    const worker = new Worker(url);
    worker.unref();
    return worker;
  } catch {
    return undefined;
  }
}

/**
 * A started preparer: call `prepare` once with the files. Starting it before
 * reading the files lets the worker load its modules meanwhile.
 */
export interface Preparer {
  prepare(files: readonly ContentFile[]): Promise<Prepared>;
  /** Stop the workers without preparing anything (the files could not be read). */
  cancel(): void;
}

/**
 * Start a preparer for about `expected` files to parse (an estimate: see
 * `isParsed`; 0 when unknown). Workers start only when `expected` reaches
 * `minFiles` and there is more than one core.
 */
export function startPreparer(expected: number, opts: ParallelOptions = {}): Preparer {
  const threads = Math.max(1, Math.floor(opts.threads ?? Math.min(MAX_THREADS, os.availableParallelism())));
  const wanted = expected >= (opts.minFiles ?? DEFAULT_MIN_FILES) ? threads - 1 : 0;
  const workers: Worker[] = [];
  for (let i = 0; i < wanted; i++) {
    const w = startWorker(opts.workerUrl ?? new URL('./prepare-worker.ts', import.meta.url));
    if (w) workers.push(w);
  }
  return {
    prepare: (files) => run(files, workers, opts.chunkSize ?? DEFAULT_CHUNK, opts.workersOnly ?? false),
    cancel: () => {
      for (const w of workers) void w.terminate();
    },
  };
}

/** Parse and validate every file that `loadPortfolio` parses, on every core when there are enough. */
export async function prepareFiles(files: readonly ContentFile[], opts: ParallelOptions = {}): Promise<Prepared> {
  return startPreparer(files.filter((f) => isParsed(f.path)).length, opts).prepare(files);
}

async function run(files: readonly ContentFile[], workers: Worker[], chunkSize: number, workersOnly: boolean): Promise<Prepared> {
  const prepared: (PreparedFile | undefined)[] = new Array(files.length).fill(undefined);
  const todo: number[] = [];
  files.forEach((f, i) => {
    if (isParsed(f.path)) todo.push(i);
  });
  const stats: PrepareStats = { files: todo.length, workers: workers.length, fromWorkers: 0 };
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks = Math.ceil(todo.length / size);
  const prepareChunk = (k: number) =>
    withEnvSnapshot(() => {
      for (const i of todo.slice(k * size, (k + 1) * size)) prepared[i] = prepareFile(files[i].path, files[i].text);
    });

  if (workers.length === 0 || chunks === 0) {
    for (let k = 0; k < chunks; k++) prepareChunk(k);
    for (const w of workers) void w.terminate();
    return { prepared, stats: { ...stats, workers: 0 } };
  }

  const counter = new Int32Array(new SharedArrayBuffer(4));
  const mine = new Set<number>();
  const received = new Set<number>();
  const failed = new Set<number>();
  /** Workers that may still deliver a chunk: not finished, not dead. */
  let running = workers.length;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const indexes = (k: number) => todo.slice(k * size, (k + 1) * size);
  const job: WorkerJob = {
    paths: todo.map((i) => files[i].path),
    texts: todo.map((i) => files[i].text),
    counter: counter.buffer as SharedArrayBuffer,
    chunkSize: size,
  };
  for (const w of workers) {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      running--;
      notify();
    };
    w.on('message', (reply: WorkerReply | { done: true }) => {
      if ('done' in reply) return stop();
      const k = reply.chunk;
      if ('prepared' in reply && reply.prepared.length === indexes(k).length) {
        if (!received.has(k)) {
          indexes(k).forEach((i, j) => (prepared[i] = reply.prepared[j]));
          received.add(k);
          stats.fromWorkers += reply.prepared.length;
        }
      } else failed.add(k);
      notify();
    });
    // A message that cannot be read, or a worker that stops early: what it had not delivered is prepared here.
    w.on('messageerror', () => {
      stop();
      void w.terminate();
    });
    w.on('error', stop);
    w.on('exit', stop);
    w.postMessage(job);
  }

  /** Chunks not prepared here and not delivered (claimed by a worker, or unclaimed). */
  const missing = () => {
    const out: number[] = [];
    for (let k = 0; k < chunks; k++) if (!mine.has(k) && !received.has(k)) out.push(k);
    return out;
  };
  try {
    if (!workersOnly) {
      for (let k = Atomics.add(counter, 0, 1); k < chunks; k = Atomics.add(counter, 0, 1)) {
        mine.add(k);
        prepareChunk(k);
        // Let the worker's finished chunks in (their structured clone is read on this thread) while it works.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // Every chunk is claimed now (unless workersOnly): wait for the workers' ones while a worker can deliver.
    while (running > 0 && missing().some((k) => !failed.has(k))) await new Promise<void>((resolve) => (wake = resolve));
    // What no worker delivered (failed, or its worker stopped) is prepared here: same result, or the same exception.
    for (const k of missing()) prepareChunk(k);
    return { prepared, stats };
  } finally {
    for (const w of workers) void w.terminate();
  }
}
