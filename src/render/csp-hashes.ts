/**
 * Per-page script hashes in the Content-Security-Policy <meta>: Astro lists
 * the hash of every inline script of the whole site on every page (about
 * 600 bytes; 1.3 MB over a 2,000-project site), though read-only pages have
 * none. This keeps, on each page, only the hashes of the inline scripts that
 * page holds; every other part of the policy stays as written.
 */
import { createHash } from 'node:crypto';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(">)/i;
// Inline scripts only (no src): Astro hashes their text as written in the page.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The page with its policy's `script-src` hashes cut to those of its own inline scripts; unchanged when it has no policy. */
export function pageScriptHashes(html: string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const present = new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`));
  const policy = decode(meta[2]!)
    .split(';')
    .map((d) => (/^\s*script-src\s/.test(d) ? d.split(/\s+/).filter((t) => !t.startsWith("'sha256-") || present.has(t)).join(' ') : d))
    .join(';');
  return html.slice(0, meta.index) + meta[1] + encode(policy) + meta[3] + html.slice(meta.index + meta[0].length);
}
