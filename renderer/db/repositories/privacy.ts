/**
 * Indonesia's personal data protection law (UU PDP) gives a customer the right to see what a
 * business holds about them. This gathers it for one person, duplicates merged into them
 * included, as the synced records (no local search keys or markers), in one read transaction.
 */
import type { KenalDb } from '../database';
import { fromRow, type ContactsRepository } from './contacts';

export interface PersonExport {
  format: 'kenal-person';
  version: 1;
  exportedAt: string;
  /** The person and any duplicates that were merged into them. */
  contacts: object[];
  notes: object[];
  followUps: object[];
  sales: object[];
  ledger: object[];
  feedback: object[];
}

const LOCAL_ONLY = '_localStamp';
function strip(row: object): object {
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  delete copy[LOCAL_ONLY];
  return copy;
}

export function createPrivacyRepository(db: KenalDb, contacts: ContactsRepository) {
  return {
    async exportPerson(contactId: string, now: Date = new Date()): Promise<PersonExport> {
      const ids = await contacts.aliasIds(contactId);
      const range = (id: string): [[string, string], [string, string]] => [
        [id, ''],
        [id, '\uffff'],
      ];
      return db.transaction(
        'r',
        [db.contacts, db.notes, db.followUps, db.sales, db.ledger, db.feedback],
        async () => {
          const people = await db.contacts.bulkGet(ids);
          const perId = async (read: (id: string) => Promise<object[]>) =>
            (await Promise.all(ids.map(read))).flat().map(strip);
          return {
            format: 'kenal-person' as const,
            version: 1 as const,
            exportedAt: now.toISOString(),
            contacts: people.flatMap((c) => (c ? [strip(fromRow(c))] : [])),
            notes: await perId((id) =>
              db.notes
                .where('[contactId+at]')
                .between(...range(id))
                .toArray(),
            ),
            followUps: await perId((id) => db.followUps.where('contactId').equals(id).toArray()),
            sales: await perId((id) =>
              db.sales
                .where('[contactId+at]')
                .between(...range(id))
                .toArray(),
            ),
            ledger: await perId((id) =>
              db.ledger
                .where('[contactId+at]')
                .between(...range(id))
                .toArray(),
            ),
            feedback: await perId((id) =>
              db.feedback
                .where('[contactId+at]')
                .between(...range(id))
                .toArray(),
            ),
          };
        },
      );
    },
  };
}

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
