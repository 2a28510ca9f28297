/**
 * A comparison as Markdown (for a terminal, a job summary and a
 * pull-request comment) and as JSON. Names, not ids; dates, days, percents
 * and words as the site writes them (../format.ts). Record text is escaped,
 * so a title can neither break the Markdown nor mention (@) anyone.
 */
import { formatCount, formatDate, formatDayCount, formatDays, formatNumber, formatPercent, humanize } from '../format.ts';
import type {
  BenefitChange,
  BenefitFigures,
  CellState,
  CompareReport,
  ConflictChange,
  DateMove,
  HealthChange,
  OverdueChange,
  RankChange,
  RecordChange,
  Ref,
  Revision,
  RiskChange,
  UtilizationChange,
} from './report.ts';

/** The hidden marker by which the workflow finds its own comment to update. */
export const COMMENT_MARKER = '<!-- roadmap-compare -->';
/** GitHub's limit on a comment's body, in characters. */
export const COMMENT_LIMIT = 65_536;

const TITLE = '## What this change does to the portfolio';

/** Record text made inert in Markdown: punctuation escaped, no mentions, one line. */
export function md(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
}

const name = (r: Ref) => md(r.title);

function revision(r: Revision): string {
  return r.commit ? `\`${r.label.replace(/[`\s]/g, '')}\` (${r.commit.slice(0, 7)})` : 'the working tree';
}

/** Counts of a section's entries by kind of change, in the order given: `2 new, 1 resolved`. */
function counts<T>(items: readonly T[], kind: (t: T) => string, order: readonly string[], words: Record<string, string> = {}): string {
  const n = new Map<string, number>();
  for (const i of items) n.set(kind(i), (n.get(kind(i)) ?? 0) + 1);
  return order.filter((k) => n.has(k)).map((k) => `${n.get(k)} ${words[k] ?? k}`).join(', ');
}

interface Section {
  title: string;
  summary: string;
  lines: string[];
}

function conflictLine(c: ConflictChange, fy: number): string {
  const who = `${name(c.project)} waits on ${name(c.on)}`;
  const need = (s: { needed: string; upstream: string }) => `needed by ${formatDate(s.needed, fy)} for ${md(c.neededFor)}, ${c.type === 'start-to-start' ? 'starts' : 'delivered'} ${formatDate(s.upstream, fy)}`;
  switch (c.change) {
    case 'new':
      return `- **New**: ${who}: ${formatDayCount(c.after!.days)} late (${need(c.after!)})`;
    case 'resolved':
      return `- **Resolved**: ${who}: was ${formatDayCount(c.before!.days)} late${c.removed ? ' (the dependency is gone)' : ''}`;
    default:
      return `- **${humanize(c.change)}**: ${who}: ${formatNumber(c.before!.days)} → ${formatDayCount(c.after!.days)} late (${need(c.after!)})`;
  }
}

function riskLine(r: RiskChange): string {
  const path = r.path.map(name).join(' → ');
  const days = r.change === 'new' ? formatDays(r.after) : r.change === 'cleared' ? `was ${formatDays(r.before)}` : `${formatDays(r.before)} → ${formatDays(r.after)}`;
  return `- **${r.change === 'cleared' ? 'No longer at risk' : humanize(r.change)}**: ${name(r.project)}: ${days} from the slip of ${name(r.source)} (${path})`;
}

function dateLine(m: DateMove, fy: number): string {
  const what = m.field === 'milestone' ? `milestone ${md(m.milestone!)}` : m.field === 'baseline_end' ? 'baseline end' : m.field;
  const move =
    m.from !== undefined && m.to !== undefined
      ? `${formatDate(m.from, fy)} → ${formatDate(m.to, fy)} (${formatDays(m.days)})`
      : m.to !== undefined
        ? `added, ${formatDate(m.to, fy)}`
        : `removed (was ${formatDate(m.from, fy)})`;
  let against = '';
  if (m.baseline !== undefined && (m.slipBefore !== undefined || m.slipAfter !== undefined) && m.slipBefore !== m.slipAfter) {
    const slip = m.slipBefore !== undefined && m.slipAfter !== undefined ? `${formatDays(m.slipBefore)} → ${formatDays(m.slipAfter)}` : formatDays(m.slipAfter ?? m.slipBefore);
    against = `; against baseline ${formatDate(m.baseline, fy)}: ${slip}`;
  }
  return `- ${name(m.project)}: ${what} ${move}${against}`;
}

function overdueLine(o: OverdueChange, fy: number): string {
  const what = o.milestone !== undefined ? `milestone ${md(o.milestone)} (due ${formatDate(o.date, fy)})` : `end ${formatDate(o.date, fy)}`;
  return o.change === 'new' ? `- **Newly overdue**: ${name(o.project)}: ${what}, ${formatDayCount(o.days)} overdue` : `- **No longer overdue**: ${name(o.project)}: ${what}`;
}

