import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HOST_CHANNELS, type HostMethod } from '../../../shared/host-api';
import { createHostHandlers } from '../../../electron/host-handlers';
import { registerHandlers, type HandlerMap, type SenderPolicy } from '../../../electron/ipc';
import { APP_URL, FakeIpcMain, fakeHostDeps, frame } from './fakes';

const policy: SenderPolicy = { appUrl: APP_URL, mainFrame: () => frame() };

/** Handlers that record their argument, to see exactly what got through the wrapper. */
function recordingHandlers() {
  const seen: Array<[HostMethod, unknown]> = [];
  const handlers: HandlerMap<typeof HOST_CHANNELS> = {
    getInfo: async () => ({ kind: 'electron', appVersion: '1', platform: 'linux' }),
    saveFile: async (arg) => (seen.push(['saveFile', arg]), { saved: true }),
    openFile: async (arg) => (seen.push(['openFile', arg]), { status: 'cancelled' }),
    openExternal: async (arg) => (seen.push(['openExternal', arg]), undefined),
    notify: async (arg) => (seen.push(['notify', arg]), undefined),
    chooseFolder: async (arg) => (seen.push(['chooseFolder', arg]), { status: 'cancelled' }),
    useFolder: async (arg) => (seen.push(['useFolder', arg]), { status: 'missing' }),
    appDataFolder: async () => ({ status: 'unsupported' }),
    listFolder: async (arg) => (seen.push(['listFolder', arg]), []),
    readFolderFile: async (arg) => (seen.push(['readFolderFile', arg]), { status: 'missing' }),
    writeFolderFile: async (arg) => (seen.push(['writeFolderFile', arg]), undefined),
    removeFolderFile: async (arg) => (seen.push(['removeFolderFile', arg]), undefined),
    setLanguage: async (arg) => (seen.push(['setLanguage', arg]), undefined),
  };
  const ipc = new FakeIpcMain();
  registerHandlers(ipc, HOST_CHANNELS, handlers, policy);
  return { ipc, seen };
}

