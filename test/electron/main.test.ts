/**
 * Main-process wiring, with Electron replaced by fakes (the real binary cannot run here). The
 * fakes record what main registers; the tests then play the part of Chromium and the renderer.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import * as fakes from './fake-electron';
import type { Call } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

interface MenuItem {
  label?: string;
  role?: string;
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

function invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
  const handler = fakes.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = { sender: win().webContents, senderFrame: senderUrl === null ? null : { url: senderUrl } };
  return handler(event, ...args) as Promise<unknown>;
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
    });
    expect(prefs['preload']).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('loads the bundled renderer from disk, ignoring a dev-server URL in a packaged app', () => {
    expect(win().loadFile.mock.calls[0]?.[0]).toMatch(/[\\/]renderer[\\/]index\.html$/);
    expect(win().loadURL).not.toHaveBeenCalled();
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

  it('prevents navigation away from the app but not within it', () => {
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    win().webContents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();

    const otherFile = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    win().webContents.emit('will-navigate', otherFile);
    expect(otherFile.preventDefault).toHaveBeenCalled();

    const redirect = { url: 'https://evil.example/', preventDefault: vi.fn() };
    win().webContents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const inside = { url: `${appUrl}#outline`, preventDefault: vi.fn() };
    win().webContents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach webviews, here and in any other web contents', () => {
    const attach = { preventDefault: vi.fn() };
    win().webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    const other = new fakes.FakeWebContents();
    fakes.app.emit('web-contents-created', {}, other);
    const attachOther = { preventDefault: vi.fn() };
    other.emit('will-attach-webview', attachOther);
    expect(attachOther.preventDefault).toHaveBeenCalled();
    expect(other.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  const defaultSession = fakes.session.defaultSession;

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      registered(defaultSession.setPermissionRequestHandler)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(registered(defaultSession.setPermissionCheckHandler)({}, permission, appUrl, {})).toBe(false);
    }
    expect(registered(defaultSession.setDevicePermissionHandler)({})).toBe(false);
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

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...fakes.ipcHandlers.keys()].sort()).toEqual(['app:info', 'pdf:open-dialog']);
  });

  it('answers app:info', async () => {
    expect(await invoke('app:info', appUrl)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: process.platform },
    });
  });

  it('refuses requests with unexpected arguments', async () => {
    const result = await invoke('pdf:open-dialog', appUrl, '/etc/passwd');
    expect(result).toMatchObject({ ok: false });
    expect(fakes.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it.each([['https://evil.example/'], ['file:///tmp/evil.html'], [null]])(
    'refuses requests from a frame at %s',
    async (senderUrl) => {
      expect(await invoke('app:info', senderUrl)).toEqual({
        ok: false,
        error: 'This request did not come from Crosswalk.',
      });
      expect(await invoke('pdf:open-dialog', senderUrl)).toMatchObject({ ok: false });
      expect(fakes.dialog.showOpenDialog).not.toHaveBeenCalled();
    },
  );

  it('returns null when the user cancels the Open dialog', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await invoke('pdf:open-dialog', appUrl)).toEqual({ ok: true, value: null });
  });

  it('reads the chosen PDF in main and hands over its name and bytes, never its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-main-'));
    const path = join(dir, 'AI Act.pdf');
    writeFileSync(path, '%PDF-1.7\n%%EOF\n');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });

    const result = (await invoke('pdf:open-dialog', appUrl)) as {
      ok: true;
      value: { name: string; bytes: Uint8Array };
    };
    expect(result.ok).toBe(true);
    expect(result.value.name).toBe('AI Act.pdf');
    expect(new TextDecoder().decode(result.value.bytes)).toBe('%PDF-1.7\n%%EOF\n');
    expect(Object.keys(result.value).sort()).toEqual(['bytes', 'name']);
    const options = fakes.dialog.showOpenDialog.mock.calls[0]?.[1] as { filters: { extensions: string[] }[] };
    expect(options.filters[0]?.extensions).toEqual(['pdf']);
  });

  it('explains in plain words when the chosen path cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-main-'));
    mkdirSync(join(dir, 'folder.pdf'));
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'folder.pdf')] });
    expect(await invoke('pdf:open-dialog', appUrl)).toEqual({
      ok: false,
      error: '"folder.pdf" is not a file Crosswalk can open.',
    });

    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'gone.pdf')] });
    const missing = (await invoke('pdf:open-dialog', appUrl)) as { ok: boolean; error: string };
    expect(missing.ok).toBe(false);
    expect(missing.error).toContain('could not find "gone.pdf"');
    expect(missing.error).not.toContain(dir);
  });
});

describe('application menu', () => {
  function fileMenu(): MenuItem[] {
    const template = fakes.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItem[];
    return template.find((item) => item.label === 'File')?.submenu ?? [];
  }

  it('has File > Open PDF… and Quit, and is installed', () => {
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalled();
    const labels = fileMenu().map((item) => item.label ?? item.role);
    expect(labels).toContain('Open PDF…');
    expect(fileMenu().some((item) => item.role === 'quit' || item.role === 'close')).toBe(true);
  });

  it('Open PDF… reads the file in main and sends the bytes to the window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-menu-'));
    const path = join(dir, 'code.pdf');
    writeFileSync(path, '%PDF-1.4\n');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });

    fileMenu()
      .find((item) => item.label === 'Open PDF…')
      ?.click?.();
    await vi.waitFor(() => expect(win().webContents.send).toHaveBeenCalled());
    const [channel, payload] = win().webContents.send.mock.calls[0] as [
      string,
      { name: string; bytes: Uint8Array },
    ];
    expect(channel).toBe('pdf:opened');
    expect(payload.name).toBe('code.pdf');
    expect(payload.bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.stringify(payload)).not.toContain(dir);
  });

  it('Open PDF… shows a plain error box instead of sending anything when reading fails', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/nonexistent/x.pdf'] });
    fileMenu()
      .find((item) => item.label === 'Open PDF…')
      ?.click?.();
    await vi.waitFor(() => expect(fakes.dialog.showErrorBox).toHaveBeenCalled());
    expect(fakes.dialog.showErrorBox.mock.calls[0]?.[1]).toContain('could not find "x.pdf"');
    expect(win().webContents.send).not.toHaveBeenCalled();
  });
});
