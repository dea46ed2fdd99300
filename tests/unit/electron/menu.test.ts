import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/host-api';
import {
  aboutDialogOptions,
  appMenuTemplate,
  createMenuDispatcher,
  type MenuAction,
} from '../../../electron/menu';
import { MENU_LABELS, menuLanguageForLocale } from '../../../electron/menu-labels';

type Item = MenuItemConstructorOptions;
const sub = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(sub(item))]);
const byLabel = (items: Item[], label: string) => all(items).find((i) => i.label === label);
const topLabels = (items: Item[]) => items.map((i) => i.label);

function click(item: Item | undefined): void {
  expect(item?.click, String(item?.label)).toBeTypeOf('function');
  (item!.click as () => void)();
}

describe('application menu', () => {
  it('is labelled in English or Bahasa Indonesia', () => {
    const noop = () => undefined;
    expect(topLabels(appMenuTemplate('linux', true, 'en', noop))).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    const id = appMenuTemplate('linux', true, 'id', noop);
    expect(topLabels(id)).toEqual(['Berkas', 'Edit', 'Tampilan', 'Bantuan']);
    expect(sub(id[0]).map((i) => i.label ?? i.type)).toEqual([
      'Cadangkan…',
      'Pulihkan…',
      'separator',
      'Impor kontak…',
      'Ekspor kontak…',
      'separator',
      'Keluar',
    ]);
    expect(byLabel(id, 'Tentang Kenal')).toBeDefined();
    expect(byLabel(id, 'Buka folder data')).toBeDefined();
    expect(byLabel(id, 'Salin')?.role).toBe('copy');
    // No English label is left over in the Indonesian menu (apart from shared words).
    const shared = new Set(['Edit', 'OK']);
    const english = new Set(Object.values(MENU_LABELS.en).filter((l) => !shared.has(l)));
    for (const item of all(id)) {
      if (item.label) expect(english.has(item.label), item.label).toBe(false);
    }
  });

  it('has every label in both languages, none empty', () => {
    expect(Object.keys(MENU_LABELS.id).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const l of [...Object.values(MENU_LABELS.en), ...Object.values(MENU_LABELS.id)]) {
      expect(l.trim()).not.toBe('');
    }
  });

  it('has reload and devtools only when not packaged', () => {
    const roles = (packaged: boolean) =>
      all(appMenuTemplate('win32', packaged, 'en', () => undefined)).map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen'] as const) {
      expect(roles(true)).toContain(role);
    }
  });

  it('sends the right command from each command item', () => {
    const send = vi.fn<(action: MenuAction) => void>();
    const menu = appMenuTemplate('linux', true, 'en', send);
    const expected: Array<[string, MenuAction]> = [
      ['Backup…', 'backup'],
      ['Restore…', 'restore'],
      ['Import contacts…', 'importContacts'],
      ['Export contacts…', 'exportContacts'],
      ['About Kenal', 'about'],
      ['Open data folder', 'openDataFolder'],
    ];
    for (const [label, action] of expected) {
      send.mockClear();
      click(byLabel(menu, label));
      expect(send.mock.calls, label).toEqual([[action]]);
    }
    expect(byLabel(menu, 'Quit')?.role).toBe('quit');
  });

  it('gives macOS the app menu (About, Quit) and no Quit in File', () => {
    const send = vi.fn<(action: MenuAction) => void>();
    const mac = appMenuTemplate('darwin', true, 'id', send);
    expect(mac[0]?.label).toBe('Kenal');
    const appItems = sub(mac[0]);
    expect(appItems.map((i) => i.role).filter(Boolean)).toEqual([
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    click(appItems[0]);
    expect(send).toHaveBeenCalledWith('about');
    expect(sub(mac[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(all(mac).filter((i) => i.label === 'Tentang Kenal')).toHaveLength(1);
    for (const platform of ['win32', 'linux'] as const) {
      const items = appMenuTemplate(platform, true, 'en', () => undefined);
      expect(items[0]?.label).toBe('File');
      expect(all(items).some((i) => i.role === 'hide')).toBe(false);
    }
  });
});

describe('menu dispatcher', () => {
  it('keeps About and the data folder in main and sends the rest to the renderer', () => {
    const targets = { showAbout: vi.fn(), openDataFolder: vi.fn(), toRenderer: vi.fn() };
    const dispatch = createMenuDispatcher(targets);
    dispatch('about');
    dispatch('openDataFolder');
    for (const command of MENU_COMMANDS) if (command !== 'about') dispatch(command);
    expect(targets.showAbout).toHaveBeenCalledTimes(1);
    expect(targets.openDataFolder).toHaveBeenCalledTimes(1);
    expect(targets.toRenderer.mock.calls).toEqual([
      ['backup'],
      ['restore'],
      ['importContacts'],
      ['exportContacts'],
    ]);
  });
});

describe('about box and first language', () => {
  it('shows the name and version in the menu language', () => {
    expect(aboutDialogOptions('en', '1.2.3')).toMatchObject({
      message: 'Kenal',
      detail: 'Version 1.2.3',
    });
    expect(aboutDialogOptions('id', '1.2.3')).toMatchObject({
      title: 'Tentang Kenal',
      detail: 'Versi 1.2.3',
    });
  });

  it('starts in Indonesian on an Indonesian system, else English', () => {
    expect(menuLanguageForLocale('id')).toBe('id');
    expect(menuLanguageForLocale('id-ID')).toBe('id');
    expect(menuLanguageForLocale('in_ID')).toBe('id');
    expect(menuLanguageForLocale('en-US')).toBe('en');
    expect(menuLanguageForLocale('ms-MY')).toBe('en');
    expect(menuLanguageForLocale('')).toBe('en');
  });
});
