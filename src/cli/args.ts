/** Command-line arguments of `crosswalk`, parsed strictly: anything unknown is a usage error. */

export const USAGE = `Usage:
  crosswalk parse <file.pdf> [--json | --outline] [--password <password>]
  crosswalk link <law.pdf> <code.pdf> [--json | --table] [--top K]
  crosswalk compare <law.pdf> <code.pdf> <codeId> <lawId> [--json]
  crosswalk memo <law.pdf> <code.pdf> --format md|html|docx|csv|json|oscal|w3c --out FILE
                 [--bundle work.json] [--template comparison|response]
                 [--chapter N,…] [--stance S,…] [--author NAME]

  parse     Read a legal PDF (an EU act, a code of practice, or any document)
            into its clause tree.
              --json      the tree as JSON (the default; shape in the README)
              --outline   an indented outline a person can read
              --password  password of an encrypted PDF
  link      Suggest, for every commitment, measure and point of the code, the
            provisions of the law it relates to, ranked, with their basis and
            evidence.
              --json      JSON (the default; shape in the README)
              --table     a readable table
              --top K     similarity suggestions kept per unit (default 5)
  compare   Align one code unit with one law provision: shared and differing
            wording, obligations, what the code adds or leaves out, and a
            suggested stance.

  memo      Write the comparison memo: per commitment and measure, the linked
            provisions quoted with exact citations, stances and rationales.
            Without --bundle it lists the machine's suggested links and
            stances, labelled as machine suggestions; with a project bundle
            (exported from the app) it is the team's accepted links and
            verdicts.
              --format    md (Markdown), html (self-contained, prints to PDF),
                          docx (Word), csv (one row per unit and link), json,
                          oscal (OSCAL mapping collection of the links),
                          w3c (W3C Web Annotations of the verdicts)
              --out       the file to write ("-" for standard output)
              --template  comparison (the default) or response: the
                          objections recorded in the bundle, each with the
                          provisions it concerns, the verdicts and the
                          response (needs --bundle)
              --chapter   only these commitments (e.g. 9 or cmt_9; repeatable)
              --stance    only units with these stances (repeatable)

Exit codes: 0 success, 2 bad usage, 3 a file that cannot be read (or an id
that is not in it).
`;

export class UsageError extends Error {}

/** The formats of `crosswalk memo`. */
export const MEMO_FORMAT_NAMES = ['md', 'html', 'docx', 'csv', 'json', 'oscal', 'w3c'] as const;

function isMemoFormat(text: string): text is (typeof MEMO_FORMAT_NAMES)[number] {
  return (MEMO_FORMAT_NAMES as readonly string[]).includes(text);
}

export type Args =
  | { readonly command: 'help' }
  | {
      readonly command: 'parse';
      readonly file: string;
      readonly format: 'json' | 'outline';
      readonly password?: string;
    }
  | {
      readonly command: 'link';
      readonly law: string;
      readonly code: string;
      readonly format: 'json' | 'table';
      readonly top: number;
    }
  | {
      readonly command: 'memo';
      readonly law: string;
      readonly code: string;
      readonly format: (typeof MEMO_FORMAT_NAMES)[number];
      readonly out: string;
      readonly bundle: string | null;
      readonly chapters: readonly string[];
      readonly stances: readonly string[];
      readonly author: string;
      readonly template: 'comparison' | 'response';
    }
  | {
      readonly command: 'compare';
      readonly law: string;
      readonly code: string;
      readonly codeId: string;
      readonly lawId: string;
      readonly format: 'text' | 'json';
    };

