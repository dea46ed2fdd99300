import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderAccess, type FolderAccess } from '../../../electron/folder-access';
import { createHostHandlers, type HostDeps } from '../../../electron/host-handlers';
import { registerHandlers } from '../../../electron/ipc';
import { HOST_CHANNELS } from '../../../shared/host-api';
import { APP_URL, FakeIpcMain, frame } from './fakes';

const DEV = '0123456789ABCDEF';
const OTHER = 'FEDCBA9876543210';
const own = `kenal-${DEV}-snap-000000000001000-00000.json`;
const theirs = `kenal-${OTHER}-snap-000000000001000-00000.json`;

let root: string;
let sync: string;
let outside: string;
let access: FolderAccess;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kenal-folder-'));
  sync = path.join(root, 'Sync');
  outside = path.join(root, 'private');
  await mkdir(sync);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.json'), '{"secret":true}');
  access = createFolderAccess();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('folder access: which folders', () => {
  it('refuses a folder the user never chose', async () => {
    await expect(access.list(outside)).rejects.toThrow(/not chosen/);
    await expect(access.read(outside, 'secret.json', 100)).rejects.toThrow(/not chosen/);
    await expect(access.write(outside, 'x.json', '{}')).rejects.toThrow(/not chosen/);
    expect(await readdir(outside)).toEqual(['secret.json']);
  });

  it('a chosen folder does not open its parent or siblings', async () => {
    await access.allow(sync);
    await expect(access.list(root)).rejects.toThrow(/not chosen/);
    await expect(access.list(path.join(sync, '..', 'private'))).rejects.toThrow(/not chosen/);
  });

  it('refuses relative folder paths and re-uses only existing directories', async () => {
    await expect(access.allow('Sync')).rejects.toThrow(/absolute/);
    expect(await access.reuse(path.join(root, 'gone'))).toBe(false);
    expect(await access.reuse(path.join(outside, 'secret.json'))).toBe(false);
    expect(await access.reuse(sync)).toBe(true);
    await expect(access.list(sync)).resolves.toEqual([]);
  });

  it('a symlinked folder is allowed by its real path, and only that', async () => {
    const link = path.join(root, 'link-to-sync');
    await symlink(sync, link);
    await access.allow(link);
    await access.write(link, 'kenal-a.json', '{}');
    expect(await readdir(sync)).toEqual(['kenal-a.json']);
  });
});

describe('folder access: which names', () => {
  beforeEach(async () => {
    await access.allow(sync);
  });

  it('refuses ../ escapes, absolute names, separators and NUL', async () => {
    const bad = [
      '../private/secret.json',
      '..',
      '.',
      path.join(outside, 'secret.json'),
      'sub/x.json',
      'sub\\x.json',
      'C:evil.json',
      'a\0.json',
      '',
    ];
    for (const name of bad) {
      await expect(access.read(sync, name, 100), name).rejects.toThrow(/plain file name/);
      await expect(access.write(sync, name, '{}'), name).rejects.toThrow(/plain file name/);
    }
    expect(await readFile(path.join(outside, 'secret.json'), 'utf8')).toBe('{"secret":true}');
  });

  it('refuses a symlink inside the folder that points out of it', async () => {
    await symlink(path.join(outside, 'secret.json'), path.join(sync, 'kenal-evil.json'));
    await expect(access.read(sync, 'kenal-evil.json', 100)).rejects.toThrow(
      /link out of the folder/,
    );
    await expect(access.write(sync, 'kenal-evil.json', 'x')).rejects.toThrow(
      /link out of the folder/,
    );
    expect(await readFile(path.join(outside, 'secret.json'), 'utf8')).toBe('{"secret":true}');
    // And it is not listed as a file.
    expect(await access.list(sync)).toEqual([]);
  });

  it('lists plain files only: no folders, symlinks or temp files', async () => {
    await writeFile(path.join(sync, theirs), 'bb');
    await writeFile(path.join(sync, `.${own}.0123456789ab.tmp`), 'half');
    await mkdir(path.join(sync, 'sub'));
    const listed = await access.list(sync);
    expect(listed.map((f) => [f.name, f.size])).toEqual([[theirs, 2]]);
  });

  it('lists only Kenal file names and sync engines’ conflict copies of them', async () => {
    const syncthingCopy = theirs.replace('.json', '.sync-conflict-20261203-101500-ABCDEF7.json');
    const dropboxCopy = theirs.replace('.json', ' (Budi’s conflicted copy 2026-12-03).json');
    for (const name of [
      theirs,
      syncthingCopy,
      dropboxCopy,
      'tax-return-2025.pdf',
      'passwords.json',
      `.syncthing.${theirs}.tmp`,
      `~syncthing~${theirs}.tmp`,
      '.stfolder.json',
    ]) {
      await writeFile(path.join(sync, name), 'x');
    }
    await access.allow(sync);
    expect((await access.list(sync)).map((f) => f.name).sort()).toEqual(
      [theirs, syncthingCopy, dropboxCopy].sort(),
    );
    // A conflict copy can be read (to merge it), never written or removed.
    await expect(access.read(sync, dropboxCopy, 100)).resolves.toMatchObject({ status: 'read' });
    await expect(access.read(sync, 'passwords.json', 100)).rejects.toThrow(/Kenal file name/);
    await expect(access.write(sync, syncthingCopy, '{}')).rejects.toThrow(/Kenal file name/);
    await expect(access.remove(sync, syncthingCopy)).rejects.toThrow(/own files/);
  });

  it('writes atomically and reads back; a missing file and a large one are told apart', async () => {
    await access.write(sync, own, '{"a":1}');
    expect(await readdir(sync)).toEqual([own]);
    await expect(access.read(sync, own, 100)).resolves.toEqual({
      status: 'read',
      content: '{"a":1}',
      size: 7,
    });
    await expect(access.read(sync, own, 3)).resolves.toEqual({ status: 'too-large', size: 7 });
    await expect(access.read(sync, 'kenal-nope.json', 3)).resolves.toEqual({
      status: 'missing',
    });
  });
});

