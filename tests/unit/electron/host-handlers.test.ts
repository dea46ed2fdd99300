import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostHandlers, type HostDeps } from '../../../electron/host-handlers';
import type { ReadFs } from '../../../electron/file-read';
import { fakeHostDeps } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kenal-host-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(overrides: Partial<HostDeps> = {}): HostDeps {
  return fakeHostDeps(overrides);
}

describe('getInfo', () => {
  it('reports the Electron host', async () => {
    await expect(createHostHandlers(deps()).getInfo(undefined)).resolves.toEqual({
      kind: 'electron',
      appVersion: '0.1.0',
      platform: 'linux',
    });
  });
});

describe('saveFile', () => {
  const args = {
    suggestedName: 'kenal-backup.json',
    content: '{"format":"kenal"}',
    mimeType: 'application/json',
    filters: [{ name: 'Kenal backup', extensions: ['json'] }],
  };

  it('asks where to save, starting from the suggested name, then writes there atomically', async () => {
    const target = path.join(dir, 'chosen.json');
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const result = await createHostHandlers(deps({ showSaveDialog })).saveFile(args);
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/ana/Documents', 'kenal-backup.json'),
      filters: args.filters,
    });
    expect(result).toEqual({ saved: true, location: target });
    expect(await readFile(target, 'utf8')).toBe(args.content);
    expect(await readdir(dir)).toEqual(['chosen.json']);
  });

  it('writes nothing when the user cancels', async () => {
    const result = await createHostHandlers(deps()).saveFile(args);
    expect(result).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('openFile', () => {
  const picked = (file: string) => async () => ({ canceled: false, filePaths: [file] });

  it('reads the picked file as UTF-8, dropping a BOM (size stays the byte count)', async () => {
    const file = path.join(dir, 'import.json');
    await writeFile(file, '\uFEFF{"name":"Bu Siti"}');
    const result = await createHostHandlers(deps({ showOpenDialog: picked(file) })).openFile({
      filters: [],
      maxBytes: 1024,
    });
    expect(result).toEqual({
      status: 'opened',
      file: { name: 'import.json', size: 21, content: '{"name":"Bu Siti"}' },
    });
  });

  it('hands back the bytes untouched when asked (a Windows-1252 CSV is decoded by the import)', async () => {
    const file = path.join(dir, 'outlook.csv');
    await writeFile(file, Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9]));
    const result = await createHostHandlers(deps({ showOpenDialog: picked(file) })).openFile({
      filters: [],
      maxBytes: 1024,
      asBytes: true,
    });
    if (result.status !== 'opened') throw new Error(result.status);
    expect(result.file.content).toBe('');
    expect([...(result.file.bytes ?? [])]).toEqual([0x4a, 0x6f, 0x73, 0xe9]);
  });

  it('refuses a file above maxBytes without reading it', async () => {
    const readUpTo = vi.fn<ReadFs['readUpTo']>(async () => new Uint8Array());
    const readFs: ReadFs = { stat: async () => ({ size: 10_000, isFile: () => true }), readUpTo };
    const result = await createHostHandlers(
      deps({ showOpenDialog: picked('/data/huge.json'), readFs }),
    ).openFile({ filters: [], maxBytes: 9_999 });
    expect(result).toEqual({ status: 'too-large', name: 'huge.json', size: 10_000 });
    expect(readUpTo).not.toHaveBeenCalled();
  });

  it('refuses a real file one byte over the limit, and accepts one exactly at it', async () => {
    const file = path.join(dir, 'big.json');
    await writeFile(file, 'x'.repeat(101));
    const handlers = createHostHandlers(deps({ showOpenDialog: picked(file) }));
    await expect(handlers.openFile({ filters: [], maxBytes: 100 })).resolves.toEqual({
      status: 'too-large',
      name: 'big.json',
      size: 101,
    });
    await expect(handlers.openFile({ filters: [], maxBytes: 101 })).resolves.toMatchObject({
      status: 'opened',
      file: { size: 101 },
    });
  });

  it('refuses a file that grew past the limit after it was measured', async () => {
    const file = path.join(dir, 'growing.json');
    await writeFile(file, 'x'.repeat(5000));
    const readFs: ReadFs = {
      stat: async () => ({ size: 10, isFile: () => true }),
      readUpTo: (await import('../../../electron/file-read')).nodeReadFs.readUpTo,
    };
    const result = await createHostHandlers(
      deps({ showOpenDialog: picked(file), readFs }),
    ).openFile({ filters: [], maxBytes: 100 });
    expect(result).toMatchObject({ status: 'too-large', name: 'growing.json' });
  });

  it('reports a cancelled dialog and refuses a directory', async () => {
    await expect(
      createHostHandlers(deps()).openFile({ filters: [], maxBytes: 10 }),
    ).resolves.toEqual({ status: 'cancelled' });
    await expect(
      createHostHandlers(deps({ showOpenDialog: picked(dir) })).openFile({
        filters: [],
        maxBytes: 10,
      }),
    ).rejects.toThrow(/not a regular file/);
  });
});

describe('openExternal', () => {
  it('opens allowlisted URLs and refuses the rest even when called directly', async () => {
    const openExternal = vi.fn(async () => undefined);
    const handlers = createHostHandlers(deps({ openExternal }));
    await handlers.openExternal({ url: 'https://wa.me/6281234567890' });
    expect(openExternal).toHaveBeenCalledWith('https://wa.me/6281234567890');
    openExternal.mockClear();
    // Bypassing the IPC wrapper's zod check must still not reach the OS.
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      await expect(handlers.openExternal({ url }), url).rejects.toThrow(/allowlist/);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('notify', () => {
  it('shows a notification with title and body when supported', async () => {
    const show = vi.fn();
    await createHostHandlers(deps({ notifications: { isSupported: () => true, show } })).notify({
      title: 'Follow up',
      body: 'Call Bu Siti',
    });
    expect(show).toHaveBeenCalledWith(
      { title: 'Follow up', body: 'Call Bu Siti' },
      expect.any(Function),
    );
  });

  it('a click on the notification reports its tag (so the renderer can open the contact)', async () => {
    let click: (() => void) | undefined;
    const onNotificationClick = vi.fn();
    await createHostHandlers(
      deps({
        notifications: { isSupported: () => true, show: (_o, onClick) => (click = onClick) },
        onNotificationClick,
      }),
    ).notify({ title: 'Follow up', body: '', tag: 'followup:01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(onNotificationClick).not.toHaveBeenCalled();
    click!();
    expect(onNotificationClick).toHaveBeenCalledWith('followup:01ARZ3NDEKTSV4RRFFQ69G5FAV');
  });

  it('does nothing where notifications are unsupported', async () => {
    const show = vi.fn();
    await createHostHandlers(deps({ notifications: { isSupported: () => false, show } })).notify({
      title: 'Follow up',
      body: '',
    });
    expect(show).not.toHaveBeenCalled();
  });
});
