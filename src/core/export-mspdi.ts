/**
 * `/portfolio.xml`: the portfolio as an MS Project plan (MSPDI, the Project
 * XML Data Interchange schema), for people who live in MS Project,
 * ProjectLibre and the like. One summary task per project the audience sees
 * (with a start and an end), under it one task spanning the project and its
 * milestones as milestone tasks, and
 * its dependencies as predecessor links (finish-to-start = 1, start-to-start
 * = 3, finish-to-finish = 0) — on the milestone a dependency is needed by,
 * else on the project. MS Project drops elements written out of the schema's
 * order, so every element is written in the order of mspdi_pj12.xsd
 * (`TASK_ORDER` below). Projects without both dates are left out (an XML
 * comment counts them). Where the audience sees demand, each team is a
 * resource (maximum units: its capacity at the as-of date) and each demand
 * line an assignment of it to the project's spanning task, with the FTE as
 * units. `npm run import` reads the file back.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { capacityAt, capacitySteps, demandSpans } from './capacity.ts';
import { dayToIso, endDay, startDay, type Day } from './dates.ts';
import type { PortfolioModel, ProjectView } from './model.ts';

/** Elements of a Task, in the schema's sequence (the ones this export writes, and their neighbours). */
export const TASK_ORDER = [
  'UID', 'ID', 'Name', 'Type', 'IsNull', 'CreateDate', 'Contact', 'WBS', 'WBSLevel', 'OutlineNumber', 'OutlineLevel', 'Priority',
  'Start', 'Finish', 'Duration', 'DurationFormat', 'Work', 'Stop', 'Resume', 'ResumeValid', 'EffortDriven', 'Recurring',
  'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'Critical', 'IsSubproject', 'IsSubprojectReadOnly', 'SubprojectName',
  'ExternalTask', 'ExternalTaskProject', 'EarlyStart', 'EarlyFinish', 'LateStart', 'LateFinish', 'StartVariance', 'FinishVariance',
  'WorkVariance', 'FreeSlack', 'TotalSlack', 'FixedCost', 'FixedCostAccrual', 'PercentComplete', 'PercentWorkComplete', 'Cost',
  'OvertimeCost', 'OvertimeWork', 'ActualStart', 'ActualFinish', 'ActualDuration', 'ActualCost', 'ActualOvertimeCost', 'ActualWork',
  'ActualOvertimeWork', 'RegularWork', 'RemainingDuration', 'RemainingCost', 'RemainingWork', 'RemainingOvertimeCost',
  'RemainingOvertimeWork', 'ACWP', 'CV', 'ConstraintType', 'CalendarUID', 'ConstraintDate', 'Deadline', 'LevelAssignments',
  'LevelingCanSplit', 'LevelingDelay', 'LevelingDelayFormat', 'PreLeveledStart', 'PreLeveledFinish', 'Hyperlink', 'HyperlinkAddress',
  'HyperlinkSubAddress', 'IgnoreResourceCalendar', 'Notes', 'HideBar', 'Rollup', 'BCWS', 'BCWP', 'PhysicalPercentComplete',
  'EarnedValueMethod', 'PredecessorLink', 'ActualWorkProtected', 'ActualOvertimeWorkProtected', 'ExtendedAttribute', 'Baseline',
] as const;
/** Elements of the Project, in the schema's sequence (up to Tasks). */
export const PROJECT_ORDER = [
  'SaveVersion', 'UID', 'Name', 'Title', 'Subject', 'Category', 'Company', 'Manager', 'Author', 'CreationDate', 'Revision', 'LastSaved',
  'ScheduleFromStart', 'StartDate', 'FinishDate', 'FYStartDate', 'CriticalSlackLimit', 'CurrencyDigits', 'CurrencySymbol', 'CurrencyCode',
  'CurrencySymbolPosition', 'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime', 'MinutesPerDay', 'MinutesPerWeek', 'DaysPerMonth',
  'DefaultTaskType', 'DefaultFixedCostAccrual', 'DefaultStandardRate', 'DefaultOvertimeRate', 'DurationFormat', 'WorkFormat',
  'EditableActualCosts', 'HonorConstraints', 'EarnedValueMethod', 'InsertedProjectsLikeSummary', 'MultipleCriticalPaths',
  'NewTasksEffortDriven', 'NewTasksEstimated', 'SplitsInProgressTasks', 'SpreadActualCost', 'SpreadPercentComplete', 'TaskUpdatesResource',
  'FiscalYearStart', 'WeekStartDay', 'MoveCompletedEndsBack', 'MoveRemainingStartsBack', 'MoveRemainingStartsForward',
  'MoveCompletedEndsForward', 'BaselineForEarnedValue', 'AutoAddNewResourcesAndTasks', 'StatusDate', 'CurrentDate',
  'MicrosoftProjectServerURL', 'Autolink', 'NewTaskStartDate', 'DefaultTaskEVMethod', 'ProjectExternallyEdited', 'ExtendedCreationDate',
  'ActualsInSync', 'RemoveFileProperties', 'AdminProject', 'OutlineCodes', 'WBSMasks', 'ExtendedAttributes', 'Calendars', 'Tasks',
  'Resources', 'Assignments',
] as const;
/** Elements of a Resource, in the schema's sequence (up to IsGeneric). */
export const RESOURCE_ORDER = [
  'UID', 'ID', 'Name', 'Type', 'IsNull', 'Initials', 'Phonetics', 'NTAccount', 'MaterialLabel', 'Code', 'Group', 'WorkGroup', 'EmailAddress',
  'Hyperlink', 'HyperlinkAddress', 'HyperlinkSubAddress', 'MaxUnits', 'PeakUnits', 'OverAllocated', 'AvailableFrom', 'AvailableTo', 'Start',
  'Finish', 'CanLevel', 'AccrueAt', 'Work', 'RegularWork', 'OvertimeWork', 'ActualWork', 'RemainingWork', 'ActualOvertimeWork',
  'RemainingOvertimeWork', 'PercentWorkComplete', 'StandardRate', 'StandardRateFormat', 'Cost', 'OvertimeRate', 'OvertimeRateFormat',
  'OvertimeCost', 'CostPerUse', 'ActualCost', 'ActualOvertimeCost', 'RemainingCost', 'RemainingOvertimeCost', 'WorkVariance', 'CostVariance',
  'SV', 'CV', 'ACWP', 'CalendarUID', 'Notes', 'BCWS', 'BCWP', 'IsGeneric',
] as const;
/** Elements of an Assignment, in the schema's sequence (up to Work): Finish comes before Start. */
export const ASSIGNMENT_ORDER = [
  'UID', 'TaskUID', 'ResourceUID', 'PercentWorkComplete', 'ActualCost', 'ActualFinish', 'ActualOvertimeCost', 'ActualOvertimeWork',
  'ActualStart', 'ActualWork', 'ACWP', 'Confirmed', 'Cost', 'CostRateTable', 'CostVariance', 'CV', 'Delay', 'Finish', 'FinishVariance',
  'Hyperlink', 'HyperlinkAddress', 'HyperlinkSubAddress', 'WorkVariance', 'HasFixedRateUnits', 'FixedMaterial', 'LevelingDelay',
  'LevelingDelayFormat', 'LinkedFields', 'Milestone', 'Notes', 'OverAllocated', 'OvertimeCost', 'OvertimeWork', 'PeakUnits', 'RegularWork',
  'RemainingCost', 'RemainingOvertimeCost', 'RemainingOvertimeWork', 'RemainingWork', 'ResponsePending', 'Start', 'Stop', 'Resume',
  'StartVariance', 'Summary', 'SV', 'Units', 'UpdateNeeded', 'VAC', 'Work',
] as const;
export const LINK_ORDER = ['PredecessorUID', 'Type', 'CrossProject', 'CrossProjectName', 'LinkLag', 'LagFormat'] as const;
export const BASELINE_ORDER = ['TimephasedData', 'Number', 'Interim', 'Start', 'Finish', 'Duration', 'DurationFormat', 'EstimatedDuration', 'Work', 'Cost', 'BCWS', 'BCWP', 'FixedCost'] as const;

