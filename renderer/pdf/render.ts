/**
 * Drawing PDF pages for the page view: pdf.js's display API on the page's thread, its parser in the
 * worker that ./pdfjs.ts configures (served from our own files), fonts from the standard font data
 * shipped with the app. Nothing is fetched from anywhere else.
 *
 * The page view imports this module lazily, so pdf.js's display code is loaded only when a page is
 * first shown, not at start-up.
 */
import * as pdfjsLib from 'pdfjs-dist';
import type { ViewportTransform } from '../../src/pdf/highlight';
import { standardFontDataUrl } from './pdfjs';

/** A page drawn into a canvas of its own, with the viewport it was drawn at. */
export interface RenderedPage {
  readonly pageNumber: number;
  readonly canvas: HTMLCanvasElement;
  /** Size in CSS pixels (the canvas itself has `pixelRatio` times as many). */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  /** PDF user space to CSS pixels on this page (pdf.js's `viewport.transform`). */
  readonly transform: ViewportTransform;
}

/** A render in progress; `cancel` stops it and makes its promise reject. */
export interface RenderJob {
  readonly promise: Promise<RenderedPage>;
  cancel(): void;
}

/** An open PDF, ready to draw pages from. */
export interface PdfForRendering {
  readonly pages: number;
  /** Page `pageNumber`'s size in points, as displayed (its rotation applied). */
  pageSize(pageNumber: number): Promise<{ readonly width: number; readonly height: number }>;
  /**
   * Draws page `pageNumber` at `scale` CSS pixels per point; `pixelRatio` gives the canvas pixels
   * per CSS pixel for a page of the given CSS size (the screen's density, capped for huge pages).
   */
  render(pageNumber: number, scale: number, pixelRatio: (width: number, height: number) => number): RenderJob;
}

/** Opening a PDF; `destroy` releases the document (and its worker-side state) whether or not it opened yet. */
export interface OpeningPdf {
  readonly promise: Promise<PdfForRendering>;
  destroy(): Promise<void>;
}

class Cancelled extends Error {
  constructor() {
    super('Drawing the page was cancelled.');
    this.name = 'RenderingCancelledException';
  }
}

function sixNumbers(values: readonly number[]): ViewportTransform {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = values;
  return [a, b, c, d, e, f];
}

function wrap(doc: pdfjsLib.PDFDocumentProxy): PdfForRendering {
  return {
    pages: doc.numPages,
    async pageSize(pageNumber) {
      const viewport = (await doc.getPage(pageNumber)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    render(pageNumber, scale, pixelRatio) {
      let cancelled = false;
      let task: pdfjsLib.RenderTask | null = null;
      const promise = (async (): Promise<RenderedPage> => {
        const page = await doc.getPage(pageNumber);
        if (cancelled) throw new Cancelled();
        const viewport = page.getViewport({ scale });
        const ratio = pixelRatio(viewport.width, viewport.height);
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
        canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
        task = page.render({
          canvas,
          viewport,
          ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
        });
        await task.promise;
        if (cancelled) throw new Cancelled();
        return {
          pageNumber,
          canvas,
          width: viewport.width,
          height: viewport.height,
          pixelRatio: ratio,
          transform: sixNumbers(viewport.transform),
        };
      })();
      return {
        promise,
        cancel() {
          cancelled = true;
          task?.cancel();
        },
      };
    },
  };
}

/**
 * Opens PDF bytes for drawing. pdf.js takes ownership of (detaches) the buffer it is handed, so it
 * gets a copy: the caller's bytes stay usable.
 */
export function openPdfForRendering(bytes: Uint8Array): OpeningPdf {
  const task = pdfjsLib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    standardFontDataUrl: standardFontDataUrl(),
    // The standard fonts the app ships, not whatever the machine has: the same page everywhere.
    useSystemFonts: false,
    verbosity: 0,
  });
  return {
    promise: task.promise.then(wrap),
    destroy: () => task.destroy(),
  };
}
