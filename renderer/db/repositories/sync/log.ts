/**
 * What earlier merges left behind: the last file merged from each other device, and the field
 * values that lost a merge (`history`), each named by its contact and the device that wrote it.
 */
import type { Contact } from '../../../../shared/schemas';
import { stampDevice } from '../../../../shared/sync/history-view';
import type { HistoryRow, KenalDb } from '../../database';
import { aliasIdsOf } from '../../identity';
import { IMPORT_LOG_PREFIX, type SyncContext } from './context';

/**
 * A value that lost a merge, with what names it on screen: the contact it belongs to (a
 * contact's own field, or its note or follow-up) and the device that wrote the value.
 */
export interface HistoryView extends HistoryRow {
  contactId?: string;
  contact?: Pick<Contact, 'name' | 'stamps'>;
  deviceId?: string;
}

export interface ImportLogEntry {
  deviceId: string;
  /** When this device merged it (ISO). */
  mergedAt: string;
  /** When the other device wrote it (ISO, from the file). */
  exportedAt: string;
  changes: number;
}

/** History rows with the contact each belongs to and the device that wrote the value. */
async function describe(db: KenalDb, rows: HistoryRow[]): Promise<HistoryView[]> {
  const ownerIds = new Map<string, string>();
  const noteIds = rows.filter((r) => r.table === 'notes').map((r) => r.recordId);
  const followUpIds = rows.filter((r) => r.table === 'followUps').map((r) => r.recordId);
  for (const n of await db.notes.bulkGet(noteIds)) if (n) ownerIds.set(n.id, n.contactId);
  for (const f of await db.followUps.bulkGet(followUpIds)) if (f) ownerIds.set(f.id, f.contactId);
  const contactIdOf = (r: HistoryRow) =>
    r.table === 'contacts' ? r.recordId : ownerIds.get(r.recordId);
  const contactIds = [...new Set(rows.map(contactIdOf).filter((id) => id !== undefined))];
  const contacts = new Map<string, Pick<Contact, 'name' | 'stamps'>>();
  for (const c of await db.contacts.bulkGet(contactIds)) {
    if (c) contacts.set(c.id, { name: c.name, stamps: c.stamps });
  }
  return rows.map((r) => {
    const contactId = contactIdOf(r);
    return {
      ...r,
      contactId,
      contact: contactId === undefined ? undefined : contacts.get(contactId),
      deviceId: stampDevice(r.stamp),
    };
  });
}

export function logOperations({ db }: SyncContext) {
  return {
    /** The last merge of a file from each other device. */
    async importLog(): Promise<ImportLogEntry[]> {
      const rows = await db.meta.where('key').startsWith(IMPORT_LOG_PREFIX).toArray();
      return rows
        .map((r) => JSON.parse(r.value) as ImportLogEntry)
        .sort((a, b) => (a.mergedAt < b.mergedAt ? 1 : -1));
    },

    /** Field values that lost a merge, newest first. */
    async history(limit = 200): Promise<HistoryRow[]> {
      return db.history.orderBy('at').reverse().limit(limit).toArray();
    },

    /** `history`, each row with its contact and device (shared/sync/history-view.ts). */
    async historyView(limit = 200): Promise<HistoryView[]> {
      return describe(db, await db.history.orderBy('at').reverse().limit(limit).toArray());
    },

    /**
     * The values that lost a merge on one contact's page: its own fields and those of its
     * notes and follow-ups, and of the duplicates merged into it; newest first.
     */
    async contactHistory(contactId: string): Promise<HistoryView[]> {
      return db.transaction('r', db.contacts, db.notes, db.followUps, db.history, async () => {
        const ids = await aliasIdsOf(db, contactId);
        const notes = (
          await Promise.all(
            ids.map((id) =>
              db.notes.where('[contactId+at]').between([id, ''], [id, '\uffff']).primaryKeys(),
            ),
          )
        ).flat();
        const followUps = await db.followUps.where('contactId').anyOf(ids).primaryKeys();
        const keys: [string, string][] = [
          ...ids.map((id): [string, string] => ['contacts', id]),
          ...notes.map((id): [string, string] => ['notes', id]),
          ...followUps.map((id): [string, string] => ['followUps', id]),
        ];
        const rows = await db.history.where('[table+recordId]').anyOf(keys).toArray();
        rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.seq ?? 0) - (a.seq ?? 0)));
        return describe(db, rows);
      });
    },
  };
}
