/**
 * HostApi in the desktop app: the preload exposes it on `window.kenalHost` (contextBridge).
 * Results cross a process boundary, so they are validated here like any outside input.
 */
import {
  HOST_CHANNELS,
  HOST_EVENT_METHODS,
  HOST_EVENTS,
  HOST_GLOBAL,
  type HostApi,
} from '../../shared/host-api';

/** What the preload exposes: HostApi's shape, but nothing it returns is trusted yet. */
interface Bridge {
  getInfo(): Promise<unknown>;
  saveFile(args: unknown): Promise<unknown>;
  openFile(args: unknown): Promise<unknown>;
  openExternal(args: unknown): Promise<unknown>;
  notify(args: unknown): Promise<unknown>;
  onNotificationClick(listener: (tag: unknown) => void): () => void;
  chooseFolder(args: unknown): Promise<unknown>;
  useFolder(args: unknown): Promise<unknown>;
  appDataFolder(): Promise<unknown>;
  listFolder(args: unknown): Promise<unknown>;
  readFolderFile(args: unknown): Promise<unknown>;
  writeFolderFile(args: unknown): Promise<unknown>;
  removeFolderFile(args: unknown): Promise<unknown>;
  setLanguage(args: unknown): Promise<unknown>;
  onMenuCommand(listener: (command: unknown) => void): () => void;
}

const BRIDGE_METHODS: readonly (keyof Bridge)[] = [
  ...(Object.keys(HOST_CHANNELS) as (keyof typeof HOST_CHANNELS)[]),
  ...HOST_EVENT_METHODS,
];

export function findBridge(win: Window): Bridge | undefined {
  const candidate = (win as unknown as Record<string, unknown>)[HOST_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const record = candidate as Record<string, unknown>;
  return BRIDGE_METHODS.every((m) => typeof record[m] === 'function')
    ? (candidate as Bridge)
    : undefined;
}

export function createElectronHost(bridge: Bridge): HostApi {
  return {
    getInfo: async () => HOST_CHANNELS.getInfo.result.parse(await bridge.getInfo()),
    saveFile: async (args) => HOST_CHANNELS.saveFile.result.parse(await bridge.saveFile(args)),
    openFile: async (args) => HOST_CHANNELS.openFile.result.parse(await bridge.openFile(args)),
    openExternal: async (args) => {
      await bridge.openExternal(args);
    },
    notify: async (args) => {
      await bridge.notify(args);
    },
    chooseFolder: async (args) =>
      HOST_CHANNELS.chooseFolder.result.parse(await bridge.chooseFolder(args)),
    useFolder: async (args) => HOST_CHANNELS.useFolder.result.parse(await bridge.useFolder(args)),
    appDataFolder: async () =>
      HOST_CHANNELS.appDataFolder.result.parse(await bridge.appDataFolder()),
    listFolder: async (args) =>
      HOST_CHANNELS.listFolder.result.parse(await bridge.listFolder(args)),
    readFolderFile: async (args) =>
      HOST_CHANNELS.readFolderFile.result.parse(await bridge.readFolderFile(args)),
    writeFolderFile: async (args) => {
      await bridge.writeFolderFile(args);
    },
    removeFolderFile: async (args) => {
      await bridge.removeFolderFile(args);
    },
    setLanguage: async (args) => {
      await bridge.setLanguage(args);
    },
    onMenuCommand: (listener) =>
      bridge.onMenuCommand((command) => {
        const parsed = HOST_EVENTS.menuCommand.payload.safeParse(command);
        if (parsed.success) listener(parsed.data);
      }),
    onNotificationClick: (listener) =>
      bridge.onNotificationClick((tag) => {
        const parsed = HOST_EVENTS.notificationClick.payload.safeParse(tag);
        if (parsed.success) listener(parsed.data);
      }),
  };
}
