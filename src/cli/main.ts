/**
 * `crosswalk` — the command-line face of the core. The only part of `src/`
 * that touches Node's file system.
 *
 * Exit codes: 0 success; 2 bad usage; 3 a file it cannot read.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ClauseTree } from '../model/clause';
import { layoutFromPages } from '../pdf/layout';
import { sha256Hex } from '../util/sha256';
import { readPageLinesParallel } from './parallel';
import { loadPdfJs, standardFontDataPath } from './pdfjs-node';
import { PdfInputError } from '../pdf/errors';
import { parsePdf, treeFromLayout } from '../parse';
import { formatOutline } from '../structure/outline';
import { toParseJson } from './json';
import { parseArgs, UsageError, USAGE } from './args';

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_INPUT = 3;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it directly. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`crosswalk: ${error.message} Run "crosswalk --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.file));
  } catch (error) {
    io.stderr(`crosswalk: cannot read ${args.file}: ${describeFsError(error)}\n`);
    return EXIT_INPUT;
  }
  try {
    const tree = await parse(bytes, args.password);
    io.stdout(
      args.format === 'outline' ? formatOutline(tree) : `${JSON.stringify(toParseJson(tree), null, 2)}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PdfInputError) {
      const hint = error.code === 'password-required' ? ' Pass the password with --password <password>.' : '';
      io.stderr(`crosswalk: ${args.file}: ${error.message}${hint}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}

/**
 * How many threads read pages. Measured on the AI Act with 2 (shared) cores,
 * two reader threads were no faster than one (each loads pdf.js and the
 * fonts again, and the cores did not scale), so threads are only used from 3
 * cores up. `CROSSWALK_THREADS` overrides the choice (tests, benchmarks).
 */
export function readerThreads(cores: number, override: string | undefined): number {
  const wanted = override === undefined ? Number.NaN : Number.parseInt(override, 10);
  if (Number.isInteger(wanted) && wanted >= 1) return Math.min(wanted, 8);
  return cores >= 3 ? Math.min(cores, 4) : 1;
}

/** On worker threads when that pays and the bundled worker is there (`npx crosswalk`), else on this thread. */
async function parse(bytes: Uint8Array, password: string | undefined): Promise<ClauseTree> {
  const workerUrl = new URL('./extract-worker.mjs', import.meta.url);
  const fontUrl = standardFontDataPath();
  const threads = readerThreads(availableParallelism(), process.env['CROSSWALK_THREADS']);
  if (threads > 1 && workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl))) {
    const [fingerprint, batch] = await Promise.all([
      sha256Hex(bytes),
      readPageLinesParallel(bytes, {
        workerUrl,
        threads,
        standardFontDataUrl: fontUrl,
        ...(password !== undefined ? { password } : {}),
      }),
    ]);
    return treeFromLayout(layoutFromPages(batch.pageCount, batch.pages), fingerprint);
  }
  return parsePdf(await loadPdfJs(), bytes, {
    standardFontDataUrl: fontUrl,
    ...(password !== undefined ? { password } : {}),
  });
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'it is a directory, not a file.';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
