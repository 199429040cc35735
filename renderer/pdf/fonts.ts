/**
 * Where pdf.js's standard font data lives in a build: `pdfjs/standard_fonts/` next to the page
 * (scripts/vite-plugins.ts serves it in dev and emits it in builds), and how to read one file of
 * it from a page or a Web Worker, over http(s) in the web build and from file:// in Electron.
 */
import { STANDARD_FONTS_PATH } from './font-path';

/** Absolute URL of the standard font data folder (with the trailing slash pdf.js expects) for a page at `base`. */
export function standardFontDataUrlFor(base: string): string {
  return new URL(STANDARD_FONTS_PATH, base).href;
}

/**
 * Reads a file of the app's own: `fetch` over http(s); XMLHttpRequest otherwise, since Chromium's
 * (and so Electron's) `fetch` refuses file:// URLs while XHR reads them (pdf.js's own loader makes
 * the same choice). Both exist in a Web Worker.
 */
export async function readAppFile(url: string): Promise<Uint8Array> {
  if (/^https?:$/.test(new URL(url).protocol)) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url, true);
    request.responseType = 'arraybuffer';
    request.onload = () => {
      // file:// answers with status 0.
      if ((request.status === 200 || request.status === 0) && request.response instanceof ArrayBuffer) {
        resolve(new Uint8Array(request.response));
      } else {
        reject(new Error(`${url}: status ${request.status}`));
      }
    };
    request.onerror = () => reject(new Error(`${url}: could not be read`));
    request.send();
  });
}
