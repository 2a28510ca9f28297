/**
 * Mermaid for the browser as its package ships it, prebuilt (`dist/mermaid.esm.min.mjs` and its chunks), copied
 * into the site rather than bundled by Vite, which was the slowest step of a build with a diagram.
 * src/components/MermaidLoader.astro imports it at run time from `mermaidModule(base)`; the dev server serves the
 * same files (src/integrations/roadmap.ts).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE_JSON = require.resolve('mermaid/package.json');
const DIST = join(dirname(PACKAGE_JSON), 'dist');
const VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';

/** The site folder holding mermaid, versioned so that a cached copy is never a stale one. */
export const MERMAID_FOLDER = `_astro/mermaid-${VERSION}/`;

/** The URL path of mermaid's module on a site whose base path is `base` ('/' or '/roadmap', with or without '/'). */
export function mermaidModule(base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${MERMAID_FOLDER}${ENTRY}`;
}

let files: string[] | undefined;

/** The files the site needs, relative to the package's dist/: the entry and its chunks (no source maps). */
export function mermaidFiles(): string[] {
  files ??= [ENTRY, ...readdirSync(join(DIST, CHUNKS)).filter((file) => file.endsWith('.mjs')).map((file) => `${CHUNKS}/${file}`)];
  return files;
}

/** Copies mermaid's files into the site folder `outDir`, under MERMAID_FOLDER. */
export function copyMermaid(outDir: string): void {
  for (const file of mermaidFiles()) {
    const to = join(outDir, MERMAID_FOLDER, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(DIST, file), to);
  }
}

/** The package file for a path inside MERMAID_FOLDER (`chunks/…/x.mjs`), or undefined when it is not one of mermaidFiles(). */
export function mermaidFile(path: string): string | undefined {
  return mermaidFiles().includes(path) ? join(DIST, path) : undefined;
}
