/**
 * A small, strict XML reader for the structural test of manifest.xml: elements, attributes and text, no DTDs or
 * entities beyond the five predefined ones. It throws on anything malformed, so a broken manifest fails the test.
 */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    if (!(name in ENTITIES)) throw new Error(`unknown entity ${whole}`);
    return ENTITIES[name];
  });
}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const fail = (why: string): never => {
    const line = source.slice(0, at).split('\n').length;
    throw new Error(`XML error at line ${line}: ${why}`);
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    const text = source.slice(at, lt < 0 ? source.length : lt);
    if (text.trim()) {
      if (!stack.length) fail('text outside the root element');
      stack[stack.length - 1].text += decode(text);
    }
    if (lt < 0) break;
    at = lt;
    if (source.startsWith('<?', at)) {
      at = source.indexOf('?>', at) + 2;
      if (at < 2) fail('unclosed <?');
      continue;
    }
    if (source.startsWith('<!--', at)) {
      at = source.indexOf('-->', at) + 3;
      if (at < 3) fail('unclosed comment');
      continue;
    }
    if (source.startsWith('<!', at)) fail('DTDs and CDATA are not expected in a manifest');
    const gt = source.indexOf('>', at);
    if (gt < 0) fail('unclosed tag');
    const tag = source.slice(at + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([\w:.-]+)/.exec(body);
    if (!nameMatch) fail(`bad tag <${tag}>`);
    const element: XmlElement = { name: nameMatch![1], attributes: {}, children: [], text: '' };
    const rest = body.slice(nameMatch![1].length);
    const attribute = /\s+([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    let consumed = 0;
    for (let m = attribute.exec(rest); m; m = attribute.exec(rest)) {
      if (m.index !== consumed) fail(`bad attributes in <${element.name}>`);
      if (m[1] in element.attributes) fail(`duplicate attribute ${m[1]}`);
      element.attributes[m[1]] = decode(m[3] ?? m[4]);
      consumed = m.index + m[0].length;
    }
    if (rest.slice(consumed).trim()) fail(`bad attributes in <${element.name}>`);
    if (stack.length) stack[stack.length - 1].children.push(element);
    else if (root) fail('two root elements');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function walk(element: XmlElement, visit: (e: XmlElement, path: string[]) => void, path: string[] = []): void {
  visit(element, path);
  for (const c of element.children) walk(c, visit, [...path, element.name]);
}
