/**
 * Just enough HTML tokenizing for build tests: the start tags of a page with
 * their attributes (quoted values respected, entities decoded), skipping
 * comments and the text of raw-text elements. Text such as
 * `&lt;img onerror=…&gt;` is text, not a tag, and is not reported: these
 * helpers find what a browser would treat as markup.
 */

export interface Tag {
  /** Lower-case tag name. */
  name: string;
  /** Attributes in order; names lower-case, values entity-decoded. */
  attrs: [string, string][];
  /** Offset of `<` in the page. */
  index: number;
  /** Offset just after the tag's `>`. */
  end: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'noscript', 'plaintext']);

// Sticky patterns matched at an offset (`lastIndex`): slicing the rest of the page for each match made a parse
// quadratic in the page's length (2.7 s for the example's 79 pages).
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTR_NAME = /[^\s"'>/=]+/y;
const UNQUOTED = /[^\s>]*/y;

/** `pattern` matched at `at` in `text`, at most `max` characters long (the slice the match was taken from), or undefined. */
function matchAt(pattern: RegExp, text: string, at: number, max = Infinity): string | undefined {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m ? m[0].slice(0, max) : undefined;
}

export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const n = html.length;
  let lower: string | undefined;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const tagName = matchAt(TAG_NAME, html, lt + 1, 199);
    if (!tagName) {
      i = lt + 1;
      continue;
    }
    const name = tagName.toLowerCase();
    let j = lt + 1 + tagName.length;
    const attrs: [string, string][] = [];
    for (;;) {
      while (j < n && /[\s/]/.test(html[j]!)) j++;
      if (j >= n || html[j] === '>') break;
      const attrName = matchAt(ATTR_NAME, html, j, 200);
      if (!attrName) {
        j++;
        continue;
      }
      j += attrName.length;
      while (j < n && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          value = matchAt(UNQUOTED, html, j)!;
          j += value.length;
        }
      }
      attrs.push([attrName.toLowerCase(), decodeEntities(value)]);
    }
    tags.push({ name, attrs, index: lt, end: Math.min(j + 1, n) });
    i = j + 1;
    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? n : close;
    }
  }
  return tags;
}

/**
 * The page with every attribute value removed (`<meta content="…">` →
 * `<meta content>`), so a search for raw markup such as `<b>bold</b>` finds
 * only markup, not text inside an attribute value, where `<` is harmless.
 */
export function withoutAttributeValues(html: string): string {
  let out = '';
  let last = 0;
  for (const tag of parseTags(html)) {
    out += html.slice(last, tag.index) + `<${tag.name}${tag.attrs.map(([k]) => ` ${k}`).join('')}>`;
    last = tag.end;
  }
  return out + html.slice(last);
}

/** Attributes whose value a browser loads or navigates to. */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'cite',
  'srcset',
  'ping',
  'manifest',
  'longdesc',
  'lowsrc',
  'codebase',
]);

/** A URL a browser would run as script: `javascript:` (however obfuscated), `vbscript:`, `data:text/html`. */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squashed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(squashed) || squashed.startsWith('data:text/html');
}

export interface MarkupProblem {
  tag: string;
  problem: string;
}

/**
 * What must never be in a page built from untrusted records: event-handler
 * attributes, script URLs in any URL attribute, `<iframe>`/`<object>`/`<embed>`/
 * `<frame>` and `<base>` tags.
 */
export function dangerousMarkup(html: string): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  for (const tag of parseTags(html)) {
    const show = () => `<${tag.name} ${tag.attrs.map(([k, v]) => `${k}="${v.slice(0, 60)}"`).join(' ')}>`;
    if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet'].includes(tag.name)) {
      problems.push({ tag: show(), problem: `<${tag.name}> element` });
    }
    for (const [name, value] of tag.attrs) {
      if (/^on/.test(name)) problems.push({ tag: show(), problem: `event handler attribute ${name}` });
      if (URL_ATTRIBUTES.has(name) && isScriptUrl(value)) problems.push({ tag: show(), problem: `script URL in ${name}` });
      if (name === 'http-equiv' && value.toLowerCase() === 'refresh') problems.push({ tag: show(), problem: 'meta refresh' });
    }
  }
  return problems;
}

/** Every URL-valued attribute of the page: `[tag, attribute, value]`. `srcset` is split into its URLs. */
export function pageUrls(html: string): { tag: string; attr: string; value: string }[] {
  const out: { tag: string; attr: string; value: string }[] = [];
  for (const tag of parseTags(html)) {
    for (const [attr, value] of tag.attrs) {
      if (!URL_ATTRIBUTES.has(attr)) continue;
      if (attr === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) out.push({ tag: tag.name, attr, value: url });
        }
      } else {
        out.push({ tag: tag.name, attr, value });
      }
    }
  }
  return out;
}

/** A site-internal URL: not absolute with a scheme, not protocol-relative, not only a fragment. */
export function isInternalUrl(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('#')) return false;
  if (v.startsWith('//')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(v);
}
