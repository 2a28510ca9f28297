/**
 * `npm run demo:history -- DIR` — a git repository of the example portfolio
 * (content/) with a year of monthly reviews behind it, so /history/ and the
 * milestone trend charts have something real to show:
 *
 *     npm run demo:history -- /tmp/northwind-history
 *     ROADMAP_CONTENT=/tmp/northwind-history/content npm run build
 *
 * Twelve commits, on the 10th of each month from December 2025 to November
 * 2026 (commit dates set with GIT_AUTHOR_DATE / GIT_COMMITTER_DATE); the last
 * is the example exactly as it is. On the way: Identity and access slips a
 * little every month; the patient contact centre turns red in the summer;
 * e-prescribing slips, then recovers; the network refresh runs late in
 * February and March, so device segmentation waits on it (a dependency
 * conflict), until it closes in April; the finance upgrade is internal until
 * May (as "Project Larch"); requests join the backlog; the data-centre exit is approved, then starts.
 * DIR must not exist or be empty.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('../content/', import.meta.url));
const MONTHS = 12;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);

/** The front matter field `field` set to `value` (the line replaced, or added after `status:`). */
function setField(text: string, field: string, value: string): string {
  const re = new RegExp(`^${field}: .*$`, 'm');
  return re.test(text) ? text.replace(re, `${field}: ${value}`) : text.replace(/^status: .*$/m, (s) => `${s}\n${field}: ${value}`);
}

/** A milestone's date (flow style `{ name: …, date: … }`). */
function setMilestone(text: string, name: string, date: string): string {
  return text.replace(new RegExp(`(\\{ name: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, date: )[^,}]+`), `$1${date}`);
}

type Edit = (text: string, k: number) => string | undefined;

/** Month k (0 = December 2025 … 11 = November 2026): each record as it stood; undefined = not written yet. */
const EDITS: Record<string, Edit> = {
  // Slips a little at every review from March: 11 days a month, from its baseline to where it is now.
  'identity-and-access.md': (t, k) => {
    const back = (MONTHS - 1 - k) * 11;
    t = setField(t, 'end', later('2026-12-18', addDays('2027-03-19', -back)));
    t = setMilestone(t, 'SSO for all clinical applications', later('2026-12-18', addDays('2027-03-19', -back)));
    t = setMilestone(t, 'NHS login federation live', later('2026-11-13', addDays('2027-02-12', -back)));
    return k < 10 ? t.replace(/(name: Smartcard single sign-on pilot, date: [^,]+, baseline: [^,]+), done: true, evidence: "[^"]*"/, '$1') : t;
  },
  // On its baseline until June, then the cut-over slips past it: red.
  'patient-contact-centre.md': (t, k) => {
    const end = k < 6 ? '2026-07-22' : k < 8 ? '2026-08-28' : k < 10 ? '2026-09-30' : '2026-10-30';
    t = setField(t, 'end', end);
    t = setMilestone(t, "Eastbrook and St Aldhelm's cut-over", end);
    return k < 7 ? t.replace(/(name: Northwind General cut-over, date: [^,]+, baseline: [^,]+), done: true/, '$1') : t;
  },
  // Slips by a quarter in the spring, then recovers most of it in the summer.
  'e-prescribing-rollout.md': (t, k) => {
    if (k >= 3 && k < 8) {
      t = setField(t, 'end', '2027-08-27');
      t = setMilestone(t, 'All sites live', '2027-08-27');
      t = setMilestone(t, 'Northwind General wards live', '2027-04-30');
    }
    return k < 10 ? t.replace(/(name: Pilot ward live, date: [^,]+, baseline: [^,]+), done: true, evidence: "[^"]*"/, '$1') : t;
  },
  // Runs late in February and March (device segmentation, which starts 13 April, waits on it), then closes.
  'network-refresh.md': (t, k) => {
    if (k >= 4) return t;
    t = setField(t, 'status', 'active');
    t = setField(t, 'end', k >= 2 ? '2026-05-29' : '2026-02-27');
    t = setMilestone(t, 'All sites complete', k >= 2 ? '2026-05-29' : '2026-02-27');
    return t.replace(/(name: All sites complete, date: [^,]+, baseline: [^,]+), done: true, evidence: "[^"]*"/, '$1');
  },
  'online-appointment-reminders.md': (t, k) => (k === 0 ? setField(t, 'status', 'active') : t),
  // Internal until May, under its code name and with an earlier end: nothing of that shows in a public build's history.
  'finance-system-upgrade.md': (t, k) => (k < 5 ? setField(setField(setField(t, 'visibility', 'internal'), 'title', 'Finance Ledger Upgrade (Project Larch)'), 'end', '2026-11-27') : t),
  'datacentre-exit.md': (t, k) => (k < 8 ? undefined : k < 10 ? setField(t, 'status', 'approved') : t),
  'ai-clinical-coding.md': (t, k) => (k < 7 ? undefined : t),
  'patient-app-wayfinding.md': (t, k) => (k < 9 ? undefined : t),
};

function git(cwd: string, args: string[], date?: string): void {
  execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Northwind PMO',
      GIT_AUTHOR_EMAIL: 'pmo@northwind-health.example',
      GIT_COMMITTER_NAME: 'Northwind PMO',
      GIT_COMMITTER_EMAIL: 'pmo@northwind-health.example',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

export function makeDemo(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} is not empty: give a new folder`);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const content = path.join(dir, 'content');
  for (let k = 0; k < MONTHS; k += 1) {
    rmSync(content, { recursive: true, force: true });
    cpSync(EXAMPLE, content, { recursive: true });
    for (const [file, edit] of Object.entries(EDITS)) {
      const f = path.join(content, 'projects', file);
      const text = edit(readFileSync(f, 'utf8'), k);
      if (text === undefined) rmSync(f);
      else writeFileSync(f, text);
    }
    const month = new Date(Date.UTC(2025, 11 + k, 10, 9, 30)).toISOString();
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', `Monthly portfolio review, ${month.slice(0, 7)}`], month);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npm run demo:history -- DIR\n');
    process.exit(2);
  }
  try {
    makeDemo(path.resolve(dir));
    process.stdout.write(`✓ ${MONTHS} monthly commits in ${path.resolve(dir)}\n  build it: ROADMAP_CONTENT=${path.join(path.resolve(dir), 'content')} npm run build\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
