/**
 * Main-process wiring, with Electron replaced by fakes (the real binary cannot run here). The
 * fakes record what main registers; the tests then play the part of Chromium and the renderer.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import * as fakes from './fake-electron';
import type { Call } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

function win() {
  const first = fakes.FakeWindow.instances[0];
  if (!first) throw new Error('no window was created');
  return first;
}

/** The single registered listener passed to a recorded `vi.fn` (first argument). */
function registered(fn: { mock: { calls: unknown[][] } }): Call {
  const call = fn.mock.calls[0];
  if (!call) throw new Error('handler was not registered');
  return call[0] as Call;
}

let appUrl = '';

function invoke(
  channel: string,
  senderUrl: string | null,
  ...args: unknown[]
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const handler = fakes.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = {
    sender: win().webContents,
    senderFrame: senderUrl === null ? null : { url: senderUrl, parent: null },
  };
  return handler(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crosswalk-main-'));
}

beforeAll(async () => {
  process.env['ELECTRON_RENDERER_URL'] = 'https://evil.example/'; // must be ignored when packaged
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(win().loadFile).toHaveBeenCalled());
  const indexPath = win().loadFile.mock.calls[0]?.[0] ?? '';
  appUrl = pathToFileURL(indexPath).href;
});

beforeEach(() => {
  fakes.dialog.showOpenDialog.mockReset();
  fakes.dialog.showSaveDialog.mockReset();
  fakes.dialog.showErrorBox.mockReset();
  win().webContents.send.mockReset();
});

describe('start-up', () => {
  it('holds the single-instance lock and turns the sandbox on for every renderer', () => {
    expect(fakes.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fakes.app.quit).not.toHaveBeenCalled();
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
  });

  it('opens one window with a sandboxed, isolated, Node-free renderer and the CommonJS preload', () => {
    expect(fakes.FakeWindow.instances).toHaveLength(1);
    const prefs = win().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs['preload']).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('opens the first window at the default size, centered on the primary display', () => {
    expect(win().options).toMatchObject({ x: 360, y: 115, width: 1200, height: 820, show: false });
  });

  it('shows the window once it is ready', () => {
    win().emit('ready-to-show');
    expect(win().show).toHaveBeenCalled();
    expect(win().maximize).not.toHaveBeenCalled();
  });

  it('loads the bundled renderer from disk, ignoring a dev-server URL in a packaged app', () => {
    expect(win().loadFile.mock.calls[0]?.[0]).toMatch(/[\\/]renderer[\\/]index\.html$/);
    expect(win().loadURL).not.toHaveBeenCalled();
  });

  it('fills in the About panel', () => {
    expect(fakes.app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'Crosswalk', applicationVersion: '0.1.0' }),
    );
  });

  it('quits at once, without opening a window, when another instance holds the lock', async () => {
    const { startApp } = await import('../../electron/main/index');
    const readyCalls = fakes.app.whenReady.mock.calls.length;
    fakes.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startApp();
    expect(fakes.app.quit).toHaveBeenCalledTimes(1);
    expect(fakes.app.whenReady.mock.calls.length).toBe(readyCalls);
    expect(fakes.FakeWindow.instances).toHaveLength(1);
    fakes.app.quit.mockClear();
  });

  it('focuses the existing window when a second instance starts', () => {
    fakes.app.emit('second-instance');
    expect(win().restore).toHaveBeenCalled();
    expect(win().focus).toHaveBeenCalled();
  });
});

