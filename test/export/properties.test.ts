/**
 * Memos escape any note text. Whatever a reviewer (or a colleague's bundle) puts in a rationale, a
 * tag, an author name, a project name or an objection, every memo format keeps it as text: the
 * HTML memo (parsed by a real HTML5 parser) has no script, no event handler and no `javascript:`
 * URL; the Markdown memo keeps its headings, tables and code fences, holds no raw HTML and no
 * dangerous link; the DOCX's XML parts are well-formed and carry the text; the CSV has the same
 * columns on every row and no cell a spreadsheet would run.
 */
import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  buildMemo,
  CSV_COLUMNS,
  MEMO_TEMPLATES,
  renderCsv,
  renderDocx,
  renderHtml,
  renderMarkdown,
  RESPONSE_CSV_COLUMNS,
  type MemoInput,
  type MemoOptions,
  type MemoTemplate,
} from '../../src/export/index';
import type { Annotation } from '../../src/model/review';
import { readCsv } from '../support/csv';
import { hostileTag, hostileText } from '../support/hostile-text';
import { xmlProblem, decodeXmlText } from '../support/xml';
import { unzip } from '../support/zip';
import { annotation, INPUT, objection, OPTIONS, PROJECT } from './fixtures';

// ---- Generated memos -----------------------------------------------------------------------------

interface Note {
  readonly rationale: string;
  readonly tags: readonly string[];
  readonly author: string;
}

interface Scenario {
  readonly notes: readonly Note[];
  readonly memoAuthor: string;
  readonly projectName: string;
  readonly objection: {
    readonly title: string;
    readonly raisedBy: string;
    readonly source: string;
    readonly claim: string;
    readonly response: string;
    readonly author: string;
  };
  readonly template: MemoTemplate;
}

/** Where the notes go: a unit, an accepted link, another unit (fixtures' accepted links). */
const SPOTS: readonly (readonly [string, string | null])[] = [
  ['msr_9.3', null],
  ['msr_9.3', 'art_55__para_1__point_c'],
  ['msr_6.2', null],
];

const noteArb: fc.Arbitrary<Note> = fc.record({
  rationale: hostileText,
  tags: fc.array(hostileTag, { maxLength: 3 }),
  author: hostileText,
});

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  notes: fc.array(noteArb, { minLength: 1, maxLength: SPOTS.length }),
  memoAuthor: hostileText,
  projectName: hostileText,
  objection: fc.record({
    title: hostileText,
    raisedBy: hostileText,
    source: hostileText,
    claim: hostileText,
    response: hostileText,
    author: hostileText,
  }),
  template: fc.constantFrom(...MEMO_TEMPLATES),
});

/** The same memo with every piece of free text replaced by a plain word: the expected structure. */
function plain(scenario: Scenario): Scenario {
  return {
    ...scenario,
    notes: scenario.notes.map((note) => ({
      rationale: 'word',
      tags: note.tags.map(() => 'tag'),
      author: 'Alice',
    })),
    memoAuthor: 'Alice',
    projectName: 'Project',
    objection: { title: 'T', raisedBy: 'R', source: 'S', claim: 'C', response: 'word', author: 'A' },
  };
}

function memoOf(scenario: Scenario) {
  const annotations: Annotation[] = scenario.notes.map((note, i) => {
    const [source, target] = SPOTS[i] ?? SPOTS[0] ?? ['msr_9.3', null];
    return annotation(`n${i}`, source, target, { ...note, tags: [...note.tags] });
  });
  const input: MemoInput = {
    ...INPUT,
    project: { ...PROJECT, name: scenario.projectName },
    annotations,
    objections: [objection('o1', ['msr_9.3', 'msr_6.2'], scenario.objection)],
  };
  const options: MemoOptions = { ...OPTIONS, author: scenario.memoAuthor, template: scenario.template };
  return buildMemo(input, options);
}

/** What an HTML parser makes of text escaped into an element (CR LF → LF; NUL is dropped in body text). */
function asParsed(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '');
}

// ---- HTML ----------------------------------------------------------------------------------------

interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
  readonly value?: string;
  readonly parentNode?: HtmlNode | null;
}

function elements(node: HtmlNode, out: HtmlNode[] = []): HtmlNode[] {
  if (node.tagName !== undefined) out.push(node);
  for (const child of node.childNodes ?? []) elements(child, out);
  return out;
}

function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Every element the HTML memo's template writes; rationales add only p, ul, li, strong, em, code. */
const HTML_ELEMENTS = new Set(
  'html head meta title style body header h1 h2 h3 h4 h5 h6 p time dl dt dd br span ul li strong em code div section article table thead tbody tfoot tr th td blockquote'.split(
    ' ',
  ),
);
const HTML_ATTRIBUTES = new Set(['class', 'scope', 'lang', 'charset', 'http-equiv', 'content', 'name']);

