/**
 * Empty SVG shapes written self-closing: `<path d="…"></path>` becomes
 * `<path d="…"/>`, the same element to an HTML parser (SVG inside HTML is
 * foreign content, where `/>` closes the element) and to an XML one. Astro
 * writes every element with its end tag; the 2,000-project site has about
 * 150,000 such shapes. Inline scripts are left as they are (their text is
 * hashed for the CSP).
 */
// Only shapes that never hold text, and only when the tag ends in a quoted value (never `x=1/>`).
const EMPTY_SHAPE = /<(path|rect|line|circle|ellipse|polyline|polygon|use|stop)(\s[^<>]*")><\/\1>/g;
const SCRIPT = /(<script\b[\s\S]*?<\/script>)/i;

/** The markup with every empty SVG shape outside `<script>` self-closing. */
export function selfCloseSvgLeaves(markup: string): string {
  return markup
    .split(SCRIPT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(EMPTY_SHAPE, '<$1$2/>')))
    .join('');
}
