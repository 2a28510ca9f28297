/**
 * Child process for ./history.ts: computes the past samples of a cold
 * history (and the period to now) into the disk cache, so that their models
 * and garbage live and die in this process, not in the build's.
 */
import { openHistoryCache } from '../io/history-cache.ts';
import { pastHistory, type PastJob } from './history.ts';

process.once('message', async (job: PastJob) => {
  const { samples, parse } = await pastHistory(job, openHistoryCache(job.historyCache));
  parse()?.save();
  process.send?.(samples.computed, () => process.disconnect?.());
});
