/**
 * Electron main process: one sandboxed window, a locked-down session, the application menu and the
 * IPC handlers declared in the contract. Policy lives in ./security, the menu in ./menu, window
 * placement in ./window-state (all pure and unit-tested) and file I/O in ./files; this file only
 * wires them to Electron.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  session,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type Session,
  type WebContents,
} from 'electron';
import {
  fail,
  INVOKE_CHANNELS,
  parseEventPayload,
  parseInvokeArgs,
  parseInvokeValue,
  type HostCommand,
  type ImportRole,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeValue,
  type PdfFile,
  type Result,
  type SaveRequest,
  type TextFile,
} from '../../src/ipc/contract';
import {
  readBundleFile,
  readPdfFile,
  readWindowStateFile,
  saveFilters,
  writeUserFile,
  writeWindowStateFile,
} from './files';
import { backupsRoot, listBackups, readBackup, writeBackup } from './backups';
import { printHtmlToPdf } from './pdf';
import { buildMenuTemplate, type MenuActions } from './menu';
import {
  appOriginFor,
  buildWindowOptions,
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAllowedUrl,
  isAppPageUrl,
  isAppUrl,
  withCspHeader,
} from './security';
import { fitWindowState, parseWindowState, serializeWindowState, trackWindowState } from './window-state';

export { buildMenuTemplate } from './menu';
export { readPdfFile } from './files';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

/** Set by `electron-vite dev`; ignored in a packaged app so nothing can point it elsewhere. */
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const appOrigin = appOriginFor(devServerUrl, rendererDir);
const csp = devServerUrl === undefined ? CONTENT_SECURITY_POLICY : DEV_CONTENT_SECURITY_POLICY;

let mainWindow: BrowserWindow | null = null;

/**
 * Denies every permission (camera, notifications, clipboard-read...), blocks foreign requests and
 * cancels downloads: the desktop page saves through `file:save`, where main shows the dialog.
 */
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
  target.on('will-download', (event) => event.preventDefault());
  // The permission checks above already refuse these APIs; cancelling the device pickers as well
  // means no chooser can appear even if a future Electron asks before checking.
  target.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  target.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  target.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
}

/**
 * No pop-ups (a middle click on a link asks for one too), no webviews, no frames, and no
 * navigation to anything but the app's own page: a PDF dropped on the window (a `file://`
 * navigation) or a link to one of the app's scripts is refused.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppPageUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  // `will-navigate` sees only the top frame. The CSP (frame-src 'none') already keeps frames out;
  // should one appear anyway, it may not navigate anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) stayInApp(event, event.url);
    else event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Web Bluetooth asks main to pick a device; the answer is always "none".
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

async function showOpenDialog(
  owner: BrowserWindow | null,
  options: OpenDialogOptions,
): Promise<string | null> {
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  return choice.canceled || path === undefined ? null : path;
}

/** Shows the native Open dialog and reads the chosen PDF; `null` when the user cancels. */
export async function choosePdf(owner: BrowserWindow | null, role: ImportRole): Promise<PdfFile | null> {
  const path = await showOpenDialog(owner, {
    title: role === 'law' ? 'Import law PDF' : 'Import code PDF',
    properties: ['openFile'],
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
  });
  return path === null ? null : readPdfFile(path);
}

/** Shows the native Open dialog and reads the chosen bundle as UTF-8 text; `null` on cancel. */
export async function chooseBundle(owner: BrowserWindow | null): Promise<TextFile | null> {
  const path = await showOpenDialog(owner, {
    title: 'Import bundle',
    properties: ['openFile'],
    filters: [{ name: 'Crosswalk bundles', extensions: ['json'] }],
  });
  return path === null ? null : readBundleFile(path);
}

/**
 * Shows the native Save dialog for a file the page made and writes it where the user says.
 * The page only suggests a name; it never learns or chooses the folder. `false` on cancel.
 */
