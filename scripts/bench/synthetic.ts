/**
 * A deterministic synthetic portfolio for benchmarks and scale tests: N
 * projects with programs, goals, teams, dependencies (acyclic, about 1.5 per
 * project), milestones, budgets, benefits, risks, demand, gates, decisions,
 * changes and Markdown bodies of realistic length (about 1.5–3 KB).
 *
 * Pure: returns `{ path, text }` pairs (the same shape `loadPortfolio` reads);
 * `scripts/bench/generate.ts` writes them to a folder. Same `records` and
 * `seed` → the same files, byte for byte. Every file passes `npm run check`
 * with no errors and no warnings.
 */
import type { ContentFile } from '../../src/core/load.ts';

export interface SyntheticOptions {
  /** Number of projects. */
  records: number;
  /** PRNG seed; default 1. */
  seed?: number;
}

export interface SyntheticCounts {
  projects: number;
  programs: number;
  goals: number;
  teams: number;
  dependencies: number;
}

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many programs, goals and teams go with `records` projects. */
export function syntheticShape(records: number): Omit<SyntheticCounts, 'projects' | 'dependencies'> {
  return {
    programs: Math.max(4, Math.ceil(records / 50)),
    goals: Math.max(3, Math.min(40, Math.ceil(records / 250))),
    teams: Math.max(5, Math.ceil(records / 40)),
  };
}

const ADJ = ['Unified', 'Secure', 'Cloud', 'Digital', 'Regional', 'Integrated', 'Modern', 'Shared', 'Automated', 'Resilient', 'Mobile', 'Enterprise', 'Clinical', 'Customer', 'Core', 'Next-generation'];
const NOUN = ['Identity', 'Billing', 'Records', 'Data Platform', 'Network', 'Payroll', 'Scheduling', 'Service Desk', 'Analytics', 'Integration', 'Storage', 'Portal', 'Procurement', 'Telephony', 'Backup', 'Messaging', 'Document Management', 'CRM', 'ERP', 'Workplace'];
const ACT = ['Replatform', 'Upgrade', 'Migration', 'Consolidation', 'Rollout', 'Refresh', 'Modernisation', 'Decommission', 'Pilot', 'Hardening', 'Automation', 'Renewal'];
const ROLE = ['CIO', 'CTO', 'CFO', 'COO', 'Head of Infrastructure', 'Head of Digital', 'Head of Data', 'CISO', 'Head of Service', 'Programme Director', 'Platform Lead', 'Enterprise Architect', 'PMO Lead'];
const VENDOR = ['Internal', 'Acme Systems', 'Globex Ltd', 'Initech', 'Umbrella Digital', 'Stark Consulting', 'Wayne Cloud', 'Hooli Services'];
const PHASE_WORDS = ['initiation', 'design', 'build', 'test', 'deploy', 'training'];
const TAGS = ['cloud', 'security', 'data', 'customer', 'compliance', 'cost-saving', 'legacy', 'ai', 'network', 'workplace', 'finance', 'hr'];
const METRIC = ['Calls per month', 'Incidents per month', 'Licence cost', 'Manual hours per week', 'Online share of transactions', 'Time to provision (days)', 'Customer satisfaction', 'Unplanned downtime (hours)'];
const SENTENCES = [
  'The current platform reached the end of vendor support last year and every change now needs a specialist contractor.',
  'Around a third of service desk calls relate to this system, most of them password resets and access requests.',
  'The approved business case assumes savings from retiring two data centres and renegotiating licences.',
  'Benefits are tracked monthly by the business owner and reviewed by the steering committee each quarter.',
  'Delivery depends on the identity platform being live, because every user must sign in with single sign-on.',
  'A pilot with two departments ran for six weeks and the feedback shaped the rollout plan.',
  'The supplier has committed a named delivery team, and the contract includes service credits for missed milestones.',
  'Data migration is the largest risk: legacy records need cleansing before they can be loaded.',
  'Training will be delivered by super users in each site, supported by short videos and drop-in sessions.',
  'The architecture board approved the design subject to a penetration test before go-live.',
  'Scope was reduced in the last change request to protect the go-live date.',
  'Operating costs fall once the old infrastructure is switched off, which is planned for the quarter after go-live.',
  'The project shares specialists with several others, so its plan is reviewed against team capacity every month.',
  'Reporting moves to the central data platform, which removes four spreadsheets maintained by hand.',
  'Accessibility testing with real users is built into every release, not left to the end.',
  'The programme board will decide whether to extend the contract or retender after the first phase.',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

const DAY_MS = 86_400_000;
/** 2023-01-01 as days since the epoch. */
const EPOCH_START = Date.UTC(2023, 0, 1) / DAY_MS;

function iso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The fiscal quarter (fiscal_year_start 4) containing a day, as `YYYY-Qn`. */
function quarter(day: number): string {
  const d = new Date(day * DAY_MS);
  const m = d.getUTCMonth(); // 0-11
  const fyMonth = (m - 3 + 12) % 12; // April = 0
  const year = m >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${year}-Q${Math.floor(fyMonth / 3) + 1}`;
}

const s = (v: string) => JSON.stringify(v);

function body(r: () => number, title: string): string {
  const para = () => {
    const n = int(r, 3, 5);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(r, SENTENCES));
    return out.join(' ');
  };
  const sections = [
    `## Background\n\n${title} addresses a long-standing problem. ${para()}\n\n${para()}`,
    `## Business case\n\n${para()}\n\n- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}`,
    `## Notes\n\n${para()}`,
  ];
  if (r() < 0.5) sections.push(`## Lessons so far\n\n${para()}\n\n${para()}`);
  return `${sections.join('\n\n')}\n`;
}

