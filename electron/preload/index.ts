/**
 * The preload: a thin, typed bridge from the sandboxed renderer to main. It exposes exactly the
 * contract's `CrosswalkBridge` (checked with `satisfies`) and never hands out `ipcRenderer`.
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
  openPdfDialog: () => invoke('pdf:open-dialog'),
  getAppInfo: () => invoke('app:info'),
  onPdfOpened: (listener) => subscribe('pdf:opened', listener),
} satisfies CrosswalkBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
