/** Raw IndexedDB writes and rows of the sales import (renderer/db/repositories/loyalty/sales-import.ts). */
import Dexie, { RangeSet, type Transaction } from 'dexie';
import { contactIndexFields } from '../../../../shared/contact-index';
import type { HlcStamp } from '../../../../shared/hlc';
import { importedSaleAt } from '../../../../shared/loyalty/import-points';
import { type ImportSale } from '../../../../shared/loyalty/sales-import';
import { createMutable } from '../../../../shared/records';
import type { Contact, Sale } from '../../../../shared/schemas';
import type { ContactRow, KenalDb } from '../../database';

/** Tell live queries (in every window) once that these tables changed. */
export function announceChange(
  db: KenalDb,
  tableNames: readonly ('sales' | 'ledger' | 'contacts')[],
): void {
  const parts: Record<string, RangeSet> = {};
  for (const name of tableNames) {
    const table = db.table(name);
    const indexNames = ['', ':dels', ...table.schema.indexes.map((i) => i.name)];
    for (const index of indexNames) {
      parts[`idb://${db.name}/${name}/${index}`] = new RangeSet(Dexie.minKey, Dexie.maxKey);
    }
  }
  Dexie.on('storagemutated').fire(parts);
}

/** Rows per awaited write while importing (each chunk's requests are queued at once). */
export const IMPORT_CHUNK = 10_000;

/** The transaction's own object stores, for writes that skip Dexie's per-row bookkeeping. */
export function rawStores(tx: Transaction) {
  const store = (name: string) => tx.idbtrans.objectStore(name);
  return { sales: store('sales'), ledger: store('ledger'), contacts: store('contacts') };
}

/**
 * Queue `rows` on an object store of the running transaction, awaiting each chunk's last
 * request. A failing request aborts the whole transaction (nothing is written); the returned
 * promise then rejects. Dexie.Promise keeps the transaction's zone across the awaits.
 */
export async function writeRows<T>(
  store: IDBObjectStore,
  rows: readonly T[],
  check: () => void,
  mode: 'add' | 'put' = 'add',
): Promise<void> {
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    check();
    const end = Math.min(rows.length, i + IMPORT_CHUNK);
    await new Dexie.Promise<void>((resolve, reject) => {
      let last: IDBRequest | undefined;
      for (let j = i; j < end; j++) last = mode === 'add' ? store.add(rows[j]) : store.put(rows[j]);
      last!.onsuccess = () => resolve();
      last!.onerror = () => reject(last!.error ?? new Error('write failed'));
    });
  }
}

/** A contact for a customer the file brings, with its search keys. */
export function importedContact(s: ImportSale, id: string, createdAt: string, stamp: HlcStamp) {
  const fields: Contact = createMutable(
    {
      // A POS customer number is the name until the shop gives one ("#17850").
      name: s.name ?? s.phoneRaw ?? s.phoneE164 ?? (s.customerId ? `#${s.customerId}` : '?'),
      phones: s.phoneE164
        ? [{ label: 'mobile' as const, raw: s.phoneRaw ?? s.phoneE164, e164: s.phoneE164 }]
        : [],
      tags: [],
      note: '',
    },
    { id, createdAt, stamp },
  );
  return { ...fields, ...contactIndexFields(fields) } satisfies ContactRow;
}

export function importedSale(
  s: ImportSale,
  contactId: string,
  createdAt: string,
  stamp: HlcStamp,
): Sale {
  return {
    id: s.id,
    createdAt,
    updatedAt: stamp,
    contactId,
    kind: s.kind ?? 'purchase',
    at: importedSaleAt(s),
    amount: s.amount,
    invoiceNo: s.invoiceNo,
    ...(s.reversesId ? { reversesId: s.reversesId } : {}),
    ...(s.lines && s.lines.length > 0 ? { lines: s.lines } : {}),
    ...(s.items ? { items: s.items.slice(0, 10_000) } : {}),
    ...(s.paymentMethod ? { paymentMethod: s.paymentMethod } : {}),
  };
}