describe('the HTML memo on any note text', () => {
  it('has no script, no event handler, no URL and no element of its own from the text', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const html = renderHtml(memoOf(scenario));
        const reference = elements(parse(renderHtml(memoOf(plain(scenario)))));
        const found = elements(parse(html));
        for (const element of found) {
          expect(HTML_ELEMENTS, `<${element.tagName}>`).toContain(element.tagName);
          // No href, src, action or on* attribute can exist, so no URL or handler either.
          for (const { name } of element.attrs ?? [])
            expect(HTML_ATTRIBUTES, `${element.tagName}[${name}]`).toContain(name);
        }
        // The head (charset, CSP, viewport, author, title, style) is the template's, whatever the text.
        const head = (list: HtmlNode[]): string[] =>
          list.filter((e) => e.parentNode?.nodeName === 'head').map((e) => e.tagName ?? '');
        const csp = (list: HtmlNode[]): string[] =>
          list.flatMap((e) =>
            e.attrs?.some((a) => a.name === 'http-equiv')
              ? (e.attrs?.map((a) => `${a.name}=${a.value}`) ?? [])
              : [],
          );
        expect(head(found)).toEqual(head(reference));
        expect(csp(found)).toEqual(csp(reference));
        expect(found.filter((e) => e.tagName === 'script')).toEqual([]);
        expect(found.filter((e) => e.tagName === 'style')).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });

  it('shows every tag and author exactly as typed', () => {
    fc.assert(
      fc.property(
        scenarioArb.map((s) => ({ ...s, template: 'comparison' as const })),
        (scenario) => {
          const document = parse(renderHtml(memoOf(scenario))) as unknown as HtmlNode;
          const all = elements(document);
          const tags = all
            .filter((e) => e.attrs?.some((a) => a.name === 'class' && a.value === 'tag'))
            .map(textOf);
          const body = textOf(document);
          for (const note of scenario.notes) {
            for (const tag of note.tags) expect(tags).toContain(asParsed(tag));
            if (note.author.trim() !== '') expect(body).toContain(asParsed(note.author));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---- Markdown ------------------------------------------------------------------------------------

/**
 * The memo's outline as a Markdown reader sees it: ATX headings with their level, table rows with
 * their cell count, code fences, setext headings and rules. `indent` is how far in a line may
 * start: 0 for the memo's own blocks (note text inside a verdict is indented as list-item content),
 * 3+ to see blocks inside list items too.
 */
function skeleton(md: string, indent: number): string[] {
  const out: string[] = [];
  const lead = `^ {0,${indent}}`;
  const heading = new RegExp(`${lead}(#{1,6})(?:\\s|$)`);
  const row = new RegExp(`${lead}\\|`);
  const fence = new RegExp(`${lead}(?:\`\`\`|~~~)`);
  const rule = new RegExp(`${lead}(?:=+|-{2,}|(?:-\\s*){3,}|(?:\\*\\s*){3,}|(?:_\\s*){3,})$`);
  const setext = new RegExp(`${lead}(?:=+|-+)\\s*$`);
  let previous = '';
  for (const line of md.split('\n')) {
    const level = heading.exec(line)?.[1]?.length;
    if (level !== undefined) out.push(`h${level}`);
    else if (row.test(line)) out.push(`row${line.replace(/\\\|/g, '').split('|').length}`);
    else if (fence.test(line)) out.push('fence');
    // Under a line of text, `===` or `---` makes that text a heading.
    else if (setext.test(line) && previous.trim() !== '' && !/^\s*[-*+>#|]/.test(previous))
      out.push('setext');
    else if (rule.test(line)) out.push('rule');
    previous = line;
  }
  return out;
}

/** Link destinations a viewer would run or embed; an escaped `\]` is not a link. */
const UNSAFE_LINK = /(?<!\\)\]\(\s*(?:javascript|vbscript|data|file)\s*:/i;
const UNSAFE_DEFINITION = /^\s*\[[^\]\n]*(?<!\\)\]:\s*(?:javascript|vbscript|data|file)\s*:/im;

describe('the Markdown memo on any note text', () => {
  it('keeps the outline of headings, tables and code fences the memo itself writes', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const md = renderMarkdown(memoOf(scenario));
        expect(skeleton(md, 0)).toEqual(skeleton(renderMarkdown(memoOf(plain(scenario))), 0));
      }),
      { numRuns: 200 },
    );
  });

  it('makes no heading of a rationale, as the HTML and Word memos do not', () => {
    // A rationale line `# Commitment 99` would otherwise enter the memo's outline (table of
    // contents, navigation pane) as a heading of its own, inside the verdict's list item.
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        // Up to 5 spaces: list-item content (2) plus the 3 a block may be indented by.
        const headings = (md: string): string[] =>
          skeleton(md, 5).filter((k) => k.startsWith('h') || k === 'setext');
        const md = renderMarkdown(memoOf(scenario));
        expect(headings(md)).toEqual(headings(renderMarkdown(memoOf(plain(scenario)))));
      }),
      { numRuns: 200 },
    );
  });

  it('holds no raw HTML and no link to a script, data or file URL', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const md = renderMarkdown(memoOf(scenario));
        // `>` only as a blockquote marker; `<` never: no tag, comment or autolink can open.
        expect(md.replace(/^\s*>( |$)/gm, '')).not.toMatch(/[<>]/);
        expect(md).not.toMatch(UNSAFE_LINK);
        expect(md).not.toMatch(UNSAFE_DEFINITION);
      }),
      { numRuns: 150 },
    );
  });
});