function cell(c: CellState | undefined): string {
  if (!c) return 'no demand';
  const ratio = c.ratio !== undefined ? ` at ${formatPercent(c.ratio)}` : c.demand > 0 ? ' with no capacity' : '';
  return `${humanize(c.level)}${ratio} (${formatNumber(c.demand)} of ${formatNumber(c.capacity)} FTE)`;
}

function utilizationLine(u: UtilizationChange, fy: number): string {
  const causes = u.causes.map((c) => `${name(c.project)} ${formatNumber(c.before)} → ${formatNumber(c.after)} FTE`);
  const capacity = (u.before?.capacity ?? 0) !== (u.after?.capacity ?? 0) ? [`capacity ${formatNumber(u.before?.capacity ?? 0)} → ${formatNumber(u.after?.capacity ?? 0)} FTE`] : [];
  const why = [...causes, ...capacity];
  return `- **${name(u.team)}, ${formatDate(u.period, fy)}**: ${cell(u.before)} → ${cell(u.after)}${why.length ? `; ${why.join(', ')}` : ''}`;
}

function benefitFigures(f: BenefitFigures): string {
  const progress = f.progress !== undefined ? `, progress ${formatPercent(f.progress, { digits: 0 })}` : '';
  return `actual ${formatNumber(f.actual)} (baseline ${formatNumber(f.baseline)}, target ${formatNumber(f.target)}${progress})`;
}

/** What moved in a benefit or key result: each figure that changed, then the progress. */
function benefitMove(b: BenefitFigures, a: BenefitFigures): string {
  const parts = (['actual', 'target', 'baseline'] as const).filter((k) => b[k] !== a[k]).map((k) => `${k} ${formatNumber(b[k])} → ${formatNumber(a[k])}`);
  if (b.progress !== a.progress) parts.push(`progress ${formatPercent(b.progress, { digits: 0 })} → ${formatPercent(a.progress, { digits: 0 })}`);
  return parts.join(', ');
}

function benefitLine(b: BenefitChange): string {
  const owner = b.kind === 'key-result' ? `goal ${name(b.owner)}, key result` : `${name(b.owner)}, benefit`;
  const metric = `${md(b.metric)}${b.unit ? ` (${md(b.unit)})` : ''}`;
  const change = !b.before ? `added, ${benefitFigures(b.after!)}` : !b.after ? 'removed' : benefitMove(b.before, b.after);
  return `- ${owner} ${metric}: ${change}`;
}

function healthLine(h: HealthChange): string {
  const dim = h.dimension === 'overall' ? 'overall' : h.dimension;
  const value = (v: string | undefined) => (v ? humanize(v) : 'none');
  const why = h.reason ? ` (${md(h.reason)})` : '';
  return `- ${name(h.project)}: ${dim} ${value(h.from)} → ${value(h.to)}${why}`;
}

function rankLine(r: RankChange): string {
  const rank = (n: number | undefined) => (n === undefined ? 'unranked' : `#${n}`);
  return `- ${name(r.project)}: ${rank(r.from)} → ${rank(r.to)}`;
}

function recordLine(r: RecordChange): string {
  const status = (s: string | undefined) => (s ? ` (${humanize(s)})` : '');
  if (r.change === 'added') return `- **Added** ${r.kind}: ${name(r.record)}${status(r.to)}`;
  if (r.change === 'removed') return `- **Removed** ${r.kind}: ${name(r.record)}${status(r.from)}`;
  return `- ${name(r.record)}: status ${humanize(r.from!)} → ${humanize(r.to!)}`;
}

