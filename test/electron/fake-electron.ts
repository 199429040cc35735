/**
 * A fake of the slice of Electron's main-process API that electron/main uses. It records what main
 * registers so tests can play the part of Chromium and the renderer. Used via
 * `vi.mock('electron', () => import('./fake-electron'))`.
 */
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
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.instances.push(this);
  }
}

export const app = Object.assign(new Emitter(), {
  isPackaged: true,
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(),
  quit: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  getVersion: vi.fn(() => '0.1.0'),
});

export const ipcHandlers = new Map<string, Call>();
export const session = {
  defaultSession: {
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
export const dialog = { showOpenDialog: vi.fn(), showErrorBox: vi.fn() };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};
