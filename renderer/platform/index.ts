import type { CrosswalkBridge } from '../../src/ipc/contract';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './types';
import { createWebPlatform } from './web';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    readonly crosswalk?: CrosswalkBridge;
  }
}

/** Picks the desktop bridge when the preload exposed one, else the plain web implementation. */
export function detectPlatform(win: Window): Platform {
  return win.crosswalk ? createDesktopPlatform(win.crosswalk) : createWebPlatform(win.document);
}

export type {
  BackupInfo,
  BackupShelf,
  HostCommand,
  HostInfo,
  ImportRole,
  PdfFile,
  Platform,
  TextFile,
} from './types';
export { readBrowserFile, readBundleFile, type BrowserFile } from './web';
