/**
 * Indonesia's personal data protection law (UU PDP) gives a customer the right to see what a
 * business holds about them and to have it erased. exportPerson gathers it for one person,
 * duplicates merged into them included, as the synced records (no local search keys or
 * markers), in one read transaction. eraseContact scrubs it (shared/privacy/erase.ts) in one
 * read-write transaction, with a new stamp so the erasure wins the merge on every device.
 */
import { contactIndexFields } from '../../../shared/contact-index';
import type { HlcStamp } from '../../../shared/hlc';
import { eraseMutable, eraseRecord } from '../../../shared/privacy/erase';
import type { RecordMeta, TableName } from '../../../shared/schemas';
import { aliasIdsOf } from '../identity';
import { localStampOf, withLocalStamp, withoutLocalStamp } from '../local-fields';
import { openDeviceClock, type DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';
import { fromRow, type ContactsRepository } from './contacts';

/**
 * meta key: the contacts erased on this device or merged in erased, `{ [contactId]: stamp }`.
 * Local, small (erasures are rare): lets a sync import scrub a record of an erased contact that
 * arrives from a device that had not heard of the erasure, without scanning the contacts.
 */
export const ERASED_KEY = 'privacy.erased';

export async function readErased(db: KenalDb): Promise<Map<string, HlcStamp>> {
  const row = await db.meta.get(ERASED_KEY);
  if (!row) return new Map();
  try {
    const parsed = JSON.parse(row.value) as Record<string, HlcStamp>;
    return new Map(Object.entries(parsed).filter(([, v]) => typeof v === 'string'));
  } catch {
    return new Map();
  }
}

export async function saveErased(db: KenalDb, erased: Map<string, HlcStamp>): Promise<void> {
  await db.meta.put({ key: ERASED_KEY, value: JSON.stringify(Object.fromEntries(erased)) });
}

type Row = RecordMeta & Record<string, unknown>;

/**
 * Scrub every note, follow-up, sale, ledger entry and feedback answer of these contacts for their
 * erasure stamps, and delete this device's history rows of the contacts and of those records.
 * Runs inside the caller's read-write transaction (contacts are the caller's job). Rows written
 * get `localStamp` when given (a merge: so the next sync export carries them on).
 */
export async function eraseLinkedRecords(
  db: KenalDb,
  erased: ReadonlyMap<string, HlcStamp>,
  localStamp?: HlcStamp,
): Promise<number> {
  const range = (id: string): [[string, string], [string, string]] => [
    [id, ''],
    [id, '\uffff'],
  ];
  let written = 0;
  const touched: [string, string][] = [];
  for (const [contactId, at] of erased) {
    touched.push(['contacts', contactId]);
    const linked: [TableName, Row[]][] = [
      [
        'notes',
        (await db.notes
          .where('[contactId+at]')
          .between(...range(contactId))
          .toArray()) as Row[],
      ],
      ['followUps', (await db.followUps.where('contactId').equals(contactId).toArray()) as Row[]],
      [
        'sales',
        (await db.sales
          .where('[contactId+at]')
          .between(...range(contactId))
          .toArray()) as Row[],
      ],
      [
        'ledger',
        (await db.ledger
          .where('[contactId+at]')
          .between(...range(contactId))
          .toArray()) as Row[],
      ],
      [
        'feedback',
        (await db.feedback
          .where('[contactId+at]')
          .between(...range(contactId))
          .toArray()) as Row[],
      ],
    ];
    for (const [t, rows] of linked) {
      const puts: Row[] = [];
      for (const row of rows) {
        touched.push([t, row.id]);
        // The synced record of the row (the erasure treats every unknown field as personal).
        const record = withoutLocalStamp(row);
        const erasedRow = eraseRecord(t, record, at);
        if (erasedRow === record) continue;
        const stamp = localStamp ?? localStampOf(row);
        puts.push(stamp === undefined ? erasedRow : withLocalStamp(erasedRow, stamp));
      }
      if (puts.length > 0) await db.table<Row, string>(t).bulkPut(puts);
      written += puts.length;
    }
  }
  if (touched.length > 0) await db.history.where('[table+recordId]').anyOf(touched).delete();
  return written;
}

export interface EraseResult {
  /** The contact and the duplicates merged into it. */
  contacts: number;
  /** Notes, follow-ups, sales, ledger entries and feedback answers scrubbed. */
  records: number;
}

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

export function createPrivacyRepository(
  db: KenalDb,
  contacts: ContactsRepository,
  deviceClock?: DeviceClock,
) {
  // The app's clock when given; otherwise one of our own over the same meta rows (as a second
  // tab has): stamps are still unique, since each reads the persisted clock first.
  let clockPromise: Promise<DeviceClock> | undefined = deviceClock && Promise.resolve(deviceClock);
  const getClock = () => (clockPromise ??= openDeviceClock(db));
  return {
    /**
     * Erase a customer (UU PDP): the contact, every contact merged into it, and the personal
     * text of their notes, follow-ups, sales, ledger entries and feedback, in one transaction,
     * with one new stamp. Sales and ledger amounts stay (reports still add up) under the same contactId;
     * this device's history rows of all of them are deleted.
     */
    async eraseContact(contactId: string): Promise<EraseResult> {
      const clock = await getClock();
      return db.transaction(
        'rw',
        [
          db.contacts,
          db.notes,
          db.followUps,
          db.sales,
          db.ledger,
          db.feedback,
          db.history,
          db.meta,
        ],
        async () => {
          const ids = await aliasIdsOf(db, contactId);
          const at = await clock.stamp();
          const rows = (await db.contacts.bulkGet(ids)).filter((r): r is ContactRow => !!r);
          // fromRow keeps everything but the search keys, which are recomputed from the scrub.
          const puts = rows.map((row) => {
            const erased = eraseMutable('contacts', withoutLocalStamp(fromRow(row)), at);
            return { ...erased, ...contactIndexFields(erased) };
          });
          await db.contacts.bulkPut(puts);
          const erased = await readErased(db);
          const now = new Map(rows.map((r) => [r.id, at] as const));
          now.forEach((v, k) => erased.set(k, v));
          await saveErased(db, erased);
          const records = await eraseLinkedRecords(db, now);
          return { contacts: rows.length, records };
        },
      );
    },

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
            (await Promise.all(ids.map(read))).flat().map(withoutLocalStamp);
          return {
            format: 'kenal-person' as const,
            version: 1 as const,
            exportedAt: now.toISOString(),
            contacts: people.flatMap((c) => (c ? [withoutLocalStamp(fromRow(c))] : [])),
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