describe('IPC registration', () => {
  it('registers exactly one handler per HostApi channel, no more, no less', () => {
    const ipc = new FakeIpcMain();
    registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(fakeHostDeps()), policy);
    const expected = Object.values(HOST_CHANNELS).map((c) => c.channel);
    expect([...ipc.handlers.keys()].sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(Object.keys(HOST_CHANNELS).length);
  });

  it('refuses a handler map with a missing or an extra method', () => {
    const handlers = createHostHandlers(fakeHostDeps());
    const { notify: _dropped, ...missing } = handlers;
    expect(() =>
      registerHandlers(new FakeIpcMain(), HOST_CHANNELS, missing as typeof handlers, policy),
    ).toThrow(/no handler for notify/);
    const extra = { ...handlers, deleteEverything: async () => undefined };
    expect(() => registerHandlers(new FakeIpcMain(), HOST_CHANNELS, extra, policy)).toThrow(
      /without a channel: deleteEverything/,
    );
  });

  it('unregisters everything it registered', () => {
    const ipc = new FakeIpcMain();
    const dispose = registerHandlers(
      ipc,
      HOST_CHANNELS,
      createHostHandlers(fakeHostDeps()),
      policy,
    );
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('IPC sender checks', () => {
  const notify = HOST_CHANNELS.notify.channel;
  const valid = { title: 'Follow up with Ana' };

  it('passes a valid call from the app main frame to the handler', async () => {
    const { ipc, seen } = recordingHandlers();
    await expect(ipc.invoke(notify, frame(), valid)).resolves.toBeUndefined();
    // The handler gets the parsed argument, defaults applied.
    expect(seen).toEqual([['notify', { title: 'Follow up with Ana', body: '' }]]);
  });

  it('refuses a missing senderFrame', async () => {
    const { ipc, seen } = recordingHandlers();
    await expect(ipc.invoke(notify, null, valid)).rejects.toThrow(/refused: no sender frame/);
    expect(seen).toEqual([]);
  });

  it('refuses a detached frame', async () => {
    const { ipc, seen } = recordingHandlers();
    await expect(ipc.invoke(notify, frame({ detached: true }), valid)).rejects.toThrow(/detached/);
    expect(seen).toEqual([]);
  });

  it('refuses a sub-frame and a frame of another window', async () => {
    const { ipc, seen } = recordingHandlers();
    await expect(
      ipc.invoke(notify, frame({ frameToken: 'iframe', parent: frame() }), valid),
    ).rejects.toThrow(/not the main frame of the app window/);
    // Even a frame claiming the main frame's token is refused when it has a parent.
    await expect(ipc.invoke(notify, frame({ parent: frame() }), valid)).rejects.toThrow(
      /not the main frame of the app window/,
    );
    await expect(ipc.invoke(notify, frame({ frameToken: 'other-window' }), valid)).rejects.toThrow(
      /not the main frame of the app window/,
    );
    expect(seen).toEqual([]);
  });

  it('refuses the main frame once it shows another URL', async () => {
    const { ipc, seen } = recordingHandlers();
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', `${APP_URL}?x`]) {
      await expect(ipc.invoke(notify, frame({ url }), valid), url).rejects.toThrow(
        /sender URL is not the app/,
      );
    }
    expect(seen).toEqual([]);
  });

  it('refuses everything when there is no app window', async () => {
    const ipc = new FakeIpcMain();
    registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(fakeHostDeps()), {
      appUrl: APP_URL,
      mainFrame: () => null,
    });
    await expect(ipc.invoke(notify, frame(), valid)).rejects.toThrow(/no app window/);
  });

  it('reports refusals to the policy', async () => {
    const onRefused = vi.fn();
    const ipc = new FakeIpcMain();
    registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(fakeHostDeps()), {
      ...policy,
      onRefused,
    });
    await expect(ipc.invoke(notify, null, valid)).rejects.toThrow();
    expect(onRefused).toHaveBeenCalledWith(notify, expect.stringMatching(/no sender frame/));
  });
});

describe('IPC argument validation', () => {
  const saveFile = HOST_CHANNELS.saveFile.channel;
  const goodSave = {
    suggestedName: 'kenal-backup.json',
    content: '{}',
    mimeType: 'application/json',
  };

  it('refuses saveFile with a path as suggestedName', async () => {
    const { ipc, seen } = recordingHandlers();
    for (const suggestedName of ['../../.bashrc', 'C:\\Windows\\x.json', '/etc/passwd', '..']) {
      await expect(
        ipc.invoke(saveFile, frame(), { ...goodSave, suggestedName }),
        suggestedName,
      ).rejects.toThrow(/saveFile refused: invalid argument/);
    }
    expect(seen).toEqual([]);
  });

  it('refuses openExternal with a URL off the allowlist', async () => {
    const { ipc, seen } = recordingHandlers();
    const channel = HOST_CHANNELS.openExternal.channel;
    for (const url of [
      'https://evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://wa.me/1',
    ]) {
      await expect(ipc.invoke(channel, frame(), { url }), url).rejects.toThrow(
        /not on the allowlist/,
      );
    }
    await ipc.invoke(channel, frame(), { url: 'https://wa.me/6281234567890' });
    expect(seen).toEqual([['openExternal', { url: 'https://wa.me/6281234567890' }]]);
  });

  it('refuses notify without a title, and extra arguments', async () => {
    const { ipc, seen } = recordingHandlers();
    const notify = HOST_CHANNELS.notify.channel;
    await expect(ipc.invoke(notify, frame(), { body: 'no title' })).rejects.toThrow(
      /invalid argument/,
    );
    await expect(ipc.invoke(notify, frame())).rejects.toThrow(/invalid argument/);
    await expect(ipc.invoke(notify, frame(), { title: 'a' }, 'extra')).rejects.toThrow(
      /expected one argument, got 2/,
    );
    expect(seen).toEqual([]);
  });

  it('passes valid saveFile and openFile arguments with defaults applied', async () => {
    const { ipc, seen } = recordingHandlers();
    await ipc.invoke(saveFile, frame(), goodSave);
    await ipc.invoke(HOST_CHANNELS.openFile.channel, frame(), {});
    expect(seen).toEqual([
      ['saveFile', { ...goodSave, filters: [] }],
      ['openFile', { filters: [], maxBytes: 50 * 1024 * 1024 }],
    ]);
  });

  it('setLanguage takes English or Indonesian only, and only from the app window', async () => {
    const onLanguage = vi.fn();
    const ipc = new FakeIpcMain();
    registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(fakeHostDeps({ onLanguage })), policy);
    const channel = HOST_CHANNELS.setLanguage.channel;
    for (const arg of [{ language: 'fr' }, { language: 'ID' }, 'id', {}, undefined]) {
      await expect(ipc.invoke(channel, frame(), arg), JSON.stringify(arg)).rejects.toThrow(
        /setLanguage refused: invalid argument/,
      );
    }
    await expect(
      ipc.invoke(channel, frame({ url: 'https://evil.example/' }), { language: 'id' }),
    ).rejects.toThrow(/sender URL is not the app/);
    expect(onLanguage).not.toHaveBeenCalled();
    await expect(ipc.invoke(channel, frame(), { language: 'id' })).resolves.toBeUndefined();
    expect(onLanguage).toHaveBeenCalledWith('id');
    expect(onLanguage).toHaveBeenCalledTimes(1);
  });

  it('refuses a handler result that breaks its schema', async () => {
    const ipc = new FakeIpcMain();
    const channels = { ping: { channel: 'test:ping', args: z.undefined(), result: z.number() } };
    const handlers = { ping: async () => 'not a number' } as unknown as HandlerMap<typeof channels>;
    registerHandlers(ipc, channels, handlers, policy);
    await expect(ipc.invoke('test:ping', frame())).rejects.toThrow(/invalid result/);
  });
});
