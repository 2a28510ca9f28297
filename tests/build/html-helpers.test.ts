/** The HTML checks the build tests rely on must be able to fail: they find markup, not escaped text. */
import { describe, expect, it } from 'vitest';
import { dangerousMarkup, decodeEntities, isInternalUrl, isScriptUrl, pageUrls, parseTags, withoutAttributeValues } from '../support/html.ts';

describe('html helpers', () => {
  it('finds event handlers, script URLs and frames in real tags', () => {
    const html = [
      '<img src=x onerror="window.__pwned=2">',
      '<a href="&#106;avascript:alert(1)">a</a>',
      '<a href=" JaVaScRiPt:alert(1)">b</a>',
      '<form action="javascript:alert(12)"></form>',
      '<iframe src="https://example.org"></iframe>',
      '<svg><a xlink:href="javascript:alert(15)">svg</a></svg>',
    ].join('\n');
    expect(dangerousMarkup(html).map((p) => p.problem)).toEqual([
      'event handler attribute onerror',
      'script URL in href',
      'script URL in href',
      'script URL in action',
      '<iframe> element',
      'script URL in xlink:href',
    ]);
  });

  it('does not report escaped text or attribute values that merely mention markup', () => {
    const html = '<p>&lt;img src=x onerror="x"&gt; javascript:alert(4)</p><meta name="description" content="a <img src=x onerror=&quot;y&quot;>"><a href="/ok/" title="javascript:x">ok</a>';
    expect(dangerousMarkup(html)).toEqual([]);
    expect(withoutAttributeValues(html)).toBe('<p>&lt;img src=x onerror="x"&gt; javascript:alert(4)</p><meta name content><a href title>ok</a>');
  });

  it('skips comments and raw text, decodes attribute values', () => {
    const tags = parseTags('<!-- <a href="javascript:x"> --><script>if (a<b) {}</script><a href="/x?a=1&amp;b=&quot;2&quot;">x</a>');
    expect(tags.map((t) => t.name)).toEqual(['script', 'a']);
    expect(pageUrls('<a href="/x?a=1&amp;b=&quot;2&quot;">x</a><img srcset="/a.png 1x, /b.png 2x">').map((u) => u.value)).toEqual(['/x?a=1&b="2"', '/a.png', '/b.png']);
    expect(decodeEntities('&lt;&#60;&#x3c;&amp;lt;')).toBe('<<<&lt;');
  });

  it('classifies URLs', () => {
    expect(isScriptUrl('java\tscript:alert(1)')).toBe(true);
    expect(isScriptUrl('data:text/html,<script>')).toBe(true);
    expect(isScriptUrl('https://example.org/javascript:')).toBe(false);
    expect(['/a/', 'b/', '../c', '#main', 'https://x.org/', '//cdn.example/x', 'mailto:a@b'].map(isInternalUrl)).toEqual([true, true, true, false, false, false, false]);
  });
});
