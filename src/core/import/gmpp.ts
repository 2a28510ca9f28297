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
import { columnNames, type MappingFile } from './mapping.ts';

/**
 * Other years of the series name the same columns differently (`Project
 * Name`, `IPA Delivery Confidence Assessment`, `Financial Year Baseline
 * (£m)`, …), add some and drop others. Each column of the 2023 file, with
 * the names it goes by (compared without case, units in brackets, spaces or
 * punctuation). `colour_rating#2` is the second rating column.
 */
export const GMPP_ALIASES: Record<string, readonly string[]> = {
  year: ['year', 'reportyear', 'reportingyear', 'gmppyear', 'annualreportyear'],
  project_number: ['projectnumber', 'projectid', 'projectreference', 'projectref', 'gmppid', 'gmppnumber', 'gmppreference', 'uniqueid'],
  project_name: ['projectname', 'name', 'project', 'projecttitle', 'programmename', 'projectprogrammename'],
  department: ['department', 'dept', 'departmentname', 'departmentabbreviation', 'organisation', 'organization', 'owningdepartment'],
  report_category: ['reportcategory', 'category', 'portfoliocategory', 'projectcategory', 'gmppcategory'],
  description_aims: ['descriptionaims', 'description', 'projectdescription', 'descriptionandaims', 'projectaims', 'aims', 'descriptionandobjectives', 'projectdescriptionaims'],
  colour_rating: ['colourrating', 'ipacolourrating', 'dca', 'ipadca', 'deliveryconfidenceassessment', 'ipadeliveryconfidenceassessment', 'deliveryconfidenceassessmentrating', 'ipadeliveryconfidenceassessmentrating', 'dcarating'],
  'colour_rating#2': ['colourrating#2', 'srocolourrating', 'srodca', 'srodeliveryconfidenceassessment', 'srodeliveryconfidenceassessmentrating'],
  rating_comment: ['ratingcomment', 'dcacomment', 'dcacommentary', 'deliveryconfidenceassessmentcommentary', 'departmentalnarrativeondca', 'dcanarrative', 'ratingcommentary'],
  start_date: ['startdate', 'projectstartdate', 'start', 'projectstart'],
  end_date: ['enddate', 'projectenddate', 'end', 'projectend', 'completiondate', 'projectcompletiondate'],
  schedule_comment: ['schedulecomment', 'schedulecommentary', 'schedulenarrative', 'departmentalnarrativeonschedule', 'schedulevariancecommentary'],
  total_baseline: ['totalbaseline', 'financialyearbaseline', 'fybaseline', 'baselinefinancialyear', 'totalbaselineinyear', 'inyearbaseline', 'baselinecost'],
  forecast_incl_NGC: ['forecastinclngc', 'forecast', 'financialyearforecast', 'fyforecast', 'forecastfinancialyear', 'totalforecast', 'inyearforecast', 'forecastincludingngc'],
  variance_comment: ['variancecomment', 'variancecommentary', 'budgetvariancecommentary', 'departmentalnarrativeonbudgetvariance', 'variancenarrative'],
  wlc_baseline_incl_NCG: ['wlcbaselineinclncg', 'wlcbaselineinclngc', 'wholelifecost', 'baselinewholelifecost', 'wlcbaseline', 'totalbaselinewholelifecost', 'wholelifecostbaseline', 'baselinewholelifecostsinclngc'],
  budget_comment: ['budgetcomment', 'budgetcommentary', 'budgetnarrative', 'departmentalnarrativeonbudget', 'wlccommentary'],
  'TOTAL Baseline Benefits (£m)': ['totalbaselinebenefits', 'baselinebenefits', 'totalbaselinemonetisedbenefits', 'monetisedbenefits', 'baselinemonetisedbenefits', 'benefitsbaseline'],
  benefits_comment: ['benefitscomment', 'benefitscommentary', 'benefitsnarrative', 'departmentalnarrativeonbenefits'],
};

/** Columns the 2023 file does not have but other years do: loose names → target. */
const EXTRA_COLUMNS: [readonly string[], MappingFile['columns'][string]][] = [
  [['seniorresponsibleowner', 'sro', 'sroname', 'seniorresponsibleownersro'], 'sponsor'],
  [['benefitscommentary2', 'projectstage', 'stage', 'phase'], { body: 'Source', label: 'Stage' }],
];

/** What each known column fills, for the note when a file lacks it. */
const WHAT: Record<string, string> = {
  year: 'the report year (as_of, updated, the title)',
  project_number: 'the GMPP number in the body, and telling projects of the same name apart',
  department: 'the program',
  report_category: 'the tag',
  description_aims: 'the body',
  colour_rating: 'health.schedule (IPA rating)',
  'colour_rating#2': 'health.schedule (SRO rating)',
  start_date: 'start',
  end_date: 'end',
  total_baseline: 'budget.planned',
  forecast_incl_NGC: 'budget.forecast',
  'TOTAL Baseline Benefits (£m)': 'the benefits in the body',
};

