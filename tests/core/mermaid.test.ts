import { describe, expect, it } from 'vitest';
import { hasMermaidFence, mermaidLabel, toMermaid } from '../../src/core/mermaid.ts';

describe('mermaidLabel', () => {
  it('keeps plain text and quotes it', () => {
    expect(mermaidLabel('Cloud landing zone (wave 1)')).toBe('"Cloud landing zone (wave 1)"');
  });
  it('turns hostile text into entity codes', () => {
    expect(mermaidLabel('a"] --> b')).toBe('"a#34;#93; --#62; b"');
    expect(mermaidLabel('<script>alert(1)</script>')).toBe('"#60;script#62;alert(1)#60;/script#62;"');
    expect(mermaidLabel('x|y;z %%{init}%% #35; `md`')).toBe('"x#124;y#59;z #37;#37;#123;init#125;#37;#37; #35;35#59; #96;md#96;"');
    expect(mermaidLabel('two\nlines\t here')).toBe('"two lines here"');
    expect(mermaidLabel('Zürich & co')).toBe('"Z#252;rich #38; co"');
  });
});

describe('toMermaid', () => {
  it('writes generated ids, quoted labels, edge styles and conflict link styles', () => {
    const src = toMermaid(
      [
        { id: 'idp', label: 'Identity "]; click n1 call alert(1)', classes: ['critical'] },
        { id: 'app', label: '<script>x</script>' },
        { id: 'ext', label: 'Other --> program', classes: ['external'] },
      ],
      [
        { from: 'idp', to: 'app', label: 'Security, 9 d late', conflict: true, style: 'thick' },
        { from: 'ext', to: 'app', label: 'Data', style: 'dotted' },
        { from: 'nope', to: 'app' },
      ],
    );
    expect(src).toBe(
      [
        'flowchart LR',
        '  n1["Identity #34;#93;#59; click n1 call alert(1)"]:::critical',
        '  n2["#60;script#62;x#60;/script#62;"]',
        '  n3["Other --#62; program"]:::external',
        '  n1 ==>|"Security, 9 d late"| n2',
        '  n3 -.->|"Data"| n2',
        '  classDef critical stroke-width:3px',
        '  classDef external stroke-dasharray:4 3',
        '  linkStyle 0 stroke:#b00020,stroke-width:2px',
        '',
      ].join('\n'),
    );
    // Nothing of the record text can leave its quotes: every line is a node, an edge or a style.
    for (const line of src.trim().split('\n').slice(1)) {
      expect(line).toMatch(/^ {2}(n\d+\["[^"]*"\](:::\w+)?|n\d+ (-->|==>|-\.->)(\|"[^"]*"\|)? n\d+|classDef \w+ [\w:;-]+( \d+)?|linkStyle [\d,]+ [\w:#,-]+)$/);
    }
    expect(src).not.toMatch(/<|>"|script>/);
  });
});

describe('hasMermaidFence', () => {
  it('finds backtick and tilde fences, case-insensitive, up to 3 spaces of indent', () => {
    expect(hasMermaidFence('Intro\n\n```mermaid\nflowchart LR\n```\n')).toBe(true);
    expect(hasMermaidFence('~~~~ Mermaid\ngraph TD\n~~~~')).toBe(true);
    expect(hasMermaidFence('   ```mermaid')).toBe(true);
  });
  it('ignores other fences, inline mentions and indented code', () => {
    expect(hasMermaidFence('```js\nmermaid()\n```')).toBe(false);
    expect(hasMermaidFence('We use `mermaid` and ```mermaid``` inline')).toBe(false);
    expect(hasMermaidFence('    ```mermaid')).toBe(false);
    expect(hasMermaidFence('```mermaidx\n```')).toBe(false);
    expect(hasMermaidFence('')).toBe(false);
  });
});
