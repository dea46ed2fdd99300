/**
 * saveFile with binary content (a chart's PNG): validated by the IPC wrapper, written byte for
 * byte and atomically by the main-process handler.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicFs, type AtomicFs } from '../../../electron/atomic-write';
import { createHostHandlers, type HostDeps } from '../../../electron/host-handlers';
import { registerHandlers } from '../../../electron/ipc';
import { HOST_CHANNELS } from '../../../shared/host-api';
import { APP_URL, FakeIpcMain, frame, fakeHostDeps } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kenal-binary-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<HostDeps> = {}): HostDeps {
  return fakeHostDeps({ defaultSaveDir: '/home/ana/Pictures', ...overrides });
}

/** The 8-byte PNG signature and a few bytes that are not valid UTF-8 (0xff, 0xfe, 0x00). */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80,
]);
const args = {
  suggestedName: 'revenue.png',
  bytes: PNG,
  mimeType: 'image/png',
  filters: [{ name: 'PNG image', extensions: ['png'] }],
};

function wired(d: HostDeps) {
  const ipc = new FakeIpcMain();
  registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(d), {
    appUrl: APP_URL,
    mainFrame: () => frame(),
  });
  return ipc;
}

describe('saveFile with bytes', () => {
  it('writes the bytes exactly, at the chosen path, leaving no temp file', async () => {
    const target = path.join(dir, 'chart.png');
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const ipc = wired(deps({ showSaveDialog }));
    const result = await ipc.invoke(HOST_CHANNELS.saveFile.channel, frame(), args);
    expect(result).toEqual({ saved: true, location: target });
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/ana/Pictures', 'revenue.png'),
      filters: args.filters,
    });
    expect([...(await readFile(target))]).toEqual([...PNG]);
    expect(await readdir(dir)).toEqual(['chart.png']);
  });

  it('goes through the atomic writer: a failed fsync leaves the old file whole', async () => {
    const target = path.join(dir, 'chart.png');
    await nodeAtomicFs.open(target, 'w').then(async (h) => {
      await h.writeFile('old');
      await h.close();
    });
    const failingFs: AtomicFs = {
      ...nodeAtomicFs,
      open: async (file, flags, mode) => {
        const h = await nodeAtomicFs.open(file, flags, mode);
        return {
          ...h,
          writeFile: h.writeFile.bind(h),
          close: h.close.bind(h),
          sync: async () => {
            throw new Error('disk full');
          },
        };
      },
    };
    const handlers = createHostHandlers(
      deps({
        showSaveDialog: async () => ({ canceled: false, filePath: target }),
        atomicFs: failingFs,
      }),
    );
    await expect(handlers.saveFile(args)).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['chart.png']);
  });

  it('the IPC wrapper refuses both content and bytes, neither, or bytes that are not bytes', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: path.join(dir, 'x') }));
    const ipc = wired(deps({ showSaveDialog }));
    const bad = [
      { ...args, content: 'text too' },
      { suggestedName: 'x.png', mimeType: 'image/png' },
      { ...args, bytes: [0x89, 0x50] },
      { ...args, bytes: 'iVBORw0KGgo=' },
    ];
    for (const arg of bad)
      await expect(ipc.invoke(HOST_CHANNELS.saveFile.channel, frame(), arg)).rejects.toThrow(
        /saveFile refused: invalid argument/,
      );
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('text saves still work as before', async () => {
    const target = path.join(dir, 'report.csv');
    const ipc = wired(
      deps({ showSaveDialog: async () => ({ canceled: false, filePath: target }) }),
    );
    await ipc.invoke(HOST_CHANNELS.saveFile.channel, frame(), {
      suggestedName: 'report.csv',
      content: 'a,b\n1,2\n',
      mimeType: 'text/csv',
    });
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
  });
});
