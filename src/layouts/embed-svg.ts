/**
 * The response of an embeddable timeline route: the TimelineEmbed component
 * rendered to one SVG file with Astro's Container API (a route cannot render
 * a component itself), with the site's styles inline and its empty shapes self-closing.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { TimelineEmbed as Embed } from '../page-data/embeds.ts';
import { embedStyles } from '../render/embed-css.ts';
import { selfCloseSvgLeaves } from '../render/svg-leaves.ts';
import TimelineEmbed from '../components/TimelineEmbed.astro';
import siteCss from '../styles/site.css?raw';
import chartCss from '../styles/timeline-chart.css?raw';

let container: Promise<AstroContainer> | undefined;
const css = embedStyles(siteCss, chartCss);

/** `site` is Astro's `site` (SITE_URL): links in the file then point at the published pages. */
export async function embedSvgResponse(embed: Embed, site: URL | undefined): Promise<Response> {
  container ??= AstroContainer.create();
  const origin = site ? site.origin : '';
  const svg = await (await container).renderToString(TimelineEmbed, { props: { view: embed.view, label: embed.label, css, origin } });
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${selfCloseSvgLeaves(svg)}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
}
