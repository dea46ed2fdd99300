import { describe, expect, it, vi } from 'vitest';

// The build defines it (vite.config.ts); the module reads it when loaded.
vi.stubGlobal('__APP_VERSION__', '0.0.0-test');
const { backupFileName } = await import('../../../renderer/features/backup-sync/file-names');

describe('backup file names', () => {
  it('names a password-protected backup apart from a plain one of the same day', () => {
    const at = new Date(2026, 11, 3, 10);
    expect(backupFileName(at)).toBe('kenal-backup-2026-12-03.json');
    expect(backupFileName(at, false, true)).toBe('kenal-backup-encrypted-2026-12-03.json');
    expect(backupFileName(at, true)).toBe('kenal-safety-backup-2026-12-03.json');
  });
});
