import { describe, expect, it } from 'vitest';
import { EMBED_MAX_PROJECTS, embedIds, embedSnippet, recordEmbed, roadmapEmbed } from '../../src/page-data/embeds.ts';
import { programPage, teamPage } from '../../src/page-data/records.ts';
import { roadmapPage } from '../../src/page-data/roadmap.ts';
import { buildModel } from '../../src/core/build-model.ts';
import { buildScorecards } from '../../src/core/scorecard.ts';
import { portfolio, project, settings, team } from '../core/fixtures.ts';
import { northwindMini } from '../charts/fixtures.ts';

describe('embeddable timelines', () => {
  const model = northwindMini();

  it('the roadmap file draws the chart /roadmap/ opens with, and only that page offers it', () => {
    const embed = roadmapEmbed(model);
    expect(embed.path).toBe('/roadmap/timeline.svg');
    expect(embed.label).toBe('Test portfolio: roadmap by program');
    expect(embed.view).toEqual(roadmapPage(model, 'program').view);
    expect(roadmapPage(model, 'program').embed?.path).toBe('/roadmap/timeline.svg');
    expect(roadmapPage(model, 'goal').embed).toBeUndefined();
    expect(roadmapPage(model, 'program', 'whole').embed).toBeUndefined();
  });

  it("a program's file draws its page's timeline; a record without dated projects has none", () => {
    expect(embedIds(model, 'programs').toSorted()).toEqual(['cyber', 'dfd']);
    const embed = recordEmbed(model, 'programs', 'dfd')!;
    expect(embed).toMatchObject({ path: '/programs/dfd/timeline.svg', label: 'Timeline of the program Digital Front Door' });
    expect(embed.view).toEqual(programPage(model, buildScorecards(model), 'dfd').timeline);
    expect(programPage(model, buildScorecards(model), 'dfd').embed?.path).toBe(embed.path);
    expect(recordEmbed(model, 'programs', 'nope')).toBeUndefined();
  });

  it(`stops at ${EMBED_MAX_PROJECTS} projects: a taller chart is no image for a README`, () => {
    const many = (n: number, t: string) => Array.from({ length: n }, (_, i) => project(`${t}-${i}`, { teams: [t], start: '2026-01-05', end: '2026-06-30' }));
    const big = buildModel(
      portfolio({ settings: settings(), teams: [team('small'), team('big')], projects: [...many(EMBED_MAX_PROJECTS, 'small'), ...many(EMBED_MAX_PROJECTS + 1, 'big')] }),
      { audience: 'internal', asOf: '2026-03-01' },
    );
    expect(embedIds(big, 'teams')).toEqual(['small']);
    expect(recordEmbed(big, 'teams', 'big')).toBeUndefined();
    expect(teamPage(big, 'big').embed).toBeUndefined();
    expect(teamPage(big, 'small').embed?.path).toBe('/teams/small/timeline.svg');
  });

  it('the snippet: absolute with the site URL, a path without; alt text that cannot break out', () => {
    const e = { path: '/programs/x/timeline.svg', label: 'Timeline of the program "Big" [2027]', width: 1100 };
    const abs = embedSnippet(e, 'https://pmo.example.org/roadmap/');
    expect(abs).toEqual({
      url: 'https://pmo.example.org/roadmap/programs/x/timeline.svg',
      absolute: true,
      markdown: "![Timeline of the program 'Big' 2027](https://pmo.example.org/roadmap/programs/x/timeline.svg)",
      html: `<img src="https://pmo.example.org/roadmap/programs/x/timeline.svg" alt="Timeline of the program 'Big' 2027" width="1100">`,
    });
    expect(embedSnippet(e, '/').url).toBe('/programs/x/timeline.svg');
    expect(embedSnippet(e, '/').absolute).toBe(false);
  });
});
