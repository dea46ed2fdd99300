import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HOST_GLOBAL } from '../../../shared/host-api';
import { BRIDGE_GLOBAL, CHANNELS, EVENT_CHANNELS } from '../../../electron/channels';
import { createHostBridge, type Invoker, type Listener } from '../../../electron/preload-api';
import { HOST_EVENTS } from '../../../shared/host-api';

type IpcListener = Parameters<Listener['on']>[1];

function fakeIpcRenderer() {
  const invoke = vi.fn<Invoker['invoke']>(async () => undefined);
  const listeners = new Map<string, Set<IpcListener>>();
  return {
    invoke,
    on: (channel: string, l: IpcListener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: IpcListener) => listeners.get(channel)?.delete(l),
    emit: (channel: string, ...args: unknown[]) =>
      listeners.get(channel)?.forEach((l) => l({ sender: 'secret' }, ...args)),
  };
}

describe('preload bridge', () => {
  it('exposes exactly the HostApi method names, as functions', () => {
    const bridge = createHostBridge(fakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(HOST_CHANNELS), 'onNotificationClick', 'onMenuCommand'].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards each method to its own channel with exactly the one argument', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createHostBridge(ipc);
    const save = { suggestedName: 'a.json', content: '{}', mimeType: 'application/json' };
    await bridge.getInfo();
    await bridge.saveFile(save);
    await bridge.openFile({ maxBytes: 10 });
    await bridge.openExternal({ url: 'https://wa.me/1' });
    await bridge.notify({ title: 't' });
    await bridge.chooseFolder({ purpose: 'sync' });
    await bridge.useFolder({ folder: '/s' });
    await bridge.appDataFolder();
    await bridge.listFolder({ folder: '/s' });
    await bridge.readFolderFile({ folder: '/s', name: 'a.json', maxBytes: 5 });
    await bridge.writeFolderFile({ folder: '/s', name: 'a.json', content: '{}' });
    await bridge.removeFolderFile({ folder: '/s', name: 'a.json' });
    await bridge.setLanguage({ language: 'id' });
    expect(ipc.invoke.mock.calls).toEqual([
      ['kenal:getInfo'],
      ['kenal:saveFile', save],
      ['kenal:openFile', { maxBytes: 10 }],
      ['kenal:openExternal', { url: 'https://wa.me/1' }],
      ['kenal:notify', { title: 't' }],
      ['kenal:chooseFolder', { purpose: 'sync' }],
      ['kenal:useFolder', { folder: '/s' }],
      ['kenal:appDataFolder'],
      ['kenal:listFolder', { folder: '/s' }],
      ['kenal:readFolderFile', { folder: '/s', name: 'a.json', maxBytes: 5 }],
      ['kenal:writeFolderFile', { folder: '/s', name: 'a.json', content: '{}' }],
      ['kenal:removeFolderFile', { folder: '/s', name: 'a.json' }],
      ['kenal:setLanguage', { language: 'id' }],
    ]);
  });

  it('returns what the main process answers', async () => {
    const info = { kind: 'electron', appVersion: '1', platform: 'linux' };
    const bridge = createHostBridge({ ...fakeIpcRenderer(), invoke: async () => info });
    await expect(bridge.getInfo()).resolves.toEqual(info);
  });

  it('uses the same channel names and global as shared/host-api', () => {
    for (const [method, spec] of Object.entries(HOST_CHANNELS)) {
      expect(CHANNELS[method as keyof typeof CHANNELS]).toBe(spec.channel);
    }
    expect(Object.keys(CHANNELS).sort()).toEqual(Object.keys(HOST_CHANNELS).sort());
    expect(BRIDGE_GLOBAL).toBe(HOST_GLOBAL);
    expect(EVENT_CHANNELS.notificationClick).toBe(HOST_EVENTS.notificationClick.channel);
    expect(EVENT_CHANNELS.menuCommand).toBe(HOST_EVENTS.menuCommand.channel);
    expect(Object.keys(EVENT_CHANNELS).sort()).toEqual(Object.keys(HOST_EVENTS).sort());
  });

  it('passes notification clicks on as the tag only, until unsubscribed', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createHostBridge(ipc);
    const seen: unknown[][] = [];
    const off = bridge.onNotificationClick((...args) => seen.push(args));
    ipc.emit(EVENT_CHANNELS.notificationClick, 'followup:1');
    ipc.emit(EVENT_CHANNELS.notificationClick, { not: 'a tag' });
    off();
    ipc.emit(EVENT_CHANNELS.notificationClick, 'followup:2');
    // Never the IPC event object (it would expose the sender to the page).
    expect(seen).toEqual([['followup:1']]);
  });

  it('passes menu commands on as the command only, until unsubscribed', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createHostBridge(ipc);
    const seen: unknown[][] = [];
    const off = bridge.onMenuCommand((...args) => seen.push(args));
    ipc.emit(EVENT_CHANNELS.menuCommand, 'backup');
    ipc.emit(EVENT_CHANNELS.menuCommand, 42);
    off();
    ipc.emit(EVENT_CHANNELS.menuCommand, 'restore');
    expect(seen).toEqual([['backup']]);
  });
});
