/**
 * The local-only row fields (renderer/db/local-fields.ts): a stored row carries `_localStamp`
 * and, for contacts, search keys; a synced record never does, and a merge keeps a contact's keys
 * when the fields they come from did not change.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { createMutable } from '../../../shared/records';
import {
  INDEX_KEYS,
  LOCAL_STAMP,
  storedRecord,
  toRecord,
  toRow,
  type Row,
} from '../../../renderer/db/local-fields';

const stamp = formatStamp({ wall: 1_700_000_000_000, counter: 0, deviceId: 'A'.repeat(16) });
const mark = formatStamp({ wall: 1_700_000_000_500, counter: 0, deviceId: 'A'.repeat(16) });
const contact = (name: string) =>
  createMutable(
    { name, phones: [], tags: ['VIP'], note: '' },
    { id: '01JCONTACT0000000000000000', createdAt: '2026-03-01T08:00:00.000Z', stamp },
  ) as unknown as Row;

describe('local row fields', () => {
  it('a contact row gets its stamp and search keys; the record is the contact again', () => {
    const record = contact('Siti Aminah');
    const row = toRow('contacts', record, mark);
    expect(row[LOCAL_STAMP]).toBe(mark);
    for (const key of INDEX_KEYS) expect(row).toHaveProperty(key);
    expect(storedRecord('contacts', row)).toEqual(record);
    expect(toRecord('contacts', row)).toEqual(record);
  });

  it('keeps the stored search keys when the indexed fields did not change', () => {
    const stored = { ...toRow('contacts', contact('Siti'), mark), sortKey: 'kept' };
    const again = toRow('contacts', { ...contact('Siti'), note: 'new note' }, mark, stored);
    expect(again.sortKey).toBe('kept');
    const renamed = toRow('contacts', contact('Budi'), mark, stored);
    expect(renamed.sortKey).toBe('budi');
  });

  it('other tables get only the stamp, and lose only it', () => {
    const note = { id: 'n', createdAt: 'x', updatedAt: stamp, sortKey: 'not a contact' } as Row;
    const row = toRow('notes', note, mark);
    expect(row).toEqual({ ...note, [LOCAL_STAMP]: mark });
    expect(storedRecord('notes', row)).toEqual(note);
  });
});
