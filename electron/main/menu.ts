/**
 * The application menu as data. What each item does is passed in (`MenuActions`), so the template
 * is built and clicked in tests without Electron; index.ts supplies the real actions.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ImportRole } from '../../src/ipc/contract';

/** What the menu's own items do. Roles (copy, zoom, quit...) are left to Electron. */
export interface MenuActions {
  /** File > Import law PDF… / Import code PDF…: native Open dialog, then the bytes to the page. */
  importPdf(role: ImportRole): void;
  openSample(): void;
  /** File > Import bundle…: native Open dialog, then the text to the page. */
  importBundle(): void;
  exportMemo(): void;
  /** File > Back up project now: a backup of the open project into the app's data folder. */
  backupNow(): void;
  /** File > Restore from backup…: the page lists the backups to restore from. */
  restoreBackup(): void;
  toggleDarkMode(): void;
  about(): void;
}

export interface MenuOptions {
  readonly isMac: boolean;
  /** Adds Reload and the developer tools (only with the dev server). */
  readonly isDev: boolean;
  readonly actions: MenuActions;
}

/** File, Edit, View and Help (plus the app menu and Window menu on macOS). */
export function buildMenuTemplate({ isMac, isDev, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Import law PDF…', accelerator: 'CmdOrCtrl+O', click: () => actions.importPdf('law') },
      {
        label: 'Import code PDF…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.importPdf('code'),
      },
      { label: 'Open sample project', click: () => actions.openSample() },
      { type: 'separator' },
      { label: 'Import bundle…', click: () => actions.importBundle() },
      { label: 'Export memo…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportMemo() },
      { type: 'separator' },
      { label: 'Back up project now', click: () => actions.backupNow() },
      { label: 'Restore from backup…', click: () => actions.restoreBackup() },
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File ends with Close Window there.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Actual Size' },
    { role: 'zoomIn', label: 'Zoom In' },
    { role: 'zoomOut', label: 'Zoom Out' },
    { type: 'separator' },
    {
      label: 'Toggle Dark Mode',
      accelerator: 'CmdOrCtrl+Shift+D',
      click: () => actions.toggleDarkMode(),
    },
    { role: 'togglefullscreen', label: 'Toggle Full Screen' },
  ];
  if (isDev)
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: view });
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({
    label: 'Help',
    role: 'help',
    submenu: [{ label: 'About Crosswalk', click: () => actions.about() }],
  });
  return template;
}
