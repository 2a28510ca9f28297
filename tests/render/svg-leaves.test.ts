import { describe, expect, it } from 'vitest';
import { selfCloseSvgLeaves } from '../../src/render/svg-leaves.ts';

describe('self-closing empty SVG shapes', () => {
  it('writes empty shapes with /> and leaves elements with content, other tags and unquoted endings alone', () => {
    const svg = '<svg><g class="a"><rect x="1" y="2"></rect><path d="M0,0l9,4.5z" class="h"></path><line x1="0" x2="1"></line><circle r="2"></circle></g><text x="1">a</text><rect x="0"><title>t</title></rect><g class="e"></g><rect x=1></rect></svg>';
    expect(selfCloseSvgLeaves(svg)).toBe('<svg><g class="a"><rect x="1" y="2"/><path d="M0,0l9,4.5z" class="h"/><line x1="0" x2="1"/><circle r="2"/></g><text x="1">a</text><rect x="0"><title>t</title></rect><g class="e"></g><rect x=1></rect></svg>');
  });

  it('never changes an inline script (its text is hashed for the CSP) nor a mismatched pair', () => {
    const html = '<p>x</p><script>document.body.innerHTML = \'<rect x="1"></rect>\';</script><path d="a"></line><script type="module">a()</script><rect y="1"></rect>';
    expect(selfCloseSvgLeaves(html)).toBe('<p>x</p><script>document.body.innerHTML = \'<rect x="1"></rect>\';</script><path d="a"></line><script type="module">a()</script><rect y="1"/>');
  });

  it('parses to the same elements in the browser sense: no shape left open', () => {
    const out = selfCloseSvgLeaves('<svg><a href="/p/"><rect x="8" rx="5" class="node"></rect><text x="16">A</text></a></svg>');
    expect(out).toBe('<svg><a href="/p/"><rect x="8" rx="5" class="node"/><text x="16">A</text></a></svg>');
  });
});
