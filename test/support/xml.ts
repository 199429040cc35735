/**
 * A strict XML 1.0 well-formedness check, for the Word parts the DOCX export writes: Word refuses a
 * document whose XML is broken, so escaping must be right for every character a note can hold.
 */

/** Characters XML 1.0 allows (surrogate pairs are checked as pairs). */
function badChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c < 0x20 || c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const REFERENCE = /^&(?:lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Checks character data (text or an attribute value): every `&` starts a reference, no `<`. */
function dataProblem(data: string, where: number): string | null {
  for (let i = data.indexOf('&'); i >= 0; i = data.indexOf('&', i + 1)) {
    if (!REFERENCE.test(data.slice(i))) return `a bare & at ${where + i}`;
  }
  if (data.includes('<')) return `a bare < at ${where + data.indexOf('<')}`;
  return null;
}

/** Null when `xml` is a well-formed XML document; otherwise what is wrong and where. */
export function xmlProblem(xml: string): string | null {
  const bad = badChar(xml);
  if (bad >= 0) return `character U+${xml.charCodeAt(bad).toString(16)} at ${bad} is not allowed in XML`;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes(']]>')) return `"]]>" in text at ${i}`;
    const problem = dataProblem(text, i);
    if (problem) return problem;
    if (stack.length === 0 && text.trim() !== '') return `text outside the root element at ${i}`;
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return `an unclosed processing instruction at ${i}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) return `a bad comment at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) return `CDATA outside the root element at ${i}`;
      const end = xml.indexOf(']]>', i);
      if (end < 0) return `an unclosed CDATA section at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      return `a DOCTYPE or declaration at ${i}`;
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const close = i + 2 + (name?.length ?? 0);
      const end = xml.indexOf('>', close);
      if (!name || end < 0 || xml.slice(close, end).trim() !== '') return `a bad end tag at ${i}`;
      if (stack.pop() !== name) return `</${name}> at ${i} does not close the open element`;
      i = end + 1;
    } else {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) return `a bad start tag at ${i}`;
      let at = i + 1 + name.length;
      const seen = new Set<string>();
      for (;;) {
        const space = /^\s*/.exec(xml.slice(at))?.[0].length ?? 0;
        at += space;
        if (xml.startsWith('/>', at) || xml.startsWith('>', at)) break;
        if (space === 0) return `no space before an attribute at ${at}`;
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(at));
        if (!attribute) return `a bad attribute at ${at}`;
        const [whole, key = '', , double, single] = attribute;
        if (seen.has(key)) return `attribute ${key} twice at ${at}`;
        seen.add(key);
        const valueProblem = dataProblem(double ?? single ?? '', at);
        if (valueProblem) return valueProblem;
        at += whole.length;
      }
      if (stack.length === 0) roots++;
      if (roots > 1) return `a second root element at ${i}`;
      if (xml.startsWith('/>', at)) i = at + 2;
      else {
        stack.push(name);
        i = at + 1;
      }
    }
  }
  if (stack.length > 0) return `<${stack[stack.length - 1] ?? ''}> is never closed`;
  if (roots === 0) return 'no root element';
  return null;
}

/** The text of XML character data, references decoded. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, ref: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (ref in named) return named[ref] ?? '';
    const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}
