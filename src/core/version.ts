/**
 * The version of the record contract: the format of `content/` (records and
 * portfolio.yaml) and of `/portfolio.json` (its `schemaVersion`). It goes up
 * only for a breaking change (a key removed, renamed or changing meaning), and
 * that release ships a migration (src/core/migrate.ts, `npm run migrate`).
 * A content folder may declare the version it is written for in
 * portfolio.yaml (`schema_version`, default this one).
 */
export const SCHEMA_VERSION = 1;

/**
 * The GitHub Action's major tag for this release (`uses: OWNER/roadmap@v1`):
 * it moves with every compatible release, and `npm run init` writes it into
 * the starter's workflows. A release that needs a change in a portfolio
 * repository (a migration, a new input) is the next major tag.
 */
export const RELEASE_TAG = 'v1';
