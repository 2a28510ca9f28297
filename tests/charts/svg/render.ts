/**
 * Renders a chart component with Astro's Container API and returns its chart
 * <svg> pretty-printed: one element per line, indented, so snapshot diffs
 * point at the mark that moved.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

type Component = Parameters<AstroContainer['renderToString']>[0];

let container: Promise<AstroContainer> | undefined;

/**
 * The first <svg> the component renders (the chart; legends and tables follow
 * it), pretty-printed; `nth` picks a later one (the timeline's plot is its
 * second, after the names).
 */
export async function renderSvg(component: Component, props: Record<string, unknown>, nth = 0): Promise<string> {
  container ??= AstroContainer.create();
  const html = await (await container).renderToString(component, { props });
  let start = html.indexOf('<svg');
  for (let i = 0; i < nth && start >= 0; i += 1) start = html.indexOf('<svg', html.indexOf('</svg>', start));
  const end = html.indexOf('</svg>', start);
  if (start < 0 || end < 0) throw new Error('the component rendered no <svg>');
  return prettySvg(html.slice(start, end + '</svg>'.length));
}

// Tags (quoted attribute values may hold `>`), comments, or text.
const TOKEN = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g;

/**
 * One element per line, two spaces per level; an element holding only text
 * stays on one line. Scoped-style class tokens (`astro-…`, a hash of the
 * component) are dropped: they say nothing about the chart. The root gets the
 * SVG namespace so the file opens as an image.
 */
export function prettySvg(svg: string): string {
  const tokens = (svg.match(TOKEN) ?? [])
    .map((t) => (t.startsWith('<') ? t.replace(/ class="([^"]*)"/, (_, c: string) => {
      const kept = c.split(' ').filter((x) => x && !/^astro-[a-z0-9]+$/.test(x)).join(' ');
      return kept ? ` class="${kept}"` : '';
    }) : t))
    .filter((t) => t.startsWith('<') || t.trim() !== '');
  tokens[0] = tokens[0].replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  const lines: string[] = [];
  let depth = 0;
  const pad = () => '  '.repeat(depth);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startsWith('</')) {
      depth -= 1;
      lines.push(pad() + t);
    } else if (t.startsWith('<!') || t.endsWith('/>')) {
      lines.push(pad() + t);
    } else if (t.startsWith('<')) {
      const next = tokens[i + 1] ?? '';
      if (next.startsWith('</')) {
        lines.push(pad() + t + next);
        i += 1;
      } else if (!next.startsWith('<') && (tokens[i + 2] ?? '').startsWith('</')) {
        lines.push(pad() + t + next.trim() + tokens[i + 2]);
        i += 2;
      } else {
        lines.push(pad() + t);
        depth += 1;
      }
    } else {
      lines.push(pad() + t.trim());
    }
  }
  return `${lines.join('\n')}\n`;
}
