/**
 * The record contract (README, "The record format") as Zod schemas: the one source
 * of truth for `npm run check`, Astro's content collections and the JSON Schema
 * editors use. Each collection is a factory, so callers can derive variants
 * without copying fields.
 *
 * The schemas check shape, enums, ranges and single-field date validity. Rules
 * that need several fields or several records (end before start, references,
 * cycles, duplicate ids, score keys against the scoring model) live in
 * `src/core/rules/`, one rule per file.
 */
import { z } from 'zod';
import { dateProblem } from './dates.ts';
import { SCHEMA_VERSION } from './version.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const STATUSES = ['proposed', 'approved', 'active', 'on-hold', 'done', 'cancelled'] as const;
export const PHASES = ['identification', 'evaluation', 'authorization', 'execution', 'review'] as const;
export const INVESTMENTS = ['run', 'grow', 'transform'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;
export const RAG = ['green', 'amber', 'red'] as const;
export const HEALTH_DIMENSIONS = ['schedule', 'budget', 'scope', 'resources', 'benefits'] as const;
export const VALUE_STATUSES = ['on-track', 'at-risk', 'off-track'] as const;
export const DEPENDENCY_KINDS = ['infrastructure', 'security', 'data', 'vendor', 'training', 'business', 'other'] as const;
export const DEPENDENCY_TYPES = ['finish-to-start', 'start-to-start', 'finish-to-finish'] as const;
export const GATE_STATUSES = ['pending', 'approved', 'conditional', 'rejected'] as const;
export const RISK_STATUSES = ['open', 'closed'] as const;
/** Extension: the contract shows only `approved`; these are the states a change request can be in. */
export const CHANGE_STATUSES = ['open', 'approved', 'rejected', 'implemented', 'withdrawn'] as const;
export const TEAM_KINDS = ['team', 'role'] as const;
export const MARKER_KINDS = ['freeze', 'board', 'release', 'other'] as const;
export const SCORING_METHODS = ['weighted', 'wsjf', 'rice'] as const;
export const HISTORY_PERIODS = ['week', 'month', 'quarter'] as const;
export const WSJF_KEYS = ['business_value', 'time_criticality', 'risk_reduction', 'job_size'] as const;
export const RICE_KEYS = ['reach', 'impact', 'confidence', 'effort'] as const;
/** Statuses whose work is still open (not done or cancelled). */
export const OPEN_STATUSES = ['proposed', 'approved', 'active', 'on-hold'] as const;

export type Status = (typeof STATUSES)[number];
export type Rag = (typeof RAG)[number];
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

const text = () => z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });

export const idSchema = () =>
  z.string({ error: 'expected an id' }).regex(ID_PATTERN, { error: 'ids are lower-case kebab-case, e.g. crm-upgrade' });

/**
 * The date forms as JSON Schema patterns, for editors (`npm run schema`): the
 * superRefine below cannot be exported, so the shape travels as metadata.
 */
