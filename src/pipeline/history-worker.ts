/**
 * Worker thread for ./history.ts: computes the past samples of a cold
 * history into the disk cache, so that their models' garbage lives and dies
 * in this thread's heap, not in the build's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openHistoryCache } from '../io/history-cache.ts';
import { pastHistory, type PastJob } from './history.ts';

// The yaml parser reads process.env.LOG_TOKENS once per token; a worker's process.env is its own.
process.env = { ...process.env };

const job = workerData as PastJob;
const { samples, parse } = await pastHistory(job, openHistoryCache(job.historyCache));
parse()?.save();
parentPort?.postMessage(samples.computed);
