/**
 * Templates for `npm run new <kind> <id>`: a record with its required fields
 * filled in, `updated` set to today, and every optional field written out as
 * a YAML comment explaining it. The title is the only value from the user;
 * it goes through the `yaml` package's stringify, never concatenation.
 */
import { stringify } from 'yaml';
import { ID_PATTERN, RICE_KEYS, WSJF_KEYS, type CollectionName } from './schema.ts';
import { kebabCase, suggest } from './suggest.ts';

export const KINDS = ['project', 'program', 'goal', 'team'] as const;
export type Kind = (typeof KINDS)[number];

export const COLLECTION_OF: Record<Kind, CollectionName> = { project: 'projects', program: 'programs', goal: 'goals', team: 'teams' };

/** `project`, `projects` or a near miss → the kind; else an error message. */
export function parseKind(word: string): { kind: Kind } | { error: string } {
  const w = word.trim().toLowerCase();
  const kind = KINDS.find((k) => k === w || `${k}s` === w);
  if (kind) return { kind };
  const hint = suggest(w.replace(/s$/, ''), KINDS);
  return { error: `unknown kind "${word}": expected ${KINDS.join(', ')}${hint ? ` (did you mean ${hint}?)` : ''}` };
}

/** Why `id` cannot be an id, or undefined when it can. */
export function idProblem(id: string): string | undefined {
  if (ID_PATTERN.test(id)) return undefined;
  const fixed = kebabCase(id);
  return `"${id}" is not a valid id: ids are lower-case kebab-case (letters, digits and single hyphens), e.g. crm-upgrade${fixed && fixed !== id ? ` (did you mean ${fixed}?)` : ''}`;
}

/** `crm-upgrade` → `Crm upgrade`: a placeholder title to edit. */
export function titleFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `title: …` as YAML (quoted when the title needs it). */
function titleLine(title: string): string {
  return stringify({ title: title.replace(/\s+/g, ' ').trim() }, { lineWidth: 0 }).trimEnd();
}

/** `code` with its comment aligned at one column, as in the record format's examples. */
function c(code: string, comment: string): string {
  return `${code.padEnd(34)} # ${comment}`;
}

export interface ScaffoldOptions {
  title: string;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** Scoring keys from portfolio.yaml (criteria ids, or the wsjf / rice keys), for the project template. */
  scoreKeys?: readonly string[];
}

/** Score keys for a scoring method and its criteria. */
export function scoreKeysFor(method: string | undefined, criteria: readonly string[]): string[] {
  if (method === 'wsjf') return [...WSJF_KEYS];
  if (method === 'rice') return [...RICE_KEYS];
  return [...criteria];
}

