import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.ts';

describe('renderMarkdown', () => {
  it('moves headings one level down, under the page heading the body sits in, with GitHub ids', () => {
    const html = renderMarkdown('# Title\n\n## Background\n\ntext\n\n### Detail\n\n###### Deepest\n');
    expect(html).toContain('<h2 id="title">Title</h2>');
    expect(html).toContain('<h3 id="background">Background</h3>');
    expect(html).toContain('<h4 id="detail">Detail</h4>');
    expect(html).toContain('<h6 id="deepest">Deepest</h6>');
    expect(html).not.toMatch(/<h1\b/);
  });

  it('still strips what the sanitizer strips', () => {
    expect(renderMarkdown('## Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>')).not.toMatch(/<script|onerror/);
  });
});
