import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_PART_CHARS } from '../../src/core/search-index.ts';
import { DEFAULT_CHECK_CACHE, DEFAULT_HISTORY_CACHE, loadSettings, SettingsError } from '../../src/pipeline/settings.ts';

const CWD = '/work/site';

function problems(env: Record<string, string>): string[] {
  try {
    loadSettings(env, CWD);
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    return (e as SettingsError).problems;
  }
  throw new Error('expected the settings to be refused');
}

describe('loadSettings: the one reader of the environment', () => {
  it('has safe defaults', () => {
    expect(loadSettings({}, CWD)).toEqual({
      contentDir: path.join(CWD, 'content'),
      cwd: CWD,
      audience: 'public',
      audienceDefaulted: true,
      asOf: undefined,
      strict: false,
      basePath: '/',
      siteUrl: undefined,
      checkCache: DEFAULT_CHECK_CACHE,
      historyCache: DEFAULT_HISTORY_CACHE,
      searchPartChars: SEARCH_PART_CHARS,
    });
  });

  it('reads every variable, trimmed; blank counts as unset', () => {
    const s = loadSettings(
      {
        ROADMAP_CONTENT: ' other ',
        ROADMAP_AUDIENCE: 'internal',
        ROADMAP_AS_OF: '2026-03-31',
        ROADMAP_STRICT: '1',
        BASE_PATH: '/roadmap',
        SITE_URL: 'https://pmo.example.org/roadmap',
        ROADMAP_CHECK_CACHE: 'off',
        ROADMAP_HISTORY_CACHE: 'off',
        ROADMAP_SEARCH_PART_CHARS: '4_000_000',
      },
      CWD,
    );
    expect(s).toMatchObject({ contentDir: path.join(CWD, 'other'), audience: 'internal', audienceDefaulted: false, asOf: '2026-03-31', strict: true, basePath: '/roadmap', siteUrl: 'https://pmo.example.org/roadmap', checkCache: undefined, historyCache: undefined, searchPartChars: 4_000_000 });
    expect(loadSettings({ ROADMAP_AUDIENCE: '  ', SITE_URL: '', BASE_PATH: ' ' }, CWD)).toMatchObject({ audience: 'public', audienceDefaulted: true, siteUrl: undefined, basePath: '/' });
    expect(loadSettings({ ROADMAP_CHECK_CACHE: 'cache' }, CWD).checkCache).toBe(path.join(CWD, 'cache'));
    expect(loadSettings({ ROADMAP_HISTORY_CACHE: 'history' }, CWD).historyCache).toBe(path.join(CWD, 'history'));
  });

  it('refuses a BASE_PATH a browser would misread: //, ?, #, a scheme, whitespace', () => {
    for (const bad of ['/a?b#c', '//evil.example', 'roadmap', '/a#b', '/a b', 'https://x.org/a', '/javascript:alert(1)', '/a\\b']) {
      const p = problems({ BASE_PATH: bad });
      expect(p, bad).toHaveLength(1);
      expect(p[0], bad).toMatch(/^BASE_PATH=".*": must /);
    }
  });

  it('refuses a SITE_URL that is not an absolute http(s) URL without query or fragment', () => {
    for (const bad of ['example.org', 'ftp://x.org', 'javascript:alert(1)', 'https://x.org/a?b', 'https://x.org/#a', 'https://x.org/a b', 'https://']) {
      expect(problems({ SITE_URL: bad }), bad).toHaveLength(1);
    }
  });

  it('refuses a bad ROADMAP_AS_OF and ROADMAP_SEARCH_PART_CHARS, naming the variable and the value', () => {
    expect(problems({ ROADMAP_AS_OF: '2026-02-30' })[0]).toMatch(/^ROADMAP_AS_OF="2026-02-30": /);
    expect(problems({ ROADMAP_AS_OF: 'tomorrow' })[0]).toBe('ROADMAP_AS_OF="tomorrow": expected a day: YYYY-MM-DD');
    for (const bad of ['abc', '12.5', '999', '-5000', '1e3x']) {
      expect(problems({ ROADMAP_SEARCH_PART_CHARS: bad }), bad).toEqual([`ROADMAP_SEARCH_PART_CHARS="${bad}": must be a whole number of characters, 1000 or more (default ${SEARCH_PART_CHARS})`]);
    }
  });

  it('lists every bad variable at once', () => {
    expect(problems({ BASE_PATH: '//x', SITE_URL: 'nope', ROADMAP_SEARCH_PART_CHARS: '1' })).toHaveLength(3);
  });
});
