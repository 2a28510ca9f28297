/**
 * Text for HTML element content (never an attribute): only `&` and `<` can
 * start markup there, so quotes and `>` stay as they are. Astro's own escaping
 * also writes `"` as `&quot;` (6 bytes), which Mermaid source repeats on every
 * node and label of every diagram.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
