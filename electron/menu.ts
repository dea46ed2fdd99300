import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/host-api';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

/**
 * What a menu item asks for: a command the renderer carries out (MenuCommand), or the one the
 * main process handles itself (opening the data folder; 'about' is shown by main too).
 */
export type MenuAction = MenuCommand | 'openDataFolder';

/**
 * The localized application menu. Unlike Electron's default menu it has no links to
 * electronjs.org, and the packaged app has no reload or devtools entries. Pure: main builds it
 * with Menu.buildFromTemplate and rebuilds it when the renderer's language changes.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  language: MenuLanguage,
  send: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[language];
  const mac = platform === 'darwin';
  const item = (label: string, action: MenuAction, accelerator?: string) =>
    ({
      label,
      click: () => send(action),
      ...(accelerator ? { accelerator } : {}),
    }) satisfies MenuItemConstructorOptions;
  const separator = { type: 'separator' } as const;

  const appMenu: MenuItemConstructorOptions = {
    label: 'Kenal',
    submenu: [
      item(l.about, 'about'),
      separator,
      { role: 'hide', label: l.hide },
      { role: 'hideOthers', label: l.hideOthers },
      { role: 'unhide', label: l.showAll },
      separator,
      { role: 'quit', label: l.quitApp },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: l.file,
    submenu: [
      item(l.backup, 'backup'),
      item(l.restore, 'restore'),
      separator,
      item(l.importContacts, 'importContacts'),
      item(l.exportContacts, 'exportContacts'),
      // macOS quits from the app menu.
      ...(mac ? [] : [separator, { role: 'quit', label: l.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo },
      { role: 'redo', label: l.redo },
      separator,
      { role: 'cut', label: l.cut },
      { role: 'copy', label: l.copy },
      { role: 'paste', label: l.paste },
      { role: 'selectAll', label: l.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: l.view,
    submenu: [
      ...(isPackaged
        ? []
        : [
            { role: 'reload', label: l.reload } as const,
            { role: 'toggleDevTools', label: l.devTools } as const,
            separator,
          ]),
      { role: 'resetZoom', label: l.resetZoom },
      { role: 'zoomIn', label: l.zoomIn },
      { role: 'zoomOut', label: l.zoomOut },
      separator,
      { role: 'togglefullscreen', label: l.fullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: l.window,
    submenu: [{ role: 'minimize', label: l.minimize }, { role: 'zoom' }, { role: 'front' }],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: l.help,
    submenu: [
      item(l.openDataFolder, 'openDataFolder'),
      // On macOS "About" sits in the app menu.
      ...(mac ? [] : [separator, item(l.about, 'about')]),
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [windowMenu] : []), help];
}

/** Where each menu action goes: about and the data folder stay in main, the rest go over IPC. */
export function createMenuDispatcher(targets: {
  showAbout(): void;
  openDataFolder(): void;
  toRenderer(command: MenuCommand): void;
}): (action: MenuAction) => void {
  return (action) => {
    if (action === 'about') targets.showAbout();
    else if (action === 'openDataFolder') targets.openDataFolder();
    else targets.toRenderer(action);
  };
}

/** The native About box: name and version, in the menu's language. */
export function aboutDialogOptions(language: MenuLanguage, version: string) {
  const l = MENU_LABELS[language];
  return {
    type: 'info' as const,
    title: l.about,
    message: 'Kenal',
    detail: l.version.replace('{version}', version),
    buttons: [l.ok],
  };
}
