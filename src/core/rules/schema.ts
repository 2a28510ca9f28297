/**
 * Shape, enums, ranges and single-field dates, as the Zod schemas in
 * `src/core/schema.ts` define them (validation itself runs once, in the
 * loader). Zod issues become diagnostics at the offending key: a missing
 * field at the start of the enclosing object, an unknown enum value with a
 * did-you-mean over the allowed values and common synonyms.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { fieldPath } from '../diagnostics.ts';
import { ID_PATTERN } from '../schema.ts';
import { kebabCase, suggest } from '../suggest.ts';
import type { LoadContext, PortfolioEntry, RecordEntry, Rule, SchemaIssue } from './context.ts';
import { describe, diagnostic, getIn } from './context.ts';

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'field: value pairs',
  record: 'field: value pairs',
  date: 'a date',
};

function got(message: string, value: unknown): string {
  if (value === null || value === undefined) return `${message}, got an empty value (give it a value or remove the line)`;
  if (typeof value === 'string' && (value.trim() === '' || message.includes(value))) return message;
  return `${message}, got ${describe(value)}`;
}

function issueDiagnostic(e: RecordEntry | PortfolioEntry, issue: SchemaIssue): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const rule = typeof issue.params?.rule === 'string' ? issue.params.rule : 'schema';
  const { found, value } = getIn(e.parsed?.data, path);

  if (path.length === 0) {
    return diagnostic(e, [], rule, `front matter must be field: value pairs, got ${describe(value)}`);
  }
  if (!found && issue.code !== 'invalid_key') {
    return diagnostic(e, path.slice(0, -1), rule, 'required field is missing', { field: fieldPath(path) });
  }
  switch (issue.code) {
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      return diagnostic(e, path, rule, `unknown value ${describe(value)}, expected ${values.join(' | ')}`, {
        suggestion: suggest(value, values),
      });
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const inner = issue.issues?.[0];
      const isId = inner?.pattern === String(ID_PATTERN);
      return diagnostic(e, path, rule, `${describe(key)} is not a valid name: ${inner?.message ?? issue.message}`, {
        suggestion: isId ? kebabCase(key) : undefined,
      });
    }
    case 'invalid_type': {
      const base = issue.message.startsWith('Invalid input') ? `expected ${EXPECTED[issue.expected ?? ''] ?? issue.expected}` : issue.message;
      let message = got(base, value);
      if (base === 'expected text' && (typeof value === 'number' || typeof value === 'boolean')) message += ' (put it in quotes to use it as text)';
      return diagnostic(e, path, rule, message);
    }
    case 'invalid_format': {
      const isId = issue.pattern === String(ID_PATTERN);
      return diagnostic(e, path, rule, got(issue.message, value), {
        suggestion: isId && typeof value === 'string' ? kebabCase(value) : undefined,
      });
    }
    default:
      return diagnostic(e, path, rule, got(issue.message, value));
  }
}

export const schema: Rule = {
  id: 'schema',
  description: 'Fields must have the type, value and range the record contract gives them; required fields must be present.',
  check(ctx: LoadContext) {
    const out: Diagnostic[] = [];
    if (ctx.portfolio) for (const issue of ctx.portfolio.issues) out.push(issueDiagnostic(ctx.portfolio, issue));
    for (const r of ctx.records) for (const issue of r.issues) out.push(issueDiagnostic(r, issue));
    return out;
  },
};