describe('window hardening', () => {
  it('denies every window.open', () => {
    expect(win().webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(win().webContents.openHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
  });

  function navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const details = { url, preventDefault: vi.fn() };
    win().webContents.emit(event, details);
    return details.preventDefault.mock.calls.length > 0;
  }

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'file:///home/me/Downloads/AI%20Act.pdf',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'devtools://devtools/bundled/inspector.html',
    'chrome://gpu',
  ])('prevents navigation to %s', (url) => {
    expect(navigate('will-navigate', url)).toBe(true);
    expect(navigate('will-redirect', url)).toBe(true);
  });

  it('does not let a PDF dropped on the window, or one of the app scripts, replace the page', () => {
    expect(navigate('will-navigate', appUrl.replace('index.html', 'assets/dropped.pdf'))).toBe(true);
    expect(navigate('will-navigate', appUrl.replace('index.html', 'assets/index.js'))).toBe(true);
    expect(navigate('will-navigate', appUrl.replace('index.html', '../main/index.js'))).toBe(true);
  });

  it('lets the page reload itself', () => {
    expect(navigate('will-navigate', `${appUrl}#outline`)).toBe(false);
    expect(navigate('will-navigate', `${appUrl}?project=1`)).toBe(false);
  });

  function navigateFrame(url: string, isMainFrame: boolean): boolean {
    const details = { url, isMainFrame, preventDefault: vi.fn() };
    win().webContents.emit('will-frame-navigate', details);
    return details.preventDefault.mock.calls.length > 0;
  }

  it('holds the top frame to the app page in will-frame-navigate too', () => {
    expect(navigateFrame('https://evil.example/', true)).toBe(true);
    expect(navigateFrame('file:///home/me/Downloads/AI%20Act.pdf', true)).toBe(true);
    expect(navigateFrame(`${appUrl}?project=1`, true)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', ''])(
    'lets no subframe navigate, not even to %j or the app page',
    (url) => {
      expect(navigateFrame(url, false)).toBe(true);
      expect(navigateFrame(appUrl, false)).toBe(true);
    },
  );

  it('answers a Web Bluetooth device request with no device', () => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    win().webContents.emit(
      'select-bluetooth-device',
      event,
      [{ deviceId: 'a1', deviceName: 'Keyboard' }],
      callback,
    );
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });

  it('hardens every other web contents the same way', () => {
    const attach = { preventDefault: vi.fn() };
    win().webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    const other = new fakes.FakeWebContents();
    fakes.app.emit('web-contents-created', {}, other);
    const attachOther = { preventDefault: vi.fn() };
    other.emit('will-attach-webview', attachOther);
    expect(attachOther.preventDefault).toHaveBeenCalled();
    expect(other.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const away = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    other.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  const defaultSession = fakes.session.defaultSession;

  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'fullscreen',
      'pointerLock',
      'midiSysex',
      'storage-access',
      'unknown',
    ]) {
      const callback = vi.fn();
      registered(defaultSession.setPermissionRequestHandler)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(registered(defaultSession.setPermissionCheckHandler)({}, permission, appUrl, {})).toBe(false);
    }
    expect(registered(defaultSession.setDevicePermissionHandler)({})).toBe(false);
  });

  /** The listener main registered on the session for `name`. */
  function sessionListener(name: string): Call {
    const call = defaultSession.on.mock.calls.find((entry: unknown[]) => entry[0] === name);
    if (!call) throw new Error(`nothing listens to ${name}`);
    return call[1] as Call;
  }

  it.each([
    ['select-hid-device', { deviceList: [{ deviceId: 'h1' }] }],
    ['select-usb-device', { deviceList: [{ deviceId: 'u1' }] }],
  ])('cancels %s: no device chooser, no device', (name, details) => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    sessionListener(name)(event, details, callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith();
  });

  it('cancels select-serial-port: no port', () => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    sessionListener('select-serial-port')(event, [{ portId: 'p1' }], {}, callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });

  it('cancels downloads (the desktop page saves through main)', () => {
    const download = { preventDefault: vi.fn() };
    sessionListener('will-download')(download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['https://evil.example/beacon', true],
    ['http://127.0.0.1:9000/', true],
    ['file:///etc/passwd', true],
    ['wss://evil.example/', true],
    ['data:image/png;base64,AAAA', false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('request to %s: cancel=%s', (url, cancel) => {
    const callback = vi.fn();
    registered(defaultSession.webRequest.onBeforeRequest)({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });

  it('lets the app load its own files', () => {
    const callback = vi.fn();
    registered(defaultSession.webRequest.onBeforeRequest)(
      { url: appUrl.replace('index.html', 'assets/x.js') },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ cancel: false });
  });

  it('puts the strict CSP on every response, replacing any other', () => {
    const callback = vi.fn();
    registered(defaultSession.webRequest.onHeadersReceived)(
      { url: appUrl, responseHeaders: { 'Content-Security-Policy': ['default-src *'], 'X-Other': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

// Who may call each channel, and with what: test/electron/main.ipc.test.ts (every channel, table-driven).

describe('IPC: app:info and theme:set', () => {
  it('answers app:info', async () => {
    expect(await invoke('app:info', appUrl)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: process.platform },
    });
  });

  it('theme:set makes native parts follow the page', async () => {
    expect(await invoke('theme:set', appUrl, true)).toEqual({ ok: true, value: null });
    expect(fakes.nativeTheme.themeSource).toBe('dark');
    expect(await invoke('theme:set', appUrl, false)).toEqual({ ok: true, value: null });
    expect(fakes.nativeTheme.themeSource).toBe('light');
    expect(await invoke('theme:set', appUrl, 'system')).toMatchObject({ ok: false });
    expect(fakes.nativeTheme.themeSource).toBe('light');
  });
});

describe('IPC: pdf:open-dialog', () => {
  it('returns null when the user cancels the Open dialog', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke('pdf:open-dialog', appUrl, 'law')).toEqual({ ok: true, value: null });
  });

  it('reads the chosen PDF in main and hands over its name and bytes, never its path', async () => {
    const dir = tempDir();
    const path = join(dir, 'AI Act.pdf');
    writeFileSync(path, '%PDF-1.7\n%%EOF\n');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });

    const result = (await invoke('pdf:open-dialog', appUrl, 'law')) as {
      ok: true;
      value: { name: string; bytes: Uint8Array };
    };
    expect(result.ok).toBe(true);
    expect(result.value.name).toBe('AI Act.pdf');
    expect(new TextDecoder().decode(result.value.bytes)).toBe('%PDF-1.7\n%%EOF\n');
    expect(Object.keys(result.value).sort()).toEqual(['bytes', 'name']);
    const [owner, options] = fakes.dialog.showOpenDialog.mock.calls[0] as [
      unknown,
      { title: string; filters: { extensions: string[] }[] },
    ];
    expect(owner).toBe(win());
    expect(options.title).toBe('Import law PDF');
    expect(options.filters[0]?.extensions).toEqual(['pdf']);
  });

  it('names the role in the dialog title', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await invoke('pdf:open-dialog', appUrl, 'code');
    expect((fakes.dialog.showOpenDialog.mock.calls[0]?.[1] as { title: string }).title).toBe(
      'Import code PDF',
    );
  });

  it('explains in plain words when the chosen path cannot be read', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.pdf'));
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'folder.pdf')] });
    expect(await invoke('pdf:open-dialog', appUrl, 'code')).toEqual({
      ok: false,
      error: '"folder.pdf" is not a file Crosswalk can open.',
    });

    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'gone.pdf')] });
    const missing = await invoke('pdf:open-dialog', appUrl, 'code');
    expect(missing.ok).toBe(false);
    expect(missing.error).toContain('could not find "gone.pdf"');
    expect(missing.error).not.toContain(dir);
  });

  it('hands over a file whose name Linux allows but a display name would not (newline, backslash)', async () => {
    const dir = tempDir();
    const path = join(dir, 'odd\\na\nme.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    expect(await invoke('pdf:open-dialog', appUrl, 'law')).toMatchObject({
      ok: true,
      value: { name: 'odd_na_me.pdf' },
    });
  });
});