// ---- DOCX ----------------------------------------------------------------------------------------

/** What the text becomes in a Word file: no XML-forbidden characters, UTF-8-safe, no whitespace. */
function asInDocx(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return new TextDecoder().decode(new TextEncoder().encode(cleaned)).replace(/\s+/g, '');
}

describe('the DOCX memo on any note text', () => {
  it('writes well-formed XML parts that carry every tag and author as text', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const files = await unzip(await renderDocx(memoOf(scenario)));
        for (const [name, xml] of files)
          if (name.endsWith('.xml') || name.endsWith('.rels')) expect(xmlProblem(xml), name).toBeNull();
        const document = files.get('word/document.xml') ?? '';
        const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => decodeXmlText(m[1] ?? ''))
          .join('')
          .replace(/\s+/g, '');
        if (scenario.template === 'comparison')
          for (const note of scenario.notes) {
            for (const tag of note.tags) expect(text).toContain(asInDocx(tag));
            expect(text).toContain(asInDocx(note.author));
          }
      }),
      { numRuns: 15 },
    );
  });
});

// ---- CSV -----------------------------------------------------------------------------------------

describe('the CSV memo on any note text', () => {
  it('has every column on every row and no cell a spreadsheet would run', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const rows = readCsv(renderCsv(memoOf(scenario), { bom: false }));
        const columns = scenario.template === 'response' ? RESPONSE_CSV_COLUMNS : CSV_COLUMNS;
        expect(rows[0]).toEqual([...columns]);
        for (const row of rows) {
          expect(row).toHaveLength(columns.length);
          for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        if (scenario.template === 'comparison') {
          const rationale = columns.indexOf('rationale');
          const cells = rows.map((row) => row[rationale]);
          for (const note of scenario.notes)
            expect(cells).toContain(
              /^[=+\-@\t\r]/.test(note.rationale) ? `'${note.rationale}` : note.rationale,
            );
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ---- The checkers themselves ---------------------------------------------------------------------

describe('the output checkers', () => {
  // A checker that accepts everything would make the properties above empty.
  it.each([
    ['<a>&</a>', 'bare &'],
    ['<a><b></a>', 'does not close'],
    ['<a>\u0001</a>', 'not allowed in XML'],
    ['<a x="1" x="2"/>', 'twice'],
    ['<a x="<"/>', 'bare <'],
    ['<a/><b/>', 'second root'],
    ['<a>\ud800</a>', 'not allowed in XML'],
  ])('xmlProblem finds what is wrong with %j', (xml, problem) => {
    expect(xmlProblem(xml)).toContain(problem);
  });

  it('xmlProblem accepts well-formed XML and decodeXmlText reads its references', () => {
    const xml =
      '<?xml version="1.0"?>\n<w:document a="&amp;"><w:t>&lt;&#x1F600;</w:t><!-- c --></w:document>';
    expect(xmlProblem(xml)).toBeNull();
    expect(decodeXmlText('&lt;script&gt; &#x1F600; &amp;amp;')).toBe('<script> 😀 &amp;');
  });

  it('readCsv refuses a bare quote and a missing separator', () => {
    expect(() => readCsv('a"b\r\n')).toThrow(/bare quote/);
    expect(() => readCsv('"a"b\r\n')).toThrow(/without a separator/);
    expect(readCsv('"a,""b"""\r\n=1,\r\n')).toEqual([['a,"b"'], ['=1', '']]);
  });

  it('skeleton sees a heading, a table row, a fence and a setext heading', () => {
    expect(skeleton('# A\n| a | b |\n```\ntext\n===\n\n---', 0)).toEqual([
      'h1',
      'row4',
      'fence',
      'setext',
      'rule',
    ]);
  });
});
