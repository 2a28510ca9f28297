import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedStyles } from '../../src/render/embed-css.ts';

const site = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
const chart = readFileSync(new URL('../../src/styles/timeline-chart.css', import.meta.url), 'utf8');
const css = embedStyles(site, chart);

describe('the standalone timeline stylesheet', () => {
  it('carries the light colours, then the dark ones under prefers-color-scheme, for the variables the chart uses', () => {
    const [light, dark] = css.split('@media (prefers-color-scheme:dark)');
    expect(light).toContain('--red: #b42318');
    expect(light).toContain('font-family: system-ui');
    expect(dark).toContain('--red: #ff6b61');
    expect(dark).not.toContain('#b42318');
    expect(css).not.toContain('--heat-'); // the heatmap's colours are not the chart's
  });

  it('holds every rule of the chart and nothing that reaches outside the file', () => {
    expect(css).toContain('.timeline .bar-red{'.replace('{', ' {'));
    expect(css).toContain('.timeline .dep-conflict');
    expect(css).not.toMatch(/url\(|@import|\/\*/);
  });
});