/** A header name compared loosely: `Financial Year Baseline (£m)` → `financialyearbaseline`; a repeat keeps `#2`. */
export function looseName(name: string): string {
  const repeat = /#(\d+)$/.exec(name)?.[0] ?? '';
  return name.replace(/#\d+$/, '').replace(/\([^)]*\)/g, ' ').toLowerCase().replace(/[^a-z0-9]/g, '') + repeat;
}

/** The file's column for each known column, by name then by alias (each file column used once). */
export function matchGmppColumns(header: readonly string[]): Map<string, string> {
  const names = columnNames(header);
  const byLoose = new Map<string, string>();
  for (const n of names) if (!byLoose.has(looseName(n))) byLoose.set(looseName(n), n);
  const used = new Set<string>();
  const found = new Map<string, string>();
  for (const [known, aliases] of Object.entries(GMPP_ALIASES)) {
    for (const a of [looseName(known), ...aliases]) {
      const hit = byLoose.get(a);
      if (hit !== undefined && !used.has(hit)) {
        found.set(known, hit);
        used.add(hit);
        break;
      }
    }
  }
  return found;
}

/**
 * The columns the mapping cannot do without: a name and a department, a
 * delivery confidence rating and a financial-year or whole-life figure (what
 * marks the series: an ordinary register with a department, dates and a
 * budget must not get the GMPP settings, which publish everything), and five
 * of the known columns in all.
 */
export function isGmppHeader(header: readonly string[]): boolean {
  const found = matchGmppColumns(header);
  const strong = ['project_number', 'department', 'report_category', 'colour_rating', 'start_date', 'end_date', 'total_baseline', 'forecast_incl_NGC', 'wlc_baseline_incl_NCG', 'description_aims'];
  const rating = found.has('colour_rating') || found.has('colour_rating#2');
  const money = found.has('total_baseline') || found.has('forecast_incl_NGC') || found.has('wlc_baseline_incl_NCG');
  return found.has('project_name') && found.has('department') && rating && money && strong.filter((k) => found.has(k)).length >= 5;
}

/**
 * The built-in mapping fitted to a file of any year: its column names as the
 * file writes them, the known columns the file lacks left out (each a note),
 * and the year from the file name (`gmpp-2021.csv`) when there is no year
 * column. Undefined when the header is not GMPP-shaped.
 */
export function gmppMappingFor(header: readonly string[], fileName: string): { mapping: MappingFile; notes: string[] } | undefined {
  if (!isGmppHeader(header)) return undefined;
  const found = matchGmppColumns(header);
  const notes: string[] = [];
  const columns: MappingFile['columns'] = {};
  for (const [known, target] of Object.entries(GMPP_MAPPING.columns)) {
    const actual = found.get(known);
    if (actual !== undefined) columns[actual] = target;
    else if (WHAT[known]) notes.push(`the GMPP column ${known} is not in this file: nothing fills ${WHAT[known]}`);
  }
  // Columns some years add, mapped when present.
  const names = columnNames(header);
  const taken = new Set(found.values());
  for (const [aliases, target] of EXTRA_COLUMNS) {
    const actual = names.find((n) => !taken.has(n) && aliases.includes(looseName(n)));
    if (actual !== undefined) {
      columns[actual] = target;
      taken.add(actual);
    }
  }
  const renamed = [...found].filter(([k, v]) => looseName(k) !== looseName(v)).map(([k, v]) => `${v} → ${k}`);
  if (renamed.length) notes.push(`read as the GMPP columns of other years: ${renamed.join(', ')}`);
  const col = (k: string) => found.get(k);
  const yearFromName = /(?:^|[^0-9])((?:19|20)\d\d)(?:[^0-9]|$)/.exec(fileName.replace(/^.*[\\/]/, ''))?.[1];
  const year = col('year') !== undefined ? `{${col('year')}}` : yearFromName;
  if (col('year') === undefined) notes.push(yearFromName ? `no year column: the report year ${yearFromName} is taken from the file name` : 'no year column and none in the file name: no as_of (lateness is judged on the day of each build)');
  const portfolio: Record<string, unknown> = { ...GMPP_MAPPING.portfolio };
  if (year !== undefined) {
    portfolio.title = `Government Major Projects Portfolio ${year}`;
    portfolio.as_of = `${year}-03-31`;
  } else {
    portfolio.title = 'Government Major Projects Portfolio';
    delete portfolio.as_of;
  }
  const mapping: MappingFile = {
    ...GMPP_MAPPING,
    columns,
    id: [col('project_name')!],
    disambiguate: [col('department'), col('project_number')].filter((c): c is string => c !== undefined),
    defaults: year !== undefined ? { status: 'active', updated: `${year}-03-31` } : { status: 'active' },
    portfolio,
  };
  // The delimiter is detected: other years' files are comma-separated. Amounts are £m with a decimal point: a comma groups thousands.
  delete mapping.delimiter;
  mapping.decimal = '.';
  return { mapping, notes };
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
