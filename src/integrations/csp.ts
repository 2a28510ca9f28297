/**
 * The Content-Security-Policy of every page, via Astro's `security.csp`
 * (a `<meta http-equiv="content-security-policy">` with hashes of Astro's own
 * inline scripts and styles). It allows only what the site uses:
 *
 * - scripts: the site's own files (`'self'`: Astro bundles, mermaid loaded
 *   lazily from `_astro/`, Pagefind on the search page) plus the hashes Astro
 *   adds; the search page alone adds `'wasm-unsafe-eval'` for Pagefind's
 *   WebAssembly (`Astro.csp.insertScriptResource` in src/pages/search/).
 * - styles: `'self'` and `'unsafe-inline'`, because MDX code blocks (Shiki), mermaid
 *   diagrams and Pagefind UI set `style` attributes (Astro then emits no style
 *   hashes, by the CSP spec). Styles cannot run code.
 * - images: the site itself and `data:` (SVG icons inside CSS); fetches
 *   (Pagefind's index) and everything else: the site only. No plugins, no
 *   framing of other sites, forms post only to the site (the search box).
 *
 * A meta CSP cannot set `frame-ancestors`; a host that wants it sets the
 * header (see the README).
 *
 * Astro lists every inline script's hash of the whole site on every page;
 * `pageRewrites` (page-rewrites.ts) then cuts each page's list to its own
 * scripts (a read-only page has none), before the site is published.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export const cspConfig: CspConfig = {
  scriptDirective: { resources: ["'self'"] },
  styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
};
