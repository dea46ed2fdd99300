import { describe, expect, it } from 'vitest';
import { deviceNamesFrom } from '../../../shared/sync/device-names';
import { exportSyncText, importSyncText, openDevice } from './device';
import { SYNC_ERRORS } from '../../../shared/sync/errors';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';

describe('device names', () => {
  it('each device names itself; the name reaches the other devices by sync', async () => {
    const a = await openDevice('na');
    const b = await openDevice('nb');
    expect(await a.devices.setOwnName('  Kasir 1 ')).toEqual({ ok: true });
    expect(await b.devices.setOwnName('Outlet Bandung')).toEqual({ ok: true });
    await importSyncText(b, await exportSyncText(a));
    await importSyncText(a, await exportSyncText(b));
    const both = { [a.clock.deviceId]: 'Kasir 1', [b.clock.deviceId]: 'Outlet Bandung' };
    expect(await a.devices.names()).toEqual(both);
    expect(await b.devices.names()).toEqual(both);
    // Renaming travels too, and wins over the old name.
    await a.devices.setOwnName('Kasir depan');
    await importSyncText(b, await exportSyncText(a));
    expect((await b.devices.names())[a.clock.deviceId]).toBe('Kasir depan');
  });

  it('refuses an empty or over-long name with a message key', async () => {
    const a = await openDevice('nc');
    expect(await a.devices.setOwnName('   ')).toEqual({
      ok: false,
      error: 'backup.folder.nameRequired',
    });
    expect(await a.devices.setOwnName('x'.repeat(61))).toEqual({
      ok: false,
      error: 'backup.folder.nameTooLong',
    });
    expect(await a.devices.names()).toEqual({});
  });

  it('a backup restored on a second machine keeps that machine’s own identity and name', async () => {
    const a = await openDevice('nd');
    const b = await openDevice('ne');
    await a.devices.setOwnName('Kasir 1');
    const idBefore = b.clock.deviceId;
    await b.sync.restoreBackup(await a.sync.exportBackup('kenal@test'));
    expect(b.clock.deviceId).toBe(idBefore);
    expect(b.clock.deviceId).not.toBe(a.clock.deviceId);
    expect((await b.db.meta.get('deviceId'))?.value).toBe(idBefore);
    // A's name came along under A's id: B is not "Kasir 1" and can name itself.
    expect(await b.devices.names()).toEqual({ [a.clock.deviceId]: 'Kasir 1' });
    await b.devices.setOwnName('Kasir 2');
    expect(Object.values(await b.devices.names()).sort()).toEqual(['Kasir 1', 'Kasir 2']);
  });

  it('ignores malformed or removed name settings from a file', () => {
    const id = '0123456789ABCDEF';
    expect(
      deviceNamesFrom([
        { key: `device.${id}`, value: { name: 'Kasir 1' } },
        { key: 'device.not-an-id', value: { name: 'x' } },
        { key: 'device.FEDCBA9876543210', value: { name: '' } },
        { key: 'device.FEDCBA9876543211', value: 'Kasir', deletedAt: undefined },
        { key: 'device.FEDCBA9876543212', value: { name: 'Old' }, deletedAt: 'x' },
        { key: 'loyalty.rules', value: { name: 'x' } },
      ]),
    ).toEqual({ [id]: 'Kasir 1' });
  });
});

describe('sync error codes', () => {
  it('each is a message in English and Bahasa Indonesia', () => {
    const lookup = (tree: object, key: string): unknown =>
      key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], tree);
    for (const code of SYNC_ERRORS) {
      expect(typeof lookup(en, code), code).toBe('string');
      expect(typeof lookup(id, code), code).toBe('string');
    }
  });
});
