/**
 * Imported records as files. Every scalar goes through the `yaml` package's
 * stringify (quoting and escaping are its job, never string concatenation),
 * fields come in the order of the schema, and the front matter holds no
 * line breaks of its own, so nothing in a cell can close it early: a `---`
 * line in a comment stays in the Markdown body, after the front matter.
 */
import { Document, isScalar, stringify, visit } from 'yaml';
import { projectSchema } from '../schema.ts';

/** Flat field values as the importer collects them: `health.schedule`, `budget.planned`, … */
export type ProjectOut = Record<string, unknown>;

const SUB_ORDER: Record<string, readonly string[]> = {
  owners: ['business', 'technical'],
  health: ['schedule', 'budget', 'scope', 'resources', 'benefits', 'note'],
  budget: ['planned', 'forecast'],
};

const YAML_OPTIONS = { lineWidth: 0, version: '1.2' } as const;

/** `{ 'health.schedule': 'red', title: 'X' }` → `{ title: 'X', health: { schedule: 'red' } }`, in schema order. */
export function nestFields(flat: ProjectOut): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(projectSchema().shape)) {
    const sub = SUB_ORDER[key];
    if (sub) {
      const obj: Record<string, unknown> = {};
      for (const s of sub) if (flat[`${key}.${s}`] !== undefined) obj[s] = flat[`${key}.${s}`];
      if (Object.keys(obj).length > 0) out[key] = obj;
    } else if (flat[key] !== undefined) out[key] = flat[key];
  }
  return out;
}

export function frontMatter(data: Record<string, unknown>): string {
  // Lists of scalars (tags) in flow style, as in the record format's examples: `tags: [ICT, Digital]`.
  const doc = new Document(data, YAML_OPTIONS);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // Belt and braces: the YAML has no line of its own that could end the block.
  if (/^(---|\.\.\.)\s*$/m.test(yaml)) throw new Error('generated front matter contains a document marker');
  return `---\n${yaml}---\n`;
}

/** A project file: front matter, then the body (if any). */
export function renderProject(flat: ProjectOut, body: string): string {
  const text = body.trim() === '' ? '' : `${body.replace(/\s+$/, '')}\n`;
  return `${frontMatter(nestFields(flat))}${text}`;
}

/** A program made for the values of the program column. */
export function renderProgram(title: string, fileName: string, column: string, raws: readonly string[]): string {
  const values = raws.map((r) => `"${r}"`).join(', ');
  return `${frontMatter({ title })}Imported from \`${fileName}\`: the projects whose ${column} is ${values}.\n`;
}

/** portfolio.yaml, with a comment on where it came from and what to change. */
export function renderPortfolio(settings: Record<string, unknown>, fileName: string, mapping: string, notice?: string): string {
  const order = ['title', 'organization', 'currency', 'fiscal_year_start', 'as_of', 'review_every_days', 'scoring', 'thresholds', 'audiences'];
  const keys = [...order.filter((k) => k in settings), ...Object.keys(settings).filter((k) => !order.includes(k))];
  const lines = [
    `# Imported from ${fileName} by npm run import (${mapping}); see import-report.md.`,
    '# Settings are documented in the README ("The record format"); edit freely.',
  ];
  if (notice) lines.splice(1, 0, `# ${notice.replace(/\s+/g, ' ')}`);
  for (const k of keys) lines.push(stringify({ [k]: settings[k] }, YAML_OPTIONS).trimEnd());
  if (!('as_of' in settings)) lines.push('# as_of: 2026-01-31   # leave out to judge lateness against the day of each build');
  return `${lines.join('\n')}\n`;
}