export async function saveFile(owner: BrowserWindow | null, request: SaveRequest): Promise<boolean> {
  const options = {
    title: 'Save',
    defaultPath: request.suggestedName,
    filters: saveFilters(request.suggestedName),
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  // Older Electron versions left filePath undefined on cancel; the types say string.
  if (choice.canceled || !choice.filePath) return false;
  await writeUserFile(choice.filePath, request.contents);
  return true;
}

type Handlers = {
  readonly [C in InvokeChannel]: (
    event: IpcMainInvokeEvent,
    ...args: InvokeArgs<C>
  ) => Promise<InvokeValue<C>> | InvokeValue<C>;
};

const ownerOf = (event: IpcMainInvokeEvent): BrowserWindow | null =>
  BrowserWindow.fromWebContents(event.sender);

export const handlers: Handlers = {
  'pdf:open-dialog': (event, role) => choosePdf(ownerOf(event), role),
  'bundle:open-dialog': (event) => chooseBundle(ownerOf(event)),
  'file:save': (event, request) => saveFile(ownerOf(event), request),
  'memo:save-pdf': async (event, request) =>
    saveFile(ownerOf(event), {
      suggestedName: request.suggestedName,
      contents: await printHtmlToPdf(request.html),
      mimeType: 'application/pdf',
    }),
  'theme:set': (_event, dark) => {
    nativeTheme.themeSource = dark ? 'dark' : 'light';
    return null;
  },
  'app:info': () => ({ version: app.getVersion(), platform: process.platform }),
  // Main names and places backup files itself; the page only gives a project id and a bundle.
  'backup:write': (_event, request) =>
    writeBackup(backupsRoot(app.getPath('userData')), request.projectId, request.text),
  'backup:list': () => listBackups(backupsRoot(app.getPath('userData'))),
  'backup:read': (_event, ref) => readBackup(backupsRoot(app.getPath('userData')), ref.projectId, ref.name),
};

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== ''
    ? error.message
    : 'Something went wrong in Crosswalk.';
}

/**
 * Runs one invoke request: checks who sent it (the app's own page, top frame), validates the
 * arguments (which arrive as `unknown`), calls the handler and validates what goes back. Never throws.
 */
export async function handleInvoke<C extends InvokeChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  args: unknown,
): Promise<Result<InvokeValue<C>>> {
  const frame = event.senderFrame;
  if (!isAppUrl(frame?.url, appOrigin) || frame?.parent) {
    return fail('This request did not come from Crosswalk.');
  }
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

/** Sends a menu command to the page, validated like every other message. */
function sendCommand(target: BrowserWindow, command: HostCommand): void {
  if (target.isDestroyed()) return;
  const payload = parseEventPayload('host:command', command);
  if (payload.ok) target.webContents.send('host:command', payload.value);
  else dialog.showErrorBox('Crosswalk', payload.error);
}

/** Runs a menu item that first needs a file from a native dialog; errors become an error box. */
async function commandWithFile(pick: (owner: BrowserWindow) => Promise<HostCommand | null>): Promise<void> {
  const target = mainWindow;
  if (target === null) return;
  try {
    const command = await pick(target);
    if (command !== null) sendCommand(target, command);
  } catch (error) {
    dialog.showErrorBox('Crosswalk', messageOf(error));
  }
}

function simpleCommand(command: HostCommand): void {
  if (mainWindow !== null) sendCommand(mainWindow, command);
}

/** What the menu's items do in the running app. */
export const menuActions: MenuActions = {
  importPdf: (role) =>
    void commandWithFile(async (owner) => {
      const file = await choosePdf(owner, role);
      return file === null ? null : { kind: 'import-pdf', role, file };
    }),
  openSample: () => simpleCommand({ kind: 'open-sample' }),
  importBundle: () =>
    void commandWithFile(async (owner) => {
      const file = await chooseBundle(owner);
      return file === null ? null : { kind: 'import-bundle', file };
    }),
  exportMemo: () => simpleCommand({ kind: 'export-memo' }),
  toggleDarkMode: () => simpleCommand({ kind: 'toggle-dark-mode' }),
  about: () => simpleCommand({ kind: 'about' }),
  backupNow: () => simpleCommand({ kind: 'backup-now' }),
  restoreBackup: () => simpleCommand({ kind: 'restore-backup' }),
};

/** Where the window's size and position are kept between launches. */
export function windowStatePath(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/**
 * Creates the main window where it was last time (fitted onto today's displays), with the
 * hardened options, and loads the renderer.
 */
export async function createWindow(): Promise<BrowserWindow> {
  const statePath = windowStatePath();
  const saved = parseWindowState(await readWindowStateFile(statePath));
  const state = fitWindowState(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow(buildWindowOptions(preloadPath, state.bounds));
  mainWindow = win;
  hardenWebContents(win.webContents);
  trackWindowState(win, (current) => writeWindowStateFile(statePath, serializeWindowState(current)));
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // The page refuses to unload while edits could not be saved anywhere; Electron would then
  // silently keep the window open, so ask the user instead.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Stay', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some of your edits are not saved yet.',
      detail:
        'Crosswalk could not save your last edits (the window says why). If you close it now, they are lost.',
    });
    if (choice === 1) event.preventDefault();
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
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    registerIpc();
    app.setAboutPanelOptions({
      applicationName: 'Crosswalk',
      applicationVersion: app.getVersion(),
      credits: 'Reads a voluntary code of practice against the law it implements, clause by clause, offline.',
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isDev: devServerUrl !== undefined,
          actions: menuActions,
        }),
      ),
    );
    await createWindow();
  });
}

startApp();
