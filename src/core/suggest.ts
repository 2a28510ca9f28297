/**
 * "Did you mean …?" for typos in field names, enum values and ids: a table of
 * synonyms for the words people write instead of ours, then edit distance.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Lower case, spaces and underscores as hyphens: `In Progress` → `in-progress`. */
export function normalizeWord(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * Words people use instead of ours. Keys are normalised (see `normalizeWord`);
 * each maps to candidates in order of preference, the first allowed one wins.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // project status
  'in-progress': ['active'],
  inprogress: ['active'],
  wip: ['active'],
  started: ['active'],
  ongoing: ['active'],
  running: ['active', 'run'],
  underway: ['active'],
  'in-flight': ['active'],
  open: ['active', 'proposed'],
  doing: ['active'],
  complete: ['done', 'closed'],
  completed: ['done', 'closed'],
  finished: ['done', 'closed'],
  closed: ['done'],
  delivered: ['done'],
  live: ['done'],
  shipped: ['done'],
  paused: ['on-hold'],
  blocked: ['on-hold'],
  hold: ['on-hold'],
  onhold: ['on-hold'],
  suspended: ['on-hold'],
  stalled: ['on-hold'],
  deferred: ['on-hold'],
  planned: ['approved'],
  funded: ['approved'],
  accepted: ['approved'],
  authorised: ['approved'],
  authorized: ['approved'],
  scheduled: ['approved'],
  idea: ['proposed'],
  requested: ['proposed'],
  request: ['proposed'],
  new: ['proposed'],
  submitted: ['proposed'],
  draft: ['proposed'],
  backlog: ['proposed'],
  intake: ['proposed', 'identification'],
  canceled: ['cancelled'],
  cancelled: ['cancelled', 'withdrawn'],
  abandoned: ['cancelled'],
  dropped: ['cancelled'],
  stopped: ['cancelled'],
  rejected: ['cancelled'],
  // RAG
  yellow: ['amber'],
  orange: ['amber'],
  warning: ['amber'],
  good: ['green'],
  ok: ['green', 'on-track'],
  fine: ['green'],
  'on-track': ['green', 'on-track'],
  bad: ['red'],
  critical: ['red'],
  'at-risk': ['amber', 'at-risk'],
  'off-track': ['red', 'off-track'],
  // gates and risks
  passed: ['approved'],
  pass: ['approved'],
  waiting: ['pending'],
  'to-do': ['pending'],
  todo: ['pending'],
  failed: ['rejected'],
  declined: ['rejected'],
  resolved: ['closed'],
  mitigated: ['closed'],
  // phases
  initiation: ['identification'],
  analysis: ['evaluation'],
  assessment: ['evaluation'],
  approval: ['authorization'],
  authorisation: ['authorization'],
  delivery: ['execution'],
  build: ['execution'],
  implementation: ['execution'],
  closure: ['review'],
  closing: ['review'],
  // dependency types
  fs: ['finish-to-start'],
  ss: ['start-to-start'],
  ff: ['finish-to-finish'],
  // investment
  change: ['transform'],
  transformation: ['transform'],
  growth: ['grow'],
  maintain: ['run'],
  'keep-the-lights-on': ['run'],
  ktlo: ['run'],
  // team kind
  group: ['team'],
  squad: ['team'],
  specialism: ['role'],
  // visibility
  private: ['internal'],
  hidden: ['internal'],
  published: ['public'],
};

function threshold(s: string): number {
  return Math.max(1, Math.min(3, Math.floor(s.length / 3)));
}

/**
 * The candidate `input` most likely stands for, or undefined when none is close.
 * Order: same word ignoring case and separators, a synonym, the nearest by edit
 * distance (ties go to the earlier candidate), then the one candidate that
 * contains the input or is contained in it.
 */
export function suggest(input: unknown, candidates: Iterable<string>, opts: { synonyms?: boolean } = {}): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') return undefined;
  const raw = String(input);
  const word = normalizeWord(raw);
  if (word === '') return undefined;
  const list = [...new Set(candidates)].filter((c) => c !== raw);
  if (list.length === 0) return undefined;

  const same = list.find((c) => normalizeWord(c) === word || normalizeWord(c).replace(/-/g, '') === word.replace(/-/g, ''));
  if (same !== undefined) return same;

  if (opts.synonyms !== false) {
    const targets = SYNONYMS[word];
    if (targets) {
      const hit = targets.find((t) => list.includes(t));
      if (hit !== undefined) return hit;
    }
  }

  const max = threshold(word);
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of list) {
    const d = editDistance(word, normalizeWord(c), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 1) break;
    }
  }
  if (best !== undefined) return best;

  if (word.length >= 4) {
    const containing = list.filter((c) => {
      const n = normalizeWord(c);
      return n.includes(word) || (n.length >= 4 && word.includes(n));
    });
    if (containing.length === 1) return containing[0];
  }
  return undefined;
}

/** `CRM_Upgrade` → `crm-upgrade`; undefined when nothing usable is left. */
export function kebabCase(s: string): string | undefined {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out === '' ? undefined : out;
}
