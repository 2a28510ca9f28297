/**
 * The portfolio's history (issue 18): the model recomputed at the last
 * commit of each review period, plus now, and what changed between them.
 *
 * Each sample is the content folder read from git at that commit
 * (src/io/git-content.ts), checked like the working tree (./check.ts) and
 * built for the build's audience with the commit's day as the as-of day, so
 * health is as it stood that day (a project overdue then is red then).
 * Audience-safe: the sample's hide list is the build's plus the sample's own,
 * a record internal at that commit is not in a public build's sample, and a
 * record internal now is left out of every past sample too (like "What
 * changed", which reports only records the audience sees now).
 *
 * Samples and the changes between them are cached on disk
 * (src/io/history-cache.ts) by the content tree, the audience, the hide
 * lists, the as-of day and the code; files are parsed through a check cache
 * of their own, so a cold build parses each distinct file once. A big
 * portfolio's missing samples are computed in a child process
 * (./history-worker.ts), whose memory is gone before the pages are rendered.
 */
import { hash } from 'node:crypto';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { hiddenFields, seesInternal } from '../core/audience.ts';
import { buildModel } from '../core/build-model.ts';
import { compareModels } from '../core/compare/index.ts';
import { dayToIso } from '../core/dates.ts';
import { formatCount } from '../core/format.ts';
import { dayOfIso, periodChanges, pickSamples, sampleOf, type CommitRef, type HistorySample, type PeriodChanges, type PortfolioHistory } from '../core/history/index.ts';
import type { PortfolioInput, PortfolioModel } from '../core/model.ts';
import { memoryCheckCache, openCheckCache, type CheckCache } from '../io/check-cache.ts';
import { readContentAt, type ContentRepository } from '../io/git-content.ts';
import { historyKey, openHistoryCache, type HistoryCache } from '../io/history-cache.ts';
import { contentTrees, historyCommits } from '../io/history-git.ts';
import { checkFiles } from './check.ts';
import type { Settings } from './settings.ts';

/** Bump when what a sample or a period holds changes in a way the code key (src/core) does not see. */
const HISTORY_VERSION = 1;

export interface HistoryStats {
  samples: number;
  /** Samples and periods computed this time (the rest came from the cache). */
  computed: number;
  /** Of those, computed in a child process. */
  inWorker: number;
  /** Past models built from git in the build's process. */
  built: number;
  seconds: number;
}

export interface HistoryOptions {
  /** Called once with what was done (for the build log). */
  onStats?: (stats: HistoryStats) => void;
  /** Compute missing past samples in a child process (needs a disk cache); default: when there are enough records × samples. */
  worker?: boolean;
}

