/**
 * The one adapter over pdf.js: bytes in, positioned text runs out.
 *
 * Everything pdf.js-specific (loading, password and error reporting, font
 * names) stays in this file; the rest of the core works on `RawPage`s.
 */
import type { PdfJsDocument, PdfJsLib, PdfJsPage, PdfJsTextItem } from './pdfjs';
import { PdfInputError } from './errors';

/** One positioned run of text as pdf.js reports it, in PDF user space (origin bottom-left). */
export interface TextRun {
  readonly str: string;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface RawPage {
  /** 1-based. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
}

export interface ExtractOptions {
  readonly password?: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly standardFontDataUrl?: string;
  /** Refuse documents with more pages than this (a guard against resource exhaustion). */
  readonly maxPages?: number;
  /**
   * Read only every `stride`-th page starting at page `offset + 1`, so that
   * several workers can share one document (interleaved pages balance the load).
   */
  readonly share?: { readonly stride: number; readonly offset: number };
}

export interface RawDocument {
  /** Pages in the whole document (also when only a share of them was read). */
  readonly pageCount: number;
  readonly pages: readonly RawPage[];
}

const DEFAULT_MAX_PAGES = 5000;

/** pdf.js reports password problems with these `reason` codes on `onPassword`. */
const PASSWORD_NEEDED = 1;

/**
 * Reads every page's text runs. Rejects with a `PdfInputError` (plain-language
 * message) for input it cannot read; never with pdf.js's own exceptions.
 */
export async function extractRuns(
  lib: PdfJsLib,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<RawDocument> {
  if (bytes.length === 0) throw new PdfInputError('empty', 'The file is empty (0 bytes).');
  if (!looksLikePdf(bytes)) {
    throw new PdfInputError('not-pdf', 'The file is not a PDF (it does not start with "%PDF-").');
  }
  throwIfAborted(options.signal);
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller keeps theirs.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.standardFontDataUrl !== undefined
      ? { standardFontDataUrl: options.standardFontDataUrl }
      : {}),
  });
  let passwordProblem: 'needed' | 'wrong' | null = null;
  task.onPassword = (_update, reason) => {
    passwordProblem = reason === PASSWORD_NEEDED ? 'needed' : 'wrong';
    void task.destroy();
  };
  const onAbort = (): void => void task.destroy();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let doc: PdfJsDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    options.signal?.removeEventListener('abort', onAbort);
    throwIfAborted(options.signal);
    throw translateLoadError(error, passwordProblem, options.password !== undefined);
  }
  try {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages) {
      throw new PdfInputError(
        'too-large',
        `The PDF has ${doc.numPages} pages; Crosswalk reads at most ${maxPages} pages per document.`,
      );
    }
    const pages: PendingPage[] = [];
    const stride = Math.max(1, options.share?.stride ?? 1);
    const offset = options.share?.offset ?? 0;
    for (let n = 1 + offset; n <= doc.numPages; n += stride) {
      throwIfAborted(options.signal);
      pages.push(await readPage(await doc.getPage(n), n));
      options.onProgress?.(n, doc.numPages);
    }
    const fonts = await learnFonts(doc, pages);
    return {
      pageCount: doc.numPages,
      pages: pages.map((page) => ({
        page: page.page,
        width: page.width,
        height: page.height,
        runs: page.runs.map((run) => {
          const { bold, italic } = fonts.style(run.fontName);
          // Spelled out rather than spread: this runs for every text run of the document.
          return { str: run.str, x: run.x, y: run.y, width: run.width, fontSize: run.fontSize, bold, italic };
        }),
      })),
    };
  } catch (error) {
    throwIfAborted(options.signal);
    if (error instanceof PdfInputError) throw error;
    throw new PdfInputError(
      'damaged',
      `The PDF is damaged and could not be read to the end (${describe(error)}). Try re-saving it from the original source.`,
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await task.destroy();
  }
}

/** A page read, before font styles are known. */
interface PendingPage {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly (Omit<TextRun, 'bold' | 'italic'> & { readonly fontName: string })[];
}

