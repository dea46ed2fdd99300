import { describe, expect, it, vi } from 'vitest';
import { createElectronHost, findBridge } from '../../../renderer/host/electron';

function fakeBridge(overrides: Record<string, unknown> = {}) {
  let click: ((tag: unknown) => void) | undefined;
  let menu: ((command: unknown) => void) | undefined;
  const bridge = {
    getInfo: vi.fn(async () => ({ kind: 'electron', appVersion: '0.1.0', platform: 'linux' })),
    saveFile: vi.fn(async () => ({ saved: true, location: '/home/ana/kenal.json' })),
    openFile: vi.fn(async () => ({ status: 'cancelled' })),
    openExternal: vi.fn(async () => undefined),
    notify: vi.fn(async () => undefined),
    chooseFolder: vi.fn(async () => ({
      status: 'chosen',
      folder: '/home/ana/Sync',
      label: 'Sync',
    })),
    useFolder: vi.fn(async () => ({ status: 'ok', label: 'Sync' })),
    appDataFolder: vi.fn(async () => ({ status: 'ok', folder: '/home/ana/.config/Kenal/backups' })),
    listFolder: vi.fn(async () => [{ name: 'a.json', size: 2, mtimeMs: 1 }]),
    readFolderFile: vi.fn(async () => ({ status: 'read', content: '{}', size: 2 })),
    writeFolderFile: vi.fn(async () => undefined),
    removeFolderFile: vi.fn(async () => undefined),
    setLanguage: vi.fn(async () => undefined),
    onNotificationClick: vi.fn((l: (tag: unknown) => void) => {
      click = l;
      return () => (click = undefined);
    }),
    onMenuCommand: vi.fn((l: (command: unknown) => void) => {
      menu = l;
      return () => (menu = undefined);
    }),
    ...overrides,
  };
  return {
    bridge,
    click: (tag: unknown) => click?.(tag),
    menu: (command: unknown) => menu?.(command),
  };
}

describe('Electron HostApi adapter', () => {
  it('finds the preload bridge only when every method is there', () => {
    const { bridge } = fakeBridge();
    expect(findBridge({ kenalHost: bridge } as unknown as Window)).toBe(bridge);
    expect(findBridge({} as unknown as Window)).toBeUndefined();
    const { onNotificationClick: _, ...partial } = bridge;
    expect(findBridge({ kenalHost: partial } as unknown as Window)).toBeUndefined();
    const { onMenuCommand: _m, ...noMenu } = bridge;
    expect(findBridge({ kenalHost: noMenu } as unknown as Window)).toBeUndefined();
    const { setLanguage: _l, ...noLanguage } = bridge;
    expect(findBridge({ kenalHost: noLanguage } as unknown as Window)).toBeUndefined();
  });

  it('validates what the main process answers', async () => {
    const { bridge } = fakeBridge({ getInfo: async () => ({ kind: 'evil' }) });
    await expect(createElectronHost(bridge).getInfo()).rejects.toThrow();
    const ok = fakeBridge().bridge;
    await expect(createElectronHost(ok).openFile({})).resolves.toEqual({ status: 'cancelled' });
  });

  it('passes notification clicks on only with a valid tag', () => {
    const { bridge, click } = fakeBridge();
    const seen: string[] = [];
    const off = createElectronHost(bridge).onNotificationClick((tag) => seen.push(tag));
    click('followup:1');
    click(42);
    click('x'.repeat(1000));
    off();
    click('followup:2');
    expect(seen).toEqual(['followup:1']);
  });

  it('validates folder answers from the main process too', async () => {
    const bad = fakeBridge({ listFolder: async () => [{ name: 'a.json', size: -1, mtimeMs: 0 }] });
    await expect(createElectronHost(bad.bridge).listFolder({ folder: '/x' })).rejects.toThrow();
    const read = fakeBridge({ readFolderFile: async () => ({ status: 'read', content: 5 }) });
    await expect(
      createElectronHost(read.bridge).readFolderFile({ folder: '/x', name: 'a', maxBytes: 9 }),
    ).rejects.toThrow();
    const { bridge } = fakeBridge();
    await expect(createElectronHost(bridge).chooseFolder({ purpose: 'sync' })).resolves.toEqual({
      status: 'chosen',
      folder: '/home/ana/Sync',
      label: 'Sync',
    });
  });

  it('passes menu commands on only when they are known commands', () => {
    const { bridge, menu } = fakeBridge();
    const seen: string[] = [];
    const off = createElectronHost(bridge).onMenuCommand((command) => seen.push(command));
    menu('backup');
    menu('deleteEverything');
    menu({ command: 'restore' });
    menu('exportContacts');
    off();
    menu('restore');
    expect(seen).toEqual(['backup', 'exportContacts']);
  });

  it('forwards setLanguage to the bridge', async () => {
    const { bridge } = fakeBridge();
    await createElectronHost(bridge).setLanguage({ language: 'id' });
    expect(bridge.setLanguage).toHaveBeenCalledWith({ language: 'id' });
  });
});
