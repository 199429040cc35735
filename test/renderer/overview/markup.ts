/** Reading server-rendered markup in tests that have no DOM: the opening tags carrying a test id. */

export interface Tag {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** The markup from this tag's end to the next tag with the same test id (or the end). */
  readonly after: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27);/g, (_, name: string) => ENTITIES[name] ?? _);
}

/** Every element whose `data-testid` is `testId`, in document order. */
export function byTestId(html: string, testId: string): Tag[] {
  const pattern = new RegExp(`<([a-z0-9]+)\\s([^>]*\\bdata-testid="${testId}"[^>]*)>`, 'g');
  const matches = [...html.matchAll(pattern)];
  return matches.map((match, i) => {
    const attrs: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g))
      if (name !== undefined) attrs[name] = decode(value ?? '');
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? html.length;
    return { name: match[1] ?? '', attrs, after: html.slice(start, end) };
  });
}

/** The text of some markup, tags dropped and entities decoded. */
export function text(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
