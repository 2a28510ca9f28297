/**
 * The import report, for the terminal (one line per dropped or guessed value,
 * `file:row  column  message`, like `check`) and as `import-report.md` in
 * the imported folder.
 */
import { preview } from './convert.ts';
import { encodingName, type ImportReport, type ReportEntry } from './importer.ts';
import type { MspdiReport } from './mspdi.ts';
import { formatCount } from '../format.ts';

/** `{ reason → { dropped, guessed } }`, most frequent first (ties by reason). */
export function countByReason(entries: readonly ReportEntry[]): { reason: string; dropped: number; guessed: number }[] {
  const by = new Map<string, { reason: string; dropped: number; guessed: number }>();
  for (const e of entries) {
    const c = by.get(e.reason) ?? { reason: e.reason, dropped: 0, guessed: 0 };
    c[e.action]++;
    by.set(e.reason, c);
  }
  return [...by.values()].sort((a, b) => b.dropped + b.guessed - (a.dropped + a.guessed) || (a.reason < b.reason ? -1 : 1));
}

export function reportLine(r: ImportReport, e: ReportEntry): string {
  const value = e.value.trim() === '' ? '' : ` "${preview(e.value)}"`;
  return `${r.source}:${e.row}  ${e.column || e.field}  ${e.field} ${e.action}${value}: ${e.detail}${e.record ? `  (${e.record})` : ''}`;
}

function readLine(r: ImportReport): string {
  const delimiter = r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`;
  const filtered = r.filteredOut > 0 ? `, ${r.filteredOut} left out by ${r.filters.join(' and ')}` : '';
  const how = r.encodingHow === 'given' ? 'as given' : `detected: ${r.encodingHow}`;
  return `${formatCount(r.rowsRead, 'row')} read${filtered}; encoding ${encodingName(r.encoding)}, ${how}; delimiter ${delimiter}; mapping: ${r.mapping}`;
}

/** The counts sentence: `312 values dropped (250 withheld …, 12 …), 3 guessed (…)`. */
export function summarize(entries: readonly ReportEntry[]): string {
  const counts = countByReason(entries);
  const part = (action: 'dropped' | 'guessed') => {
    const list = counts.filter((c) => c[action] > 0).map((c) => `${c[action]} ${c.reason}`);
    const total = entries.filter((e) => e.action === action).length;
    return total === 0 ? `none ${action}` : `${total} ${action} (${list.join(', ')})`;
  };
  return `values: ${part('dropped')}; ${part('guessed')}`;
}

/** What the CLI prints: every entry, then the summary lines. */
export function formatReportText(r: ImportReport, outDir: string): string {
  const lines = r.entries.map((e) => reportLine(r, e));
  lines.push(`${r.source}: ${readLine(r)}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(summarize(r.entries));
  lines.push(`✓ ${formatCount(r.projects, 'project')} and ${formatCount(r.programs, 'program')} written to ${outDir} (the list is in ${outDir}/import-report.md)`);
  return `${lines.join('\n')}\n`;
}

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

