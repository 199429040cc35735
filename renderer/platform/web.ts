import type { PdfFile, Platform } from './types';

/** Reads a `File` (from a file input or a drop) into the shape the rest of the page uses. */
export async function readBrowserFile(file: File): Promise<PdfFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The plain web page: a hidden `<input type=file>` opened on demand. */
export function createWebPlatform(doc: Document): Platform {
  return {
    kind: 'web',
    openPdf() {
      return new Promise<PdfFile | null>((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = 'application/pdf,.pdf';
        input.hidden = true;
        input.dataset['testid'] = 'pdf-file-input';
        const finish = (): void => input.remove();
        input.addEventListener(
          'change',
          () => {
            const file = input.files?.[0];
            finish();
            if (file === undefined) resolve(null);
            else readBrowserFile(file).then(resolve, reject);
          },
          { once: true },
        );
        input.addEventListener(
          'cancel',
          () => {
            finish();
            resolve(null);
          },
          { once: true },
        );
        doc.body.append(input);
        input.click();
      });
    },
    onPdfOpened() {
      // A web page has no application menu: nothing arrives from outside.
      return () => undefined;
    },
  };
}
