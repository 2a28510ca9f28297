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
 * of their own, so a cold build parses each distinct file once.
 */
import path from 'node:path';
import { hiddenFields, seesInternal } from '../core/audience.ts';
import { buildModel } from '../core/build-model.ts';
import { compareModels } from '../core/compare/index.ts';
import { dayToIso } from '../core/dates.ts';
import { dayOfIso, periodChanges, pickSamples, sampleOf, type CommitRef, type HistorySample, type PeriodChanges, type PortfolioHistory } from '../core/history/index.ts';
import type { PortfolioInput, PortfolioModel } from '../core/model.ts';
import { memoryCheckCache, openCheckCache, type CheckCache } from '../io/check-cache.ts';
import { readContentAt } from '../io/git-content.ts';
import { historyKey, openHistoryCache } from '../io/history-cache.ts';
import { contentTrees, historyCommits } from '../io/history-git.ts';
import { checkFiles } from './check.ts';
import type { Settings } from './settings.ts';

/** Bump when what a sample or a period holds changes in a way the code key (src/core) does not see. */
const HISTORY_VERSION = 1;

export interface HistoryStats {
  samples: number;
  /** Samples and periods computed this time (the rest came from the cache). */
  computed: number;
  seconds: number;
}

export interface HistoryOptions {
  /** Called once with what was done (for the build log). */
  onStats?: (stats: HistoryStats) => void;
}

/** The history for `model` (now: the build's model of `input`). Never throws for git trouble: the note says why there are no past samples. */
export async function portfolioHistory(settings: Settings, input: PortfolioInput, model: PortfolioModel, opts: HistoryOptions = {}): Promise<PortfolioHistory> {
  const started = performance.now();
  const conf = input.settings.history;
  const now = sampleOf(model);
  const found = historyCommits(settings.contentDir);
  if ('note' in found) {
    opts.onStats?.({ samples: 1, computed: 0, seconds: (performance.now() - started) / 1000 });
    return { every: conf.every, samples: [now], changes: [], note: found.note };
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
  const root = path.relative(settings.cwd, settings.contentDir).split(path.sep).join('/');
  let parse: CheckCache | undefined;
  // Texts by blob id: consecutive samples share most files, read from git once.
  const blobs = new Map<string, string>();

  const past: { ref: CommitRef; key: string; asOf: string }[] = [];
  picks.forEach((ref, i) => {
    if (!trees[i]) return; // the content folder did not exist at that commit
    const asOf = dayToIso(dayOfIso(ref.date));
    past.push({ ref, asOf, key: historyKey(['sample', HISTORY_VERSION, trees[i], asOf, audience, hide, internalNow]) });
  });

  // The model of a past sample, when it must be computed; undefined when its content does not validate.
  const invalid: { commit: string; asOf: string }[] = [];
  const modelAt = async (s: (typeof past)[number]): Promise<PortfolioModel | undefined> => {
    parse ??= layered(settings.historyCache ? openCheckCache(path.join(settings.historyCache, 'parse'), settings.contentDir) : memoryCheckCache(), settings.checkCache ? openCheckCache(settings.checkCache, settings.contentDir) : undefined);
    const checked = await checkFiles(readContentAt(repo, s.ref.commit, blobs), { root, cache: parse, audience, strict: false });
    if (checked.exitCode !== 0 || !checked.input) return undefined;
    return buildModel(sampleInput(checked.input, audience, hide, internalNow), { audience, asOf: s.asOf });
  };

  type Known = { sample: HistorySample; key: string; model?: PortfolioModel };
  const samples: Known[] = [];
  const changes: PeriodChanges[] = [];
  let computed = 0;
  let prev: Known | undefined;
  for (const s of past) {
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
    if (prev) changes.push(await pairChanges(prev, cur, async (k) => (k.model ??= await modelAt(past.find((x) => x.key === k.key)!))));
    if (prev) prev.model = undefined; // one past model in memory at a time (besides now)
    samples.push(cur);
    prev = cur;
  }

  // The newest past sample to now: keyed by now's input, which has no tree in git when the working tree has changes.
  if (prev) {
    const nowKey = historyKey(['now', HISTORY_VERSION, prev.key, model.settings.as_of, audience, hide, JSON.stringify(input)]);
    let last = cache.get<PeriodChanges>(nowKey);
    if (!last) {
      prev.model ??= await modelAt(past.find((x) => x.key === prev!.key)!);
      last = periodChanges(compareModels(prev.model!, model, revisionsOf(prev.sample, now)));
      cache.set(nowKey, last);
      computed += 1;
    }
    changes.push(last);
  }
  parse?.save();

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

  const notes: string[] = [];
  if (invalid.length) {
    const first = invalid[0]!;
    notes.push(`${invalid.length} review period${invalid.length === 1 ? '' : 's'} left out: the content at ${first.commit.slice(0, 7)} (${first.asOf})${invalid.length > 1 ? ' and others' : ''} does not pass check.`);
  }
  opts.onStats?.({ samples: samples.length + 1, computed, seconds: (performance.now() - started) / 1000 });
  return { every: conf.every, samples: [...samples.map((s) => s.sample), now], changes, ...(notes.length ? { note: notes.join(' ') } : {}) };
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

function revisionsOf(a: HistorySample, b: HistorySample) {
  return { base: { label: a.asOf, commit: a.commit }, head: b.commit ? { label: b.asOf, commit: b.commit } : { label: 'now' } };
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
