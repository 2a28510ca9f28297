import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../scripts/build.ts';
import { nodeOutOfMemoryMessage } from '../../src/io/memory-guard.ts';
import { NODE } from './run.ts';

const MB = 1024 * 1024;
const facts = { stderrTail: '', code: 0, signal: null, heapLimit: 2048 * MB, available: 24_000 * MB, outDir: 'dist' } as const;

describe('nodeOutOfMemoryMessage', () => {
  it('explains a V8 heap abort and says what to do', () => {
    const m = nodeOutOfMemoryMessage({ ...facts, code: 134, stderrTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' })!;
    expect(m).toContain('Out of memory: Node stopped the build');
    expect(m).toContain('NODE_OPTIONS=--max-old-space-size=4096 npm run build');
    expect(m).toContain('The partial build was discarded: dist still holds the previous site.');
  });

  it('suggests a bigger machine when doubling the heap would not fit this one', () => {
    const m = nodeOutOfMemoryMessage({ ...facts, signal: 'SIGABRT', available: 3000 * MB, stderrTail: 'Ineffective mark-compacts near heap limit' })!;
    expect(m).toContain('build on a machine with more memory (this one has 3,000 MB available)');
    expect(m).not.toContain('NODE_OPTIONS');
  });

  it('says nothing for other failures', () => {
    expect(nodeOutOfMemoryMessage({ ...facts, code: 1, stderrTail: 'JavaScript heap out of memory' })).toBeUndefined();
    expect(nodeOutOfMemoryMessage({ ...facts, code: 134, stderrTail: 'Assertion failed' })).toBeUndefined();
    expect(nodeOutOfMemoryMessage({ ...facts, code: 0 })).toBeUndefined();
  });
});

describe('npm run build (scripts/build.ts)', () => {
  afterEach(() => vi.restoreAllMocks());

  function captureStderr(): () => string {
    let text = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
    return () => text;
  }

  it('turns a real V8 out-of-memory abort into the message, keeping a failing exit code', async () => {
    const stderr = captureStderr();
    const code = await runBuild([NODE, '--max-old-space-size=16', '-e', 'const a = []; for (;;) a.push(new Array(1e5).fill(a.length));'], 'out');
    expect(code).not.toBe(0);
    expect(stderr()).toMatch(/heap out of memory/);
    expect(stderr()).toContain('[roadmap] Out of memory: Node stopped the build');
    expect(stderr()).toContain('out still holds the previous site');
  });

  it('passes a successful build through with its exit code and no message', async () => {
    const stderr = captureStderr();
    expect(await runBuild([NODE, '-e', 'process.stderr.write("warning only\\n")'])).toBe(0);
    expect(stderr()).toBe('warning only\n');
  });
});