function portfolioYaml(): string {
  return `title: Synthetic IT Portfolio
organization: Bench Corp
currency: EUR
fiscal_year_start: 4
as_of: 2026-11-15
review_every_days: 90
scoring:
  method: weighted
  criteria:
    - { id: strategic_fit, label: Strategic fit, weight: 3 }
    - { id: value, label: Business value, weight: 3 }
    - { id: risk, label: Delivery risk, weight: 2, invert: true }
    - { id: effort, label: Effort, weight: 2, invert: true }
  scale: [1, 5]
thresholds:
  schedule_slip_days: [14, 45]
  budget_variance: [0.05, 0.15]
  capacity_utilization: [0.9, 1.1]
audiences:
  public: { hide: [budget, benefits, risks, scores, demand, decisions, changes] }
  internal: { hide: [] }
`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The synthetic portfolio's files (portfolio.yaml, then goals, programs,
 * teams, projects), sorted by path, and what they contain.
 */
export function syntheticPortfolio(opts: SyntheticOptions): { files: ContentFile[]; counts: SyntheticCounts } {
  const n = Math.max(1, Math.floor(opts.records));
  const r = prng(opts.seed ?? 1);
  const shape = syntheticShape(n);
  const w = String(n).length;
  const goalId = (i: number) => `goal-${pad(i + 1, 3)}`;
  const programId = (i: number) => `program-${pad(i + 1, 4)}`;
  const teamId = (i: number) => `team-${pad(i + 1, 4)}`;
  const projectId = (i: number) => `project-${pad(i + 1, w)}`;
  const files: ContentFile[] = [{ path: 'portfolio.yaml', text: portfolioYaml() }];

  for (let g = 0; g < shape.goals; g++) {
    const krs = Array.from({ length: int(r, 1, 3) }, () => {
      const base = int(r, 5, 60);
      return `  - { metric: ${s(pick(r, METRIC))}, unit: "%", baseline: ${base}, target: ${base + int(r, 5, 30)}, actual: ${base + int(r, 0, 10)} }`;
    });
    files.push({
      path: `goals/${goalId(g)}.md`,
      text: `---\ntitle: ${s(`Goal ${g + 1}: ${pick(r, ADJ)} ${pick(r, NOUN)}`)}\nowner: ${s(pick(r, ROLE))}\nhorizon: ${2027 + (g % 3)}-Q4\nkey_results:\n${krs.join('\n')}\n---\n${body(r, `Goal ${g + 1}`)}`,
    });
  }
  for (let p = 0; p < shape.programs; p++) {
    const goals = [goalId(p % shape.goals), goalId((p * 7 + 3) % shape.goals)].filter((x, i, a) => a.indexOf(x) === i);
    files.push({
      path: `programs/${programId(p)}.md`,
      text: `---\ntitle: ${s(`${pick(r, ADJ)} ${pick(r, NOUN)} Programme ${p + 1}`)}\nowner: ${s(pick(r, ROLE))}\ngoals: [${goals.join(', ')}]\n---\n${body(r, `Programme ${p + 1}`)}`,
    });
  }
  for (let t = 0; t < shape.teams; t++) {
    const kind = t % 5 === 4 ? 'role' : 'team';
    files.push({
      path: `teams/${teamId(t)}.md`,
      text: `---\ntitle: ${s(`${pick(r, NOUN)} ${kind === 'role' ? 'Specialists' : 'Team'} ${t + 1}`)}\nkind: ${kind}\ncapacity:\n  - { from: 2023-Q1, fte: ${int(r, 2, 10)} }\n  - { from: 2026-Q1, fte: ${int(r, 3, 12)} }\n---\n${pick(r, SENTENCES)} ${pick(r, SENTENCES)}\n`,
    });
  }

  // Projects. Dependencies point only at lower indices (acyclic), mostly
  // nearby ones (so there are connected groups and critical chains), never at
  // internal projects (a public record may not depend on a hidden one).
  const internal = (i: number) => i % 37 === 36;
  let dependencies = 0;
  const projects: ContentFile[] = [];
  for (let i = 0; i < n; i++) {
    const id = projectId(i);
    const title = `${pick(r, ADJ)} ${pick(r, NOUN)} ${pick(r, ACT)} ${i + 1}`;
    const roll = r();
    const status = roll < 0.15 ? 'proposed' : roll < 0.25 ? 'approved' : roll < 0.7 ? 'active' : roll < 0.75 ? 'on-hold' : roll < 0.95 ? 'done' : 'cancelled';
    const program = programId(Math.floor((i / n) * shape.programs));
    const lines: string[] = [
      `title: ${s(title)}`,
      `status: ${status}`,
      `summary: ${s(`${pick(r, SENTENCES)}`)}`,
      `phase: ${pick(r, ['identification', 'evaluation', 'authorization', 'execution', 'review'])}`,
      `program: ${program}`,
      `goals: [${goalId(i % shape.goals)}]`,
      `investment: ${pick(r, ['run', 'grow', 'transform'])}`,
      `visibility: ${internal(i) ? 'internal' : 'public'}`,
      `sponsor: ${s(pick(r, ROLE))}`,
      `owners: { business: ${s(pick(r, ROLE))}, technical: ${s(pick(r, ROLE))} }`,
    ];
    const team1 = teamId(int(r, 0, shape.teams - 1));
    const team2 = teamId(int(r, 0, shape.teams - 1));
    const teams = team1 === team2 ? [team1] : [team1, team2];
    lines.push(`teams: [${teams.join(', ')}]`, `tags: [${pick(r, TAGS)}, ${pick(r, TAGS)}]`);
    const updated = EPOCH_START + int(r, 1200, 1413); // 2026-04 .. 2026-11-14
    lines.push(`updated: ${iso(updated)}`);

    const dated = status !== 'proposed';
    const start = EPOCH_START + int(r, 0, 1800);
    const end = start + int(r, 90, 720);
    const slip = r() < 0.5 ? 0 : Math.min(int(r, 1, 120), end - start - 1);
    const milestones: string[] = [];
    if (dated) {
      const progress = status === 'done' ? 100 : status === 'approved' ? 0 : int(r, 5, 95);
      lines.push(`start: ${iso(start)}`, `end: ${iso(end)}`, `baseline_end: ${iso(end - slip)}`, `progress: ${progress}`);
      if (r() < 0.2) lines.push(`health: { scope: ${pick(r, ['green', 'amber', 'red'])}, note: ${s(pick(r, SENTENCES))} }`);
      lines.push(`value_status: ${pick(r, ['on-track', 'on-track', 'at-risk', 'off-track'])}`, `readiness: ${pick(r, ['green', 'amber', 'red'])}`);
      const m = int(r, 2, 5);
      lines.push('', 'milestones:');
      for (let k = 0; k < m; k++) {
        const day = start + Math.round(((k + 1) / m) * (end - start));
        const name = k === m - 1 ? 'Go-live' : `Milestone ${k + 1}`;
        milestones.push(name);
        lines.push(`  - { name: ${s(name)}, date: ${iso(day)}, baseline: ${iso(day - Math.round((slip * (k + 1)) / m))}${day < EPOCH_START + 1414 ? ', done: true' : ''} }`);
      }
    }

    // ~1.5 dependencies on average: 0, 1, 2 or 3 with weights .2/.3/.3/.2.
    const dr = r();
    const want = i === 0 ? 0 : dr < 0.2 ? 0 : dr < 0.5 ? 1 : dr < 0.8 ? 2 : 3;
    const on = new Set<number>();
    for (let k = 0; k < want * 3 && on.size < want; k++) {
      const j = i - int(r, 1, Math.min(i, 60));
      if (j >= 0 && !internal(j)) on.add(j);
    }
    if (on.size) {
      lines.push('', 'dependencies:');
      for (const j of [...on].sort((a, b) => a - b)) {
        dependencies++;
        const type = pick(r, ['finish-to-start', 'finish-to-start', 'finish-to-start', 'start-to-start', 'finish-to-finish']);
        const needBy = milestones.length && r() < 0.3 ? `, need_by: ${s(pick(r, milestones))}` : '';
        lines.push(`  - { on: ${projectId(j)}, kind: ${pick(r, ['infrastructure', 'security', 'data', 'vendor', 'training', 'business', 'other'])}, type: ${type}${needBy}, note: ${s(pick(r, SENTENCES))} }`);
      }
    }

    if (dated) {
      lines.push('', 'gates:', `  - { gate: budget-release, status: approved, date: ${iso(start - 10)}, approver: IT Steering Committee }`);
      if (r() < 0.5) lines.push(`  - { gate: production-readiness, status: ${pick(r, ['pending', 'approved', 'conditional', 'rejected'])}, date: ${iso(end - 14)}, approver: ${s(pick(r, ROLE))} }`);
      const quarters: string[] = [];
      for (let d = start; d <= end; d += 91) {
        const q = quarter(d);
        if (!quarters.includes(q)) quarters.push(q);
      }
      const per = int(r, 20, 200) * 1000;
      const planned = per * quarters.length;
      const forecast = Math.round(planned * (0.9 + r() * 0.35));
      lines.push('', 'budget:', `  planned: ${planned}`, `  forecast: ${forecast}`, '  lines:');
      for (const q of quarters) {
        const actual = q <= '2026-Q2' ? `, actual: ${Math.round(per * (0.85 + r() * 0.3))}` : '';
        lines.push(`    - { period: ${q}, phase: ${pick(r, PHASE_WORDS)}, vendor: ${s(pick(r, VENDOR))}, planned: ${per}${actual} }`);
      }
      const benefits = int(r, 0, 2);
      if (benefits) lines.push('', 'benefits:');
      for (let k = 0; k < benefits; k++) {
        const base = int(r, 100, 5000);
        lines.push(`  - { metric: ${s(pick(r, METRIC))}, unit: per month, owner: ${s(pick(r, ROLE))}, baseline: ${base}, target: ${Math.round(base * 0.7)}, actual: ${Math.round(base * (0.7 + r() * 0.3))}, review: ${iso(end + 180)} }`);
      }
      const demand = int(r, 1, 3);
      lines.push('', 'demand:');
      for (let k = 0; k < demand; k++) {
        lines.push(`  - { team: ${k < teams.length ? teams[k] : teamId(int(r, 0, shape.teams - 1))}, fte: ${(int(r, 1, 10) / 10).toFixed(1)}, from: ${quarter(start)}, to: ${quarter(end)} }`);
      }
    }
    const risks = int(r, 0, 3);
    if (risks) lines.push('', 'risks:');
    for (let k = 0; k < risks; k++) {
      lines.push(`  - { title: ${s(`${pick(r, NOUN)} ${pick(r, ['delay', 'cost overrun', 'skills gap', 'vendor failure', 'data quality'])}`)}, likelihood: ${int(r, 1, 5)}, impact: ${int(r, 1, 5)}, owner: ${s(pick(r, ROLE))}, mitigation: ${s(pick(r, SENTENCES))}, status: ${pick(r, ['open', 'open', 'closed'])} }`);
    }
    if (r() < 0.9) lines.push('', `scores: { strategic_fit: ${int(r, 1, 5)}, value: ${int(r, 1, 5)}, risk: ${int(r, 1, 5)}, effort: ${int(r, 1, 5)} }`);
    if (r() < 0.3) lines.push('', 'decisions:', `  - { question: ${s(`Approve the next phase of ${title}?`)}, by: ${iso(EPOCH_START + int(r, 1300, 1600))}, owner: ${s(pick(r, ROLE))} }`);
    if (r() < 0.3) lines.push('', 'changes:', `  - { id: CR-${i + 1}, title: ${s(`Change scope of ${pick(r, NOUN)}`)}, status: ${pick(r, ['open', 'approved', 'rejected', 'implemented', 'withdrawn'])}, cost: ${int(r, 0, 100) * 1000}, days: ${int(r, 0, 60)} }`);

    projects.push({ path: `projects/${id}.md`, text: `---\n${lines.join('\n')}\n---\n${body(r, title)}` });
  }
  files.push(...projects);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, counts: { projects: n, ...shape, dependencies } };
}
