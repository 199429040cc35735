/** Main in development (`electron-vite dev`): renderer from the dev server, same lock-down. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import * as fakes from './fake-electron';
import type { Call } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const DEV_URL = 'http://localhost:5173/';

function registered(fn: { mock: { calls: unknown[][] } }): Call {
  const call = fn.mock.calls[0];
  if (!call) throw new Error('handler was not registered');
  return call[0] as Call;
}

beforeAll(async () => {
  fakes.app.isPackaged = false;
  process.env['ELECTRON_RENDERER_URL'] = DEV_URL;
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fakes.FakeWindow.instances[0]?.loadURL).toHaveBeenCalled());
});

describe('development mode', () => {
  it('loads the renderer from the dev server', () => {
    const win = fakes.FakeWindow.instances[0];
    expect(win?.loadURL).toHaveBeenCalledWith(DEV_URL);
    expect(win?.loadFile).not.toHaveBeenCalled();
  });

  it.each([
    ['http://localhost:5173/src/main.tsx', false],
    ['ws://localhost:5173/', false],
    ['http://localhost:5174/', true],
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
  ])('request to %s: cancel=%s', (url, cancel) => {
    const callback = vi.fn();
    registered(fakes.session.defaultSession.webRequest.onBeforeRequest)({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });

  it('uses the dev CSP (inline script for Fast Refresh) only here', () => {
    const callback = vi.fn();
    registered(fakes.session.defaultSession.webRequest.onHeadersReceived)(
      { url: DEV_URL, responseHeaders: {} },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [DEV_CONTENT_SECURITY_POLICY] },
    });
    expect(DEV_CONTENT_SECURITY_POLICY).not.toBe(CONTENT_SECURITY_POLICY);
  });

  it('still refuses IPC from frames that are not the app', async () => {
    const handler = fakes.ipcHandlers.get('app:info');
    const sender = fakes.FakeWindow.instances[0]?.webContents;
    expect(await handler?.({ sender, senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
    });
    expect(await handler?.({ sender, senderFrame: { url: `${DEV_URL}index.html` } })).toMatchObject({
      ok: true,
    });
  });

  it('adds a View menu with DevTools', () => {
    const template = fakes.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { role?: string }[];
    }[];
    const view = template.find((item) => item.label === 'View');
    expect(view?.submenu?.map((item) => item.role)).toContain('toggleDevTools');
  });
});
