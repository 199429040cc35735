/**
 * Memos to PDF in the desktop app: the memo's self-contained HTML is written to a private temporary
 * file and loaded into a hidden window that cannot run scripts or reach anything, then printed with
 * Chromium's `printToPDF`, using the memo's A4 print CSS.
 *
 * A file rather than a `data:` URL: Chromium refuses URLs over 2 MB, and a memo of the whole Safety
 * and Security chapter with its suggestions is about that. The window lives in its own in-memory
 * session whose only allowed request is that one file (the memo's CSP forbids every resource too),
 * with every permission and download refused, like the app's own session.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, type Session } from 'electron';

/** The file URLs the print session may load: only the memo being printed. */
const allowed = new Set<string>();
let printSession: Session | null = null;

function printingSession(): Session {
  if (printSession !== null) return printSession;
  // No `persist:` prefix: the session is in memory and leaves nothing on disk.
  const created = session.fromPartition(`crosswalk-print-${randomUUID()}`);
  created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  created.setPermissionCheckHandler(() => false);
  created.on('will-download', (event) => event.preventDefault());
  created.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed.has(details.url) }));
  printSession = created;
  return created;
}

/** The PDF of one HTML document, A4, backgrounds printed. */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'crosswalk-print-'));
  const file = join(dir, 'memo.html');
  const url = pathToFileURL(file).href;
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  allowed.add(url);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      session: printingSession(),
    },
  });
  try {
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    allowed.delete(url);
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
