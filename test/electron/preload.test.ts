/** The preload, with Electron's renderer-side modules faked: what the page gets as `window.crosswalk`. */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, bridgeEvents, bridgeMethods, type CrosswalkBridge } from '../../src/ipc/contract';
import * as fakes from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let bridge: CrosswalkBridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  bridge = fakes.exposed.get(BRIDGE_KEY) as CrosswalkBridge;
});

beforeEach(() => {
  fakes.ipcRenderer.invoke.mockClear();
});

describe('preload bridge', () => {
  it('exposes exactly the contract bridge, and only functions (never ipcRenderer)', () => {
    expect(fakes.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(bridgeMethods), ...Object.keys(bridgeEvents)].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it.each([
    ['openPdfDialog', ['law'], 'pdf:open-dialog'],
    ['openBundleDialog', [], 'bundle:open-dialog'],
    ['saveFile', [{ suggestedName: 'memo.md', contents: 'x', mimeType: 'text/markdown' }], 'file:save'],
    ['setDarkMode', [true], 'theme:set'],
    ['getAppInfo', [], 'app:info'],
  ] as const)('%s invokes %s with its arguments and returns main’s result', async (method, args, channel) => {
    fakes.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'from main' });
    const call = bridge[method] as (...values: unknown[]) => Promise<unknown>;
    expect(await call(...args)).toEqual({ ok: false, error: 'from main' });
    expect(fakes.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('passes valid host commands to the page, drops anything else, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onHostCommand(listener);
    const deliver = (payload: unknown): void => fakes.ipcRenderer.emit('host:command', {}, payload);

    deliver({ kind: 'about' });
    deliver({ kind: 'import-pdf', role: 'law', file: { name: 'a.pdf', bytes: new Uint8Array([37]) } });
    deliver({ kind: 'import-pdf', role: 'law', file: { name: '/etc/passwd', bytes: new Uint8Array([37]) } });
    deliver({ kind: 'run', command: 'rm -rf ~' });
    deliver(null);
    expect(listener.mock.calls.map(([command]) => (command as { kind: string }).kind)).toEqual([
      'about',
      'import-pdf',
    ]);

    unsubscribe();
    deliver({ kind: 'about' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(fakes.ipcRenderer.listeners.get('host:command')).toEqual([]);
  });
});
