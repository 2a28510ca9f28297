/**
 * Every validation rule, in the order they run. Each lives in its own file and
 * returns diagnostics tagged with its id; `loadPortfolio` runs them all.
 */
import type { Rule } from './context.ts';
import { audience } from './audience.ts';
import { controlCharacter } from './control-character.ts';
import { dependencyCycle } from './dependency-cycle.ts';
import { duplicateId } from './duplicate-id.ts';
import { emptyFile } from './empty-file.ts';
import { endBeforeStart } from './end-before-start.ts';
import { endRange } from './end-range.ts';
import { frontMatterLanguage } from './front-matter-language.ts';
import { invalidId } from './invalid-id.ts';
import { duplicateMarker } from './duplicate-marker.ts';
import { markerDateOrRange } from './marker-date-or-range.ts';
import { markerRangeOrder } from './marker-range-order.ts';
import { missingScoreCriterion } from './missing-score-criterion.ts';
import { noFrontMatter } from './no-front-matter.ts';
import { outsideContent } from './outside-content.ts';
import { portfolioMissing } from './portfolio-missing.ts';
import { schema } from './schema.ts';
import { scoreRange } from './score-range.ts';
import { selfDependency } from './self-dependency.ts';
import { unclosedFrontMatter } from './unclosed-front-matter.ts';
import { unknownField } from './unknown-field.ts';
import { unknownFolder } from './unknown-folder.ts';
import { unknownReference } from './unknown-reference.ts';
import { yamlSyntax } from './yaml-syntax.ts';

export type { LoadContext, Rule } from './context.ts';

export const RULES: readonly Rule[] = [
  portfolioMissing,
  outsideContent,
  emptyFile,
  noFrontMatter,
  unclosedFrontMatter,
  frontMatterLanguage,
  yamlSyntax,
  controlCharacter,
  unknownFolder,
  invalidId,
  duplicateId,
  schema,
  unknownField,
  endBeforeStart,
  endRange,
  markerDateOrRange,
  markerRangeOrder,
  duplicateMarker,
  unknownReference,
  scoreRange,
  missingScoreCriterion,
  selfDependency,
  dependencyCycle,
  audience,
];

/** Rule ids, plus `impossible-date`, which the schema rule reports for dates that do not exist. */
export const RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), 'impossible-date'];
