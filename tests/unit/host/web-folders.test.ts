import { describe, expect, it } from 'vitest';
import type { HandleStore } from '../../../renderer/host/handle-store';
import { createWebFolders, type FsDirectoryHandle } from '../../../renderer/host/web-folders';
import { MemoryDirectory } from './memory-directory';

function memoryStore(): HandleStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async <T>(key: string) => map.get(key) as T | undefined,
    put: async (key, value) => void map.set(key, value),
  };
}

function browserWith(dir: MemoryDirectory | null) {
  const picker = dir ? async (): Promise<FsDirectoryHandle> => dir.handle() : undefined;
  return { showDirectoryPicker: picker } as unknown as Window;
}

describe('web folders (File System Access API)', () => {
  it('says unsupported where the browser has no directory picker', async () => {
    const folders = createWebFolders(browserWith(null), memoryStore());
    await expect(folders.chooseFolder({ purpose: 'sync' })).resolves.toEqual({
      status: 'unsupported',
    });
    await expect(folders.useFolder({ folder: 'web:x' })).resolves.toEqual({
      status: 'unsupported',
    });
    await expect(folders.appDataFolder()).resolves.toEqual({ status: 'unsupported' });
    await expect(folders.listFolder({ folder: 'web:x' })).rejects.toThrow();
  });

  it('writes, lists, reads and removes files in the chosen folder', async () => {
    const dir = new MemoryDirectory('Dropbox');
    const folders = createWebFolders(browserWith(dir), memoryStore());
    const chosen = await folders.chooseFolder({ purpose: 'sync' });
    if (chosen.status !== 'chosen') throw new Error('not chosen');
    expect(chosen.label).toBe('Dropbox');
    const name = 'kenal-0123456789ABCDEF-snap-000000000001000-00000.json';
    await folders.writeFolderFile({ folder: chosen.folder, name, content: '{"a":1}' });
    // Only Kenal's files are listed, never the rest of the user's folder.
    dir.files.set('tax-return-2025.pdf', { content: 'private', lastModified: 1 });
    dir.files.set(`${name}.crswap`, { content: 'half', lastModified: 1 });
    expect(await folders.listFolder({ folder: chosen.folder })).toMatchObject([{ name, size: 7 }]);
    dir.files.delete('tax-return-2025.pdf');
    dir.files.delete(`${name}.crswap`);
    await expect(
      folders.readFolderFile({ folder: chosen.folder, name, maxBytes: 100 }),
    ).resolves.toEqual({ status: 'read', content: '{"a":1}', size: 7 });
    await expect(
      folders.readFolderFile({ folder: chosen.folder, name: 'x.json', maxBytes: 100 }),
    ).resolves.toEqual({ status: 'missing' });
    await expect(
      folders.readFolderFile({ folder: chosen.folder, name: '../x.json', maxBytes: 100 }),
    ).rejects.toThrow();
    await expect(
      folders.removeFolderFile({ folder: chosen.folder, name: 'notes.json' }),
    ).rejects.toThrow(/own files/);
    await folders.removeFolderFile({ folder: chosen.folder, name });
    expect(dir.files.size).toBe(0);
  });

  it('after a reload the remembered folder needs permission again, asked on a click', async () => {
    const dir = new MemoryDirectory('Sync');
    const store = memoryStore();
    const first = await createWebFolders(browserWith(dir), store).chooseFolder({ purpose: 'sync' });
    if (first.status !== 'chosen') throw new Error('not chosen');

    dir.permission = 'prompt';
    const reloaded = createWebFolders(browserWith(dir), store);
    await expect(reloaded.listFolder({ folder: first.folder })).rejects.toThrow();
    await expect(reloaded.useFolder({ folder: first.folder })).resolves.toEqual({
      status: 'permission',
    });
    await expect(
      reloaded.useFolder({ folder: first.folder, askPermission: true }),
    ).resolves.toEqual({ status: 'ok', label: 'Sync' });
    await expect(reloaded.listFolder({ folder: first.folder })).resolves.toEqual([]);
    await expect(reloaded.useFolder({ folder: 'web:sync:unknown' })).resolves.toEqual({
      status: 'missing',
    });
  });
});
