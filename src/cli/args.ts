/** Command-line arguments of `crosswalk`, parsed strictly: anything unknown is a usage error. */

export const USAGE = `Usage:
  crosswalk parse <file.pdf> [--json | --outline] [--password <password>]
  crosswalk link <law.pdf> <code.pdf> [--json | --table] [--top K]
  crosswalk compare <law.pdf> <code.pdf> <codeId> <lawId> [--json]

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

Exit codes: 0 success, 2 bad usage, 3 a file that cannot be read (or an id
that is not in it).
`;

export class UsageError extends Error {}

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
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}
