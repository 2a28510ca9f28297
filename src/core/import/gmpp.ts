/**
 * The built-in mapping for the UK Government Major Projects Portfolio (GMPP)
 * annual data (`gmpp-2023.csv`: `;`-separated, Latin-1, one row per project
 * as at 31 March of the report year), written in the mapping-file format so
 * it doubles as a worked example of it.
 *
 * Choices, for the README and the report:
 * - The delivery confidence assessment (DCA) is in two columns both named
 *   `colour_rating`: the first is the IPA's rating, the second the SRO's
 *   (the comments say "(IPA rating)" / "(SRO rating)"); a row has one or the
 *   other. It becomes `health.schedule` — the DCA judges whether the project
 *   will deliver on time and budget, and the budget dimension is computed
 *   from the figures — and the rating with its source goes in the body.
 * - `total_baseline` and `forecast_incl_NGC` are the financial year's
 *   baseline and forecast in £ millions (the variance comments compare
 *   them), so they become `budget.planned` / `budget.forecast` in pounds; the
 *   whole-life cost and monetised benefits go in the body.
 * - Every row is a project in the portfolio at the report date: `active`.
 *   `as_of` is 31 March of the report year (the data's date), so projects are
 *   judged as they stood then, not against today.
 * - Cells withheld under a Freedom of Information Act exemption, and the
 *   "Early planning" placeholder, are no value (and counted as such).
 */
import type { MappingFile } from './mapping.ts';

/** Columns that identify the GMPP file by its header. */
const SIGNATURE = ['project_number', 'project_name', 'department', 'report_category', 'colour_rating', 'start_date', 'end_date', 'total_baseline', 'forecast_incl_ngc'];

export function isGmppHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return SIGNATURE.every((s) => names.has(s));
}

/** Department abbreviations used in the 2023 file, as program titles. */
export const GMPP_DEPARTMENTS: Record<string, string> = {
  BEIS: 'Department for Business, Energy and Industrial Strategy (BEIS)',
  CO: 'Cabinet Office (CO)',
  DBT: 'Department for Business and Trade (DBT)',
  DCMS: 'Department for Culture, Media and Sport (DCMS)',
  DEFRA: 'Department for Environment, Food and Rural Affairs (DEFRA)',
  DESNZ: 'Department for Energy Security and Net Zero (DESNZ)',
  DFE: 'Department for Education (DFE)',
  DFT: 'Department for Transport (DFT)',
  DHSC: 'Department of Health and Social Care (DHSC)',
  DLUHC: 'Department for Levelling Up, Housing and Communities (DLUHC)',
  DSIT: 'Department for Science, Innovation and Technology (DSIT)',
  DWP: 'Department for Work and Pensions (DWP)',
  FCDO: 'Foreign, Commonwealth and Development Office (FCDO)',
  HMLR: 'HM Land Registry (HMLR)',
  HMRC: 'HM Revenue and Customs (HMRC)',
  HMT: 'HM Treasury (HMT)',
  HO: 'Home Office (HO)',
  MOD: 'Ministry of Defence (MOD)',
  MOJ: 'Ministry of Justice (MOJ)',
  NCA: 'National Crime Agency (NCA)',
  ONS: 'Office for National Statistics (ONS)',
  VOA: 'Valuation Office Agency (VOA)',
};

export const GMPP_MAPPING: MappingFile = {
  name: 'UK Government Major Projects Portfolio (built in)',
  notice:
    'Source: Government Major Projects Portfolio data, Infrastructure and Projects Authority, published on GOV.UK. Contains public sector information licensed under the Open Government Licence v3.0.',
  delimiter: ';',
  date_format: 'dmy',
  id: ['project_name'],
  disambiguate: ['department', 'project_number'],
  columns: {
    year: 'ignore',
    project_name: 'title',
    department: 'program',
    report_category: 'tags',
    description_aims: 'body',
    colour_rating: ['health.schedule', { body: 'Delivery confidence', label: 'IPA rating' }],
    'colour_rating#2': ['health.schedule', { body: 'Delivery confidence', label: 'SRO rating' }],
    rating_comment: { body: 'Delivery confidence' },
    start_date: 'start',
    end_date: 'end',
    schedule_comment: { body: 'Schedule' },
    total_baseline: [
      { field: 'budget.planned', multiply: 1_000_000 },
      { body: 'Budget', label: 'Financial-year baseline (£m)' },
    ],
    forecast_incl_NGC: [
      { field: 'budget.forecast', multiply: 1_000_000 },
      { body: 'Budget', label: 'Financial-year forecast incl. non-government costs (£m)' },
    ],
    variance_comment: { body: 'Budget' },
    wlc_baseline_incl_NCG: { body: 'Budget', label: 'Whole-life cost baseline incl. non-government costs (£m)' },
    budget_comment: { body: 'Budget' },
    'TOTAL Baseline Benefits (£m)': { body: 'Benefits', label: 'Total baseline monetised benefits (£m)' },
    benefits_comment: { body: 'Benefits' },
    project_number: { body: 'Source', label: 'GMPP project number' },
  },
  values: {
    'health.schedule': {
      Green: 'green',
      'Amber/Green': 'amber',
      Amber: 'amber',
      'Amber/Red': 'red',
      Red: 'red',
    },
  },
  missing: {
    '/^Exempt under Section \\d+/': 'withheld under a Freedom of Information Act exemption',
    '/^Early planning GMPP project/': 'early-planning project: not yet reported',
    '/^(Reset|Not rated|No rating)/': 'no rating given',
  },
  program_titles: GMPP_DEPARTMENTS,
  defaults: {
    status: 'active',
    updated: '{year}-03-31',
  },
  portfolio: {
    title: 'Government Major Projects Portfolio {year}',
    organization: 'UK Government — Infrastructure and Projects Authority',
    currency: 'GBP',
    fiscal_year_start: 4,
    as_of: '{year}-03-31',
    // Published data under the Open Government Licence: nothing to hide from the public.
    audiences: { public: { hide: [] }, internal: { hide: [] } },
  },
};
