/**
 * Ids come from file names: every file under a collection becomes a record
 * with a valid id or an error naming the file, never another id or nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadPortfolio } from '../../src/core/load.ts';

const record = '---\ntitle: T\nstatus: active\n---\n';
const load = (...paths: string[]) => loadPortfolio([{ path: 'portfolio.yaml', text: 'title: P\n' }, ...paths.map((path) => ({ path, text: record }))], { root: 'content' });

describe('ids from file names', () => {
  it('a backslash is part of the file name, not a folder separator', () => {
    const { input, diagnostics } = load('projects/back\\slash.md', 'projects/x\\..\\..\\evil.md');
    expect(input).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'content/projects/back\\slash.md:1:1  file name "back\\slash.md" is not a valid id: ids are lower-case kebab-case (a-z, 0-9 and -) (did you mean back-slash.md?)',
      expect.stringMatching(/^content\/projects\/x\\\.\.\\\.\.\\evil\.md:1:1  file name "x\\\.\.\\\.\.\\evil\.md" is not a valid id/),
    ]);
  });

  it('nested folders and a root with backslashes (Windows) still work', () => {
    const { input, diagnostics } = loadPortfolio(
      [
        { path: 'portfolio.yaml', text: 'title: P\n' },
        { path: 'projects/sub/crm.md', text: record },
      ],
      { root: 'sites\\north\\' },
    );
    expect(diagnostics).toEqual([]);
    expect(input!.projects.map((p) => [p.id, p.file])).toEqual([['crm', 'projects/sub/crm.md']]);
    expect(load('projects/BAD.md').diagnostics.map((d) => d.file)).toEqual(['content/projects/BAD.md']);
  });
});
