import { describe, expect, it } from 'vitest';
import { sitemapPaths, sitemapXml } from '../../src/core/sitemap.ts';
import { checkXml } from '../support/xml.ts';

describe('sitemap', () => {
  it('keeps HTML pages, drops 404 and files', () => {
    expect(sitemapPaths(['', 'projects/a/', '404/', '404', 'portfolio.json', '/teams/t/'])).toEqual(['', 'projects/a/', 'teams/t/']);
  });

  it('writes sorted absolute URLs under the site root, well-formed', () => {
    const xml = sitemapXml('https://x.example/roadmap/', ['projects/b/', '', 'projects/a/', 'projects/a/']);
    const { problems, root } = checkXml(xml);
    expect(problems).toEqual([]);
    expect(root!.children.map((u) => u.children[0]!.text)).toEqual([
      'https://x.example/roadmap/',
      'https://x.example/roadmap/projects/a/',
      'https://x.example/roadmap/projects/b/',
    ]);
  });
});
