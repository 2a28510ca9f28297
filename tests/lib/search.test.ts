import { describe, expect, it } from 'vitest';
import { SEARCH_PART_CHARS } from '../../src/core/search-index.ts';
import { searchPartChars } from '../../src/lib/search.ts';

describe('searchPartChars (ROADMAP_SEARCH_PART_CHARS)', () => {
  it('is the default when unset or empty', () => {
    expect(searchPartChars({})).toBe(SEARCH_PART_CHARS);
    expect(searchPartChars({ ROADMAP_SEARCH_PART_CHARS: ' ' })).toBe(SEARCH_PART_CHARS);
  });

  it('takes a whole number, with or without underscores', () => {
    expect(searchPartChars({ ROADMAP_SEARCH_PART_CHARS: '12000' })).toBe(12000);
    expect(searchPartChars({ ROADMAP_SEARCH_PART_CHARS: '4_000_000' })).toBe(4_000_000);
  });

  it('refuses anything else, naming the variable and the value', () => {
    for (const bad of ['abc', '12.5', '999', '-5000', '1e3x']) {
      expect(() => searchPartChars({ ROADMAP_SEARCH_PART_CHARS: bad }), bad).toThrow(`ROADMAP_SEARCH_PART_CHARS must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS}); it is "${bad}"`);
    }
  });
});
