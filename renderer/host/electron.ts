/**
 * HostApi in the desktop app: the preload exposes it on `window.kenalHost` (contextBridge).
 * Results cross a process boundary, so they are validated here like any outside input.
 */
import { HOST_CHANNELS, HOST_GLOBAL, type HostApi } from '../../shared/host-api';

type Bridge = { [K in keyof HostApi]: (arg?: unknown) => Promise<unknown> };

export function findBridge(win: Window): Bridge | undefined {
  const candidate = (win as unknown as Record<string, unknown>)[HOST_GLOBAL];
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const methods = Object.keys(HOST_CHANNELS) as (keyof HostApi)[];
  const record = candidate as Record<string, unknown>;
  return methods.every((m) => typeof record[m] === 'function') ? (candidate as Bridge) : undefined;
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
  };
}
