import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('TypeScript', () => {
  it('typechecks the whole project (tsc --noEmit, strict)', () => {
    let output = '';
    try {
      execFileSync('node_modules/.bin/tsc', ['--noEmit', '-p', '.'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
  }, 180_000);
});
