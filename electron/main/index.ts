/**
 * Electron main process: one sandboxed window, a locked-down session, the File menu and the IPC
 * handlers declared in the contract. Policy lives in ./security (pure and unit-tested); this file
 * only wires it to Electron.
 */
import { stat, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import {
  fail,
  INVOKE_CHANNELS,
  MAX_PDF_BYTES,
  parseEventPayload,
  parseInvokeArgs,
  parseInvokeValue,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeValue,
  type PdfFile,
  type Result,
} from '../../src/ipc/contract';
import {
  appOriginFor,
  buildWindowOptions,
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAllowedUrl,
  isAppUrl,
  withCspHeader,
} from './security';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

/** Set by `electron-vite dev`; ignored in a packaged app so nothing can point it elsewhere. */
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appOrigin = appOriginFor(devServerUrl, rendererDir);
const csp = devServerUrl === undefined ? CONTENT_SECURITY_POLICY : DEV_CONTENT_SECURITY_POLICY;

let mainWindow: BrowserWindow | null = null;

/** Denies every permission (camera, notifications, clipboard-read...) and blocks foreign requests. */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedUrl(details.url, appOrigin) });
  });
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
}

/** No pop-ups, no navigation away from the app, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Reads a PDF the user picked, refusing anything that is not a regular file or is too big. */
export async function readPdfFile(path: string): Promise<PdfFile> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new Error(`Crosswalk could not find "${name}". It may have been moved or deleted.`);
  }
  if (!info.isFile()) throw new Error(`"${name}" is not a file Crosswalk can open.`);
  if (info.size > MAX_PDF_BYTES) {
    throw new Error(
      `"${name}" is larger than ${MAX_PDF_BYTES / (1024 * 1024)} MB, which Crosswalk cannot open.`,
    );
  }
  try {
    const buffer = await readFile(path);
    return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch {
    throw new Error(`Crosswalk could not read "${name}". Check that you are allowed to open it.`);
  }
}

/** Shows the native Open dialog and reads the chosen PDF; `null` when the user cancels. */
export async function choosePdf(owner: BrowserWindow | null): Promise<PdfFile | null> {
  const options = {
    title: 'Open PDF',
    properties: ['openFile' as const],
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
  };
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return null;
  return readPdfFile(path);
}

type Handlers = {
  readonly [C in InvokeChannel]: (
    event: IpcMainInvokeEvent,
    ...args: InvokeArgs<C>
  ) => Promise<InvokeValue<C>> | InvokeValue<C>;
};

export const handlers: Handlers = {
  'pdf:open-dialog': (event) => choosePdf(BrowserWindow.fromWebContents(event.sender)),
  'app:info': () => ({ version: app.getVersion(), platform: process.platform }),
};

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== ''
    ? error.message
    : 'Something went wrong in Crosswalk.';
}

/**
 * Runs one invoke request: checks who sent it, validates the arguments (which arrive as
 * `unknown`), calls the handler and validates what goes back. Never throws.
 */
export async function handleInvoke<C extends InvokeChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  args: unknown,
): Promise<Result<InvokeValue<C>>> {
  const senderUrl = event.senderFrame?.url;
  if (!isAppUrl(senderUrl, appOrigin)) return fail('This request did not come from Crosswalk.');
  const parsed = parseInvokeArgs(channel, args);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (
      event: IpcMainInvokeEvent,
      ...args: InvokeArgs<C>
    ) => Promise<InvokeValue<C>> | InvokeValue<C>;
    const value = await handler(event, ...parsed.value);
    return parseInvokeValue(channel, value);
  } catch (error) {
    return fail(messageOf(error));
  }
}

/** Registers a handler for every invoke channel in the contract. */
export function registerIpc(): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleInvoke(channel, event, args));
  }
}

async function openFromMenu(): Promise<void> {
  const target = mainWindow;
  if (target === null) return;
  try {
    const file = await choosePdf(target);
    if (file === null) return;
    const payload = parseEventPayload('pdf:opened', file);
    if (payload.ok) target.webContents.send('pdf:opened', payload.value);
    else dialog.showErrorBox('Crosswalk', payload.error);
  } catch (error) {
    dialog.showErrorBox('Crosswalk', messageOf(error));
  }
}

/** File > Open PDF… and Quit, plus the standard Edit menu (copy) and, in development, DevTools. */
export function buildMenuTemplate(isMac: boolean, isDev: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Open PDF…', accelerator: 'CmdOrCtrl+O', click: () => void openFromMenu() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  });
  template.push({ role: 'editMenu' });
  if (isDev) template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  return template;
}

/** Creates the main window with the hardened options and loads the renderer. */
export async function createWindow(): Promise<BrowserWindow> {
  const win = new BrowserWindow(buildWindowOptions(preloadPath));
  mainWindow = win;
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (devServerUrl !== undefined) await win.loadURL(devServerUrl);
  else await win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

/** App start-up: one instance, sandbox everywhere, hardened session, menu, IPC, window. */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    registerIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate(process.platform === 'darwin', devServerUrl !== undefined)),
    );
    await createWindow();
  });
}

startApp();
