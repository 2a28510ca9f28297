/**
 * Worker thread for `src/io/prepare-parallel.ts`: claims chunks of files from
 * the shared counter, prepares them (`prepareFile`: parse and validate) and
 * sends each chunk back, then says it is done.
 */
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PreparedFile } from '../core/load.ts';
import type { WorkerJob, WorkerReply } from './prepare-parallel.ts';

// The yaml parser reads process.env.LOG_TOKENS once per token; a worker's
// process.env is its own, so a plain snapshot is safe here for good.
process.env = { ...process.env };

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs as a worker thread');

port.on('message', (job: WorkerJob) => {
  const counter = new Int32Array(job.counter);
  const chunks = Math.ceil(job.paths.length / job.chunkSize);
  for (let k = Atomics.add(counter, 0, 1); k < chunks; k = Atomics.add(counter, 0, 1)) {
    let reply: WorkerReply;
    try {
      const prepared: (PreparedFile | undefined)[] = [];
      for (let i = k * job.chunkSize; i < Math.min(job.paths.length, (k + 1) * job.chunkSize); i++) prepared.push(prepareFile(job.paths[i], job.texts[i]));
      reply = { chunk: k, prepared };
      port.postMessage(reply);
    } catch (e) {
      // An unexpected exception, or a result that does not clone: the main thread prepares this chunk itself.
      reply = { chunk: k, failed: e instanceof Error ? e.message : String(e) };
      port.postMessage(reply);
    }
  }
  port.postMessage({ done: true });
});