function sections(r: CompareReport): Section[] {
  const fy = r.fiscalYearStart;
  const out: Section[] = [];
  const add = (title: string, summary: string, lines: string[]) => lines.length > 0 && out.push({ title, summary, lines });
  add('Dependency conflicts', counts(r.conflicts, (c) => c.change, ['new', 'worse', 'better', 'resolved']), r.conflicts.map((c) => conflictLine(c, fy)));
  add(
    'At risk downstream (slip propagation)',
    counts(r.atRisk, (x) => x.change, ['new', 'worse', 'better', 'cleared'], { new: 'newly at risk', cleared: 'no longer at risk' }),
    r.atRisk.map(riskLine),
  );
  const chain = [
    ...(r.critical.joined.length ? [`- **Joined**: ${r.critical.joined.map(name).join(', ')}`] : []),
    ...(r.critical.left.length ? [`- **Left**: ${r.critical.left.map(name).join(', ')}`] : []),
  ];
  add('Critical chain', [r.critical.joined.length && `${r.critical.joined.length} joined`, r.critical.left.length && `${r.critical.left.length} left`].filter(Boolean).join(', '), chain);
  add('Dates moved', formatCount(r.dates.length, 'date'), r.dates.map((m) => dateLine(m, fy)));
  add('Overdue', counts(r.overdue, (o) => o.change, ['new', 'cleared'], { new: 'newly overdue', cleared: 'no longer overdue' }), r.overdue.map((o) => overdueLine(o, fy)));
  add('Capacity (team-quarters crossing a utilization threshold)', formatCount(r.utilization.length, 'team-quarter'), r.utilization.map((u) => utilizationLine(u, fy)));
  add(
    'Budget variance crossing a band',
    formatCount(r.budget.length, 'project'),
    r.budget.map((b) => {
      const side = (s: typeof b.before) => (s ? `${formatPercent(s.variance, { signed: true })} (${humanize(s.band)})` : 'none');
      return `- ${name(b.project)}: variance ${side(b.before)} → ${side(b.after)}`;
    }),
  );
  add('Health', formatCount(new Set(r.health.map((h) => h.project.id)).size, 'project'), r.health.map(healthLine));
  add('Backlog rank (all open work)', formatCount(r.ranks.length, 'project'), r.ranks.map(rankLine));
  add('Records', counts(r.records, (x) => x.change, ['added', 'removed', 'status'], { status: 'changing status' }), r.records.map(recordLine));
  add(
    'Gates decided',
    formatCount(r.gates.length, 'gate'),
    r.gates.map((g) => {
      const when = [g.date && formatDate(g.date, fy), g.approver && md(g.approver)].filter(Boolean).join(', ');
      return `- ${name(g.project)}: ${md(humanize(g.gate))} ${g.from ? `${humanize(g.from)} → ` : ''}${humanize(g.to)}${when ? ` (${when})` : ''}`;
    }),
  );
  add('Benefits and key results', formatCount(r.benefits.length, 'measure'), r.benefits.map(benefitLine));
  return out;
}

/** The report as Markdown: a heading, what was compared, a summary line per section, then the sections, most important first. */
export function renderMarkdown(r: CompareReport): string {
  const asOf = r.asOf.base === r.asOf.head ? `as of ${formatDate(r.asOf.head, r.fiscalYearStart)}` : `as of ${formatDate(r.asOf.base, r.fiscalYearStart)} → ${formatDate(r.asOf.head, r.fiscalYearStart)}`;
  const lines = [TITLE, '', `Base: ${revision(r.base)} · head: ${revision(r.head)} · audience: ${md(r.audience)} · ${asOf}`];
  if (r.hidden.length) lines.push('', `Not compared (hidden from this audience): ${r.hidden.map(md).join(', ')}.`);
  const list = sections(r);
  if (list.length === 0) {
    lines.push('', '**No computed change.** Nothing the site computes differs: dates, dependencies, health, capacity, budget, ranks, records, gates and benefits are as they were (text such as bodies, summaries and comments is not compared).');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', ...list.map((s) => `- **${s.title}**: ${s.summary}`));
  for (const s of list) lines.push('', `### ${s.title}`, '', ...s.lines);
  return `${lines.join('\n')}\n`;
}

/** The report as JSON (the report object itself; numbers unrounded, dates ISO). */
export function renderJson(r: unknown): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/**
 * Markdown cut at a line boundary to at most `limit` characters, ending
 * with a line that says so and where the rest is. The text as it is when it
 * fits.
 */
export function cutMarkdown(text: string, limit: number, rest = 'the full report is in the workflow run’s `roadmap-compare` artifact'): string {
  if (text.length <= limit) return text;
  const lines = text.replace(/\n$/, '').split('\n');
  const note = (n: number) => `\n\n**The report is cut here** (${formatNumber(text.length)} characters; a comment holds ${formatNumber(limit)}): ${formatCount(n, 'more line')}; ${rest}.\n`;
  let kept = 0;
  let size = 0;
  while (kept < lines.length && size + lines[kept]!.length + 1 + note(lines.length - kept - 1).length <= limit) size += lines[kept++]!.length + 1;
  return `${lines.slice(0, kept).join('\n')}${note(lines.length - kept)}`;
}

export interface SideProblems {
  side: 'base' | 'head';
  revision: Revision;
  /** What `npm run check` prints for that revision. */
  output: string;
}

/** When either side's content is invalid: check's problems, per side, and nothing compared. */
export function renderProblems(problems: readonly SideProblems[]): string {
  const lines = [TITLE, '', '**The content is not valid, so nothing was compared.** Fix these problems (`npm run check` lists them too):'];
  for (const p of problems) {
    const longest = Math.max(2, ...[...p.output.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    lines.push('', `${humanize(p.side)}: ${revision(p.revision)}:`, '', fence, p.output.replace(/\n$/, ''), fence);
  }
  return `${lines.join('\n')}\n`;
}
