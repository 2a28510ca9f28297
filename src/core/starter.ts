/**
 * `npm run init -- <dir>`: the files of a new portfolio repository that holds
 * only its content and uses Roadmap through the GitHub Action, by tag. Pure:
 * options in, `{ path, text }` out (scripts/init.ts writes them). The example
 * records link to each other and pass `npm run check`; `content/_templates/`
 * holds `npm run new`'s commented templates (skipped by check: `_`), for a
 * repository that has no Roadmap installed to run `npm run new` with.
 */
import { scaffold, KINDS } from './scaffold.ts';
import { SCHEMA_VERSION } from './version.ts';

export interface StarterOptions {
  /** The action as a workflow names it: `owner/roadmap@v1`. */
  action: string;
  /** Where the JSON Schemas are published, ending in `/`: the action's repository at its tag. */
  schemasUrl: string;
  /** Today, `YYYY-MM-DD`: the records' `updated` and the example dates around it. */
  today: string;
}

export interface StarterFile {
  path: string;
  text: string;
}

/** Third-party actions the starter's workflows use, pinned to a commit as this repository's own workflows are. */
export const STARTER_ACTIONS = {
  checkout: 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
  deployPages: 'actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5',
};

function portfolioYaml(): string {
  return `# The portfolio's settings, read by every check and build. Every field is
# described in the Roadmap README ("The record format"); in VS Code the YAML
# extension completes and checks this file (.vscode/settings.json).
title: Our IT portfolio
organization: Our organisation
schema_version: ${SCHEMA_VERSION}                 # the version of the record format these files are written for (see Roadmap's CHANGELOG)
currency: EUR                     # ISO 4217: EUR, GBP, USD…
fiscal_year_start: 1              # the month the fiscal year starts: 4 = April
review_every_days: 90             # an open project not updated for longer is "stale"
# as_of: 2026-03-31               # a snapshot's day; absent: the day of each build

# How the backlog is ranked: each project scores every criterion on the scale.
scoring:
  method: weighted                # weighted | wsjf | rice
  criteria:
    - { id: value, label: Business value, weight: 3 }
    - { id: urgency, label: Urgency, weight: 2 }
    - { id: risk, label: Delivery risk, weight: 1, invert: true }
  scale: [1, 5]

# Who sees what. The published site is for "public", which by default does not
# see these project fields; an "internal" build (not published) sees all.
# audiences:
#   public:   { hide: [budget, benefits, risks, scores, demand, decisions, changes] }
#   internal: { hide: [] }

# Dates that matter to the whole portfolio, drawn on every timeline.
# markers:
#   - { name: Year-end change freeze, from: 2026-12-14, to: 2027-01-04, kind: freeze }
#   - { name: Investment board, date: 2027-02-10, kind: board }
`;
}

function records(today: string): StarterFile[] {
  const y = Number(today.slice(0, 4));
  return [
    {
      path: 'content/goals/better-digital-services.md',
      text: `---
# A strategic goal: programs and projects name it in their goals: field.
title: Better digital services
owner: Chief Digital Officer
horizon: ${y + 2}-Q4              # by when
key_results:
  - { metric: Requests handled online, unit: "%", baseline: 30, target: 60, actual: 35 }
---
Why this goal matters, in Markdown: it is shown on the goal's page.
`,
    },
    {
      path: 'content/programs/service-modernisation.md',
      text: `---
# A program groups projects; each project names it in its program: field.
title: Service modernisation
owner: Head of IT
goals: [better-digital-services]
---
What the program is for, in Markdown.
`,
    },
    {
      path: 'content/teams/service-desk.md',
      text: `---
# A team, or a role (kind: role) such as security reviewers. Projects ask for
# its people in demand:, and the site compares that with its capacity.
title: Service desk
kind: team
capacity:
  - { from: ${y}-Q1, fte: 4 }     # full-time people from that quarter on
---
What the team does, in Markdown.
`,
    },
    {
      path: 'content/projects/new-service-desk-tool.md',
      text: `---
# A project. Only title and status are required; content/_templates/project.md
# lists every other field with what it means.
title: New service desk tool
status: active                    # proposed | approved | active | on-hold | done | cancelled
summary: Replace the ticketing system whose support ends next year.
program: service-modernisation
goals: [better-digital-services]
teams: [service-desk]
owners: { business: Head of Service, technical: IT Operations Lead }
updated: ${today}                 # when its owner last reviewed it
start: ${y}-01
end: ${y + 1}-Q3                  # the current forecast
baseline_end: ${y + 1}-Q3         # the approved end: a later end is a slip
progress: 20                      # percent complete
milestones:
  - { name: Supplier chosen, date: ${y + 1}-03-31 }
  - { name: Go-live, date: ${y + 1}-09-15 }
demand:
  - { team: service-desk, fte: 1.5, from: ${y}-Q1, to: ${y + 1}-Q3 }
scores: { value: 4, urgency: 5, risk: 2 }
---
Background, business case and notes in Markdown: shown on the project's page.
`,
    },
  ];
}

