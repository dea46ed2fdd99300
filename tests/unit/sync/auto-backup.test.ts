import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/host-api';
import { readKenalFile } from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import {
  runAutoBackup,
  writeSafetyBackup,
} from '../../../renderer/features/backup-sync/auto-backup';
import { createContact, openDevice } from './device';

type BackupHost = Pick<
  HostApi,
  'appDataFolder' | 'useFolder' | 'listFolder' | 'writeFolderFile' | 'removeFolderFile'
>;

function desktopHost(files = new Map<string, string>()): BackupHost & { files: typeof files } {
  return {
    files,
    appDataFolder: async () => ({ status: 'ok', folder: '/app/backups' }),
    useFolder: async () => ({ status: 'ok', label: 'x' }),
    listFolder: async () => [...files.keys()].map((name) => ({ name, size: 1, mtimeMs: 1 })),
    writeFolderFile: async ({ name, content }) => void files.set(name, content),
    removeFolderFile: async ({ name }) => void files.delete(name),
  };
}

describe('automatic backups', { timeout: 30_000 }, () => {
  it('writes one a day, a complete backup, and keeps only the newest N', async () => {
    const repos = await openDevice('auto');
    await createContact(repos, 'Siti');
    await repos.sync.saveAutoBackupState({ keep: 3 });
    const host = desktopHost();
    let now = new Date(2026, 0, 1, 9, 0, 0);
    const deps = { host, sync: repos.sync, app: 'kenal@test', now: () => now };

    expect(await runAutoBackup(deps)).toBe('kenal-auto-backup-2026-01-01-090000.json');
    // Not again the same day.
    now = new Date(2026, 0, 1, 20, 0, 0);
    expect(await runAutoBackup(deps)).toBeNull();
    for (let day = 2; day <= 6; day += 1) {
      now = new Date(2026, 0, day, 9, 30, 0);
      expect(await runAutoBackup(deps)).not.toBeNull();
    }
    host.files.set('kenal-safety-backup-2026-01-01-080000.json', '{}');
    host.files.set('my-notes.json', '{}');
    now = new Date(2026, 0, 7, 9, 30, 0);
    await runAutoBackup(deps);
    expect([...host.files.keys()].sort()).toEqual([
      'kenal-auto-backup-2026-01-05-093000.json',
      'kenal-auto-backup-2026-01-06-093000.json',
      'kenal-auto-backup-2026-01-07-093000.json',
      'kenal-safety-backup-2026-01-01-080000.json',
      'my-notes.json',
    ]);
    const read = await readKenalFile(host.files.get('kenal-auto-backup-2026-01-07-093000.json')!, {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(read.ok && read.value.envelope.tables.contacts.map((c) => c.name)).toEqual(['Siti']);
  });

  it('does nothing when turned off or where there is no backup folder (browser)', async () => {
    const repos = await openDevice('auto-off');
    const host = desktopHost();
    await repos.sync.saveAutoBackupState({ enabled: false });
    expect(await runAutoBackup({ host, sync: repos.sync, app: 'k' })).toBeNull();
    await repos.sync.saveAutoBackupState({ enabled: true });
    const web = { ...host, appDataFolder: async () => ({ status: 'unsupported' as const }) };
    expect(await runAutoBackup({ host: web, sync: repos.sync, app: 'k' })).toBeNull();
    expect(await writeSafetyBackup(web, repos.sync, 'k')).toBeNull();
    expect(host.files.size).toBe(0);
  });

  it('a safety backup before a restore is written silently into the backup folder', async () => {
    const repos = await openDevice('safety');
    await createContact(repos, 'Budi');
    const host = desktopHost();
    const saved = await writeSafetyBackup(host, repos.sync, 'kenal@test');
    expect(saved?.location).toMatch(/^kenal-safety-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    expect(host.files.get(saved!.location)).toContain('Budi');
  });
});