/** The task under each project that spans it (milestones are its other tasks). */
export const WORK_TASK = 'Project work';

/** MSPDI link types. */
export const MSPDI_LINK_TYPE = { 'finish-to-finish': 0, 'finish-to-start': 1, 'start-to-start': 3 } as const;

type El = Record<string, unknown>;

/** An element's children in the schema's order; absent values left out. */
function ordered(order: readonly string[], values: El): El {
  const out: El = {};
  for (const k of order) if (values[k] !== undefined) out[k] = values[k];
  const unknown = Object.keys(values).filter((k) => !order.includes(k) && values[k] !== undefined);
  if (unknown.length) throw new Error(`not in the schema's order list: ${unknown.join(', ')}`);
  return out;
}

const at = (d: Day, time: string) => `${dayToIso(d)}T${time}`;

/** Working days (Monday-Friday) from `first` to `last`, both included; at least one. */
function workingDays(first: Day, last: Day): number {
  let n = 0;
  for (let d = first; d <= last; d++) {
    const wd = (((d + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday: 0 = Sunday
    if (wd !== 0 && wd !== 6) n++;
  }
  return Math.max(1, n);
}

const duration = (days: number) => `PT${days * 8}H0M0S`;

/** The MSPDI document for the model's audience. */
export function portfolioMspdi(model: PortfolioModel): string {
  const fy = model.settings.fiscal_year_start;
  const dated = model.projects.filter((p) => p.record.start !== undefined && p.record.end !== undefined);
  const left = model.projects.length - dated.length;
  const uidOf = new Map<string, number>();
  let uid = 1;
  for (const p of dated) {
    uidOf.set(p.id, uid);
    uid += 2 + (p.record.milestones?.length ?? 0);
  }
  const tasks: El[] = [];
  const first = dated.length ? Math.min(...dated.map((p) => startDay(p.record.start!, fy))) : model.asOfDay;
  const last = dated.length ? Math.max(...dated.map((p) => endDay(p.record.end!, fy))) : model.asOfDay;
  tasks.push(
    ordered(TASK_ORDER, {
      UID: 0, Name: model.settings.title, OutlineLevel: 0, Start: at(first, '08:00:00'), Finish: at(last, '17:00:00'), Summary: 1,
    }),
  );
  dated.forEach((p) => {
    const pUid = uidOf.get(p.id)!;
    const s = startDay(p.record.start!, fy);
    const e = Math.max(s, endDay(p.record.end!, fy));
    const milestones = p.record.milestones ?? [];
    const links = (needBy: string) => linksOf(p, model).filter((d) => d.needBy?.trim() === needBy && uidOf.has(d.on));
    const baseline = p.record.baseline_end !== undefined ? Math.max(s, endDay(p.record.baseline_end, fy)) : undefined;
    const milestoneNames = new Set(milestones.map((m) => m.name.trim()));
    tasks.push(
      ordered(TASK_ORDER, {
        UID: pUid, Name: p.record.title, OutlineLevel: 1, Start: at(s, '08:00:00'), Finish: at(e, '17:00:00'), Summary: 1,
        PercentComplete: p.record.progress,
        Notes: p.record.summary,
        // Dependencies needed by a milestone this project does not have (or by none) link to the project itself.
        PredecessorLink: linksOf(p, model)
          .filter((d) => uidOf.has(d.on) && (d.needBy === undefined || !milestoneNames.has(d.needBy.trim())))
          .map((d) => link(uidOf.get(d.on)!, d.type)),
        Baseline: baseline !== undefined ? [ordered(BASELINE_ORDER, { Number: 0, Start: at(s, '08:00:00'), Finish: at(baseline, '17:00:00') })] : undefined,
      }),
    );
    // MS Project rolls a summary's dates up from its tasks: one task spanning the project keeps them.
    tasks.push(
      ordered(TASK_ORDER, {
        UID: pUid + 1, Name: WORK_TASK, OutlineLevel: 2, Start: at(s, '08:00:00'), Finish: at(e, '17:00:00'),
        Duration: duration(workingDays(s, e)), PercentComplete: p.record.progress,
      }),
    );
    milestones.forEach((m, k) => {
      const d = endDay(m.date, fy);
      const b = m.baseline !== undefined ? endDay(m.baseline, fy) : undefined;
      tasks.push(
        ordered(TASK_ORDER, {
          UID: pUid + 2 + k, Name: m.name, OutlineLevel: 2, Start: at(d, '17:00:00'), Finish: at(d, '17:00:00'),
          Duration: 'PT0H0M0S', Milestone: 1, PercentComplete: m.done ? 100 : undefined,
          PredecessorLink: links(m.name.trim()).map((x) => link(uidOf.get(x.on)!, x.type)),
          Baseline: b !== undefined ? [ordered(BASELINE_ORDER, { Number: 0, Start: at(b, '17:00:00'), Finish: at(b, '17:00:00') })] : undefined,
        }),
      );
    });
  });
  for (const t of tasks) if (Array.isArray(t.PredecessorLink) && t.PredecessorLink.length === 0) delete t.PredecessorLink;

  // Demand (absent when the audience hides it): a resource per team, an assignment per demand line on the project's work task.
  const resourceOf = new Map<string, number>();
  const resources: El[] = [];
  const assignments: El[] = [];
  for (const p of dated) {
    for (const span of demandSpans(p, fy)) {
      const team = model.byId.teams.get(span.team);
      if (!team) continue;
      let rUid = resourceOf.get(team.id);
      if (rUid === undefined) {
        rUid = resources.length + 1;
        resourceOf.set(team.id, rUid);
        const capacity = capacityAt(capacitySteps(team.record.capacity, fy), model.asOfDay) || (team.record.capacity?.[0]?.fte ?? 1);
        resources.push(ordered(RESOURCE_ORDER, { UID: rUid, ID: rUid, Name: team.record.title, Type: 1, MaxUnits: capacity, IsGeneric: team.record.kind === 'role' ? 1 : undefined }));
      }
      assignments.push(
        ordered(ASSIGNMENT_ORDER, { UID: assignments.length + 1, TaskUID: uidOf.get(p.id)! + 1, ResourceUID: rUid, Finish: at(span.to, '17:00:00'), Start: at(span.from, '08:00:00'), Units: span.fte }),
      );
    }
  }

  const project = ordered(PROJECT_ORDER, {
    SaveVersion: 14,
    Name: 'portfolio.xml',
    Title: model.settings.title,
    Company: model.settings.organization,
    ScheduleFromStart: 1,
    StartDate: at(first, '08:00:00'),
    FinishDate: at(last, '17:00:00'),
    FYStartDate: fy,
    CurrencyCode: model.settings.currency,
    DefaultStartTime: '08:00:00',
    DefaultFinishTime: '17:00:00',
    MinutesPerDay: 480,
    MinutesPerWeek: 2400,
    DaysPerMonth: 20,
    StatusDate: `${model.settings.as_of}T17:00:00`,
    Tasks: { Task: tasks },
    Resources: resources.length ? { Resource: resources } : undefined,
    Assignments: assignments.length ? { Assignment: assignments } : undefined,
  });
  // One task a line: no indentation (a 2,000-project portfolio is megabytes already).
  const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, ignoreAttributes: false, attributeNamePrefix: '@' });
  const xml = (builder.build({ Project: { '@xmlns': 'http://schemas.microsoft.com/project', ...project } }) as string).replace(/(<Tasks>|<\/Task>|<Resources>|<\/Resource>|<Assignments>|<\/Assignment>)/g, '$1\n');
  const note = `<!-- The ${model.audience} portfolio as of ${model.settings.as_of}: ${dated.length} project${dated.length === 1 ? '' : 's'}${left ? `; ${left} without both a start and an end left out` : ''}. Written by Roadmap; import it back with npm run import. -->`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${note}\n${xml}`;
}

function linksOf(p: ProjectView, model: PortfolioModel) {
  return model.edges.filter((e) => e.from === p.id);
}

function link(predecessor: number, type: keyof typeof MSPDI_LINK_TYPE): El {
  return ordered(LINK_ORDER, { PredecessorUID: predecessor, Type: MSPDI_LINK_TYPE[type] });
}