async function readPage(page: PdfJsPage, n: number): Promise<PendingPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: PendingPage['runs'][number][] = [];
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.length === 0) continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
    runs.push({
      str: item.str,
      x: e,
      y: f,
      width: item.width,
      fontSize: Math.hypot(a, b),
      fontName: item.fontName,
    });
  }
  page.cleanup();
  return { page: n, width: viewport.width, height: viewport.height, runs };
}

/**
 * Font names (and so weight and slant) are only published once a page's
 * operator list has been built, which costs about as much as reading the
 * page's text again, and much more on a page with images (a cover, a
 * masthead with a logo). So it is done once per font, after all pages are
 * read, on a page that uses the font — preferring any page but the first.
 */
async function learnFonts(doc: PdfJsDocument, pages: readonly PendingPage[]): Promise<FontBook> {
  const fonts = new FontBook();
  const where = new Map<string, number>();
  for (const page of pages) {
    for (const run of page.runs) {
      const seen = where.get(run.fontName);
      if (seen === undefined || (seen === 1 && page.page !== 1)) where.set(run.fontName, page.page);
    }
  }
  const byPage = new Map<number, string[]>();
  for (const [fontName, page] of where) byPage.set(page, [...(byPage.get(page) ?? []), fontName]);
  // Fewest operator lists: a page that teaches several fonts at once goes first.
  const order = [...byPage.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [pageNumber, names] of order) {
    if (names.every((name) => fonts.knows(name))) continue;
    const page = await doc.getPage(pageNumber);
    await page.getOperatorList();
    for (const fontName of where.keys()) fonts.learn(fontName, page);
    page.cleanup();
  }
  return fonts;
}

interface FontStyle {
  readonly bold: boolean;
  readonly italic: boolean;
}

/** Weight and slant per pdf.js font id, read from the embedded font's PostScript name. */
class FontBook {
  private readonly styles = new Map<string, FontStyle>();

  knows(fontName: string): boolean {
    return this.styles.has(fontName);
  }

  /** Records the style of a font the page's operator list has published; unknown fonts stay regular. */
  learn(fontName: string, page: PdfJsPage): void {
    if (this.styles.has(fontName) || !page.commonObjs.has(fontName)) return;
    const font = page.commonObjs.get(fontName);
    const name =
      typeof font === 'object' && font !== null && 'name' in font && typeof font.name === 'string'
        ? font.name
        : '';
    this.styles.set(fontName, styleFromFontName(name));
  }

  style(fontName: string): FontStyle {
    return this.styles.get(fontName) ?? { bold: false, italic: false };
  }
}

/** `ABCDEF+LiberationSans-BoldItalic`, `EUAlbertina-Bold`, `Times-BoldItalic`, `Arial,Bold` … */
export function styleFromFontName(name: string): FontStyle {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  return {
    bold: /bold|black|heavy|semibold|demi/i.test(bare),
    italic: /ital|oblique|slanted/i.test(bare),
  };
}

function isTextItem(item: PdfJsTextItem | { readonly type: string }): item is PdfJsTextItem {
  return 'str' in item;
}

function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may be preceded by junk within the first 1024 bytes (PDF 1.7, 7.5.2 note).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PdfInputError('cancelled', 'Reading the PDF was cancelled.');
}

function translateLoadError(
  error: unknown,
  passwordProblem: 'needed' | 'wrong' | null,
  passwordGiven: boolean,
): PdfInputError {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (passwordProblem !== null || name === 'PasswordException') {
    return passwordGiven || passwordProblem === 'wrong'
      ? new PdfInputError('password-wrong', 'The password for this encrypted PDF is not correct.')
      : new PdfInputError(
          'password-required',
          'The PDF is encrypted with a password and cannot be read without it.',
        );
  }
  if (name === 'InvalidPDFException') {
    return new PdfInputError(
      'damaged',
      'The PDF is damaged or incomplete (its structure cannot be read). Try re-saving it from the original source.',
    );
  }
  return new PdfInputError('damaged', `The PDF could not be opened (${describe(error)}).`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
