/** Command-line arguments of `crosswalk`, parsed strictly: anything unknown is a usage error. */

export const USAGE = `Usage:
  crosswalk parse <file.pdf> [--json | --outline] [--password <password>]

  parse       Read a legal PDF (an EU act, a code of practice, or any document)
              into its clause tree.
    --json      Print the tree as JSON (the default). Shape: see README.
    --outline   Print an indented outline a person can read.
    --password  Password of an encrypted PDF.

Exit codes: 0 success, 2 bad usage, 3 a file that cannot be read.
`;

export class UsageError extends Error {}

export type Args =
  | { readonly command: 'help' }
  | {
      readonly command: 'parse';
      readonly file: string;
      readonly format: 'json' | 'outline';
      readonly password?: string;
    };

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given.');
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'parse') throw new UsageError(`unknown command "${command}".`);
  let file: string | undefined;
  let format: 'json' | 'outline' | undefined;
  let password: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json' || arg === '--outline') {
      const wanted = arg === '--json' ? 'json' : 'outline';
      if (format !== undefined && format !== wanted)
        throw new UsageError('--json and --outline cannot be combined.');
      format = wanted;
    } else if (arg === '--password') {
      const value = rest[i + 1];
      if (value === undefined) throw new UsageError('--password needs a value.');
      password = value;
      i++;
    } else if (arg.startsWith('--password=')) {
      password = arg.slice('--password='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}".`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}" (one file at a time).`);
    }
  }
  if (file === undefined) throw new UsageError('parse needs a PDF file.');
  return {
    command: 'parse',
    file,
    format: format ?? 'json',
    ...(password !== undefined ? { password } : {}),
  };
}
