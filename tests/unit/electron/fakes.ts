// Test doubles for the Electron objects the main-process modules receive.
import type { InvokeEvent, IpcHandleTarget, SenderFrame } from '../../../electron/ipc';
import type { HostDeps } from '../../../electron/host-handlers';

export const APP_URL = 'app://kenal/index.html';

export function frame(overrides: Partial<SenderFrame> = {}): SenderFrame {
  return {
    url: `${APP_URL}#/contacts`,
    frameToken: 'main-token',
    parent: null,
    detached: false,
    ...overrides,
  };
}

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain implements IpcHandleTarget {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, ...args) would do, sent from `sender`. */
  invoke(channel: string, sender: SenderFrame | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: sender }, ...args);
  }
}

/** Host dependencies that do nothing (dialogs cancelled); a test overrides what it exercises. */
export function fakeHostDeps(overrides: Partial<HostDeps> = {}): HostDeps {
  return {
    appVersion: '0.1.0',
    platform: 'linux',
    defaultSaveDir: '/home/ana/Documents',
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    openExternal: async () => undefined,
    notifications: { isSupported: () => true, show: () => undefined },
    onNotificationClick: () => undefined,
    onLanguage: () => undefined,
    showFolderDialog: async () => ({ canceled: true, filePaths: [] }),
    backupDir: '/home/ana/.config/Kenal/backups',
    makeDir: async () => undefined,
    ...overrides,
  };
}
