/**
 * The build's settings, read from the environment once and validated
 * (Starlight's user-config is the model): every other module receives a
 * `Settings` object and never reads `process.env` itself. A bad value stops
 * the build or check before anything is written, with one line per problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dateProblem } from '../core/dates.ts';
import { SEARCH_PART_CHARS } from '../core/search-index.ts';

export interface Settings {
  /** The content folder, absolute (`ROADMAP_CONTENT`, default `content`). */
  contentDir: string;
  /** Paths in messages are relative to this (the working directory). */
  cwd: string;
  /** Who the site is for (`ROADMAP_AUDIENCE`, default `public`: safe by default). */
  audience: string;
  /** True when `ROADMAP_AUDIENCE` was not set (check then says `public` is the default it looked for). */
  audienceDefaulted: boolean;
  /** The as-of day when portfolio.yaml has none (`ROADMAP_AS_OF`, default today). */
  asOf?: string;
  /** Warnings count as errors (`ROADMAP_STRICT=1`). */
  strict: boolean;
  /** Astro's `base` (`BASE_PATH`, default `/`). */
  basePath: string;
  /** The published root URL (`SITE_URL`), when known. */
  siteUrl?: string;
  /** The check cache folder (`ROADMAP_CHECK_CACHE`; `off`: none). */
  checkCache?: string;
  /** The folder of computed history samples (`ROADMAP_HISTORY_CACHE`; `off`: none, every sample is computed afresh). */
  historyCache?: string;
  /** Characters of text per search-index part (`ROADMAP_SEARCH_PART_CHARS`). */
  searchPartChars: number;
}

export type Env = Record<string, string | undefined>;

/** The default check cache: Astro's cache folder, so a check warms the build's check and the other way round. */
export const DEFAULT_CHECK_CACHE = fileURLToPath(new URL('../../node_modules/.astro/roadmap-check/', import.meta.url));

/** The default history cache: one folder per machine, so each past state is computed once (src/pipeline/history.ts). */
export const DEFAULT_HISTORY_CACHE = fileURLToPath(new URL('../../node_modules/.cache/roadmap/history/', import.meta.url));

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optionalText = z.preprocess(blankToUndefined, z.string().optional());

/** One message for the first thing wrong with `v`, or undefined. */
function firstProblem(v: string, checks: [boolean, string][]): string | undefined {
  return checks.find(([bad]) => bad)?.[1];
}

const refined = (problem: (v: string) => string | undefined) =>
  z.string().superRefine((v, ctx) => {
    const message = problem(v);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** A path a browser cannot misread: one leading slash, no scheme, query, fragment or whitespace. */
const basePathSchema = z.preprocess(
  blankToUndefined,
  refined((v) =>
    firstProblem(v, [
      [/^\/*[a-z][a-z0-9+.-]*:/i.test(v), 'must be a path, not a URL with a scheme'],
      [!v.startsWith('/') || v.startsWith('//'), 'must be a path on the site that starts with one "/", e.g. /roadmap'],
      [/[?#\s\\]/.test(v), 'must not contain "?", "#", "\\" or whitespace'],
    ]),
  ).default('/'),
);

const siteUrlSchema = z.preprocess(
  blankToUndefined,
  refined((v) =>
    firstProblem(v, [
      [/\s/.test(v), 'must not contain whitespace'],
      [!/^https?:\/\/[^/?#]+/i.test(v) || !URL.canParse(v), 'must be an absolute http(s) URL, e.g. https://you.github.io/roadmap'],
      [/[?#]/.test(v), 'must not contain "?" or "#"'],
    ]),
  ).optional(),
);

const asOfSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .superRefine((v, ctx) => {
      const problem = /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateProblem(v) : 'expected a day: YYYY-MM-DD';
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
);

const partCharsSchema = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? Number(v.trim().replace(/_/g, '')) : undefined),
  z
    .number({ message: `must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS})` })
    .int(`must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS})`)
    .min(1000, `must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS})`)
    .default(SEARCH_PART_CHARS),
);

const envSchema = z.object({
  ROADMAP_CONTENT: optionalText,
  ROADMAP_AUDIENCE: optionalText,
  ROADMAP_AS_OF: asOfSchema,
  ROADMAP_STRICT: optionalText,
  BASE_PATH: basePathSchema,
  SITE_URL: siteUrlSchema,
  ROADMAP_CHECK_CACHE: optionalText,
  ROADMAP_HISTORY_CACHE: optionalText,
  ROADMAP_SEARCH_PART_CHARS: partCharsSchema,
});

export class SettingsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Roadmap's settings are not valid; nothing was built:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** Validated settings from `env`; throws a SettingsError naming every bad variable. */
export function loadSettings(env: Env = process.env, cwd: string = process.cwd()): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const cache = e.ROADMAP_CHECK_CACHE;
  return {
    contentDir: path.resolve(cwd, e.ROADMAP_CONTENT ?? 'content'),
    cwd,
    audience: e.ROADMAP_AUDIENCE ?? 'public',
    audienceDefaulted: e.ROADMAP_AUDIENCE === undefined,
    asOf: e.ROADMAP_AS_OF,
    strict: e.ROADMAP_STRICT === '1',
    basePath: e.BASE_PATH,
    siteUrl: e.SITE_URL,
    checkCache: cache === 'off' ? undefined : cache ? path.resolve(cwd, cache) : DEFAULT_CHECK_CACHE,
    historyCache: e.ROADMAP_HISTORY_CACHE === 'off' ? undefined : e.ROADMAP_HISTORY_CACHE ? path.resolve(cwd, e.ROADMAP_HISTORY_CACHE) : DEFAULT_HISTORY_CACHE,
    searchPartChars: e.ROADMAP_SEARCH_PART_CHARS,
  };
}
