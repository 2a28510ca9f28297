import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/core/schema.ts';
import { editDistance, kebabCase, suggest } from '../../src/core/suggest.ts';

describe('suggest', () => {
  it('maps common status words to ours', () => {
    const cases: Record<string, string> = {
      'in progress': 'active',
      'In-Progress': 'active',
      wip: 'active',
      started: 'active',
      complete: 'done',
      completed: 'done',
      finished: 'done',
      paused: 'on-hold',
      blocked: 'on-hold',
      'on hold': 'on-hold',
      planned: 'approved',
      idea: 'proposed',
      requested: 'proposed',
      new: 'proposed',
      canceled: 'cancelled',
      Active: 'active',
      actve: 'active',
    };
    for (const [input, expected] of Object.entries(cases)) expect(suggest(input, STATUSES), input).toBe(expected);
  });

  it('offers nothing when nothing is close', () => {
    expect(suggest('banana', STATUSES)).toBeUndefined();
    expect(suggest(42, ['a'])).toBeUndefined();
    expect(suggest('', ['a'])).toBeUndefined();
  });

  it('uses edit distance with transpositions, and unique containment', () => {
    expect(suggest('sumary', ['summary', 'status'])).toBe('summary');
    expect(suggest('identity-platfrom', ['identity-platform', 'portal'])).toBe('identity-platform');
    expect(suggest('identity', ['identity-platform', 'portal'])).toBe('identity-platform');
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('synonyms can be turned off (field names, ids)', () => {
    expect(suggest('wip', ['active'], { synonyms: false })).toBeUndefined();
  });

  it('kebabCase', () => {
    expect(kebabCase('CRM_Upgrade')).toBe('crm-upgrade');
    expect(kebabCase('crmUpgrade 2026')).toBe('crm-upgrade-2026');
    expect(kebabCase('Ünïcode café')).toBe('unicode-cafe');
    expect(kebabCase('___')).toBeUndefined();
  });
});
