/**
 * `crosswalk` — the command-line face of the core. The only part of `src/`
 * that touches Node's file system.
 *
 * Exit codes: 0 success; 2 bad usage; 3 a file it cannot read.
 */
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
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
import { compareTexts } from '../compare/index';
import { suggestLinks, TreeIndex, withStances } from '../linking/index';
import { compareJson, compareText, linkJson, linkTable } from './render';
import { memoFor, MemoInputError, renderMemo } from './memo';
import type { Args } from './args';

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
  switch (args.command) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_OK;
    case 'parse': {
      const tree = await readTree(args.file, args.password, io);
      if (!tree) return EXIT_INPUT;
      io.stdout(
        args.format === 'outline' ? formatOutline(tree) : `${JSON.stringify(toParseJson(tree), null, 2)}\n`,
      );
      return EXIT_OK;
    }
    case 'link': {
      const trees = await readBoth(args.law, args.code, io);
      if (!trees) return EXIT_INPUT;
      const started = performance.now();
      const ranked = suggestLinks(trees.law, trees.code, { top: args.top });
      const ranking = performance.now();
      const report = withStances(trees.law, trees.code, ranked);
      timing(
        `link ${Math.round(ranking - started)} ms (${report.links.length} links); stances ${Math.round(performance.now() - ranking)} ms`,
      );
      io.stdout(
        args.format === 'table'
          ? linkTable(report)
          : `${JSON.stringify(linkJson(trees.law, trees.code, report), null, 2)}\n`,
      );
      return EXIT_OK;
    }
    case 'memo':
      return memoCommand(args, io);
    case 'compare': {
      const trees = await readBoth(args.law, args.code, io);
      if (!trees) return EXIT_INPUT;
      const code = new TreeIndex(trees.code);
      const law = new TreeIndex(trees.law);
      const codeUnit = code.byId.get(args.codeId);
      const lawUnit = law.byId.get(args.lawId);
      if (!codeUnit || !lawUnit) {
        const [file, id] = !codeUnit ? [args.code, args.codeId] : [args.law, args.lawId];
        io.stderr(
          `crosswalk: ${file} has no unit "${id}". List its ids with: crosswalk parse ${file} --outline\n`,
        );
        return EXIT_INPUT;
      }
      const comparison = compareTexts(code.textWithPoints(codeUnit.id), law.textInContext(lawUnit.id));
      io.stdout(
        args.format === 'json'
          ? `${JSON.stringify(compareJson(codeUnit, lawUnit, comparison), null, 2)}\n`
          : compareText(codeUnit, lawUnit, comparison),
      );
      return EXIT_OK;
    }
    default: {
      const never: never = args;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}

/** `crosswalk memo`: read both PDFs (and a bundle), build the memo, write it. */
async function memoCommand(args: Extract<Args, { command: 'memo' }>, io: Io): Promise<number> {
  let bundle: { name: string; text: string } | null = null;
  if (args.bundle !== null) {
    try {
      const info = await stat(args.bundle);
      // The app refuses bundles over 64 MB; so does the command, before reading one.
      if (info.size > 64 * 1024 * 1024) {
        io.stderr(`crosswalk: ${args.bundle} is larger than 64 MB, which is not a Crosswalk bundle.\n`);
        return EXIT_INPUT;
      }
      bundle = { name: args.bundle, text: await readFile(args.bundle, 'utf8') };
    } catch (error) {
      io.stderr(`crosswalk: cannot read ${args.bundle}: ${describeFsError(error)}\n`);
      return EXIT_INPUT;
    }
  }
  const trees = await readBoth(args.law, args.code, io);
  if (!trees) return EXIT_INPUT;
  const [lawInfo, codeInfo] = await Promise.all([stat(args.law), stat(args.code)]);
  const report = withStances(trees.law, trees.code, suggestLinks(trees.law, trees.code));
  let text: string | Uint8Array;
  let placed = '';
  try {
    const review = memoFor({
      law: trees.law,
      code: trees.code,
      lawFile: args.law,
      codeFile: args.code,
      lawBytes: lawInfo.size,
      codeBytes: codeInfo.size,
      report,
      bundle,
      chapters: args.chapters,
      stances: args.stances,
      template: args.template,
      author: args.author,
      now: new Date().toISOString(),
    });
    text = await renderMemo(review, args.format);
    if (review.moved > 0 || review.orphans > 0)
      placed =
        `crosswalk: the bundle was made against other versions of the PDFs: ${review.moved} verdicts ` +
        `re-attached by their quotes, ${review.orphans} found no place (listed as warnings in the memo).\n`;
  } catch (error) {
    if (error instanceof MemoInputError) {
      io.stderr(`crosswalk: ${error.message}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
  if (args.out === '-') {
    if (typeof text !== 'string') {
      io.stderr('crosswalk: a DOCX memo is a binary file: give --out FILE.docx.\n');
      return EXIT_USAGE;
    }
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await writeFile(args.out, text);
  } catch (error) {
    io.stderr(`crosswalk: cannot write ${args.out}: ${describeFsError(error)}\n`);
    return EXIT_INPUT;
  }
  const size =
    typeof text === 'string'
      ? `${text.length.toLocaleString('en')} characters`
      : `${text.byteLength.toLocaleString('en')} bytes`;
  io.stderr(`${placed}crosswalk: wrote ${args.out} (${size}).\n`);
  return EXIT_OK;
}

/** Stage timings on stderr when CROSSWALK_TIMINGS is set (used by `npm run bench`). */
function timing(message: string): void {
  if (process.env['CROSSWALK_TIMINGS']) process.stderr.write(`timing: ${message}\n`);
}

/** Reads and parses a PDF; on failure writes one plain line to stderr and returns null. */
async function readTree(file: string, password: string | undefined, io: Io): Promise<ClauseTree | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    io.stderr(`crosswalk: cannot read ${file}: ${describeFsError(error)}\n`);
    return null;
  }
  try {
    const started = performance.now();
    const tree = await parse(bytes, password);
    timing(`parse ${file} ${Math.round(performance.now() - started)} ms`);
    return tree;
  } catch (error) {
    if (error instanceof PdfInputError) {
      const hint = error.code === 'password-required' ? ' Pass the password with --password <password>.' : '';
      io.stderr(`crosswalk: ${file}: ${error.message}${hint}\n`);
      return null;
    }
    throw error;
  }
}

async function readBoth(
  lawFile: string,
  codeFile: string,
  io: Io,
): Promise<{ law: ClauseTree; code: ClauseTree } | null> {
  const law = await readTree(lawFile, undefined, io);
  if (!law) return null;
  const code = await readTree(codeFile, undefined, io);
  if (!code) return null;
  return { law, code };
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
