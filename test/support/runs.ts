/** Hand-built pdf.js-like text runs, for testing the layout stages without a PDF. */
import type { RawPage, TextRun } from '../../src/pdf/extract';

/** A run whose width is estimated from its length (half an em per character). */
export function run(str: string, x: number, y: number, fontSize = 10, style: Partial<TextRun> = {}): TextRun {
  return { str, x, y, width: str.length * fontSize * 0.5, fontSize, bold: false, italic: false, ...style };
}

export function page(n: number, runs: TextRun[], width = 595, height = 842): RawPage {
  return { page: n, width, height, runs };
}
