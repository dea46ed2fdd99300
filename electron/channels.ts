/**
 * The IPC channel names and the window global, as plain strings. The sandboxed preload imports
 * this instead of shared/host-api so its bundle stays tiny and free of zod; the `satisfies`
 * clauses make tsc fail if these ever drift from HOST_CHANNELS / HOST_GLOBAL.
 */
import type { HOST_CHANNELS, HOST_EVENTS, HOST_GLOBAL, HostMethod } from '../shared/host-api';

export const CHANNELS = {
  getInfo: 'kenal:getInfo',
  saveFile: 'kenal:saveFile',
  openFile: 'kenal:openFile',
  openExternal: 'kenal:openExternal',
  notify: 'kenal:notify',
  chooseFolder: 'kenal:chooseFolder',
  useFolder: 'kenal:useFolder',
  appDataFolder: 'kenal:appDataFolder',
  listFolder: 'kenal:listFolder',
  readFolderFile: 'kenal:readFolderFile',
  writeFolderFile: 'kenal:writeFolderFile',
  removeFolderFile: 'kenal:removeFolderFile',
  setLanguage: 'kenal:setLanguage',
} as const satisfies { readonly [M in HostMethod]: (typeof HOST_CHANNELS)[M]['channel'] };

export const BRIDGE_GLOBAL: typeof HOST_GLOBAL = 'kenalHost';

/** Host -> renderer events (webContents.send / ipcRenderer.on). */
export const EVENT_CHANNELS = {
  notificationClick: 'kenal:notificationClick',
  menuCommand: 'kenal:menuCommand',
} as const satisfies {
  readonly [E in keyof typeof HOST_EVENTS]: (typeof HOST_EVENTS)[E]['channel'];
};
