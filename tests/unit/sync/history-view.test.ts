/**
 * A value that lost a merge is told with the contact's name, the field's name in the user's
 * language and the device that wrote it, on the sync screen and on the contact's page (issue
 * #19, item 16: it showed `Kontak · city: "Surabaya"` and devices by id only).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { id as idText } from '../../../renderer/i18n/id';
import {
  contactFieldsSchema,
  followUpFieldsSchema,
  noteFieldsSchema,
  settingFieldsSchema,
  templateFieldsSchema,
} from '../../../shared/schemas';
import { historyFieldKey, historyValue, stampDevice } from '../../../shared/sync/history-view';
import { createContact, exportSyncText, importSyncText, openDevice, patchContact } from './device';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree);
}

describe('history words (pure)', () => {
  it('names every field of every mutable table in both languages', () => {
    const tables = {
      contacts: contactFieldsSchema,
      notes: noteFieldsSchema,
      followUps: followUpFieldsSchema,
      templates: templateFieldsSchema,
      settings: settingFieldsSchema,
    };
    for (const [table, schema] of Object.entries(tables)) {
      for (const field of [...Object.keys(schema.shape), 'deletedAt']) {
        const key = historyFieldKey(table, field);
        expect(key, `${table}.${field}`).not.toBe('backup.fields.other');
        expect(typeof lookup(en, key), key).toBe('string');
        expect(typeof lookup(idText, key), key).toBe('string');
      }
    }
    expect(historyFieldKey('contacts', 'city')).toBe('contacts.fields.city');
    expect(lookup(idText, historyFieldKey('contacts', 'city'))).toBe('Kota');
    // A field of a later version, or a hostile name, is "another field".
    expect(historyFieldKey('contacts', '__proto__')).toBe('backup.fields.other');
    expect(historyFieldKey('contacts', 'constructor')).toBe('backup.fields.other');
  });

  it('reads the device from the stamp', () => {
    expect(stampDevice('001790000000000-00003-BBBBBBBBBBBBBBBB')).toBe('BBBBBBBBBBBBBBBB');
    expect(stampDevice('not a stamp')).toBeUndefined();
  });

  it('shows values as typed: phones by number, lists joined, yes/no and dates for the UI', () => {
    expect(
      historyValue([
        { label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' },
        { label: 'work', raw: '021 555 1234', e164: '+62215551234' },
      ]),
    ).toEqual({ kind: 'text', text: '0812-3456-7890, 021 555 1234' });
    expect(historyValue(['vip', 'grosir'])).toEqual({ kind: 'text', text: 'vip, grosir' });
    expect(historyValue('Surabaya')).toEqual({ kind: 'text', text: 'Surabaya' });
    expect(historyValue(true)).toEqual({ kind: 'yes-no', value: true });
    expect(historyValue('2026-03-01T08:00:00.000Z')).toEqual({
      kind: 'date',
      iso: '2026-03-01T08:00:00.000Z',
    });
    expect(historyValue(undefined)).toEqual({ kind: 'empty' });
    expect(historyValue([])).toEqual({ kind: 'empty' });
    expect((historyValue('x'.repeat(500)) as { text: string }).text).toHaveLength(80);
  });
});

describe('history with its contact and device', { timeout: 30_000 }, () => {
  it('names the contact and the device that wrote the losing value, also on the contact page', async () => {
    const a = await openDevice('hist-a');
    const b = await openDevice('hist-b');
    const siti = await createContact(a, 'Siti Rahayu');
    const other = await createContact(a, 'Budi');
    await importSyncText(b, await exportSyncText(a, true));
    await b.devices.setOwnName('Kasir 2');
    await patchContact(b, siti, { city: 'Surabaya' });
    await patchContact(a, siti, { city: 'Bandung' });
    // A's change is newer: B's "Surabaya" loses when A merges B's file.
    await importSyncText(a, await exportSyncText(b));

    const rows = await a.sync.historyView();
    const lost = rows.find((r) => r.field === 'city');
    expect(lost).toMatchObject({
      table: 'contacts',
      contactId: siti,
      contact: { name: 'Siti Rahayu' },
      value: 'Surabaya',
      deviceId: b.clock.deviceId,
    });
    // The device's name travelled with B's file.
    expect((await a.devices.names())[b.clock.deviceId]).toBe('Kasir 2');

    const onPage = await a.sync.contactHistory(siti);
    expect(onPage.map((r) => [r.field, r.value])).toEqual([['city', 'Surabaya']]);
    expect(await a.sync.contactHistory(other)).toEqual([]);
  });

  it('keeps a merged duplicate’s losing values on the page of the contact it was merged into', async () => {
    const a = await openDevice('hist-dup-a');
    const b = await openDevice('hist-dup-b');
    const dup = await createContact(a, 'Siti R.');
    const siti = await createContact(a, 'Siti Rahayu');
    await importSyncText(b, await exportSyncText(a, true));
    await patchContact(b, dup, { note: 'from B' });
    await patchContact(a, dup, { note: 'from A' });
    await importSyncText(a, await exportSyncText(b));
    await patchContact(a, dup, { mergedInto: siti });
    expect((await a.sync.contactHistory(siti)).map((r) => r.value)).toEqual(['from B']);
  });
});
