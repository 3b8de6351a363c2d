/**
 * A minimal, strict, namespace-aware XML reader: enough for manifests (elements, attributes, text), and it
 * rejects what is not well-formed so the rules never reason about half a document. No DTDs: a manifest has
 * no use for one, and refusing them rules out entity expansion.
 */

export interface XmlAttribute {
  name: string;
  local: string;
  /** Namespace URI; '' for unprefixed attributes, which belong to no namespace. */
  ns: string;
  value: string;
}

export interface XmlElement {
  name: string;
  local: string;
  ns: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Direct character data (text and CDATA), entities decoded. */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let pos = source.startsWith('\uFEFF') ? 1 : 0;
  const newlines: number[] = [];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) newlines.push(i);
  // 1 + the number of newlines before `at`, by binary search.
  const lineAt = (at: number): number => {
    let [lo, hi] = [0, newlines.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] ?? at) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids exactly these characters
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(source);
  if (bad) fail('character not allowed in XML', bad.index);

  const skipSpace = (): void => {
    while (pos < source.length && ' \t\r\n'.includes(source[pos] ?? '')) pos++;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) return fail('expected a name');
    pos = NAME.lastIndex;
    return match[0];
  };
  const until = (end: string, what: string): string => {
    const stop = source.indexOf(end, pos);
    if (stop < 0) fail(`unterminated ${what}`);
    const body = source.slice(pos, stop);
    pos = stop + end.length;
    return body;
  };
  const decode = (raw: string, at: number): string => {
    if (raw.includes('<')) fail("'<' must be escaped as &lt;", at);
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) return fail("'&' must be escaped as &amp;", at);
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? +ref.slice(1) : -1;
      if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : fail(`bad character reference &${ref};`, at);
      return ENTITIES[ref] ?? fail(`unknown entity &${ref};`, at);
    });
  };
  // Comments, processing instructions and whitespace may appear between elements; returns false at anything else.
  const skipMisc = (): boolean => {
    if (source.startsWith('<!--', pos)) {
      pos += 4;
      if (until('-->', 'comment').includes('--')) fail("'--' is not allowed inside a comment");
    } else if (source.startsWith('<?', pos)) {
      pos += 2;
      if (readName().toLowerCase() === 'xml') fail('the XML declaration must come first');
      until('?>', 'processing instruction');
    } else return false;
    return true;
  };

  const resolve = (qname: string, scope: Map<string, string>, isAttribute: boolean, at: number) => {
    if (qname === 'xmlns' || qname.startsWith('xmlns:')) return { local: qname.slice(6) || 'xmlns', ns: XMLNS_NS };
    const colon = qname.indexOf(':');
    if (colon < 0) return { local: qname, ns: isAttribute ? '' : (scope.get('') ?? '') };
    const prefix = qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (!local || local.includes(':')) fail(`bad qualified name "${qname}"`, at);
    const ns = prefix === 'xml' ? XML_NS : scope.get(prefix);
    if (ns === undefined) return fail(`namespace prefix "${prefix}" is not declared`, at);
    return { local, ns };
  };

  const readElement = (parentScope: Map<string, string>): XmlElement => {
    const start = pos;
    pos++; // '<'
    const name = readName();
    const raw: [string, string][] = [];
    for (;;) {
      const hadSpace = /\s/.test(source[pos] ?? '');
      skipSpace();
      if (source.startsWith('/>', pos) || source[pos] === '>') break;
      if (!hadSpace) fail(`expected whitespace, '>' or '/>' in <${name}>`);
      const attrName = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute ${attrName} needs '=' and a quoted value`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attrName} value must be quoted`);
      pos++;
      const valueAt = pos;
      const value = decode(until(quote, 'attribute value'), valueAt).replace(/[\t\r\n]/g, ' ');
      if (raw.some(([n]) => n === attrName)) fail(`attribute ${attrName} appears twice`);
      raw.push([attrName, value]);
    }
    const scope = new Map(parentScope);
    for (const [n, v] of raw) {
      if (n === 'xmlns') scope.set('', v);
      else if (n.startsWith('xmlns:')) scope.set(n.slice(6), v);
    }
    const attributes = raw.map(([n, value]) => ({ name: n, value, ...resolve(n, scope, true, start) }));
    const expanded = attributes.map((a) => `${a.ns} ${a.local}`);
    if (new Set(expanded).size !== expanded.length) fail(`<${name}> has the same attribute twice`, start);
    const element: XmlElement = { name, attributes, children: [], text: '', line: lineAt(start), ...resolve(name, scope, false, start) };
    if (source.startsWith('/>', pos)) {
      pos += 2;
      return element;
    }
    pos++; // '>'
    for (;;) {
      if (pos >= source.length) fail(`<${name}> is never closed`, start);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        skipSpace();
        if (closing !== name || source[pos] !== '>') fail(`</${closing}> does not close <${name}> (line ${element.line})`);
        pos++;
        return element;
      }
      if (source.startsWith('<![CDATA[', pos)) {
        pos += 9;
        element.text += until(']]>', 'CDATA section');
      } else if (source[pos] === '<') {
        if (!skipMisc()) {
          if (source.startsWith('<!', pos)) fail('DOCTYPE and other declarations are not supported');
          element.children.push(readElement(scope));
        }
      } else {
        const textAt = pos;
        const next = source.indexOf('<', pos);
        pos = next < 0 ? source.length : next;
        const text = source.slice(textAt, pos);
        if (text.includes(']]>')) fail("']]>' is not allowed in text", textAt);
        element.text += decode(text, textAt);
      }
    }
  };

  if (source.startsWith('<?xml', pos) && /\s/.test(source[pos + 5] ?? '')) until('?>', 'XML declaration');
  for (;;) {
    skipSpace();
    if (!skipMisc()) break;
  }
  if (source.startsWith('<!', pos)) fail('DOCTYPE and other declarations are not supported');
  if (source[pos] !== '<') fail('expected the root element');
  const root = readElement(new Map());
  for (;;) {
    skipSpace();
    if (pos >= source.length) return root;
    if (!skipMisc()) fail('content after the root element');
  }
}

/** The value of an attribute by namespace URI ('' = unprefixed) and local name. */
export function attr(element: XmlElement, local: string, ns = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.ns === ns)?.value;
}

/** Child elements with the given namespace URI and local name. */
export function children(element: XmlElement, ns: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.local === local);
}

/** Every element of the tree, depth first, the root included. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}
