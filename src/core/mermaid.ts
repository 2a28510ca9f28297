/**
 * Mermaid: generated dependency graphs as Mermaid source ("copy as Mermaid"),
 * and detection of ```mermaid fences in record bodies (the only pages that
 * load the mermaid script).
 *
 * Record text never reaches the Mermaid source raw: node ids are generated
 * tokens (`n1`, `n2`, … in the order given), and every label is quoted with
 * every character outside a small safe set written as a Mermaid entity code
 * (`#34;` for `"`, `#60;` for `<`, …), so `"]`, `-->`, `|`, `;`, `%%`, `<script>`
 * or a newline in a title cannot end the label, add an edge or a directive,
 * or become markup.
 */

export interface MermaidNode {
  /** Record id (used only to look up edges; never written out). */
  id: string;
  label: string;
  /** Class names from MERMAID_CLASSES. */
  classes?: readonly ('critical' | 'external')[];
}

export interface MermaidEdge {
  /** Upstream (drawn first: upstream --> dependent). */
  from: string;
  to: string;
  label?: string;
  /** Dotted for start-to-start/finish-to-finish; thick for critical. */
  style?: 'solid' | 'dotted' | 'thick';
  conflict?: boolean;
}

/** Characters written as they are inside a quoted label; everything else becomes `#<code>;`. */
const SAFE = /[A-Za-z0-9 ,.'()/_+:?!*=-]/;

/** A quoted Mermaid label with every unsafe character as an entity code. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return `"${out}"`;
}

/** flowchart LR source: nodes in the order given, then edges; conflicts in red, critical thick. */
export function toMermaid(nodes: readonly MermaidNode[], edges: readonly MermaidEdge[]): string {
  const token = new Map(nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const cls = n.classes && n.classes.length > 0 ? `:::${n.classes[0]}` : '';
    lines.push(`  ${token.get(n.id)}[${mermaidLabel(n.label)}]${cls}`);
  }
  const conflictLinks: number[] = [];
  let k = 0;
  for (const e of edges) {
    const a = token.get(e.from);
    const b = token.get(e.to);
    if (!a || !b) continue;
    const arrow = e.style === 'dotted' ? '-.->' : e.style === 'thick' ? '==>' : '-->';
    lines.push(`  ${a} ${arrow}${e.label ? `|${mermaidLabel(e.label)}|` : ''} ${b}`);
    if (e.conflict) conflictLinks.push(k);
    k++;
  }
  if (nodes.some((n) => n.classes?.includes('critical'))) lines.push('  classDef critical stroke-width:3px');
  if (nodes.some((n) => n.classes?.includes('external'))) lines.push('  classDef external stroke-dasharray:4 3');
  if (conflictLinks.length > 0) lines.push(`  linkStyle ${conflictLinks.join(',')} stroke:#b00020,stroke-width:2px`);
  return lines.join('\n') + '\n';
}

/**
 * Mermaid config keys a diagram may not set, through `%%{init: …}%%` or a
 * `config:` header (Mermaid's `secure` list; it guards top-level keys only, so
 * `flowchart` and `class` go whole: their `htmlLabels` would re-enable HTML).
 * Mermaid's own defaults first, then every key that turns HTML labels on,
 * loosens sanitizing (`dompurifyConfig`, `securityLevel`) or injects CSS.
 */
export const MERMAID_SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'htmlLabels',
  'flowchart',
  'class',
  'dompurifyConfig',
  'markdownAutoWrap',
  'legacyMathML',
  'forceLegacyMathML',
  'themeCSS',
  'fontFamily',
  'altFontFamily',
  'arrowMarkerAbsolute',
] as const;

/**
 * Whether a Markdown body has a ```mermaid (or ~~~mermaid) fenced block: an
 * opening fence at the start of a line, up to 3 spaces of indent, info
 * string starting with `mermaid`.
 */
export function hasMermaidFence(body: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*mermaid\b/im.test(body);
}
