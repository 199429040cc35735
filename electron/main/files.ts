/**
 * File I/O for main: reading what the user picked in an Open dialog and writing what they confirmed
 * in a Save dialog. Errors are plain sentences naming the file, never its folder, because they are
 * shown to the user (and reach the renderer, which must not learn paths).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import {
  decodeBundleText,
  MAX_BUNDLE_BYTES,
  MAX_PDF_BYTES,
  toDisplayFileName,
  tooLargeMessage,
  type PdfFile,
  type TextFile,
} from '../../src/ipc/contract';

/** Reads a file the user picked, refusing anything that is not a regular file or is too big. */
async function readUserFile(path: string, limit: number, what: 'a PDF' | 'a bundle'): Promise<Uint8Array> {
  const name = toDisplayFileName(basename(path));
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new Error(`Crosswalk could not find "${name}". It may have been moved or deleted.`);
  }
  if (!info.isFile()) throw new Error(`"${name}" is not a file Crosswalk can open.`);
  if (info.size > limit) {
    throw new Error(tooLargeMessage(name, limit, what));
  }
  let buffer;
  try {
    buffer = await readFile(path);
  } catch {
    throw new Error(`Crosswalk could not read "${name}". Check that you are allowed to open it.`);
  }
  // The file may have grown between stat and read.
  if (buffer.byteLength > limit) {
    throw new Error(tooLargeMessage(name, limit, what));
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Reads a PDF the user picked (at most {@link MAX_PDF_BYTES}). */
export async function readPdfFile(path: string): Promise<PdfFile> {
  const bytes = await readUserFile(path, MAX_PDF_BYTES, 'a PDF');
  return { name: toDisplayFileName(basename(path)), bytes };
}

/** Reads a bundle (JSON text) the user picked (at most {@link MAX_BUNDLE_BYTES}). */
export async function readBundleFile(path: string): Promise<TextFile> {
  const name = toDisplayFileName(basename(path));
  const bytes = await readUserFile(path, MAX_BUNDLE_BYTES, 'a bundle');
  const text = decodeBundleText(bytes, name);
  if (!text.ok) throw new Error(text.error);
  return { name, text: text.value };
}

/** A Save dialog filter: what the dialog shows in its "file type" list. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}

const KNOWN_TYPES = new Map<string, string>([
  ['md', 'Markdown'],
  ['html', 'HTML document'],
  ['htm', 'HTML document'],
  ['docx', 'Word document'],
  ['csv', 'CSV table'],
  ['json', 'JSON'],
  ['txt', 'Plain text'],
  ['pdf', 'PDF document'],
  ['xml', 'XML'],
]);

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

/** The Save dialog's filters for a suggested name: its own extension first, then "All files". */
export function saveFilters(suggestedName: string): FileFilter[] {
  const extension = /\.([A-Za-z0-9]{1,16})$/.exec(suggestedName)?.[1]?.toLowerCase();
  if (extension === undefined) return [ALL_FILES];
  const label = KNOWN_TYPES.get(extension) ?? `${extension.toUpperCase()} file`;
  return [{ name: label, extensions: [extension] }, ALL_FILES];
}

/**
 * Writes a file the user confirmed in the Save dialog. It goes to a temporary sibling first and
 * is then renamed over the target, so a failed write never leaves a half-written memo behind.
 */
export async function writeUserFile(path: string, contents: Uint8Array | string): Promise<void> {
  const name = toDisplayFileName(basename(path));
  const temporary = `${path}.crosswalk-${process.pid}-${Date.now()}.tmp`;
  try {
    await writeFile(temporary, contents, typeof contents === 'string' ? 'utf8' : undefined);
    await rename(temporary, path);
  } catch {
    await unlink(temporary).catch(() => undefined);
    throw new Error(`Crosswalk could not save "${name}". Check that you can write to that folder.`);
  }
}

/** Reads the saved window state's text; `null` when there is none yet or it cannot be read. */
export async function readWindowStateFile(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    // Anything this big is not ours; do not read it.
    if (!info.isFile() || info.size > 64 * 1024) return null;
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Writes the window state. Synchronous on purpose: it runs when the window closes, just before the
 * app quits, when an asynchronous write could be cut off. The file is tiny. Never throws: losing
 * the window position is not worth an error box.
 */
export function writeWindowStateFile(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch {
    // Best effort (read-only profile, full disk): the next launch falls back to the defaults.
  }
}
