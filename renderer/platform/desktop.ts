import { toSafeFileName, type CrosswalkBridge, type Result } from '../../src/ipc/contract';
import type { Platform } from './types';

/** The value of a bridge call, or its plain-language error thrown as an `Error`. */
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The Electron window: everything goes through the preload's typed bridge. */
export function createDesktopPlatform(bridge: CrosswalkBridge): Platform {
  return {
    kind: 'desktop',
    async openPdf(role) {
      return unwrap(await bridge.openPdfDialog(role));
    },
    async openBundle() {
      return unwrap(await bridge.openBundleDialog());
    },
    async saveFile(suggestedName, contents, mimeType) {
      // Main accepts only a portable bare name; a title with ":" or "/" still gets saved.
      return unwrap(
        await bridge.saveFile({ suggestedName: toSafeFileName(suggestedName), contents, mimeType }),
      );
    },
    async savePdf(suggestedName, html) {
      return unwrap(await bridge.savePdf({ suggestedName: toSafeFileName(suggestedName), html }));
    },
    onCommand(listener) {
      return bridge.onHostCommand(listener);
    },
    async setDarkMode(dark) {
      unwrap(await bridge.setDarkMode(dark));
    },
    async info() {
      return unwrap(await bridge.getAppInfo());
    },
    backups: {
      async write(projectId, bundleText) {
        return unwrap(await bridge.writeBackup({ projectId, text: bundleText }));
      },
      async list() {
        return unwrap(await bridge.listBackups());
      },
      async read(projectId, name) {
        return unwrap(await bridge.readBackup({ projectId, name }));
      },
    },
  };
}
