import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, HOST_GLOBAL } from '../../../shared/host-api';
import { BRIDGE_GLOBAL, CHANNELS } from '../../../electron/channels';
import { createHostBridge, type Invoker } from '../../../electron/preload-api';

function fakeIpcRenderer() {
  const invoke = vi.fn<Invoker['invoke']>(async () => undefined);
  return { invoke };
}

describe('preload bridge', () => {
  it('exposes exactly the HostApi method names, as functions', () => {
    const bridge = createHostBridge(fakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(HOST_CHANNELS).sort());
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
    expect(ipc.invoke.mock.calls).toEqual([
      ['kenal:getInfo'],
      ['kenal:saveFile', save],
      ['kenal:openFile', { maxBytes: 10 }],
      ['kenal:openExternal', { url: 'https://wa.me/1' }],
      ['kenal:notify', { title: 't' }],
    ]);
  });

  it('returns what the main process answers', async () => {
    const info = { kind: 'electron', appVersion: '1', platform: 'linux' };
    const bridge = createHostBridge({ invoke: async () => info });
    await expect(bridge.getInfo()).resolves.toEqual(info);
  });

  it('uses the same channel names and global as shared/host-api', () => {
    for (const [method, spec] of Object.entries(HOST_CHANNELS)) {
      expect(CHANNELS[method as keyof typeof CHANNELS]).toBe(spec.channel);
    }
    expect(Object.keys(CHANNELS).sort()).toEqual(Object.keys(HOST_CHANNELS).sort());
    expect(BRIDGE_GLOBAL).toBe(HOST_GLOBAL);
  });
});
