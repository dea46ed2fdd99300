/**
 * The contact import: the book's match keys for the preview, and `importMany`, which executes
 * the same plan (shared/contacts/import-plan.ts) in one transaction.
 */
import type { ContactInputFields } from '../../../../shared/contact-input';
import { findCustomField, type CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import {
  bookKeys,
  planImport,
  rowOutcomes,
  type BookMatch,
  type DuplicateChoice,
  type ImportTally,
  type PlanAction,
} from '../../../../shared/contacts/import-plan';
import { planMerge } from '../../../../shared/contacts/merge';
import type { HlcStamp } from '../../../../shared/hlc';
import { newId } from '../../../../shared/ids';
import { applyPatch, createMutable } from '../../../../shared/records';
import type { Contact } from '../../../../shared/schemas';
import type { KenalDb } from '../../database';
import { ImportCancelledError } from '../../errors';
import { addCustomFields, readCustomFields } from '../custom-fields';
import { forEachLiveRow, fromRow, toRow, withConsentDate, type ContactsContext } from './context';

/** What to do with an imported contact that matches one in the book or earlier in the file. */
export type { DuplicateChoice };

export interface ImportOptions {
  onDuplicate: DuplicateChoice;
  /** Called between chunks with how many rows are done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when aborted the whole import rolls back. */
  signal?: AbortSignal;
  /** The shop's fields this import creates for columns kept as fields (same transaction). */
  newCustomFields?: readonly CustomFieldDef[];
}

/** How many rows were added, merged into a match, or skipped: the plan's tally, counted as done. */
export type ImportSummary = ImportTally;

const IMPORT_CHUNK = 1000;

const lookupIn =
  (index: ReadonlyMap<string, BookMatch>) =>
  (key: string): BookMatch | undefined =>
    index.get(key);

/** Every phone (E.164), e-mail and name key of a live contact, with the contact it belongs to. */
async function bookIndex(db: KenalDb): Promise<Map<string, BookMatch>> {
  const out = new Map<string, BookMatch>();
  await forEachLiveRow(db, (c) => {
    for (const k of bookKeys(c)) if (!out.has(k)) out.set(k, { id: c.id, name: c.name });
  });
  return out;
}

/** A row's custom values with field ids replaced (a field another device created first). */
function withCustomIds(
  row: ContactInputFields,
  renamed: ReadonlyMap<string, string>,
): ContactInputFields {
  if (!row.custom) return row;
  const custom: Record<string, string> = {};
  for (const [id, v] of Object.entries(row.custom)) custom[renamed.get(id) ?? id] = v;
  return { ...row, custom };
}

/**
 * Create the fields the import keeps columns as (inside its transaction). Another device or tab
 * may have added a field by that name meanwhile: one field, and the rows use its id.
 */
async function adoptCustomFields(
  db: KenalDb,
  rows: readonly ContactInputFields[],
  defs: readonly CustomFieldDef[],
  stamp: HlcStamp,
  createdAt: string,
): Promise<readonly ContactInputFields[]> {
  const existing = await readCustomFields(db);
  const fresh = defs.filter((d) => !findCustomField(existing, d.name));
  await addCustomFields(db, fresh, stamp, createdAt);
  const renamed = new Map<string, string>();
  for (const d of defs) {
    const other = findCustomField(existing, d.name);
    if (other) renamed.set(d.id, other.id);
  }
  return renamed.size > 0 ? rows.map((r) => withCustomIds(r, renamed)) : rows;
}

export function contactImport({ db, clock, now, rw }: ContactsContext) {
  return {
    /**
     * For the import preview: every phone (E.164), e-mail and name key of a live contact, with
     * the contact it belongs to (shared/contacts/import-plan.ts).
     */
    matchIndex(): Promise<Map<string, BookMatch>> {
      return bookIndex(db);
    },

    /**
     * Import validated contacts in ONE transaction: all of them land or none (a failure or a
     * cancel rolls everything back). What happens to each row is the preview's plan
     * (planImport, then rowOutcomes under the user's choice), made again inside the transaction
     * against the book as it is now. The summary counts what was done, row by row.
     */
    async importMany(
      importRows: readonly ContactInputFields[],
      options: ImportOptions,
    ): Promise<ImportSummary> {
      const summary: ImportSummary = { added: 0, merged: 0, skipped: 0 };
      const at = now();
      await rw(async () => {
        const stamp = await clock.stamp();
        const createdAt = at.toISOString();
        const rows = options.newCustomFields?.length
          ? await adoptCustomFields(db, importRows, options.newCustomFields, stamp, createdAt)
          : importRows;
        // "Add anyway" needs no match: the book is not read.
        const plan =
          options.onDuplicate === 'add'
            ? rows.map((): PlanAction => ({ kind: 'add' }))
            : planImport(rows, lookupIn(await bookIndex(db)));
        const outcomes = rowOutcomes(plan, options.onDuplicate);
        /** The contact each row became or was merged into (undefined: skipped). */
        const targetOf: (string | undefined)[] = [];
        // Rows of this import, by id, until written; existing contacts changed by a merge.
        const pending = new Map<string, Contact>();
        const touched = new Map<string, Contact>();
        const make = (r: number): Contact =>
          createMutable(withConsentDate(rows[r]!, undefined, at), {
            id: newId(at.getTime()),
            createdAt,
            stamp,
          }) as Contact;
        /** A row added: written with its chunk. */
        const add = (r: number): string => {
          const contact = make(r);
          pending.set(contact.id, contact);
          summary.added++;
          return contact.id;
        };
        /** Row `r` merged into `target` (written by this import or already in the book). */
        const mergeInto = (r: number, target: Contact): string => {
          const { record } = applyPatch<Contact>(target, planMerge(make(r), target), stamp);
          (pending.has(target.id) ? pending : touched).set(target.id, record);
          summary.merged++;
          return target.id;
        };
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
          if (options.signal?.aborted) throw new ImportCancelledError();
          const end = Math.min(i + IMPORT_CHUNK, rows.length);
          // Only a merge into a contact of the book awaits (a Dexie read): an await of anything
          // else per row would lose the transaction's zone and write outside it.
          for (let r = i; r < end; r++) {
            const o = outcomes[r]!;
            if (o.kind === 'add') targetOf.push(add(r));
            else if (o.kind === 'skip') {
              summary.skipped++;
              targetOf.push(undefined);
            } else {
              const id = 'id' in o ? o.id : targetOf[o.row]!;
              const target =
                pending.get(id) ?? touched.get(id) ?? fromRow((await db.contacts.get(id))!);
              targetOf.push(mergeInto(r, target));
            }
          }
          options.onProgress?.(end, rows.length);
          // Write what this chunk made, so memory stays flat and IndexedDB works in parallel.
          // A row merged into one written by an earlier chunk is written with `touched`.
          const ready = [...pending.values()];
          pending.clear();
          if (ready.length > 0) await db.contacts.bulkAdd(ready.map((c) => toRow(c, stamp)));
        }
        if (options.signal?.aborted) throw new ImportCancelledError();
        if (touched.size > 0)
          await db.contacts.bulkPut([...touched.values()].map((c) => toRow(c, stamp)));
      }, [db.settings]);
      return summary;
    },
  };
}
