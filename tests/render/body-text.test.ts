import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/render/body-text.ts';

describe('bodyText', () => {
  it('is the text a reader sees: Markdown syntax gone, one block per line', () => {
    expect(bodyText('# Plan\n\nMove **billing** to the [cloud](https://example.org).\n\n- one\n- two\n', false)).toBe('Plan\n\nMove billing to the cloud.\n\none\ntwo');
  });

  it('drops what the page drops from raw HTML (script text, event handlers) and keeps the text of the rest', () => {
    const text = bodyText('Intro.\n\n<script>window.__pwned=1</script>\n\n<iframe>framed</iframe>\n\n<div onclick="x()">kept <b>words</b></div>\n', false);
    expect(text).toContain('Intro.');
    expect(text).toContain('kept words');
    // The page shows an unknown element's text as text (the allow-list unwraps it): so does the index.
    expect(text).toContain('framed');
    expect(text).not.toMatch(/__pwned|onclick/);
  });

  it('keeps a code block as its text, including angle brackets written in it', () => {
    expect(bodyText('```\na <b> c\n```\n', false)).toBe('a <b> c');
  });

  it('reads the text inside MDX components, not their expressions or imports', () => {
    const text = bodyText('import Note from "./note.astro";\n\n# Title\n\n<Note>inside words</Note>\n\nTotal {1 + 1}\n', true);
    expect(text).toContain('Title');
    expect(text).toContain('inside words');
    expect(text).not.toMatch(/import|note\.astro|1 \+ 1/);
  });
});
