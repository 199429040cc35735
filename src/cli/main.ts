/**
 * `crosswalk` — the command-line face of the core. The only part of `src/`
 * that touches Node's file system.
 *
 * Exit codes: 0 success; 2 bad usage; 3 a file it cannot read.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClauseTree } from '../model/clause';
import { layoutFromPages } from '../pdf/layout';
import { sha256Hex } from '../util/sha256';
import { readPageLinesParallel } from './parallel';
import { PdfInputError } from '../pdf/errors';
import type { PdfJsLib } from '../pdf/pdfjs';
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

/** On worker threads when the bundled worker is there (the `npx crosswalk` path), else on this thread. */
async function parse(bytes: Uint8Array, password: string | undefined): Promise<ClauseTree> {
  const workerUrl = new URL('./extract-worker.mjs', import.meta.url);
  const fontUrl = standardFontDataUrl();
  if (workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl))) {
    const [fingerprint, batch] = await Promise.all([
      sha256Hex(bytes),
      readPageLinesParallel(bytes, {
        workerUrl,
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

async function loadPdfJs(): Promise<PdfJsLib> {
  // The legacy build is the one that runs in Node (the modern one needs DOMMatrix).
  const lib: unknown = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return lib as PdfJsLib;
}

function standardFontDataUrl(): string {
  const require = createRequire(import.meta.url);
  // pdf.js in Node reads this with fs: a plain path with a trailing separator.
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
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
