/** A PDF the user chose. The renderer only ever learns a file's name, never its path. */
export interface PdfFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * What the page needs from its host. The desktop app implements it over the preload bridge, the
 * plain web page with a file input; the UI never knows which one it has.
 */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  /** Lets the user pick a PDF and returns its bytes; `null` when they cancel. */
  openPdf(): Promise<PdfFile | null>;
  /** PDFs opened from outside the page (desktop: File > Open PDF…). Returns the unsubscribe function. */
  onPdfOpened(listener: (file: PdfFile) => void): () => void;
}
