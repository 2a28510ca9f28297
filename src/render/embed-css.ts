/**
 * The stylesheet of a standalone timeline SVG: the site's colour variables
 * (light, and dark under `prefers-color-scheme`), its font stack and the
 * chart's own rules, taken from the site's stylesheets so the file draws
 * exactly as the page does. Pure: CSS text in, CSS text out.
 */

/** The declarations of the first `:root { … }` block after `from` in `css`. */
function rootBlock(css: string, from = 0): string {
  const start = css.indexOf(':root', from);
  if (start < 0) throw new Error('no :root block in the site stylesheet');
  const open = css.indexOf('{', start);
  const close = css.indexOf('}', open);
  return css.slice(open + 1, close);
}

/** Custom properties and the font stack of a `:root` block, as one declaration list. */
function declarations(block: string, keep: (name: string) => boolean): string {
  return block
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((d) => d.trim())
    .filter((d) => keep(d.slice(0, d.indexOf(':')).trim()))
    .join(';');
}

const minify = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '').replace(/\s{2,}/g, ' ');

export function embedStyles(siteCss: string, chartCss: string): string {
  // Only the variables the chart's rules use (the site has more: heatmap, scorecard…).
  const used = new Set([...chartCss.matchAll(/var\((--[\w-]+)\)/g)].map((m) => m[1]));
  const light = declarations(rootBlock(siteCss), (n) => used.has(n) || n === 'font-family');
  const darkAt = siteCss.search(/@media[^{]*prefers-color-scheme:\s*dark/);
  const dark = darkAt >= 0 ? declarations(rootBlock(siteCss, darkAt), (n) => used.has(n)) : '';
  return [
    `svg.timeline{${light};background:var(--bg)}`,
    dark ? `@media (prefers-color-scheme:dark){svg.timeline{${dark}}}` : '',
    minify(chartCss),
  ].join('');
}
