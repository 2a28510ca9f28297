/**
 * A mapping guessed from a header, for registers with neither a mapping file
 * nor a built-in mapping: columns whose names say what they hold (`Project
 * name`, `Status`, `Start date`, `RAG`, `Budget (£k)`, …) fill those fields;
 * every other column goes into the body under "Details", so nothing is lost.
 * The report lists the plan; a mapping file (`--map`) overrides it.
 */
import type { MappingFile } from './mapping.ts';
import { columnNames } from './mapping.ts';

/** Normalised column name (letters and digits only) → target. */
const NAMES: Record<string, string> = {};
function names(target: string, ...keys: string[]): void {
  for (const k of keys) NAMES[k] = target;
}
names('title', 'title', 'name', 'projectname', 'project', 'projecttitle', 'initiative', 'initiativename', 'programmename', 'programname');
names('status', 'status', 'projectstatus', 'state', 'lifecyclestatus');
names('summary', 'summary', 'shortdescription', 'oneliner');
names('body', 'description', 'projectdescription', 'descriptionaims');
names('phase', 'phase', 'stage', 'lifecyclestage', 'lifecyclephase');
names('program', 'program', 'programme', 'parentprogramme', 'parentprogram');
names('investment', 'investment', 'investmenttype', 'investmentcategory');
names('visibility', 'visibility');
names('sponsor', 'sponsor', 'executivesponsor', 'sro', 'seniorresponsibleowner');
names('owners.business', 'owner', 'businessowner', 'projectowner', 'projectmanager', 'pm', 'manager', 'lead');
names('owners.technical', 'technicalowner', 'techowner', 'technicallead', 'techlead');
names('tags', 'tags', 'tag', 'category', 'theme', 'type', 'projecttype', 'reportcategory');
names('updated', 'updated', 'lastupdated', 'lastreviewed', 'reviewed', 'reviewdate', 'lastupdate');
names('start', 'start', 'startdate', 'begin', 'plannedstart', 'plannedstartdate', 'actualstart');
names('end', 'end', 'enddate', 'finish', 'finishdate', 'due', 'duedate', 'forecastend', 'forecastenddate', 'forecastfinish', 'deadline', 'targetdate', 'completiondate', 'golive', 'golivedate');
names('baseline_end', 'baselineend', 'baselineenddate', 'baselinefinish', 'plannedend', 'plannedenddate', 'originalend', 'originalenddate');
names('progress', 'progress', 'percentcomplete', 'complete', 'pctcomplete', 'completion', 'progresspercent');
names('health.schedule', 'rag', 'ragstatus', 'health', 'overallrag', 'overallhealth', 'schedulerag', 'schedulehealth', 'deliveryconfidence', 'dca', 'colourrating');
names('health.budget', 'budgetrag', 'costrag', 'budgethealth', 'financerag', 'financialrag');
names('health.scope', 'scoperag', 'scopehealth');
names('health.resources', 'resourcerag', 'resourcesrag', 'resourcehealth', 'resourceshealth');
names('health.benefits', 'benefitsrag', 'benefitrag', 'benefitshealth');
names('health.note', 'ragcomment', 'ragnote', 'healthnote', 'ragreason', 'ratingcomment');
names('value_status', 'valuestatus');
names('readiness', 'readiness', 'businessreadiness');
names('budget.planned', 'budget', 'plannedbudget', 'approvedbudget', 'baselinebudget', 'totalbudget', 'baseline', 'baselinecost', 'estimatedcost', 'totalbaseline');
names('budget.forecast', 'forecast', 'forecastcost', 'eac', 'estimateatcompletion', 'forecastatcompletion', 'forecasttotal');

/** Long text: a `## <column>` section of the body. */
const SECTIONS = ['notes', 'note', 'comments', 'comment', 'background', 'objectives', 'aims', 'scope', 'benefits', 'risks', 'issues', 'update', 'latestupdate', 'statusupdate', 'progressupdate', 'businesscase', 'rationale', 'commentary'];

/** Columns that identify a row: used to tell projects with the same name apart. */
const IDENTIFYING = ['department', 'division', 'businessunit', 'directorate', 'id', 'ref', 'reference', 'code', 'projectcode', 'projectid', 'projectnumber', 'projectref', 'number'];

/** Strip a unit from a header (`Budget (£k)` → `budget`, ×1000). */
function unitOf(name: string): { key: string; multiply?: number } {
  const m = /\(?\s*(?:[£$€]\s*)?(k|m|mn|bn|000s|thousands|millions)\s*\)?\s*$/i.exec(name);
  const hasCurrency = /[£$€]|\((k|m|mn|bn|000s)\)/i.test(name);
  const scale: Record<string, number> = { k: 1e3, '000s': 1e3, thousands: 1e3, m: 1e6, mn: 1e6, millions: 1e6, bn: 1e9 };
  const key = name.replace(/\(.*?\)/g, ' ').replace(/[£$€%]/g, ' ').toLowerCase().replace(/[^a-z0-9]/g, '');
  return m && hasCurrency ? { key, multiply: scale[m[1].toLowerCase()] } : { key };
}

/** A mapping for a header, or undefined when no column looks like a title. */
export function guessMapping(header: readonly string[], fileTitle: string): MappingFile | undefined {
  const columns: MappingFile['columns'] = {};
  const used = new Set<string>();
  const identifying: string[] = [];
  let title: string | undefined;
  for (const name of columnNames(header)) {
    const { key, multiply } = unitOf(name.replace(/#\d+$/, ''));
    const field = NAMES[key];
    if (IDENTIFYING.includes(key)) identifying.push(name);
    if (field === 'title' && title === undefined) title = name;
    if (field === 'body') columns[name] = 'body';
    else if (!field && SECTIONS.includes(key)) columns[name] = { body: name };
    else if (field && (field !== 'title' || title === name) && !(field === 'tags' && used.has('tags'))) {
      columns[name] = multiply && field.startsWith('budget.') ? [{ field, multiply }, { body: 'Details', label: name }] : field;
      used.add(field);
    } else columns[name] = { body: 'Details', label: name };
  }
  if (title === undefined) return undefined;
  // Readable words (department) before codes (ref).
  identifying.sort((x, y) => IDENTIFYING.indexOf(unitOf(x).key) - IDENTIFYING.indexOf(unitOf(y).key));
  return {
    name: 'guessed from the column names',
    id: [title],
    disambiguate: identifying,
    columns,
    defaults: used.has('status') ? { status: 'proposed' } : { status: 'active' },
    portfolio: { title: fileTitle },
  };
}