describe('folder access: deleting', () => {
  beforeEach(async () => {
    await access.allow(sync);
  });

  it('removes only this device’s own sync files and automatic backups', async () => {
    await access.write(sync, own, '{}');
    await writeFile(path.join(sync, theirs), '{}');
    await writeFile(path.join(sync, 'notes.json'), '{}');
    await writeFile(path.join(sync, 'kenal-auto-backup-2026-01-01-080000.json'), '{}');

    await expect(access.remove(sync, theirs)).rejects.toThrow(/own sync files/);
    await expect(access.remove(sync, 'notes.json')).rejects.toThrow(/own files/);
    await access.remove(sync, own);
    await access.remove(sync, 'kenal-auto-backup-2026-01-01-080000.json');
    expect((await readdir(sync)).sort()).toEqual(['notes.json', theirs].sort());
  });

  it('never overwrites another device’s sync file', async () => {
    await writeFile(path.join(sync, theirs), '{"theirs":true}');
    await expect(access.write(sync, theirs, '{}')).rejects.toThrow(/never modified/);
    expect(await readFile(path.join(sync, theirs), 'utf8')).toBe('{"theirs":true}');
  });

  it('a device id counts as own only after this app wrote a file for it', async () => {
    await writeFile(path.join(sync, own), '{}');
    await expect(createFolderAccess().remove(sync, own)).rejects.toThrow();
    expect(await readdir(sync)).toEqual([own]);
  });
});

describe('folder methods over IPC', () => {
  function setup(overrides: Partial<HostDeps> = {}) {
    const ipc = new FakeIpcMain();
    const deps: HostDeps = {
      appVersion: '0.1.0',
      platform: 'linux',
      defaultSaveDir: root,
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      openExternal: async () => undefined,
      notifications: { isSupported: () => false, show: () => undefined },
      onNotificationClick: () => undefined,
      onLanguage: () => undefined,
      showFolderDialog: async () => ({ canceled: false, filePaths: [sync] }),
      backupDir: path.join(root, 'userData', 'backups'),
      ...overrides,
    };
    registerHandlers(ipc, HOST_CHANNELS, createHostHandlers(deps), {
      appUrl: APP_URL,
      mainFrame: () => frame(),
    });
    const call = (method: keyof typeof HOST_CHANNELS, arg?: unknown) =>
      arg === undefined
        ? ipc.invoke(HOST_CHANNELS[method].channel, frame())
        : ipc.invoke(HOST_CHANNELS[method].channel, frame(), arg);
    return call;
  }

  it('a folder is usable after the user picked it, not before', async () => {
    const call = setup();
    await expect(call('listFolder', { folder: sync })).rejects.toThrow(/not chosen/);
    const chosen = (await call('chooseFolder', { purpose: 'sync' })) as { folder: string };
    await call('writeFolderFile', { folder: chosen.folder, name: own, content: '{}' });
    await expect(call('listFolder', { folder: chosen.folder })).resolves.toMatchObject([
      { name: own, size: 2 },
    ]);
  });

  it('refuses a path as a file name before the handler runs', async () => {
    const call = setup();
    await call('chooseFolder', { purpose: 'sync' });
    await expect(
      call('readFolderFile', { folder: sync, name: '../private/secret.json', maxBytes: 99 }),
    ).rejects.toThrow(/invalid argument/);
  });

  it('creates and allows the app’s own backup folder', async () => {
    const call = setup();
    const result = (await call('appDataFolder')) as { status: string; folder: string };
    expect(result.status).toBe('ok');
    await call('writeFolderFile', {
      folder: result.folder,
      name: 'kenal-auto-backup-2026-01-01-080000.json',
      content: '{}',
    });
    expect(await readdir(path.join(root, 'userData', 'backups'))).toEqual([
      'kenal-auto-backup-2026-01-01-080000.json',
    ]);
  });

  it('a cancelled folder dialog allows nothing', async () => {
    const call = setup({ showFolderDialog: async () => ({ canceled: true, filePaths: [] }) });
    await expect(call('chooseFolder', { purpose: 'backups' })).resolves.toEqual({
      status: 'cancelled',
    });
    await expect(call('listFolder', { folder: sync })).rejects.toThrow(/not chosen/);
  });
});

describe('only Kenal files', () => {
  it('refuses to read or write any other file name, even in an allowed folder', async () => {
    const access = createFolderAccess();
    const folder = await access.allow(sync);
    await writeFile(path.join(sync, 'id_ed25519'), 'secret');
    await expect(access.read(folder, 'id_ed25519', 1000)).rejects.toThrow(/not a Kenal file/);
    await expect(access.write(folder, 'x.cmd', 'calc.exe')).rejects.toThrow(/not a Kenal file/);
    await expect(access.write(folder, 'kenal.desktop', '[Desktop Entry]')).rejects.toThrow(
      /not a Kenal file/,
    );
    await expect(readdir(sync)).resolves.not.toContain('x.cmd');
    await access.write(folder, 'kenal-safety-backup-2026-11-23-101500.json', '{}');
    await expect(
      access.read(folder, 'kenal-safety-backup-2026-11-23-101500.json', 1000),
    ).resolves.toMatchObject({ status: 'read', content: '{}' });
  });
});
