import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageScriptHashes } from '../../src/render/csp-hashes.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const A = 'console.log(1)';
const B = 'import("/x.js")';
const policy = `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${sha(A)} ${sha(B)}`;
const page = (body: string) => `<html><head><meta http-equiv="content-security-policy" content="${policy}"><script type="module" src="/a.js"></script></head><body>${body}</body></html>`;
const scriptSrc = (html: string) => /content="[^"]*script-src ([^"]*)"/.exec(html)![1];

describe('per-page script hashes in the CSP meta', () => {
  it('keeps no hash on a page with no inline script, and every other part of the policy', () => {
    const out = pageScriptHashes(page('<p>read only</p>'));
    expect(scriptSrc(out)).toBe("'self' 'wasm-unsafe-eval'");
    expect(out).toContain(`content="default-src 'self';object-src 'none'; script-src`);
    expect(out).toContain('<script type="module" src="/a.js"></script>');
  });

  it("keeps the hashes of the page's own inline scripts", () => {
    expect(scriptSrc(pageScriptHashes(page(`<script type="module">${B}</script>`)))).toBe(`'self' 'wasm-unsafe-eval' ${sha(B)}`);
    expect(scriptSrc(pageScriptHashes(page(`<script>${A}</script><script>${B}</script>`)))).toBe(`'self' 'wasm-unsafe-eval' ${sha(A)} ${sha(B)}`);
  });

  it('leaves a page without a policy as it is', () => {
    const html = '<html><body><script>x()</script></body></html>';
    expect(pageScriptHashes(html)).toBe(html);
  });
});
