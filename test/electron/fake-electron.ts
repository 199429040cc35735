/**
 * A fake of the slice of Electron's main-process API that electron/main uses. It records what main
 * registers so tests can play the part of Chromium and the renderer. Used via
 * `vi.mock('electron', () => import('./fake-electron'))`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export type Listener = (...args: never[]) => unknown;
export type Call = (...args: unknown[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as Call)(...args);
  }
}

export class FakeWebContents extends Emitter {
  openHandler: Call | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: Listener): void {
    this.openHandler = handler as Call;
  }
}

export class FakeWindow extends Emitter {
  static readonly instances: FakeWindow[] = [];
  static readonly fromWebContents = vi.fn(
    (contents: unknown) => FakeWindow.instances.find((win) => win.webContents === contents) ?? null,
  );
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn((_path: string) => Promise.resolve());
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => true);
  readonly maximize = vi.fn();
  readonly isMaximized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.instances.push(this);
  }
}

/** `app.getPath('userData')`: a fresh folder per test file. */
export const userData = mkdtempSync(join(tmpdir(), 'crosswalk-userdata-'));

export const app = Object.assign(new Emitter(), {
  isPackaged: true,
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(),
  quit: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  getVersion: vi.fn(() => '0.1.0'),
  setAboutPanelOptions: vi.fn(),
  getPath: vi.fn((_name: string) => userData),
});

export const ipcHandlers = new Map<string, Call>();
export const session = {
  defaultSession: {
    on: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  },
};

export { FakeWindow as BrowserWindow };
export const ipcMain = {
  handle: vi.fn((channel: string, handler: Call) => ipcHandlers.set(channel, handler)),
};
export const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() };
export const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };

const workArea = { x: 0, y: 0, width: 1920, height: 1050 };
export const screen = {
  getAllDisplays: vi.fn(() => [{ id: 1, workArea }]),
  getPrimaryDisplay: vi.fn(() => ({ id: 1, workArea })),
};

/** The preload's side: what it exposes and what it sends. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
};
export const ipcRenderer = Object.assign(new Emitter(), {
  invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null })),
  removeListener(name: string, listener: Listener): void {
    ipcRenderer.listeners.set(
      name,
      (ipcRenderer.listeners.get(name) ?? []).filter((entry) => entry !== listener),
    );
  },
});
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};