export const DATE_JSON_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$|^\\d{4}-Q[1-4]$';
export const DAY_JSON_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn`, and a date that exists. */
export const dateSchema = () =>
  z
    .string({ error: 'expected a date: YYYY-MM-DD, YYYY-MM or YYYY-Qn' })
    .superRefine((s, ctx) => {
      const problem = dateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'impossible-date' } });
    })
    .meta({ description: 'A date YYYY-MM-DD, a month YYYY-MM or a quarter YYYY-Qn', pattern: DATE_JSON_PATTERN });

/** A calendar day, `YYYY-MM-DD` only (the as-of date). */
export const daySchema = () =>
  dateSchema()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'expected a day: YYYY-MM-DD' })
    .meta({ description: 'A day YYYY-MM-DD', pattern: DAY_JSON_PATTERN });

const num = () => z.number({ error: 'expected a number' }).finite();
const nonNegative = () => num().min(0, { error: 'must be 0 or more' });

/**
 * Bounds for numbers (an extension of the contract, see the README): large
 * enough for any real portfolio, small enough that sums, ratios and products
 * of them stay finite and print as numbers.
 */
export const MAX_AMOUNT = 1e15;
export const MAX_FTE = 1e6;
export const MAX_SCORE = 1e9;
export const MAX_DAYS = 100_000;
const AMOUNT = 'amounts are at most 1,000,000,000,000,000 (1e15)';
/** Money and other amounts (budgets, costs, benefit and key-result values): |x| ≤ 1e15. */
const amount = () => num().min(-MAX_AMOUNT, { error: `${AMOUNT} either way` }).max(MAX_AMOUNT, { error: `${AMOUNT} either way` });
const nonNegativeAmount = () => nonNegative().max(MAX_AMOUNT, { error: AMOUNT });
const fte = () => nonNegative().max(MAX_FTE, { error: 'FTE is at most 1,000,000' });
const scoreValue = () => num().min(-MAX_SCORE, { error: 'scores are at most 1,000,000,000 (1e9) either way' }).max(MAX_SCORE, { error: 'scores are at most 1,000,000,000 (1e9) either way' });
const oneToFive = () =>
  z.number({ error: 'expected a whole number from 1 to 5' }).int({ error: 'expected a whole number from 1 to 5' }).min(1, { error: 'must be from 1 to 5' }).max(5, { error: 'must be from 1 to 5' });
const pair = () =>
  z
    .tuple([nonNegative(), nonNegative()], { error: 'expected two numbers [amber, red]' })
    .refine(([a, b]) => a <= b, { error: 'the amber threshold must not be above the red one' });
const ids = () => z.array(idSchema(), { error: 'expected a list of ids' });

// ---------------------------------------------------------------------------
// portfolio.yaml

export const criterionSchema = () =>
  z.object({
    id: z.string({ error: 'expected a criterion id' }).regex(/^[a-z][a-z0-9_]*$/, { error: 'criterion ids are lower-case snake_case, e.g. strategic_fit' }),
    label: text().optional(),
    weight: num().gt(0, { error: 'weights must be greater than 0' }).max(1e6, { error: 'weights are at most 1,000,000' }),
    invert: z.boolean({ error: 'expected true or false' }).optional(),
  });

/**
 * A portfolio marker: a date (`date`, a day) or a period (`from` + `to`, any
 * date form; a month or quarter as `to` means its last day). Which of the two,
 * `to` not before `from` and unique names are rules (src/core/rules/marker-*.ts),
 * so the object stays open to the unknown-field walk.
 */
export const markerSchema = () =>
  z.object({
    name: text(),
    date: daySchema().optional(),
    from: dateSchema().optional(),
    to: dateSchema().optional(),
    kind: z.enum(MARKER_KINDS).default('other'),
    visibility: z.enum(VISIBILITIES).default('public'),
  });

export const DEFAULT_THRESHOLDS = {
  schedule_slip_days: [14, 45] as [number, number],
  budget_variance: [0.05, 0.15] as [number, number],
  capacity_utilization: [0.9, 1.1] as [number, number],
};

export const DEFAULT_AUDIENCES: Record<string, { hide: string[] }> = {
  public: { hide: ['budget', 'benefits', 'risks', 'scores', 'demand', 'decisions', 'changes'] },
  internal: { hide: [] },
};

// Earned value and return on investment (src/core/earned-value.ts, src/core/roi.ts; README "Extensions to the contract").
/** SPI and CPI levels [amber, red]: amber below the first, red below the second. */
export const DEFAULT_EVM = { spi: [0.95, 0.85] as [number, number], cpi: [0.95, 0.85] as [number, number] };
export const DEFAULT_ROI_YEARS = 5;
const indexPair = () =>
  z
    .tuple([num().gt(0, { error: 'must be greater than 0' }).max(10, { error: 'must be at most 10' }), num().gt(0, { error: 'must be greater than 0' }).max(10, { error: 'must be at most 10' })], { error: 'expected two numbers [amber, red], e.g. [0.95, 0.85]' })
    .refine(([a, r]) => a >= r, { error: 'the amber level must not be below the red one: amber below the first number, red below the second' });

/** Portfolio history (src/core/history/): one sample per review period, the most recent `max_samples` (now included). */
export const DEFAULT_HISTORY = { every: 'month' as const, max_samples: 24 };

/** Confidence ranges (src/core/forecast/): iterations of the simulation, finished projects needed before the portfolio's own slip is used, the need-by probability below which a dependency is a likely conflict, reviews a project needs in the history before its own drift counts. */
export const DEFAULT_FORECAST = { iterations: 2000, min_samples: 8, likely_conflict_below: 0.5, drift_min_reviews: 3 };

export const portfolioSchema = () =>
  z.object({
    title: text(),
    organization: text().optional(),
    // Extension: the version of the record format this folder is written for (default: the current one).
    schema_version: z
      .number({ error: 'expected a whole number: the version of the record format this content is written for' })
      .int({ error: 'expected a whole number: the version of the record format this content is written for' })
      .min(SCHEMA_VERSION, { error: `written for an older version of the record format: run npm run migrate (see the CHANGELOG), which rewrites the records and sets schema_version: ${SCHEMA_VERSION}` })
      .max(SCHEMA_VERSION, { error: `written for a newer version of the record format than this Roadmap reads (${SCHEMA_VERSION}): use a newer release (for the GitHub Action, the newer @vN the CHANGELOG names)` })
      .optional(),
    currency: z.string({ error: 'expected an ISO 4217 code such as EUR' }).regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 code such as EUR, GBP or USD' }).default('EUR'),
    fiscal_year_start: z.number({ error: 'expected a month number 1-12' }).int({ error: 'expected a month number 1-12' }).min(1, { error: 'must be from 1 to 12' }).max(12, { error: 'must be from 1 to 12' }).default(1),
    as_of: daySchema().optional(),
    review_every_days: z.number({ error: 'expected a number of days' }).int({ error: 'expected a whole number of days' }).gt(0, { error: 'must be greater than 0' }).max(MAX_DAYS, { error: 'must be at most 100,000 days' }).default(90),
    scoring: z
      .object({
        method: z.enum(SCORING_METHODS).default('weighted'),
        criteria: z.array(criterionSchema()).default([]),
        scale: z
          .tuple([scoreValue(), scoreValue()], { error: 'expected [min, max]' })
          .refine(([a, b]) => a < b, { error: 'min must be below max' })
          .default([1, 5]),
      })
      .default({ method: 'weighted', criteria: [], scale: [1, 5] }),
    thresholds: z
      .object({
        schedule_slip_days: pair().default(DEFAULT_THRESHOLDS.schedule_slip_days),
        budget_variance: pair().default(DEFAULT_THRESHOLDS.budget_variance),
        capacity_utilization: pair().default(DEFAULT_THRESHOLDS.capacity_utilization),
      })
      .default(DEFAULT_THRESHOLDS),
    audiences: z
      .record(idSchema(), z.object({ hide: z.array(z.string({ error: 'expected a field name' })).default([]) }))
      .default(DEFAULT_AUDIENCES),
    markers: z.array(markerSchema(), { error: 'expected a list of markers' }).default([]),
    history: z
      .object({
        every: z.enum(HISTORY_PERIODS).default(DEFAULT_HISTORY.every),
        max_samples: z.number({ error: 'expected a number of samples' }).int({ error: 'expected a whole number of samples' }).min(2, { error: 'must be at least 2' }).max(520, { error: 'must be at most 520' }).default(DEFAULT_HISTORY.max_samples),
      })
      .default(DEFAULT_HISTORY),
    // Earned value thresholds and the ROI horizon (extensions: README).
    evm: z
      .object({ spi: indexPair().default(DEFAULT_EVM.spi), cpi: indexPair().default(DEFAULT_EVM.cpi) }, { error: 'expected { spi: [amber, red], cpi: [amber, red] }' })
      .default(DEFAULT_EVM),
    roi_years: z.number({ error: 'expected a number of years' }).int({ error: 'expected a whole number of years' }).min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }).default(DEFAULT_ROI_YEARS),
    forecast: z
      .object({
        iterations: z.number({ error: 'expected a number of iterations' }).int({ error: 'expected a whole number of iterations' }).min(100, { error: 'must be at least 100' }).max(10_000, { error: 'must be at most 10,000' }).default(DEFAULT_FORECAST.iterations),
        min_samples: z.number({ error: 'expected a number of finished projects' }).int({ error: 'expected a whole number of finished projects' }).min(1, { error: 'must be at least 1' }).max(100_000, { error: 'must be at most 100,000' }).default(DEFAULT_FORECAST.min_samples),
        likely_conflict_below: z.number({ error: 'expected a probability from 0 to 1' }).min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' }).default(DEFAULT_FORECAST.likely_conflict_below),
        // Extension: reviews (history samples) a project needs before its own drift counts (README, "Confidence ranges").
        drift_min_reviews: z.number({ error: 'expected a number of reviews' }).int({ error: 'expected a whole number of reviews' }).min(2, { error: 'must be at least 2: a drift needs two reviews' }).max(520, { error: 'must be at most 520' }).default(DEFAULT_FORECAST.drift_min_reviews),
      })
      .default(DEFAULT_FORECAST),
  });

// ---------------------------------------------------------------------------
// goals, programs, teams

export const keyResultSchema = () =>
  z.object({
    metric: text(),
    unit: z.string().optional(),
    baseline: amount().optional(),
    target: amount().optional(),
    actual: amount().optional(),
  });

export const goalSchema = () =>
  z.object({
    title: text(),
    owner: text().optional(),
    horizon: dateSchema().optional(),
    key_results: z.array(keyResultSchema()).optional(),
  });

export const programSchema = () =>
  z.object({
    title: text(),
    owner: text().optional(),
    goals: ids().optional(),
  });

export const teamSchema = () =>
  z.object({
    title: text(),
    kind: z.enum(TEAM_KINDS).default('team'),
    capacity: z.array(z.object({ from: dateSchema(), fte: fte() })).optional(),
  });

// ---------------------------------------------------------------------------
// projects

const rag = () => z.enum(RAG);

export const milestoneSchema = () =>
  z.object({
    name: text(),
    date: dateSchema(),
    baseline: dateSchema().optional(),
    done: z.boolean({ error: 'expected true or false' }).optional(),
    evidence: z.string().optional(),
  });

export const dependencySchema = () =>
  z.object({
    on: idSchema(),
    kind: z.enum(DEPENDENCY_KINDS).default('other'),
    type: z.enum(DEPENDENCY_TYPES).default('finish-to-start'),
    need_by: text().optional(),
    note: z.string().optional(),
  });

export const gateSchema = () =>
  z.object({
    gate: text(),
    status: z.enum(GATE_STATUSES),
    date: dateSchema().optional(),
    approver: text().optional(),
  });

export const budgetSchema = () =>
  z.object({
    planned: nonNegativeAmount().optional(),
    forecast: nonNegativeAmount().optional(),
    lines: z
      .array(
        z.object({
          period: dateSchema().optional(),
          phase: text().optional(),
          vendor: text().optional(),
          planned: nonNegativeAmount().optional(),
          actual: nonNegativeAmount().optional(),
        }),
      )
      .optional(),
  });

export const benefitSchema = () =>
  z.object({
    metric: text(),
    unit: z.string().optional(),
    owner: text().optional(),
    baseline: amount().optional(),
    target: amount().optional(),
    actual: amount().optional(),
    review: dateSchema().optional(),
    /** Money a year when the target is met (portfolio currency): the contract's "Benefit value". */
    annual_value: nonNegativeAmount().optional(),
  });

export const riskSchema = () =>
  z.object({
    title: text(),
    likelihood: oneToFive(),
    impact: oneToFive(),
    owner: text().optional(),
    mitigation: z.string().optional(),
    status: z.enum(RISK_STATUSES).default('open'),
  });

export const demandSchema = () =>
  z.object({
    team: idSchema(),
    fte: fte(),
    from: dateSchema().optional(),
    to: dateSchema().optional(),
  });

export const decisionSchema = () =>
  z.object({
    question: text(),
    by: dateSchema().optional(),
    owner: text().optional(),
  });

export const changeSchema = () =>
  z.object({
    id: text(),
    title: text(),
    status: z.enum(CHANGE_STATUSES).default('open'),
    cost: amount().optional(),
    days: num().min(-MAX_DAYS, { error: 'days are at most 100,000 either way' }).max(MAX_DAYS, { error: 'days are at most 100,000 either way' }).optional(),
  });

export const projectSchema = () =>
  z.object({
    title: text(),
    status: z.enum(STATUSES),
    summary: text().optional(),
    phase: z.enum(PHASES).optional(),
    program: idSchema().optional(),
    goals: ids().optional(),
    investment: z.enum(INVESTMENTS).optional(),
    visibility: z.enum(VISIBILITIES).default('public'),
    sponsor: text().optional(),
    owners: z.object({ business: text().optional(), technical: text().optional() }).optional(),
    teams: ids().optional(),
    tags: z.array(text()).optional(),
    updated: dateSchema().optional(),
    start: dateSchema().optional(),
    end: dateSchema().optional(),
    baseline_end: dateSchema().optional(),
    // Forecast range (issue 20): a three-point estimate of the end; the order is a rule (rules/end-range.ts).
    end_range: z.object({ optimistic: dateSchema(), pessimistic: dateSchema() }).optional(),
    progress: num().min(0, { error: 'progress is a percentage from 0 to 100' }).max(100, { error: 'progress is a percentage from 0 to 100' }).optional(),
    health: z
      .object({
        schedule: rag().optional(),
        budget: rag().optional(),
        scope: rag().optional(),
        resources: rag().optional(),
        benefits: rag().optional(),
        note: z.string().optional(),
      })
      .optional(),
    value_status: z.enum(VALUE_STATUSES).optional(),
    readiness: rag().optional(),
    milestones: z.array(milestoneSchema()).optional(),
    dependencies: z.array(dependencySchema()).optional(),
    gates: z.array(gateSchema()).optional(),
    budget: budgetSchema().optional(),
    benefits: z.array(benefitSchema()).optional(),
    risks: z.array(riskSchema()).optional(),
    scores: z.record(z.string(), scoreValue(), { error: 'expected criterion: number pairs' }).optional(),
    demand: z.array(demandSchema()).optional(),
    decisions: z.array(decisionSchema()).optional(),
    changes: z.array(changeSchema()).optional(),
  });

export type PortfolioSettings = z.output<ReturnType<typeof portfolioSchema>>;
export type Goal = z.output<ReturnType<typeof goalSchema>>;
export type Program = z.output<ReturnType<typeof programSchema>>;
export type Team = z.output<ReturnType<typeof teamSchema>>;
export type Project = z.output<ReturnType<typeof projectSchema>>;
export type Dependency = z.output<ReturnType<typeof dependencySchema>>;
export type Milestone = z.output<ReturnType<typeof milestoneSchema>>;
export type Marker = z.output<ReturnType<typeof markerSchema>>;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export const COLLECTIONS = ['goals', 'programs', 'projects', 'teams'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const collectionSchemas = {
  goals: goalSchema,
  programs: programSchema,
  projects: projectSchema,
  teams: teamSchema,
} as const;

/** Project fields an audience may hide (everything but the identity of a record). */
export const HIDEABLE_FIELDS = Object.keys(projectSchema().shape).filter((k) => k !== 'title' && k !== 'status');

/** A record as loaded: its id, where it came from, its validated data and Markdown body. */
export interface Loaded<T> {
  id: string;
  /** Path relative to the content folder, e.g. `projects/crm-upgrade.md`. */
  file: string;
  data: T;
  body: string;
}
