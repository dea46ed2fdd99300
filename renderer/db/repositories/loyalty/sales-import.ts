/**
 * Importing a sales file in one all-or-nothing transaction.
 */
import { survivorResolver } from '../../../../shared/contacts/survivor';
import { reversalEventId } from '../../../../shared/event-ids';
import {
  earnEntryId,
  importCustomers,
  importEarnings,
  importedSaleAt,
  importReversals,
  importWelcome,
  welcomeEntryId,
  type ImportCustomer,
  type ImportEarning,
} from '../../../../shared/loyalty/import-points';
import { type LoyaltyRules } from '../../../../shared/loyalty/rules';
import { customerKey, type ImportSale } from '../../../../shared/loyalty/sales-import';
import { normalizePhone } from '../../../../shared/phone';
import type { LedgerEntry, Sale } from '../../../../shared/schemas';
import { foldText } from '../../../../shared/text';
import type { ContactRow, KenalDb } from '../../database';
import { KEEP_FIGURES } from '../../derived/keys';
import { currentTransactionSource } from '../../derived/middleware';
import { refreshFigures } from '../../derived/refresh';
import { ImportCancelledError } from '../../errors';
import type { LoyaltyContext } from './context';
import {
  announceChange,
  IMPORT_CHUNK,
  importedContact,
  importedSale,
  rawStores,
  writeRows,
} from './import-writes';
import type { ImportOptions, ImportResult } from './types';

