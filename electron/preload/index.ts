/**
 * The preload: a thin, typed bridge from the sandboxed renderer to main. It exposes exactly the
 * contract's `CrosswalkBridge` (checked with `satisfies`) and never hands out `ipcRenderer`.
 * Arguments are passed through as they are; main validates them. Events from main are validated
 * here before the page sees them.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_KEY,
  parseEventPayload,
  type CrosswalkBridge,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeValue,
  type Result,
} from '../../src/ipc/contract';

function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<Result<InvokeValue<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<Result<InvokeValue<C>>>;
}

function subscribe<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const onMessage = (_event: IpcRendererEvent, payload: unknown): void => {
    const parsed = parseEventPayload(channel, payload);
    if (parsed.ok) listener(parsed.value);
  };
  ipcRenderer.on(channel, onMessage);
  return () => {
    ipcRenderer.removeListener(channel, onMessage);
  };
}

const bridge = {
  openPdfDialog: (role) => invoke('pdf:open-dialog', role),
  openBundleDialog: () => invoke('bundle:open-dialog'),
  saveFile: (request) => invoke('file:save', request),
  savePdf: (request) => invoke('memo:save-pdf', request),
  setDarkMode: (dark) => invoke('theme:set', dark),
  getAppInfo: () => invoke('app:info'),
  writeBackup: (request) => invoke('backup:write', request),
  listBackups: () => invoke('backup:list'),
  readBackup: (ref) => invoke('backup:read', ref),
  onHostCommand: (listener) => subscribe('host:command', listener),
} satisfies CrosswalkBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
