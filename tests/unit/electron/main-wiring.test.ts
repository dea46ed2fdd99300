/**
 * Drives electron/main.ts against a fake 'electron' module (vi.mock: the real package, which
 * would try to download a binary, is never loaded) to check the wiring, not just the parts.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS } from '../../../shared/host-api';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }

  const state = {
    lock: true,
    switches: {} as Record<string, string>,
    userData: '/home/ana/.config/Kenal',
    locale: 'en-US',
  };
  const windows: FakeWindow[] = [];

  class FakeContents extends Emitter {
    mainFrame = { url: '', frameToken: 'main-frame', parent: null, detached: false };
    windowOpenHandler: unknown;
    readonly send = vi.fn();
    setWindowOpenHandler(handler: unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeWindow extends Emitter {
    static getAllWindows = () => windows;
    readonly webContents = new FakeContents();
    readonly show = vi.fn();
    readonly loadURL = vi.fn(async (url: string) => {
      this.webContents.mainFrame.url = url;
    });
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    readonly maximize = vi.fn();
    restore = vi.fn();
    focus = vi.fn();
  }

  const app = Object.assign(new Emitter(), {
    commandLine: { getSwitchValue: (name: string) => state.switches[name] ?? '' },
    setPath: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getVersion: () => '0.1.0',
    getLocale: () => state.locale,
    getPath: (name: string) => (name === 'userData' ? state.userData : '/home/ana/Documents'),
    isPackaged: true,
  });
  const ipcHandlers = new Map<string, Listener>();
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn(),
    },
    net: { fetch: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    Notification: class extends Emitter {
      static isSupported = () => true;
      static shown: Emitter[] = [];
      constructor(readonly options: unknown) {
        super();
      }
      show = vi.fn(() => fake.electron.Notification.shown.push(this));
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
  };
  const reset = () => {
    state.lock = true;
    state.switches = {};
    state.userData = '/home/ana/.config/Kenal';
    state.locale = 'en-US';
    windows.length = 0;
    electron.Notification.shown.length = 0;
    ipcHandlers.clear();
    app.listeners.clear();
    vi.clearAllMocks();
  };
  return { state, windows, ipcHandlers, electron, FakeContents, reset };
});

vi.mock('electron', () => fake.electron);

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main');
  await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady().then run
}

beforeEach(() => fake.reset());

describe('main process wiring', () => {
  it('creates one hardened, sandboxed window loading the built renderer', async () => {
    await startMain();
    const { app } = fake.electron;
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://kenal/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it("serves the renderer from the privileged app:// scheme, registered before 'ready'", async () => {
    await startMain();
    const { protocol, app } = fake.electron;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(protocol.handle.mock.invocationCallOrder[0]).toBeLessThan(
      fake.windows[0]!.loadURL.mock.invocationCallOrder[0]!,
    );
  });

  it('locks down the session before any window exists', async () => {
    await startMain();
    const ses = fake.electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ses.setPermissionCheckHandler).toHaveBeenCalled();
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(ses.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('hardens every webContents that gets created', async () => {
    await startMain();
    const contents = new fake.FakeContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect([...contents.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it('answers IPC from the app window only', async () => {
    await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      Object.values(HOST_CHANNELS)
        .map((c) => c.channel)
        .sort(),
    );
    const win = fake.windows[0]!;
    win.webContents.mainFrame.url = 'app://kenal/index.html#/contacts';
    const getInfo = fake.ipcHandlers.get('kenal:getInfo')!;
    await expect(getInfo({ senderFrame: win.webContents.mainFrame })).resolves.toEqual({
      kind: 'electron',
      appVersion: '0.1.0',
      platform: process.platform,
    });
    await expect(
      getInfo({ senderFrame: { ...win.webContents.mainFrame, frameToken: 'another' } }),
    ).rejects.toThrow(/not the main frame/);
  });

  it('a click on a reminder notification focuses the window and tells the renderer its tag', async () => {
    await startMain();
    const win = fake.windows[0]!;
    win.webContents.mainFrame.url = 'app://kenal/index.html';
    const notify = fake.ipcHandlers.get('kenal:notify')!;
    await notify(
      { senderFrame: win.webContents.mainFrame },
      { title: 'Call Bu Siti', tag: 'followup:42' },
    );
    const [shown] = fake.electron.Notification.shown;
    expect(shown).toBeDefined();
    expect(win.webContents.send).not.toHaveBeenCalled();
    shown!.emit('click');
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith('kenal:notificationClick', 'followup:42');
  });

  it('honours --user-data-dir before taking the single-instance lock', async () => {
    fake.state.switches['user-data-dir'] = 'profiles/test';
    await startMain();
    const { app } = fake.electron;
    expect(app.setPath).toHaveBeenCalledWith('userData', path.resolve('profiles/test'));
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await startMain();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    fake.electron.app.emit('second-instance');
    expect(fake.windows[0]!.focus).toHaveBeenCalled();
  });

  type MenuItem = { label?: string; role?: string; click?: () => void; submenu?: MenuItem[] };
  const currentMenu = (): MenuItem[] =>
    fake.electron.Menu.setApplicationMenu.mock.lastCall?.[0] as MenuItem[];
  const flat = (items: MenuItem[]): MenuItem[] =>
    items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  const menuItem = (label: string) => flat(currentMenu()).find((i) => i.label === label);

  async function appWindow() {
    const win = fake.windows[0]!;
    win.webContents.mainFrame.url = 'app://kenal/index.html';
    return win;
  }

  it('relabels the menu when the renderer changes language, and refuses other languages', async () => {
    await startMain();
    expect(menuItem('Backup…')).toBeDefined();
    const win = await appWindow();
    const setLanguage = fake.ipcHandlers.get('kenal:setLanguage')!;
    await expect(
      setLanguage({ senderFrame: win.webContents.mainFrame }, { language: 'fr' }),
    ).rejects.toThrow(/invalid argument/);
    await setLanguage({ senderFrame: win.webContents.mainFrame }, { language: 'id' });
    expect(menuItem('Backup…')).toBeUndefined();
    expect(menuItem('Cadangkan…')).toBeDefined();
  });

  it('starts the menu in Indonesian on an Indonesian system', async () => {
    fake.state.locale = 'id-ID';
    await startMain();
    expect(menuItem('Cadangkan…')).toBeDefined();
  });

  it('sends menu commands to the renderer; About and the data folder stay in main', async () => {
    await startMain();
    const win = await appWindow();
    menuItem('Export contacts…')!.click!();
    expect(win.webContents.send).toHaveBeenCalledWith('kenal:menuCommand', 'exportContacts');
    menuItem('Open data folder')!.click!();
    expect(fake.electron.shell.openPath).toHaveBeenCalledWith('/home/ana/.config/Kenal');
    menuItem('About Kenal')!.click!();
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: 'Kenal', detail: 'Version 0.1.0' }),
    );
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('reopens the window where it was, maximized again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kenal-main-'));
    await writeFile(
      path.join(dir, 'window-state.json'),
      JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }),
    );
    fake.state.userData = dir;
    await startMain();
    const win = fake.windows[0]!;
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
  });

  it('holds back quitting while a backup is being written', async () => {
    await startMain();
    const { app } = fake.electron;
    const win = await appWindow();
    let finishSave: (() => void) | undefined;
    fake.electron.dialog.showSaveDialog.mockImplementation(async () => {
      // Stand in for a slow disk: the dialog answers only when the test says so.
      await new Promise<void>((resolve) => (finishSave = resolve));
      return { canceled: true };
    });
    const saving = fake.ipcHandlers.get('kenal:saveFile')!(
      { senderFrame: win.webContents.mainFrame },
      { suggestedName: 'kenal.json', content: '{}', mimeType: 'application/json' },
    );
    const quitting = { preventDefault: vi.fn() };
    app.emit('before-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    finishSave!();
    await saving;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.quit).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
