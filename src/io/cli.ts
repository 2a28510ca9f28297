/**
 * What a command-line script reads and writes: its arguments, environment,
 * working folder and output. Each script's `main(io)` takes one, so the same
 * code runs as `node scripts/x.ts` (the process's, below) and in-process in
 * tests (tests/scripts/run.ts `runMain`), where spawning Node for every case
 * would cost a second of CPU each.
 */
export interface CliIo {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The running process's arguments (after the script), environment, folder and streams. */
export function processIo(): CliIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  };
}
