/**
 * The subset of pdf.js that Crosswalk relies on, declared here so the rest of
 * the core never depends on pdf.js's own (large, changing) types, and so tests
 * can pass a fake. The Node CLI passes `pdfjs-dist/legacy/build/pdf.mjs`; the
 * browser passes `pdfjs-dist` with its worker configured.
 */

export interface PdfJsTextItem {
  readonly str: string;
  /** [a, b, c, d, e, f]: e/f is the baseline origin, a/d the font scale. */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
  readonly hasEOL: boolean;
}

export interface PdfJsTextContent {
  readonly items: readonly (PdfJsTextItem | { readonly type: string })[];
}

export interface PdfJsFontObject {
  readonly name?: string;
}

export interface PdfJsPage {
  getViewport(params: { scale: number }): { readonly width: number; readonly height: number };
  getTextContent(): Promise<PdfJsTextContent>;
  /** Only called to learn a font's real name (and so its weight), once per new font. */
  getOperatorList(): Promise<unknown>;
  readonly commonObjs: {
    has(id: string): boolean;
    get(id: string): unknown;
  };
  cleanup(): boolean | void;
}

export interface PdfJsDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}

export interface PdfJsLoadingTask {
  readonly promise: Promise<PdfJsDocument>;
  onPassword?: ((updatePassword: (password: string) => void, reason: number) => void) | null;
  destroy(): Promise<void>;
}

export interface PdfJsGetDocumentParams {
  data: Uint8Array;
  password?: string;
  isEvalSupported: false;
  /** Never fetch fonts or CMaps from anywhere: Crosswalk is offline. */
  disableFontFace?: boolean;
  standardFontDataUrl?: string;
  cMapUrl?: string;
  cMapPacked?: boolean;
  useSystemFonts?: boolean;
  stopAtErrors?: boolean;
  verbosity?: number;
}

/** What the adapter needs from the pdf.js module. */
export interface PdfJsLib {
  getDocument(params: PdfJsGetDocumentParams): PdfJsLoadingTask;
}
