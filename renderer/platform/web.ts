/**
 * The plain web page's host: hidden `<input type=file>` elements opened on demand, and downloads
 * for saving. It is written against the small slice of the DOM declared below (a real `Document`
 * fits it), so tests can drive it with a fake document and no browser.
 */
import { version } from '../../package.json';
import {
  decodeBundleText,
  MAX_BUNDLE_BYTES,
  MAX_PDF_BYTES,
  tooLargeMessage,
  toSafeFileName,
} from '../../src/ipc/contract';
import type { HostInfo, PdfFile, Platform, TextFile } from './types';

/** The slice of a browser `File` used here; a real `File` (input or drop) fits. */
export interface BrowserFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What `append` accepts: a DOM node (or the fake one in tests). */
interface NodeLike {
  readonly nodeType: number;
}

interface FileInput extends NodeLike {
  type: string;
  accept: string;
  hidden: boolean;
  readonly dataset: Record<string, string | undefined>;
  readonly files: ArrayLike<BrowserFile> | null;
  addEventListener(type: 'change' | 'cancel', listener: () => void, options?: { once?: boolean }): void;
  click(): void;
  remove(): void;
}

interface DownloadLink extends NodeLike {
  href: string;
  download: string;
  rel: string;
  hidden: boolean;
  click(): void;
  remove(): void;
}

/** The slice of `Document` the web platform uses. */
export interface WebDocument {
  createElement(tagName: 'input'): FileInput;
  createElement(tagName: 'a'): DownloadLink;
  readonly body: { append(...nodes: (NodeLike | string)[]): void };
}

/** Object URLs and a timer: the browser's by default, fakes in tests. */
export interface WebHost {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

const browserHost: WebHost = {
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
};

/**
 * How long a download's object URL stays alive. Revoking it in the same task as the click can
 * cancel the download in some browsers; a minute is more than any browser needs to start it.
 */
export const REVOKE_DELAY_MS = 60_000;

/**
 * Reads a PDF `File` (from a file input or a drop) into the shape the rest of the page uses.
 * Refuses, with a plain message, a file over the limit the desktop app also applies.
 */
export async function readBrowserFile(file: BrowserFile): Promise<PdfFile> {
  if (file.size > MAX_PDF_BYTES) throw new Error(tooLargeMessage(file.name, MAX_PDF_BYTES, 'a PDF'));
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Reads a bundle `File` as UTF-8 text, refusing one over 64 MB or one that is not UTF-8. */
export async function readBundleFile(file: BrowserFile): Promise<TextFile> {
  if (file.size > MAX_BUNDLE_BYTES) {
    throw new Error(tooLargeMessage(file.name, MAX_BUNDLE_BYTES, 'a bundle'));
  }
  const text = decodeBundleText(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!text.ok) throw new Error(text.error);
  return { name: file.name, text: text.value };
}

/** The plain web page's implementation of {@link Platform}. */
export function createWebPlatform(doc: WebDocument, host: WebHost = browserHost): Platform {
  /** The picker still open, per test id: a new pick of the same kind closes it as cancelled. */
  const open = new Map<string, () => void>();

  function pick<T>(
    accept: string,
    testId: string,
    read: (file: BrowserFile) => Promise<T>,
  ): Promise<T | null> {
    open.get(testId)?.();
    return new Promise<T | null>((resolve, reject) => {
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.hidden = true;
      input.dataset['testid'] = testId;
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        input.remove();
        if (open.get(testId) === cancel) open.delete(testId);
        return true;
      };
      // A browser that never fires `cancel` leaves the promise pending until the next pick.
      const cancel = (): void => {
        if (finish()) resolve(null);
      };
      input.addEventListener(
        'change',
        () => {
          const file = input.files?.[0];
          if (!finish()) return;
          if (file === undefined) resolve(null);
          else read(file).then(resolve, reject);
        },
        { once: true },
      );
      input.addEventListener('cancel', cancel, { once: true });
      open.set(testId, cancel);
      doc.body.append(input);
      input.click();
    });
  }

  return {
    kind: 'web',
    openPdf() {
      return pick('application/pdf,.pdf', 'pdf-file-input', readBrowserFile);
    },
    openBundle() {
      return pick('application/json,.json', 'bundle-file-input', readBundleFile);
    },
    saveFile(suggestedName, contents, mimeType) {
      // `slice()` copies the bytes into a plain ArrayBuffer, which is what Blob takes.
      const blob = new Blob([typeof contents === 'string' ? contents : contents.slice()], { type: mimeType });
      const url = host.createObjectURL(blob);
      try {
        const link = doc.createElement('a');
        link.href = url;
        // The same portable name the desktop app would suggest (browsers differ in what they clean up).
        link.download = toSafeFileName(suggestedName);
        link.rel = 'noopener';
        link.hidden = true;
        doc.body.append(link);
        link.click();
        link.remove();
      } finally {
        host.setTimeout(() => host.revokeObjectURL(url), REVOKE_DELAY_MS);
      }
      // A browser download has no cancel the page can see: once started, it counts as saved.
      return Promise.resolve(true);
    },
    // The browser's print dialog makes the PDF (renderer/export/printHtml.ts).
    savePdf: null,
    onCommand() {
      // A web page has no application menu: its own toolbar raises the same commands.
      return () => undefined;
    },
    setDarkMode() {
      // No native parts to restyle: the page's own CSS is all there is.
      return Promise.resolve();
    },
    info(): Promise<HostInfo> {
      return Promise.resolve({ version, platform: 'web' });
    },
    // A page cannot write files unasked: backups are offered as downloads (see renderer/backup).
    backups: null,
  };
}