export function createSalesImportOperations(ctx: LoyaltyContext) {
  const { db, clock, now, resolveId, getRules } = ctx;
  /** The ids among `ids` that `table` holds: one key range read, or gets for a few ids. */
  async function existingIds(
    table: KenalDb['sales'] | KenalDb['ledger'],
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (ids.length <= 2_000) {
      const rows = await (table as KenalDb['sales']).bulkGet([...ids]);
      return new Set(ids.filter((_, i) => rows[i] !== undefined));
    }
    let min = ids[0]!;
    let max = ids[0]!;
    for (const id of ids) {
      if (id < min) min = id;
      if (id > max) max = id;
    }
    // Ids are time-prefixed ULIDs: the keys in the file's range are the only candidates.
    const keys = await (table as KenalDb['sales'])
      .where(':id')
      .between(min, max, true, true)
      .primaryKeys();
    const wanted = new Set(ids);
    return new Set(keys.filter((k) => wanted.has(k)));
  }

  /**
   * Finds the contact a customer of the file is: by phone (a live contact with that E.164),
   * else by exact folded name, the lowest id first, then resolved through merges. For many
   * customers one scan of the contacts beats an index query per customer.
   */
  async function contactMatcher(customers: readonly ImportSale[]) {
    if (customers.length <= 1_000) {
      return {
        async match(s: ImportSale): Promise<string | undefined> {
          // A POS customer number without a phone is only its own derived contact: two
          // customers both called "Budi" must not become one.
          if (s.customerId && !s.phoneE164) return undefined;
          // One index query per customer: few customers.
          let found: ContactRow | undefined;
          if (s.phoneE164) {
            const n = normalizePhone(s.phoneE164);
            if (!n.ok) return undefined;
            const rows = await db.contacts.where('phoneKeys').equals(n.value.national).toArray();
            found = rows.find(
              (c) => c.deletedAt === undefined && c.phones.some((p) => p.e164 === s.phoneE164),
            );
          } else {
            const rows = await db.contacts
              .where('sortKey')
              .equals(foldText(s.name ?? ''))
              .toArray();
            found = rows.find((c) => c.deletedAt === undefined);
          }
          return found ? resolveId(found.id) : undefined;
        },
      };
    }
    const byPhone = new Map<string, string>();
    const byName = new Map<string, string>();
    const mergedInto = new Map<string, string>();
    // Primary key order: the first contact seen for a phone or a name has the lowest id.
    await db.contacts.each((c) => {
      if (c.mergedInto !== undefined) mergedInto.set(c.id, c.mergedInto);
      if (c.deletedAt !== undefined) return;
      for (const p of c.phones) if (!byPhone.has(p.e164)) byPhone.set(p.e164, c.id);
      if (!byName.has(c.sortKey)) byName.set(c.sortKey, c.id);
    });
    const resolve = survivorResolver(mergedInto);
    return {
      match(s: ImportSale): string | undefined | Promise<string | undefined> {
        if (s.customerId && !s.phoneE164) return undefined;
        const id = s.phoneE164 ? byPhone.get(s.phoneE164) : byName.get(foldText(s.name ?? ''));
        return id === undefined ? undefined : resolve(id);
      },
    };
  }

  return {
    /**
     * Import sales in one read-write transaction: all or nothing (a failed write, a thrown
     * error or a cancel aborts it and IndexedDB rolls every row back). Customers are matched
     * by phone (then by exact name); missing ones are created with ids derived from the file
     * (shared/loyalty/import-points.ts), so two devices importing the same file create the same
     * contact. A sale whose id exists is skipped, so importing the same file again adds nothing.
     * Points (and the welcome bonus of a created customer) are derived from the file and the
     * rules alone, so every device writes the same entries.
     *
     * Speed (1M rows): existing ids are read as keys of one id range, customers are matched
     * against one scan of the contacts (or per key for a small file), and rows are written
     * straight to the transaction's object stores in chunks, with only each chunk's last
     * request awaited. Dexie's change tracking is bypassed for these rows (it would record a
     * million keys and post them to every window); live queries are told once, after the
     * commit, that the touched tables changed (`announceChange`). `isCancelled` is polled
     * between chunks.
     */
    // Over 80 lines: one all-or-nothing transaction whose numbered steps share its stores,
    // stamps and maps; the CPU-heavy parts already live in shared/loyalty/import-points.ts.
    async importSales(
      sales: readonly ImportSale[],
      options: ImportOptions,
      onProgress: (done: number, total: number) => void = () => {},
      isCancelled: () => boolean = () => false,
    ): Promise<ImportResult> {
      const tables = [db.sales, db.ledger, db.settings, db.contacts, db.meta];
      const total = sales.length;
      const check = () => {
        if (isCancelled()) throw new ImportCancelledError();
      };
      onProgress(0, total);
      // The CPU-heavy part (grouping, points of every sale in the file) runs before the
      // transaction: IndexedDB commits a transaction that has no request pending when control
      // returns to the event loop, so long computing between two requests must not happen in it.
      const customers = importCustomers(sales);
      const earn = (rules: LoyaltyRules) => {
        const out = new Map<string, ImportEarning>();
        const reversals = new Map<string, { points: number; purchase: ImportSale }>();
        for (const c of customers.values()) {
          const mine = importEarnings(c, rules);
          for (const [id, e] of mine) out.set(id, e);
          if (c.sales.some((s) => s.kind === 'refund'))
            for (const [id, r] of importReversals(c, mine)) reversals.set(id, r);
        }
        return Object.assign(out, { reversals });
      };
      // Written in id order (ids start with the sale's time): IndexedDB's LevelDB takes keys
      // that arrive in order far faster than scattered ones, which slowed a 1M-row import of a
      // file sorted by customer more and more as the tables grew.
      const inIdOrder = [...sales].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const rulesBefore = options.awardPoints ? await getRules() : null;
      const earningsBefore = rulesBefore ? earn(rulesBefore) : null;
      check();
      const result = await db.transaction('rw', tables, async (tx) => {
        const at = now();
        const createdAt = at.toISOString();
        const stamp = await clock.stamp();
        const rules = options.awardPoints ? await getRules() : null;
        // Rules changed in between (another window): the points follow the rules now.
        const earnings =
          rules && JSON.stringify(rules) !== JSON.stringify(rulesBefore)
            ? earn(rules)
            : earningsBefore;

        // 1. Which sales are new (a re-import finds them all).
        const existing = await existingIds(
          db.sales,
          sales.map((s) => s.id),
        );
        const fresh = inIdOrder.filter((s) => !existing.has(s.id));
        check();

        // 2. Customers of the new sales: match or create, once per customer key.
        const freshKeys = new Set(fresh.map(customerKey));
        const matcher = await contactMatcher([...freshKeys].map((k) => customers.get(k)!.first));
        const contactByKey = new Map<string, string>();
        const newContacts: ContactRow[] = [];
        const welcomes: LedgerEntry[] = [];
        const unmatched: ImportCustomer[] = [];
        for (const key of freshKeys) {
          const customer = customers.get(key)!;
          // Await only real requests: a long run of awaits with no request pending lets the
          // transaction commit under Chromium (seen at 200,000 rows), so the scan matcher is
          // synchronous.
          const answer = matcher.match(customer.first);
          const found = typeof answer === 'object' ? await answer : answer;
          if (found) contactByKey.set(key, found);
          else unmatched.push(customer);
        }
        const derivedRows = await db.contacts.bulkGet(unmatched.map((c) => c.contactId));
        for (const [i, customer] of unmatched.entries()) {
          const id = customer.contactId;
          if (derivedRows[i]) {
            // Created by an earlier import of this customer (here or on another device).
            contactByKey.set(customer.key, await resolveId(id));
            continue;
          }
          newContacts.push(importedContact(customer.first, id, createdAt, stamp));
          contactByKey.set(customer.key, id);
          // Only a customer new to the book can be welcomed: one an earlier import (or another
          // device) created has already had their first purchase, with its bonus or without.
          const welcome = rules && importWelcome(customer, rules);
          if (welcome) {
            welcomes.push({
              id: welcomeEntryId(id),
              createdAt,
              updatedAt: stamp,
              contactId: id,
              kind: 'bonus',
              at: welcome.at,
              points: welcome.points,
              reason: 'welcome',
              ruleId: welcome.rule.id,
            });
          }
        }
        check();

        // 4. Write: contacts, then sales with their earn entries chunk by chunk, then bonuses.
        const stores = rawStores(tx);
        await writeRows(stores.contacts, newContacts, check);
        let done = total - fresh.length;
        let pointsAwarded = 0;
        onProgress(done, total);
        for (let i = 0; i < fresh.length; i += IMPORT_CHUNK) {
          check();
          const chunk = fresh.slice(i, i + IMPORT_CHUNK);
          const saleRows: Sale[] = [];
          const earnRows: LedgerEntry[] = [];
          for (const s of chunk) {
            const sale = importedSale(s, contactByKey.get(customerKey(s))!, createdAt, stamp);
            saleRows.push(sale);
            const reversal = earnings?.reversals.get(s.id);
            if (reversal) {
              earnRows.push({
                id: reversalEventId(sale.id, Date.parse(sale.at)),
                createdAt,
                updatedAt: stamp,
                contactId: sale.contactId,
                kind: 'reversal',
                at: sale.at,
                points: -reversal.points,
                saleId: sale.id,
                reversesId: earnEntryId({
                  id: reversal.purchase.id,
                  at: importedSaleAt(reversal.purchase),
                }),
              });
              pointsAwarded -= reversal.points;
            }
            const e = earnings?.get(s.id);
            if (!e || e.points <= 0) continue;
            pointsAwarded += e.points;
            earnRows.push({
              id: earnEntryId(sale),
              createdAt,
              updatedAt: stamp,
              contactId: sale.contactId,
              kind: 'earn',
              at: sale.at,
              points: e.points,
              saleId: sale.id,
              ruleId: e.ruleId,
            });
          }
          // Both stores in flight at once; `put` for the earn entry: its id is derived from a
          // sale that did not exist, so an older copy can only be this same entry.
          await Promise.all([
            writeRows(stores.sales, saleRows, check, 'add'),
            writeRows(stores.ledger, earnRows, check, 'put'),
          ]);
          done += chunk.length;
          onProgress(done, total);
        }
        await writeRows(stores.ledger, welcomes, check);
        pointsAwarded += welcomes.reduce((n, w) => n + w.points, 0);
        check();
        // The raw writes skip Dexie's middleware, which keeps the customer figures on every
        // other write: bring the touched customers' figures up to date in this transaction.
        if (KEEP_FIGURES) {
          const touched = new Set(newContacts.map((c) => c.id));
          for (const s of fresh) touched.add(contactByKey.get(customerKey(s))!);
          await refreshFigures(currentTransactionSource(db.core), touched);
        }
        return {
          added: fresh.length,
          skipped: total - fresh.length,
          contactsCreated: newContacts.length,
          pointsAwarded,
        };
      });
      announceChange(db, ['sales', 'ledger', 'contacts']);
      return result;
    },
  };
}
