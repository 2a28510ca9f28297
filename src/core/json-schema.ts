/**
 * JSON Schema for editors, generated from the Zod schemas in `schema.ts` with
 * Zod's own `z.toJSONSchema` — never a hand-kept copy. `npm run schema` writes
 * the result to `public/schemas/` (and the site publishes it at `/schemas/`);
 * a test fails when the committed files are out of date.
 *
 * - `io: 'input'`: what a maintainer writes, so fields with a default (e.g.
 *   `visibility`) are not required.
 * - `target: 'draft-7'`: the draft the Red Hat YAML extension (and VS Code's
 *   JSON service) fully support; 2020-12 tuples (`prefixItems`) are
 *   reported as errors there.
 * - Unknown fields stay allowed, as in the contract (`check` warns about them).
 * - Date validity beyond the pattern (`2026-02-30`), cross-field rules and
 *   references are `npm run check`'s job; the schema covers shape, enums,
 *   ranges and date forms.
 */
import { z } from 'zod';
import { mappingFileSchema } from './import/mapping.ts';
import { goalSchema, portfolioSchema, programSchema, projectSchema, teamSchema } from './schema.ts';

export interface SchemaFile {
  /** File name under `public/schemas/`. */
  name: string;
  /** What the schema describes, for its `title`. */
  title: string;
  description: string;
  schema: () => z.ZodType;
}

export const SCHEMA_FILES: readonly SchemaFile[] = [
  {
    name: 'portfolio.schema.json',
    title: 'Roadmap portfolio settings',
    description: 'content/portfolio.yaml: settings for the whole site.',
    schema: portfolioSchema,
  },
  {
    name: 'project.schema.json',
    title: 'Roadmap project',
    description: 'Front matter of content/projects/<id>.md: a project or an intake request. Only title and status are required.',
    schema: projectSchema,
  },
  {
    name: 'program.schema.json',
    title: 'Roadmap program',
    description: 'Front matter of content/programs/<id>.md: a group of related projects.',
    schema: programSchema,
  },
  {
    name: 'goal.schema.json',
    title: 'Roadmap goal',
    description: 'Front matter of content/goals/<id>.md: a strategic goal or objective.',
    schema: goalSchema,
  },
  {
    name: 'team.schema.json',
    title: 'Roadmap team',
    description: 'Front matter of content/teams/<id>.md: a team or a role, with capacity.',
    schema: teamSchema,
  },
  {
    name: 'import-mapping.schema.json',
    title: 'Roadmap import mapping',
    description: 'A mapping file for npm run import -- register.csv --map <name>.mapping.yaml: how the columns of a CSV register become record fields.',
    schema: mappingFileSchema,
  },
];

/** One schema as JSON: `$schema`, `title` and `description` first, then what Zod generates. */
export function jsonSchemaOf(file: SchemaFile): Record<string, unknown> {
  const generated = z.toJSONSchema(file.schema(), { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title: file.title, description: file.description, ...rest };
}

/**
 * Every schema file's text: two-space JSON with a trailing newline. Key order
 * is the order of the Zod definitions (title and status first), which is
 * deterministic; nothing depends on the machine or the time.
 */
export function jsonSchemaFiles(): { name: string; text: string }[] {
  return SCHEMA_FILES.map((f) => ({ name: f.name, text: `${JSON.stringify(jsonSchemaOf(f), null, 2)}\n` }));
}
