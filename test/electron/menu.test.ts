import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';

type Spies = { readonly [K in keyof MenuActions]: Mock<MenuActions[K]> };

function actions(): Spies {
  return {
    importPdf: vi.fn<MenuActions['importPdf']>(),
    openSample: vi.fn<MenuActions['openSample']>(),
    importBundle: vi.fn<MenuActions['importBundle']>(),
    exportMemo: vi.fn<MenuActions['exportMemo']>(),
    toggleDarkMode: vi.fn<MenuActions['toggleDarkMode']>(),
    about: vi.fn<MenuActions['about']>(),
    backupNow: vi.fn<MenuActions['backupNow']>(),
    restoreBackup: vi.fn<MenuActions['restoreBackup']>(),
  };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(
  template: MenuItemConstructorOptions[],
  menu: string,
  label: string,
): MenuItemConstructorOptions {
  const found = submenu(template, menu).find((entry) => entry.label === label);
  if (!found) throw new Error(`no ${menu} > ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  // Electron passes (menuItem, window, event); the items ignore them.
  (entry.click as () => void)();
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((entry) => entry.role).filter(Boolean);

describe('application menu', () => {
  it('has File, Edit, View and Help in that order (plus the app and Window menus on macOS)', () => {
    const linux = buildMenuTemplate({ isMac: false, isDev: false, actions: actions() });
    expect(linux.map((entry) => entry.label ?? entry.role)).toEqual(['File', 'Edit', 'View', 'Help']);
    const mac = buildMenuTemplate({ isMac: true, isDev: false, actions: actions() });
    expect(mac.map((entry) => entry.label ?? entry.role)).toEqual([
      'appMenu',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'Help',
    ]);
  });

  it('lists the File items with their shortcuts', () => {
    const template = buildMenuTemplate({ isMac: false, isDev: false, actions: actions() });
    const file = submenu(template, 'File');
    expect(file.map((entry) => entry.label ?? entry.type)).toEqual([
      'Import law PDF…',
      'Import code PDF…',
      'Open sample project',
      'separator',
      'Import bundle…',
      'Export memo…',
      'separator',
      'Back up project now',
      'Restore from backup…',
      'separator',
      'Quit',
    ]);
    expect(item(template, 'File', 'Import law PDF…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(template, 'File', 'Import code PDF…').accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(item(template, 'File', 'Export memo…').accelerator).toBe('CmdOrCtrl+E');
    expect(item(template, 'File', 'Quit').role).toBe('quit');
  });

  it('ends File with Close Window on macOS, where Quit is in the app menu', () => {
    const template = buildMenuTemplate({ isMac: true, isDev: false, actions: actions() });
    expect(submenu(template, 'File').at(-1)?.role).toBe('close');
  });

  it.each([
    ['File', 'Import law PDF…', 'importPdf', ['law']],
    ['File', 'Import code PDF…', 'importPdf', ['code']],
    ['File', 'Open sample project', 'openSample', []],
    ['File', 'Import bundle…', 'importBundle', []],
    ['File', 'Export memo…', 'exportMemo', []],
    ['File', 'Back up project now', 'backupNow', []],
    ['File', 'Restore from backup…', 'restoreBackup', []],
    ['View', 'Toggle Dark Mode', 'toggleDarkMode', []],
    ['Help', 'About Crosswalk', 'about', []],
  ] as const)('%s > %s calls %s and nothing else', (menu, label, action, args) => {
    const spies = actions();
    click(item(buildMenuTemplate({ isMac: false, isDev: false, actions: spies }), menu, label));
    expect(spies[action]).toHaveBeenCalledTimes(1);
    expect(spies[action]).toHaveBeenCalledWith(...args);
    for (const [name, spy] of Object.entries(spies)) {
      if (name !== action) expect(spy, name).not.toHaveBeenCalled();
    }
  });

  it('has the standard Edit roles', () => {
    const edit = submenu(buildMenuTemplate({ isMac: false, isDev: false, actions: actions() }), 'Edit');
    expect(roles(edit)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('has zoom, dark mode and full screen in View, and developer tools only in development', () => {
    const view = submenu(buildMenuTemplate({ isMac: false, isDev: false, actions: actions() }), 'View');
    expect(roles(view)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view.find((entry) => entry.label === 'Toggle Dark Mode')?.accelerator).toBe('CmdOrCtrl+Shift+D');
    const devView = submenu(buildMenuTemplate({ isMac: false, isDev: true, actions: actions() }), 'View');
    expect(roles(devView)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives no two items the same shortcut', () => {
    const template = buildMenuTemplate({ isMac: false, isDev: true, actions: actions() });
    const accelerators = template
      .flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []))
      .map((entry) => entry.accelerator)
      .filter((accelerator) => accelerator !== undefined);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
