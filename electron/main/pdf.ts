/**
 * Memos to PDF in the desktop app: the memo's self-contained HTML is loaded into a hidden window
 * that cannot run scripts or reach anything (sandboxed, JavaScript off; the memo's own CSP forbids
 * every resource) and printed with Chromium's `printToPDF`, using the memo's A4 print CSS.
 */
import { BrowserWindow } from 'electron';

/** The PDF of one HTML document, A4, backgrounds printed. */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    // A data: URL, not a file: nothing is written to disk and the page has an opaque origin.
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`,
    );
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    window.destroy();
  }
}