/** The history for `model` (now: the build's model of `input`). Never throws for git trouble: the note says why there are no past samples. */
export async function portfolioHistory(settings: Settings, input: PortfolioInput, model: PortfolioModel, opts: HistoryOptions = {}): Promise<PortfolioHistory> {
  const started = performance.now();
  const conf = input.settings.history;
  const nowSample = sampleOf(model);
  const found = historyCommits(settings.contentDir);
  if ('note' in found) {
    opts.onStats?.({ samples: 1, computed: 0, inWorker: 0, built: 0, seconds: (performance.now() - started) / 1000 });
    return { every: conf.every, samples: [nowSample], changes: [], note: found.note };
  }
  const { repo } = found;
  const fy = model.settings.fiscal_year_start;
  const picks = pickSamples(found.commits, { every: conf.every, maxSamples: conf.max_samples, asOfDay: model.asOfDay, fiscalYearStart: fy });
  const trees = contentTrees(repo, picks.map((p) => p.commit));

  const audience = model.audience;
  const hide = [...model.hidden].sort();
  // Records internal now: left out of every past sample of an audience that does not see internal records.
  const internalNow = seesInternal(audience) ? [] : input.projects.filter((p) => p.data.visibility === 'internal').map((p) => p.id).sort();
  const cache = openHistoryCache(settings.historyCache);
  const job: PastJob = {
    repo,
    root: path.relative(settings.cwd, settings.contentDir).split(path.sep).join('/'),
    contentDir: settings.contentDir,
    historyCache: settings.historyCache,
    checkCache: settings.checkCache,
    audience,
    hide,
    internalNow,
    past: [],
  };
  picks.forEach((ref, i) => {
    if (!trees[i]) return; // the content folder did not exist at that commit
    const asOf = dayToIso(dayOfIso(ref.date));
    job.past.push({ ref, asOf, key: historyKey(['sample', HISTORY_VERSION, trees[i], asOf, audience, hide, internalNow]) });
  });

  // Past samples to compute on a big portfolio: in a child process, which writes them to the disk cache and whose
  // memory (every past model and its garbage) is gone when it ends, before the pages are rendered; read back below.
  const missing = job.past.filter((s) => cache.get(s.key) === undefined).length;
  const workerWanted = opts.worker ?? (missing >= 2 && missing * input.projects.length >= WORKER_MIN_RECORD_SAMPLES);
  // The child process also computes the period from the newest past sample to now (else this one builds a past model for it).
  // Hashed in v8's structured-clone form: a quarter of JSON.stringify's time at 2,000 records (a miss only recomputes).
  const now = { asOf: model.settings.as_of, inputHash: hash('sha1', serialize(input), 'base64url') };
  const inWorker = settings.historyCache && missing && workerWanted ? await computeInChildProcess({ ...job, now: { ...now, input } }) : 0;
  // Here, files are parsed through the build's check cache (the working tree's files) and memory only: the history's own
  // parse cache holds every version of every file (hundreds of MB at 10,000 records) and is the child process's.
  const { samples, changes, invalid, parse } = await pastHistory({ ...job, historyCache: undefined, now }, cache, () => model);
  const computed = inWorker + samples.computed;
  parse()?.save();

  const notes: string[] = [];
  if (invalid.length) {
    const first = invalid[0]!;
    notes.push(`${formatCount(invalid.length, 'review period')} left out: the content at ${first.commit.slice(0, 7)} (${first.asOf})${invalid.length > 1 ? ' and others' : ''} does not pass check.`);
  }
  opts.onStats?.({ samples: samples.list.length + 1, computed, inWorker, built: samples.built, seconds: (performance.now() - started) / 1000 });
  return { every: conf.every, samples: [...samples.list.map((s) => s.sample), nowSample], changes, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

/** What computing the past samples needs: plain data, so a child process can be sent it. */
export interface PastJob {
  repo: ContentRepository;
  /** The content folder as shown in paths (relative to the working directory). */
  root: string;
  contentDir: string;
  historyCache?: string;
  checkCache?: string;
  audience: string;
  hide: string[];
  internalNow: string[];
  past: { ref: CommitRef; key: string; asOf: string }[];
  /** Now's as-of day and a hash of its input (the key of the period to now); for a child process, the input too, to build now's model. */
  now?: { asOf: string; inputHash: string; input?: PortfolioInput };
}

/** The period to now is keyed by now's input, which has no tree in git when the working tree has changes. */
function nowKeyOf(job: PastJob, prevKey: string, asOf: string, inputHash: string): string {
  return historyKey(['now', HISTORY_VERSION, prevKey, asOf, job.audience, job.hide, inputHash]);
}

type Known = { sample: HistorySample; key: string; model?: PortfolioModel };

/**
 * The past samples and the changes between them, and with `job.now` the period from the newest of them to now (its
 * model from `nowModel`), each from the cache or computed and cached; the now sample is the caller's.
 */
export async function pastHistory(job: PastJob, cache: HistoryCache, nowModel?: () => PortfolioModel) {
  let parse: CheckCache | undefined;
  // Texts by blob id: consecutive samples share most files, read from git once.
  const blobs = new Map<string, string>();
  // The model of a past sample, when it must be computed; undefined when its content does not validate.
  const modelAt = async (s: PastJob['past'][number]): Promise<PortfolioModel | undefined> => {
    parse ??= layered(job.historyCache ? openCheckCache(path.join(job.historyCache, 'parse'), job.contentDir) : memoryCheckCache(), job.checkCache ? openCheckCache(job.checkCache, job.contentDir) : undefined);
    const checked = await checkFiles(readContentAt(job.repo, s.ref.commit, blobs), { root: job.root, cache: parse, audience: job.audience, strict: false });
    if (checked.exitCode !== 0 || !checked.input) return undefined;
    built += 1;
    return buildModel(sampleInput(checked.input, job.audience, job.hide, job.internalNow), { audience: job.audience, asOf: s.asOf });
  };

  const invalid: { commit: string; asOf: string }[] = [];
  const list: Known[] = [];
  const changes: PeriodChanges[] = [];
  let computed = 0;
  let built = 0;
  let prev: Known | undefined;
  for (const s of job.past) {
    let sample = cache.get<HistorySample | null>(s.key);
    let m: PortfolioModel | undefined;
    if (sample === undefined) {
      m = await modelAt(s);
      sample = m ? sampleOf(m, { commit: s.ref.commit, committed: s.ref.date }) : null;
      cache.set(s.key, sample);
      computed += 1;
    }
    if (!sample) {
      invalid.push({ commit: s.ref.commit, asOf: s.asOf });
      continue;
    }
    const cur: Known = { sample, key: s.key, model: m };
    if (prev) changes.push(await pairChanges(prev, cur, async (k) => (k.model ??= await modelAt(job.past.find((x) => x.key === k.key)!))));
    if (prev) prev.model = undefined; // one past model in memory at a time (besides now)
    list.push(cur);
    prev = cur;
  }

  async function pairChanges(a: Known, b: Known, load: (k: Known) => Promise<PortfolioModel | undefined>): Promise<PeriodChanges> {
    const key = historyKey(['pair', a.key, b.key]);
    const hit = cache.get<PeriodChanges>(key);
    if (hit) return hit;
    const [ma, mb] = [await load(a), await load(b)];
    const out = periodChanges(compareModels(ma!, mb!, revisionsOf(a.sample, b.sample)));
    cache.set(key, out);
    computed += 1;
    return out;
  }

  // The newest past sample to now: keyed by now's input, which has no tree in git when the working tree has changes.
  if (job.now && nowModel && prev) {
    const key = nowKeyOf(job, prev.key, job.now.asOf, job.now.inputHash);
    let last = cache.get<PeriodChanges>(key);
    if (!last) {
      // The newest past model is kept (one per audience and hide list), so a content change does not rebuild it from git.
      const slot = historyKey(['newest-model', HISTORY_VERSION, job.audience, job.hide, job.internalNow]);
      const kept = prev.model ? undefined : cache.getLatest<PortfolioModel>(slot, prev.key);
      const before = kept ?? prev.model ?? (await modelAt(job.past.find((x) => x.key === prev!.key)!));
      if (before && !kept) cache.setLatest(slot, prev.key, before);
      last = periodChanges(compareModels(before!, nowModel(), revisionsOf(prev.sample)));
      cache.set(key, last);
      computed += 1;
    }
    changes.push(last);
  }

  return { samples: { list, computed, built }, changes, invalid, parse: () => parse };
}

/** Past samples × records above which a cold history is computed in a child process (about a second to start one). */
const WORKER_MIN_RECORD_SAMPLES = 5_000;

/**
 * Run pastHistory in a child process, for its disk cache: how many samples and periods it computed. A process, not a
 * worker thread: its memory is back with the system the moment it exits (a worker's lingered for seconds, as Pagefind
 * started). Any failure only means computing here instead.
 */
async function computeInChildProcess(job: PastJob): Promise<number> {
  try {
    const child = fork(fileURLToPath(new URL('./history-worker.ts', import.meta.url)), { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const computed = await new Promise<number>((resolve) => {
      child.once('message', (n: unknown) => resolve(typeof n === 'number' ? n : 0));
      child.once('error', () => resolve(0));
      child.once('exit', () => resolve(0));
      child.send(job);
    });
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    return computed;
  } catch {
    return 0; // no child process: the samples are computed in this one
  }
}

/** The history's own parse cache, falling back on the build's (read only): recent samples share most files with the working tree. */
function layered(own: CheckCache, base: CheckCache | undefined): CheckCache {
  if (!base) return own;
  return {
    warm: own.warm || base.warm,
    get: (f) => own.get(f) ?? base.get(f),
    set: (f, prepared) => own.set(f, prepared),
    save: () => own.save(),
  };
}

/** The revisions compared between two samples; without `b`, to now. */
function revisionsOf(a: HistorySample, b?: HistorySample) {
  return { base: { label: a.asOf, commit: a.commit }, head: b?.commit ? { label: b.asOf, commit: b.commit } : { label: 'now' } };
}

/** A past input for the audience: the build's hide list and the sample's own, and records internal now made internal then. */
function sampleInput(input: PortfolioInput, audience: string, hide: readonly string[], internalNow: readonly string[]): PortfolioInput {
  const own = Object.hasOwn(input.settings.audiences, audience) ? hiddenFields(input.settings, audience) : [];
  const shared = [...new Set([...hide, ...own])].sort();
  const internal = new Set(internalNow);
  return {
    ...input,
    settings: { ...input.settings, audiences: { ...input.settings.audiences, [audience]: { hide: shared } } },
    projects: internal.size ? input.projects.map((p) => (internal.has(p.id) ? { ...p, data: { ...p.data, visibility: 'internal' as const } } : p)) : input.projects,
  };
}