interface Scan {
  readonly positional: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

/** Splits arguments into positionals, boolean flags and `--name value` options; unknown options are errors. */
function scan(rest: readonly string[], booleans: readonly string[], valued: readonly string[]): Scan {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (booleans.includes(arg)) flags.add(arg);
    else if (valued.includes(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value.`);
      values.set(name, value);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}".`);
    else positional.push(arg);
  }
  return { positional, flags, values };
}

/** Like `scan`, with options that may be given several times (`--stance a --stance b`). */
function scanRepeated(
  rest: readonly string[],
  valued: readonly string[],
  repeatable: readonly string[],
): { positional: string[]; values: Map<string, string>; repeated: Map<string, string[]> } {
  const others: string[] = [];
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!repeatable.includes(name)) {
      others.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value.`);
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  }
  const { positional, values } = scan(others, [], valued);
  return { positional, values, repeated };
}

function exclusive(flags: Set<string>, a: string, b: string): void {
  if (flags.has(a) && flags.has(b)) throw new UsageError(`${a} and ${b} cannot be combined.`);
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given.');
  switch (command) {
    case '--help':
    case '-h':
    case 'help':
      return { command: 'help' };
    case 'parse': {
      const { positional, flags, values } = scan(rest, ['--json', '--outline'], ['--password']);
      exclusive(flags, '--json', '--outline');
      if (positional.length === 0) throw new UsageError('parse needs a PDF file.');
      if (positional.length > 1)
        throw new UsageError(`unexpected argument "${positional[1] ?? ''}" (one file at a time).`);
      const password = values.get('--password');
      return {
        command: 'parse',
        file: positional[0] ?? '',
        format: flags.has('--outline') ? 'outline' : 'json',
        ...(password !== undefined ? { password } : {}),
      };
    }
    case 'link': {
      const { positional, flags, values } = scan(rest, ['--json', '--table'], ['--top']);
      exclusive(flags, '--json', '--table');
      if (positional.length !== 2) throw new UsageError('link needs two PDF files: the law, then the code.');
      const topText = values.get('--top') ?? '5';
      const top = Number(topText);
      if (!Number.isInteger(top) || top < 0 || top > 100)
        throw new UsageError(`--top must be a whole number from 0 to 100, not "${topText}".`);
      return {
        command: 'link',
        law: positional[0] ?? '',
        code: positional[1] ?? '',
        format: flags.has('--table') ? 'table' : 'json',
        top,
      };
    }
    case 'compare': {
      const { positional, flags } = scan(rest, ['--json'], []);
      if (positional.length !== 4)
        throw new UsageError('compare needs the law PDF, the code PDF, a code unit id and a law unit id.');
      const [law = '', code = '', codeId = '', lawId = ''] = positional;
      return { command: 'compare', law, code, codeId, lawId, format: flags.has('--json') ? 'json' : 'text' };
    }
    case 'memo': {
      const { positional, values, repeated } = scanRepeated(
        rest,
        ['--format', '--out', '--bundle', '--author', '--template'],
        ['--chapter', '--stance'],
      );
      if (positional.length !== 2) throw new UsageError('memo needs two PDF files: the law, then the code.');
      const format = values.get('--format');
      if (format === undefined)
        throw new UsageError(`memo needs --format (${MEMO_FORMAT_NAMES.join(', ')}).`);
      if (!isMemoFormat(format))
        throw new UsageError(`--format must be one of ${MEMO_FORMAT_NAMES.join(', ')}, not "${format}".`);
      const out = values.get('--out');
      if (out === undefined) throw new UsageError('memo needs --out FILE (or --out - for standard output).');
      const template = values.get('--template') ?? 'comparison';
      if (template !== 'comparison' && template !== 'response')
        throw new UsageError(`--template must be comparison or response, not "${template}".`);
      if (template === 'response' && (format === 'oscal' || format === 'w3c'))
        throw new UsageError(`--template response makes a memo: use --format md, html, docx, csv or json.`);
      return {
        command: 'memo',
        law: positional[0] ?? '',
        code: positional[1] ?? '',
        format,
        out,
        bundle: values.get('--bundle') ?? null,
        chapters: repeated.get('--chapter') ?? [],
        stances: repeated.get('--stance') ?? [],
        author: values.get('--author') ?? '',
        template,
      };
    }
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}
