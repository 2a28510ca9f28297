/**
 * Child process for ./history.ts: computes the past samples of a cold
 * history (and the period to now) into the disk cache, so that their models
 * and garbage live and die in this process, not in the build's.
 */
import { buildModel } from '../core/build-model.ts';
import { openHistoryCache } from '../io/history-cache.ts';
import { pastHistory, type PastJob } from './history.ts';

process.once('message', async (job: PastJob) => {
  // Now's model as the build's, without the forecast (the comparison does not read it).
  const now = job.now?.input && { input: job.now.input, asOf: job.now.asOf };
  const { samples, parse } = await pastHistory(job, openHistoryCache(job.historyCache), now ? () => buildModel(now.input, { audience: job.audience, asOf: now.asOf }) : undefined);
  parse()?.save();
  process.send?.(samples.computed, () => process.disconnect?.());
});
