/**
 * Reading a content folder from disk: a link whose real path is outside the
 * folder (file, folder or portfolio.yaml) is refused by name and never read;
 * links inside stay allowed; odd file names become an error, never a
 * different id or nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/pipeline/check.ts';
import { guardStore } from '../../src/io/mdx-records.ts';
import { readContentDir } from '../../src/io/read-content.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SECRET = 'SECRET-OUTSIDE-TEXT-9c1e';
const record = (title: string) => `---\ntitle: ${title}\nstatus: active\n---\n${title} body.\n`;

/** A content folder in `<tmp>/content` and, beside it, files it must never publish in `<tmp>/outside`. */
function fixture(build: (content: string, outside: string) => void): string {
  const top = mkdtempSync(join(tmpdir(), 'roadmap-read-'));
  dirs.push(top);
  const content = join(top, 'content');
  const outside = join(top, 'outside');
  mkdirSync(join(content, 'projects'), { recursive: true });
  mkdirSync(join(outside, 'folder'), { recursive: true });
  writeFileSync(join(content, 'portfolio.yaml'), 'title: T\n');
  writeFileSync(join(content, 'projects', 'ok.md'), record('Ok'));
  writeFileSync(join(outside, 'else.md'), record(SECRET));
  writeFileSync(join(outside, 'folder', 'deep.md'), record(SECRET));
  writeFileSync(join(outside, 'portfolio.yaml'), `title: ${SECRET}\n`);
  build(content, outside);
  return content;
}

const check = async (content: string) => {
  const r = await runCheck(content, { cwd: join(content, '..'), parallel: false });
  return { ...r, lines: r.output.trimEnd().split('\n') };
};

describe('links out of the content folder', () => {
  it('refuses a linked file and a linked folder by name, reads neither, and keeps links inside', async () => {
    const content = fixture((c, o) => {
      symlinkSync(join(o, 'else.md'), join(c, 'projects', 'x.md'));
      symlinkSync(join(o, 'folder'), join(c, 'projects', 'linked'));
      symlinkSync(join(o, 'missing.md'), join(c, 'projects', 'broken.md'));
      mkdirSync(join(c, '_shared'));
      writeFileSync(join(c, '_shared', 'alias.md'), record('Alias'));
      symlinkSync('../_shared/alias.md', join(c, 'projects', 'alias.md')); // inside: allowed
    });
    const r = await check(content);
    expect(r.exitCode).toBe(1);
    expect(r.lines).toEqual([
      `content/projects/broken.md:1:1  links to "${join(content, '..', 'outside', 'missing.md')}", which does not exist: not read`,
      expect.stringMatching(/^content\/projects\/linked:1:1  is a link to ".*\/outside\/folder", outside the content folder: refused, never read or published$/),
      expect.stringMatching(/^content\/projects\/x\.md:1:1  is a link to ".*\/outside\/else\.md", outside the content folder: refused, never read or published$/),
      '3 errors, 0 warnings in 3 files',
    ]);
    const files = await readContentDir(content);
    expect(files.map((f) => [f.path, f.refused !== undefined])).toEqual([
      ['_shared/alias.md', false], // listed, not a record (a `_` folder)
      ['portfolio.yaml', false],
      ['projects/alias.md', false],
      ['projects/broken.md', true],
      ['projects/linked', true],
      ['projects/ok.md', false],
      ['projects/x.md', true],
    ]);
    expect(JSON.stringify(files)).not.toContain(SECRET);
    expect(files.find((f) => f.path === 'projects/alias.md')!.text).toContain('Alias');
  });

  it('refuses a linked portfolio.yaml and a linked collection folder', async () => {
    const content = fixture((c, o) => {
      rmSync(join(c, 'portfolio.yaml'));
      symlinkSync(join(o, 'portfolio.yaml'), join(c, 'portfolio.yaml'));
      symlinkSync(join(o, 'folder'), join(c, 'teams'));
    });
    const r = await check(content);
    expect(r.lines.map((l) => l.replace(/"[^"]*"/, '"…"'))).toEqual([
      'content/portfolio.yaml:1:1  is a link to "…", outside the content folder: refused, never read or published',
      'content/teams:1:1  is a link to "…", outside the content folder: refused, never read or published',
      '2 errors, 0 warnings in 2 files',
    ]);
    expect(r.output).not.toContain(SECRET);
  });

  it('follows a linked collection folder that stays inside', async () => {
    const content = fixture((c) => {
      mkdirSync(join(c, '_teams'));
      writeFileSync(join(c, '_teams', 'core.md'), '---\ntitle: Core\n---\n');
      symlinkSync('_teams', join(c, 'teams'));
    });
    const r = await check(content);
    expect(r.exitCode).toBe(0);
    expect(r.input!.teams.map((t) => t.id)).toEqual(['core']);
  });

  it('keeps a linked .mdx out of the MDX collection store', () => {
    const content = fixture((c, o) => {
      writeFileSync(join(o, 'else.mdx'), record(SECRET));
      symlinkSync(join(o, 'else.mdx'), join(c, 'projects', 'x.mdx'));
      writeFileSync(join(c, 'projects', 'fine.mdx'), record('Fine'));
    });
    const root = join(content, '..');
    const stored: string[] = [];
    const refused: string[] = [];
    const store = guardStore({ set: (e: { id: string; filePath?: string }) => (stored.push(e.id), true), size: 2 }, root, content, (f) => refused.push(f));
    expect(store.set({ id: 'x', filePath: 'content/projects/x.mdx' })).toBe(false);
    expect(store.set({ id: 'fine', filePath: 'content/projects/fine.mdx' })).toBe(true);
    expect(store.size).toBe(2); // everything else passes through
    expect(stored).toEqual(['fine']);
    expect(refused).toEqual(['content/projects/x.mdx']);
  });
});

describe('odd file names', () => {
  it('a backslash is part of the name: an invalid id naming the file, never another id or nothing', async () => {
    const content = fixture((c) => {
      writeFileSync(join(c, 'projects', 'back\\slash.md'), record('Back'));
      writeFileSync(join(c, 'projects', 'x\\..\\..\\evil.md'), record('Evil'));
    });
    const r = await check(content);
    expect(r.lines).toEqual([
      'content/projects/back\\slash.md:1:1  file name "back\\slash.md" is not a valid id: ids are lower-case kebab-case (a-z, 0-9 and -) (did you mean back-slash.md?)',
      expect.stringMatching(/^content\/projects\/x\\\.\.\\\.\.\\evil\.md:1:1  file name "x\\\.\.\\\.\.\\evil\.md" is not a valid id/),
      '2 errors, 0 warnings in 2 files',
    ]);
  });
});