describe('IPC: bundle:open-dialog', () => {
  it('reads the chosen bundle as text, without its path', async () => {
    const dir = tempDir();
    const path = join(dir, 'project.json');
    writeFileSync(path, '\uFEFF{"title":"Artikel 53 – Pflichten"}');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    expect(await invoke('bundle:open-dialog', appUrl)).toEqual({
      ok: true,
      value: { name: 'project.json', text: '{"title":"Artikel 53 – Pflichten"}' },
    });
    const options = fakes.dialog.showOpenDialog.mock.calls[0]?.[1] as {
      title: string;
      filters: { extensions: string[] }[];
    };
    expect(options.title).toBe('Import bundle');
    expect(options.filters[0]?.extensions).toEqual(['json']);
  });

  it('returns null on cancel', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke('bundle:open-dialog', appUrl)).toEqual({ ok: true, value: null });
  });

  it('refuses a file that is not UTF-8 text with a plain message', async () => {
    const dir = tempDir();
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0x22, 0xe4, 0x22, 0x7d]));
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    expect(await invoke('bundle:open-dialog', appUrl)).toEqual({
      ok: false,
      error: '"latin1.json" is not UTF-8 text, so Crosswalk cannot read it as a bundle.',
    });
  });
});

describe('IPC: file:save', () => {
  const request = (overrides: Record<string, unknown> = {}) => ({
    suggestedName: 'Crosswalk memo.md',
    contents: '# Memo\n\nArticle 53 – obligations\n',
    mimeType: 'text/markdown; charset=utf-8',
    ...overrides,
  });

  it('shows the Save dialog with the suggested name and a filter for its type, then writes there', async () => {
    const dir = tempDir();
    const target = join(dir, 'chosen by user.md');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await invoke('file:save', appUrl, request())).toEqual({ ok: true, value: true });
    const [owner, options] = fakes.dialog.showSaveDialog.mock.calls[0] as [
      unknown,
      { defaultPath: string; filters: { name: string; extensions: string[] }[]; properties: string[] },
    ];
    expect(owner).toBe(win());
    expect(options.defaultPath).toBe('Crosswalk memo.md');
    expect(options.filters).toEqual([
      { name: 'Markdown', extensions: ['md'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(readFileSync(target, 'utf8')).toBe('# Memo\n\nArticle 53 – obligations\n');
    expect(readdirSync(dir)).toEqual(['chosen by user.md']);
  });

  it('writes bytes as they are', async () => {
    const dir = tempDir();
    const target = join(dir, 'memo.docx');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    expect(
      await invoke('file:save', appUrl, request({ suggestedName: 'memo.docx', contents: bytes })),
    ).toEqual({
      ok: true,
      value: true,
    });
    expect([...readFileSync(target)]).toEqual([...bytes]);
  });

  it('returns false and writes nothing when the user cancels', async () => {
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await invoke('file:save', appUrl, request())).toEqual({ ok: true, value: false });
  });

  it('explains a failed write without revealing the folder, and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'no-such-folder', 'memo.md');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await invoke('file:save', appUrl, request())).toEqual({
      ok: false,
      error: 'Crosswalk could not save "memo.md". Check that you can write to that folder.',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([['../x.pdf'], ['C:\\x'], ['/etc/cron.d/job'], ['memo\u0000.md'], ['memo\u202Edm.exe']])(
    'refuses %j as a suggested name without showing a dialog',
    async (suggestedName) => {
      expect(await invoke('file:save', appUrl, request({ suggestedName }))).toMatchObject({ ok: false });
      expect(fakes.dialog.showSaveDialog).not.toHaveBeenCalled();
    },
  );
});

describe('application menu', () => {
  function menu(label: string): MenuItem[] {
    const template = fakes.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItem[];
    return template.find((item) => item.label === label)?.submenu ?? [];
  }
  function click(menuLabel: string, itemLabel: string): void {
    const item = menu(menuLabel).find((entry) => entry.label === itemLabel);
    if (!item?.click) throw new Error(`no ${menuLabel} > ${itemLabel}`);
    item.click();
  }

  it('is installed, with File, Edit, View and Help', () => {
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(menu('File').map((item) => item.label ?? item.role)).toContain('Import law PDF…');
    expect(menu('Edit').map((item) => item.role)).toContain('copy');
    expect(menu('View').map((item) => item.role)).not.toContain('toggleDevTools');
    expect(menu('Help').map((item) => item.label)).toEqual(['About Crosswalk']);
  });

  it.each([
    ['Import law PDF…', 'law'],
    ['Import code PDF…', 'code'],
  ])('%s reads the file in main and sends its bytes to the page', async (label, role) => {
    const dir = tempDir();
    const path = join(dir, 'code.pdf');
    writeFileSync(path, '%PDF-1.4\n');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });

    click('File', label);
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalled());
    const [channel, payload] = win().webContents.send.mock.calls[0] as [
      string,
      { kind: string; role: string; file: { name: string; bytes: Uint8Array } },
    ];
    expect(channel).toBe('host:command');
    expect(payload.kind).toBe('import-pdf');
    expect(payload.role).toBe(role);
    expect(payload.file.name).toBe('code.pdf');
    expect(payload.file.bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.stringify(payload)).not.toContain(dir);
  });

  it('Import bundle… reads the text in main and sends it', async () => {
    const dir = tempDir();
    const path = join(dir, 'bundle.json');
    writeFileSync(path, '{"v":1}');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    click('File', 'Import bundle…');
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalled());
    expect(win().webContents.send).toHaveBeenCalledWith('host:command', {
      kind: 'import-bundle',
      file: { name: 'bundle.json', text: '{"v":1}' },
    });
  });

  it('sends nothing when the user cancels the dialog', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    click('File', 'Import law PDF…');
    await vi.waitFor(() => expect(fakes.dialog.showOpenDialog).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(win().webContents.send).not.toHaveBeenCalled();
    expect(fakes.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('shows a plain error box instead of sending anything when reading fails', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/nonexistent/x.pdf'] });
    click('File', 'Import code PDF…');
    await vi.waitFor(() => expect(fakes.dialog.showErrorBox).toHaveBeenCalled());
    expect(fakes.dialog.showErrorBox.mock.calls[0]?.[1]).toContain('could not find "x.pdf"');
    expect(win().webContents.send).not.toHaveBeenCalled();
  });

  it.each([
    ['File', 'Open sample project', 'open-sample'],
    ['File', 'Export memo…', 'export-memo'],
    ['View', 'Toggle Dark Mode', 'toggle-dark-mode'],
    ['Help', 'About Crosswalk', 'about'],
  ])('%s > %s sends %s', (menuLabel, itemLabel, kind) => {
    click(menuLabel, itemLabel);
    expect(win().webContents.send).toHaveBeenCalledWith('host:command', { kind });
  });
});

describe('window size and position', () => {
  const statePath = (): string => join(fakes.userData, 'window-state.json');

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the normal bounds shortly after the window stops moving', () => {
    vi.useFakeTimers();
    win().getNormalBounds.mockReturnValue({ x: 40, y: 50, width: 1000, height: 700 });
    win().emit('move');
    win().emit('resize');
    expect(existsSync(statePath())).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(readFileSync(statePath(), 'utf8'))).toEqual({
      bounds: { x: 40, y: 50, width: 1000, height: 700 },
      isMaximized: false,
    });
  });

  it('saves at once when the window closes, maximized or not', () => {
    win().isMaximized.mockReturnValue(true);
    win().getNormalBounds.mockReturnValue({ x: 100, y: 80, width: 900, height: 600 });
    win().emit('close');
    expect(JSON.parse(readFileSync(statePath(), 'utf8'))).toEqual({
      bounds: { x: 100, y: 80, width: 900, height: 600 },
      isMaximized: true,
    });
  });

  it('reopens the next window where the last one was, maximized again', async () => {
    const { createWindow } = await import('../../electron/main/index');
    const next = (await createWindow()) as unknown as fakes.FakeWindow;
    expect(next.options).toMatchObject({ x: 100, y: 80, width: 900, height: 600 });
    next.emit('ready-to-show');
    expect(next.maximize).toHaveBeenCalled();
    expect(next.show).toHaveBeenCalled();
  });

  it('falls back to the default placement when the saved file is garbage', async () => {
    writeFileSync(statePath(), '{"bounds": {"x": "__proto__"}');
    const { createWindow } = await import('../../electron/main/index');
    const next = (await createWindow()) as unknown as fakes.FakeWindow;
    expect(next.options).toMatchObject({ x: 360, y: 115, width: 1200, height: 820 });
  });
});
