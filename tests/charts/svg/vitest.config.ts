import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

// The rendered-SVG tests import .astro components, so they need Astro's Vite
// plugin: a project of their own (the main config compiles TypeScript only).
// No astro.config.mjs (its integrations load the site); the options that
// change markup are the site's: class-scoped styles, no dev-toolbar source
// annotations.
const root = fileURLToPath(new URL('../../..', import.meta.url));

export default getViteConfig(
  { root, test: { include: ['tests/charts/svg/**/*.spec.ts'] } },
  { root, configFile: false, logLevel: 'error', scopedStyleStrategy: 'class', devToolbar: { enabled: false } },
);
