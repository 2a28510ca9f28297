import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/render/escape-text.ts';

describe('escapeText (element content)', () => {
  it('escapes what can start markup and nothing else', () => {
    expect(escapeText('n1["A & B"] --> n2')).toBe('n1["A &amp; B"] --> n2');
    expect(escapeText('x</code><script>alert(1)</script>')).toBe('x&lt;/code>&lt;script>alert(1)&lt;/script>');
    expect(escapeText('&lt;')).toBe('&amp;lt;');
  });
});