/** import-report.md. */
export function formatReportMarkdown(r: ImportReport): string {
  const out: string[] = [];
  out.push('# Import report', '');
  out.push(
    `Imported \`${r.source}\` with \`npm run import\`: ${readLine(r)}. ` +
      `Written: ${formatCount(r.projects, 'project')}, ${formatCount(r.programs, 'program')} and portfolio.yaml (title "${r.title}"${r.asOf ? `, as of ${r.asOf}` : ''}).`,
    '',
  );
  if (r.notice) out.push(r.notice, '');
  out.push('Records are written with what could be read; every value that was dropped or guessed is listed below, so it can be fixed in the register (and imported again) or in the record.', '');
  for (const n of r.notes) out.push(`- Note: ${cell(n)}`);
  if (r.notes.length) out.push('');
  out.push('## Columns', '', '| column | becomes |', '| --- | --- |');
  for (const p of r.plan) out.push(`| ${cell(p.column)} | ${cell(p.becomes)} |`);
  out.push('', '## Dropped and guessed values by reason', '');
  const counts = countByReason(r.entries);
  if (counts.length === 0) out.push('None: every value was imported as written.');
  else {
    out.push('| reason | dropped | guessed |', '| --- | ---: | ---: |');
    for (const c of counts) out.push(`| ${cell(c.reason)} | ${c.dropped} | ${c.guessed} |`);
    out.push(`| **total** | **${r.entries.filter((e) => e.action === 'dropped').length}** | **${r.entries.filter((e) => e.action === 'guessed').length}** |`);
    out.push('', '## Every dropped or guessed value', '', 'Rows are spreadsheet rows (the header is row 1).', '');
    out.push('| row | column | value | field | what happened | record |', '| ---: | --- | --- | --- | --- | --- |');
    for (const e of r.entries) {
      out.push(`| ${e.row} | ${cell(e.column)} | ${cell(preview(e.value, 50))} | ${e.field} | ${e.action}: ${cell(e.detail)} | ${e.record ?? ''} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// MS Project XML imports (src/core/import/mspdi.ts)

export function mspdiLine(r: MspdiReport, e: ReportEntry): string {
  const value = e.value.trim() === '' ? '' : ` "${preview(e.value)}"`;
  return `${r.source}:${e.column} ${e.row}  ${e.field} ${e.action}${value}: ${e.detail}${e.record ? `  (${e.record})` : ''}`;
}

function mspdiRead(r: MspdiReport): string {
  return `${formatCount(r.tasksRead, 'task')}, ${formatCount(r.resourcesRead, 'resource')} and ${formatCount(r.assignmentsRead, 'assignment')} read${r.writer ? ` (written by ${r.writer})` : ''}; projects at outline level ${r.projectsAt}`;
}

function mspdiWritten(r: MspdiReport): string {
  return `${formatCount(r.projects, 'project')} (${formatCount(r.milestones, 'milestone')}, ${formatCount(r.dependencies, 'dependency', 'dependencies')}, ${formatCount(r.demand, 'demand line')}), ${formatCount(r.programs, 'program')}, ${formatCount(r.teams, 'team')}`;
}

/** What the CLI prints for an MSPDI import. */
export function formatMspdiText(r: MspdiReport, outDir: string): string {
  const lines = r.entries.map((e) => mspdiLine(r, e));
  lines.push(`${r.source}: ${mspdiRead(r)}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push(summarize(r.entries));
  lines.push(`✓ ${mspdiWritten(r)} written to ${outDir} (the list is in ${outDir}/import-report.md)`);
  return `${lines.join('\n')}\n`;
}

/** import-report.md for an MSPDI import. */
export function formatMspdiMarkdown(r: MspdiReport): string {
  const out: string[] = ['# Import report', ''];
  out.push(
    `Imported \`${r.source}\` (MS Project XML) with \`npm run import\`: ${mspdiRead(r)}. ` +
      `Written: ${mspdiWritten(r)} and portfolio.yaml (title "${r.title}"${r.asOf ? `, as of ${r.asOf}` : ''}, fiscal year from month ${r.fiscalYearStart}).`,
    '',
  );
  out.push('Every task, link, resource or assignment that was dropped or guessed is listed below, so it can be fixed in the plan (and imported again) or in the record.', '');
  for (const n of r.notes) out.push(`- Note: ${cell(n)}`);
  if (r.notes.length) out.push('');
  out.push('## What became what', '', '| in the plan | becomes |', '| --- | --- |');
  for (const p of r.plan) out.push(`| ${cell(p.what)} | ${cell(p.becomes)} |`);
  out.push('', '## Projects written', '', '| record | from task | milestones | dependencies | demand lines |', '| --- | ---: | ---: | ---: | ---: |');
  for (const w of r.written) out.push(`| ${w.record} (${cell(w.title)}) | ${w.uid} | ${w.milestones} | ${w.dependencies} | ${w.demand} |`);
  out.push('', '## Dropped and guessed by reason', '');
  const counts = countByReason(r.entries);
  if (counts.length === 0) out.push('None: everything was imported as written.');
  else {
    out.push('| reason | dropped | guessed |', '| --- | ---: | ---: |');
    for (const c of counts) out.push(`| ${cell(c.reason)} | ${c.dropped} | ${c.guessed} |`);
    out.push('', '## Every dropped or guessed item', '', 'UIDs are the plan\'s (task, resource or assignment UID; a link is listed under its successor task).', '');
    out.push('| UID | element | value | field | what happened |', '| ---: | --- | --- | --- | --- |');
    for (const e of r.entries) out.push(`| ${e.row} | ${e.column} | ${cell(preview(e.value, 50))} | ${e.field} | ${e.action}: ${cell(e.detail)} |`);
  }
  return `${out.join('\n')}\n`;
}