function projectTemplate(o: ScaffoldOptions): string {
  const scores =
    o.scoreKeys && o.scoreKeys.length > 0
      ? `# scores: { ${o.scoreKeys.map((k) => `${k}: 3`).join(', ')} }   # keys = the scoring criteria in portfolio.yaml`
      : '# scores: { criterion: 3 }   # keys = the scoring criteria in portfolio.yaml';
  return `---
# A project, or an intake request (status: proposed, no dates yet).
# Only title and status are required. To use a field, remove its "# ".
# Every field is described in the README ("The record format").
${titleLine(o.title)}
${c(`status: proposed`, 'proposed | approved | active | on-hold | done | cancelled')}
${c(`updated: ${o.today}`, 'last reviewed by its owner; stale after review_every_days')}
# summary: One sentence a stakeholder understands.
${c(`# phase: identification`, 'identification | evaluation | authorization | execution | review')}
${c(`# program: program-id`, 'the id of a record in programs/')}
${c(`# goals: [goal-id]`, 'ids of records in goals/')}
${c(`# investment: grow`, 'run | grow | transform')}
${c(`# visibility: internal`, 'public (default) | internal: left out of public builds')}
# sponsor: Chief Operating Officer
# owners: { business: Head of Sales Operations, technical: Platform Lead }
${c(`# teams: [team-id]`, 'ids of records in teams/')}
# tags: [customer, cloud]

# Dates: a day YYYY-MM-DD, a month YYYY-MM or a fiscal quarter YYYY-Qn
# (as an end, a month or quarter means its last day).
# start: ${o.today.slice(0, 7)}
${c(`# end: ${Number(o.today.slice(0, 4)) + 1}-Q2`, 'the current forecast')}
${c(`# baseline_end: ${Number(o.today.slice(0, 4)) + 1}-Q1`, 'the approved end: slip = end - baseline_end')}
${c(`# end_range: { optimistic: ${Number(o.today.slice(0, 4)) + 1}-Q1, pessimistic: ${Number(o.today.slice(0, 4)) + 1}-Q4 }`, 'optional three-point estimate of the end: optimistic <= end <= pessimistic')}
${c(`# progress: 0`, 'percent complete, 0-100')}
${c(`# health:`, 'manual RAG (green | amber | red); computed where absent')}
${c(`#   schedule: amber`, 'dimensions: schedule, budget, scope, resources, benefits')}
#   note: Why it is amber
${c(`# value_status: on-track`, 'is the expected value still on track? on-track | at-risk | off-track')}
${c(`# readiness: green`, 'business readiness: green | amber | red')}

# milestones:
#   - { name: Design approved, date: ${o.today}, baseline: ${o.today}, done: false }
${c(`# dependencies:`, 'kind: infrastructure | security | data | vendor | training | business | other')}
#   - { on: other-project-id, kind: infrastructure, type: finish-to-start, need_by: Design approved }
${c(`# gates:`, 'status: pending | approved | conditional | rejected')}
#   - { gate: budget-release, status: pending, approver: Steering Committee }
${c(`# budget:`, 'in the portfolio\'s currency')}
${c(`#   planned: 100000`, 'approved total')}
${c(`#   forecast: 100000`, 'expected total at completion')}
# benefits:
#   - { metric: Calls per month, unit: calls, baseline: 40000, target: 30000, review: ${Number(o.today.slice(0, 4)) + 1}-12-01 }
${c(`# risks:`, 'likelihood and impact 1-5; status: open | closed')}
#   - { title: Vendor capacity, likelihood: 3, impact: 4, mitigation: Second vendor on standby }
${scores}
${c(`# demand:`, 'people this project needs from a team')}
#   - { team: team-id, fte: 0.5, from: ${o.today.slice(0, 4)}-Q3, to: ${o.today.slice(0, 4)}-Q4 }
${c(`# decisions:`, 'decisions needed from leadership')}
#   - { question: Approve a second vendor?, by: ${o.today}, owner: CIO }
${c(`# changes:`, 'change requests; status: open | approved | rejected | implemented | withdrawn')}
#   - { id: CR-1, title: Add single sign-on, status: open, cost: 50000, days: 30 }
---
Background, business case and notes in Markdown.
`;
}

function programTemplate(o: ScaffoldOptions): string {
  return `---
# A program: a group of related projects (they name it in their program: field).
# Only title is required. To use a field, remove its "# ".
${titleLine(o.title)}
# owner: Head of Digital
${c(`# goals: [goal-id]`, 'ids of records in goals/ this program serves')}
---
What the program is for, in Markdown.
`;
}

function goalTemplate(o: ScaffoldOptions): string {
  return `---
# A strategic goal or objective (projects and programs name it in goals:).
# Only title is required. To use a field, remove its "# ".
${titleLine(o.title)}
# owner: Chief Digital Officer
${c(`# horizon: ${Number(o.today.slice(0, 4)) + 1}-Q4`, 'by when: YYYY-MM-DD, YYYY-MM or YYYY-Qn')}
# key_results:
#   - { metric: Online share of sales, unit: "%", baseline: 18, target: 35, actual: 24 }
---
Why this goal matters, in Markdown.
`;
}

function teamTemplate(o: ScaffoldOptions): string {
  return `---
# A team, or a role (a shared specialism such as security reviewers).
# Only title is required. To use a field, remove its "# ".
${titleLine(o.title)}
${c(`kind: team`, 'team | role')}
${c(`# capacity:`, 'FTE available from a date; the last entry carries forward')}
#   - { from: ${o.today.slice(0, 4)}-Q1, fte: 4 }
#   - { from: ${Number(o.today.slice(0, 4)) + 1}-Q1, fte: 5 }
---
What the team does, in Markdown.
`;
}

/** The text of a new record of `kind`. */
export function scaffold(kind: Kind, o: ScaffoldOptions): string {
  switch (kind) {
    case 'project':
      return projectTemplate(o);
    case 'program':
      return programTemplate(o);
    case 'goal':
      return goalTemplate(o);
    case 'team':
      return teamTemplate(o);
  }
}