function checkWorkflow(action: string): string {
  return `# Pull requests: check every record, and comment what the change does to the
# portfolio (new dependency conflicts, projects at risk, capacity, health…).
# A broken record fails the pull request, never the published site.
name: Check

on:
  pull_request:

permissions:
  contents: read
  pull-requests: write # the comment (a pull request from a fork gets the report in the job summary only)

concurrency:
  group: check-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: ${STARTER_ACTIONS.checkout}
        with:
          fetch-depth: 2 # the pull request merged into its base, and the base
          persist-credentials: false
      - uses: ${action}
        with:
          mode: compare
`;
}

function publishWorkflow(action: string): string {
  return `# Pushes to main: build the site and publish it on GitHub Pages.
# Once: Settings → Pages → Build and deployment → Source: "GitHub Actions".
name: Publish

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      pages: read # the Pages address and base path
    steps:
      - uses: ${STARTER_ACTIONS.checkout}
        with:
          fetch-depth: 0 # full history: "What changed" and /history/ are built from it
          persist-credentials: false
      - uses: ${action}
        with:
          mode: build
  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${STARTER_ACTIONS.deployPages}
`;
}

function vscodeSettings(schemasUrl: string): string {
  const schemas: Record<string, string[]> = { [`${schemasUrl}portfolio.schema.json`]: ['content/portfolio.yaml'] };
  return `${JSON.stringify({ 'yaml.schemas': schemas, 'yaml.yamlVersion': '1.2' }, null, 2)}\n`;
}

function readme(action: string): string {
  const [repo, tag] = action.split('@');
  return `# Our IT portfolio

This repository holds our portfolio as Markdown files in \`content/\`, and
publishes it as a roadmap site with [Roadmap](https://github.com/${repo})
(\`${action}\` in \`.github/workflows/\`).

## Once

1. On GitHub: Settings → Pages → Build and deployment → Source: **GitHub Actions**.
2. Push this repository's \`main\`: the Publish workflow builds the site and
   prints its address (Actions → Publish → deploy).
3. Settings → Branches: protect \`main\` and require the **Check** workflow, so
   a pull request with a broken record cannot be merged.

## Every change

1. **Edit** a record in \`content/\` (on GitHub: open the file, the pencil), or
   add one by copying a template from \`content/_templates/\` into
   \`content/projects/\` (or programs/, goals/, teams/): the file name is its id.
2. **Open a pull request** (GitHub offers one when you commit to a new branch).
3. **Read the comment**: the Check workflow lists every problem in the records
   (file, line, what is wrong) and what the change does to the portfolio —
   new dependency conflicts, projects newly at risk, team capacity, health.
4. **Merge** when it is right.
5. **See the site**: a minute or two later the Publish workflow has updated it.

\`content/portfolio.yaml\` holds the settings (currency, fiscal year, scoring,
who sees what); every field is described in Roadmap's README, "The record
format". In VS Code, install the YAML extension (Red Hat): it completes and
checks \`portfolio.yaml\`.

## Upgrading

Both workflows use Roadmap as \`${action}\`: every \`${tag}.x\` release comes by
itself. A new major version (\`@v2\`) is announced in Roadmap's CHANGELOG with
what changed; change \`@${tag}\` to \`@v2\` in both files in a pull request, and
its check shows whether the records pass the new version. If the record
format changed, the CHANGELOG says so: from a checkout of the new Roadmap,
\`npm run migrate -- --content <this repository>/content --write\` rewrites the
records (without \`--write\` it only lists what would change); commit them in
the same pull request.
`;
}

/** Every file of a new portfolio repository. */
export function starterFiles(o: StarterOptions): StarterFile[] {
  const templates = KINDS.map((kind) => ({
    path: `content/_templates/${kind}.md`,
    text: scaffold(kind, { title: `New ${kind}`, today: o.today, scoreKeys: kind === 'project' ? ['value', 'urgency', 'risk'] : undefined }),
  }));
  return [
    { path: 'README.md', text: readme(o.action) },
    { path: '.github/workflows/check.yml', text: checkWorkflow(o.action) },
    { path: '.github/workflows/publish.yml', text: publishWorkflow(o.action) },
    { path: '.vscode/settings.json', text: vscodeSettings(o.schemasUrl) },
    { path: '.vscode/extensions.json', text: `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n` },
    { path: 'content/portfolio.yaml', text: portfolioYaml() },
    ...records(o.today),
    ...templates,
  ];
}
