/**
 * A small XML well-formedness check for build tests (no dependency): one
 * optional declaration, one root element, every start tag closed in order,
 * attributes quoted and unique, only the five predefined entities and
 * character references, no `<` or bare `&` in text or attribute values, no
 * characters XML 1.0 forbids. Returns the problems (empty when well-formed)
 * and the element tree for assertions.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_:][A-Za-z0-9_.:-]*';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string, problems: string[]): string {
  if (raw.includes('<')) problems.push(`${where}: '<' in text or attribute value`);
  return raw.replace(/&([^;\s&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) {
      problems.push(`${where}: bare '&'`);
      return whole;
    }
    if (body in ENTITIES) return ENTITIES[body]!;
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (m) return String.fromCodePoint(m[1]![0] === 'x' ? Number.parseInt(m[1]!.slice(1), 16) : Number(m[1]));
    problems.push(`${where}: unknown entity &${body};`);
    return whole;
  });
}

export function checkXml(xml: string): { problems: string[]; root?: XmlElement } {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) problems.push('a character XML 1.0 forbids');
  let s = xml.replace(/^\ufeff/, '');
  const decl = /^<\?xml\s[^?]*\?>/.exec(s);
  if (decl) s = s.slice(decl[0].length);
  else if (s.includes('<?xml')) problems.push('XML declaration not at the start');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const tagRe = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (stack.length) stack.at(-1)!.text += decode(text, 'text', problems);
    else if (text.trim()) problems.push(`text outside the root element: ${text.trim().slice(0, 40)}`);
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return { problems: [...problems, 'unclosed comment'] };
      i = end + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt);
      if (end < 0 || !stack.length) return { problems: [...problems, 'bad CDATA section'] };
      stack.at(-1)!.text += s.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    const m = tagRe.exec(s.slice(lt));
    if (!m) return { problems: [...problems, `malformed tag at ${lt}: ${s.slice(lt, lt + 40)}`] };
    i = lt + m[0].length;
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) return { problems: [...problems, `</${name}> closes ${open ? `<${open.name}>` : 'nothing'}`] };
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
      if (a[1]! in attrs) problems.push(`<${name}>: duplicate attribute ${a[1]}`);
      attrs[a[1]!] = decode(a[2] ?? a[3] ?? '', `<${name} ${a[1]}>`, problems);
    }
    const el: XmlElement = { name: name!, attrs, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(el);
    else if (root) problems.push(`a second root element <${name}>`);
    else root = el;
    if (!selfClose) stack.push(el);
  }
  if (stack.length) problems.push(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) problems.push('no root element');
  return { problems, root };
}
