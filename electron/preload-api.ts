/**
 * The object the preload exposes on `window.kenalHost`: exactly HostApi, each method one
 * `ipcRenderer.invoke` on its channel. Kept as a factory over a minimal `invoke` so it can be
 * tested without Electron. No validation here: the main process validates every argument, and
 * importing zod would bloat the sandboxed preload.
 */
import type {
  AppDataFolderResult,
  ChooseFolderArgs,
  ChooseFolderResult,
  FolderArgs,
  HostApi,
  MenuCommand,
  SetLanguageArgs,
  ListFolderResult,
  ReadFolderFileArgs,
  ReadFolderFileResult,
  RemoveFolderFileArgs,
  UseFolderArgs,
  UseFolderResult,
  WriteFolderFileArgs,
  HostInfo,
  NotifyArgs,
  OpenExternalArgs,
  OpenFileArgs,
  OpenFileResult,
  SaveFileArgs,
  SaveFileResult,
} from '../shared/host-api';
import { CHANNELS, EVENT_CHANNELS } from './channels';

/** The one piece of ipcRenderer the bridge needs. */
export interface Invoker {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

type IpcListener = (event: unknown, ...args: unknown[]) => void;
/** ipcRenderer's subscription half, for host -> renderer events. */
export interface Listener {
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createHostBridge(ipc: Invoker & Listener): HostApi {
  // Each method forwards exactly one argument so the renderer cannot smuggle extra values.
  const bridge: HostApi = {
    getInfo: () => ipc.invoke(CHANNELS.getInfo) as Promise<HostInfo>,
    saveFile: (args: SaveFileArgs) =>
      ipc.invoke(CHANNELS.saveFile, args) as Promise<SaveFileResult>,
    openFile: (args: OpenFileArgs) =>
      ipc.invoke(CHANNELS.openFile, args) as Promise<OpenFileResult>,
    openExternal: async (args: OpenExternalArgs) => {
      await ipc.invoke(CHANNELS.openExternal, args);
    },
    notify: async (args: NotifyArgs) => {
      await ipc.invoke(CHANNELS.notify, args);
    },
    chooseFolder: (args: ChooseFolderArgs) =>
      ipc.invoke(CHANNELS.chooseFolder, args) as Promise<ChooseFolderResult>,
    useFolder: (args: UseFolderArgs) =>
      ipc.invoke(CHANNELS.useFolder, args) as Promise<UseFolderResult>,
    appDataFolder: () => ipc.invoke(CHANNELS.appDataFolder) as Promise<AppDataFolderResult>,
    listFolder: (args: FolderArgs) =>
      ipc.invoke(CHANNELS.listFolder, args) as Promise<ListFolderResult>,
    readFolderFile: (args: ReadFolderFileArgs) =>
      ipc.invoke(CHANNELS.readFolderFile, args) as Promise<ReadFolderFileResult>,
    writeFolderFile: async (args: WriteFolderFileArgs) => {
      await ipc.invoke(CHANNELS.writeFolderFile, args);
    },
    removeFolderFile: async (args: RemoveFolderFileArgs) => {
      await ipc.invoke(CHANNELS.removeFolderFile, args);
    },
    setLanguage: async (args: SetLanguageArgs) => {
      await ipc.invoke(CHANNELS.setLanguage, args);
    },
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      // Only the command crosses over; the renderer adapter validates it against the enum.
      const wrapped: IpcListener = (_event, command) => {
        if (typeof command === 'string') listener(command as MenuCommand);
      };
      ipc.on(EVENT_CHANNELS.menuCommand, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNELS.menuCommand, wrapped);
      };
    },
    onNotificationClick: (listener: (tag: string) => void) => {
      // Only the tag crosses over: never the IPC event object, which exposes the sender.
      const wrapped: IpcListener = (_event, tag) => {
        if (typeof tag === 'string') listener(tag);
      };
      ipc.on(EVENT_CHANNELS.notificationClick, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNELS.notificationClick, wrapped);
      };
    },
  };
  return Object.freeze(bridge);
}
