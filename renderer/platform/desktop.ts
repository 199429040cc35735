import type { CrosswalkBridge } from '../../src/ipc/contract';
import type { Platform } from './types';

/** The Electron window: everything goes through the preload's typed bridge. */
export function createDesktopPlatform(bridge: CrosswalkBridge): Platform {
  return {
    kind: 'desktop',
    async openPdf() {
      const result = await bridge.openPdfDialog();
      if (!result.ok) throw new Error(result.error);
      return result.value;
    },
    onPdfOpened(listener) {
      return bridge.onPdfOpened(listener);
    },
  };
}
