/**
 * Repository for the reports: reads sales, feedback, complaints and then the ledger page by page
 * and turns them into the compact columnar datasets the pure report math works on
 * (shared/reports). Read-only: reports never write.
 *
 * Speed (issue #6): reading rows out of IndexedDB (structured-clone deserialization) is nearly
 * all of the cost, so the sales reports read only what they need: contacts (for merges and
 * deletes), sales, feedback and complaints, in big pages by primary-key range (each page its own
 * short transaction, so a sale being recorded meanwhile never waits). The ledger, as big as the
 * sales, is read afterwards by loadLoyalty for the points liability, so the screen shows the
 * sales reports first. Rows become typed columns right away; no row outlives its page.
 *
 * Merged duplicates: every contact's {id, mergedInto, deletedAt} is loaded once into a Map, and
 * each event's contact is resolved through it (chains followed; a cycle ends at its smallest
 * id, as in the contacts repository), so a merged contact's events count for the survivor.
 * Deleted events are ignored, and so are events of a contact that was deleted.
 */
import { LOYALTY_RULES_KEY } from '../../../shared/loyalty/rules';
import {
  bonusCode,
  DatasetBuilder,
  LedgerBuilder,
  SALE_CANCEL,
  SALE_PURCHASE,
  SALE_REFUND,
  type LoyaltyDataset,
  type ReportDataset,
} from '../../../shared/reports';
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';
import type { Table } from 'dexie';

export interface LoadProgress {
  /** Rows read so far and the rows to read in all. */
  done: number;
  total: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /** Rows per read; pages keep each read short and the reader's memory small. */
  pageSize?: number;
}

/** Who each contact id counts as (merges followed; null = deleted), from one read. */
export type ContactResolver = (id: string) => string | null;

export interface LoadedDataset {
  dataset: ReportDataset;
  /** Contact id of each customer number in the dataset. */
  customerIds: string[];
  /** The contacts as read for this dataset: pass to loadLoyalty to skip reading them again. */
  resolve: ContactResolver;
}

const DEFAULT_PAGE = 10_000;

function abortError(): Error {
  const e = new Error('Loading the report was cancelled');
  e.name = 'AbortError';
  return e;
}

/** Wall-clock milliseconds of an HLC stamp ("<wallMs:15>-..."). */
const stampWall = (stamp: string | undefined): number =>
  stamp === undefined ? Number.NaN : Number(stamp.slice(0, 15));

/** Read a table in primary-key order, `size` rows at a time. */
async function forEachPage<T extends { id: string }>(
  table: Table<T, string>,
  size: number,
  signal: AbortSignal | undefined,
  fn: (rows: T[]) => void,
): Promise<void> {
  let last: string | undefined;
  for (;;) {
    if (signal?.aborted) throw abortError();
    const page =
      last === undefined
        ? await table.orderBy(':id').limit(size).toArray()
        : await table.where(':id').above(last).limit(size).toArray();
    if (page.length === 0) return;
    fn(page);
    last = page[page.length - 1]!.id;
    if (page.length < size) return;
  }
}

/** Resolves contact ids through `mergedInto`, from one bulk read of every contact. */
function makeResolver(
  contacts: Map<string, { mergedInto?: string; deleted: boolean }>,
): ContactResolver {
  const memo = new Map<string, string | null>();
  return (id: string): string | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const seen: string[] = [];
    let current = id;
    for (;;) {
      seen.push(current);
      const next = contacts.get(current)?.mergedInto;
      if (next === undefined) break;
      if (seen.includes(next)) {
        current = [...seen].sort()[0]!;
        break;
      }
      current = next;
    }
    const resolved = contacts.get(current)?.deleted ? null : current;
    memo.set(id, resolved);
    return resolved;
  };
}

/** Counts rows read against the rows to read and reports progress. */
function progressCounter(total: number, onProgress?: (p: LoadProgress) => void) {
  let done = 0;
  onProgress?.({ done, total });
  return (n: number) => {
    done += n;
    onProgress?.({ done, total });
  };
}

export function createReportsRepository(db: KenalDb, _clock: DeviceClock) {
  async function readContacts(
    size: number,
    signal: AbortSignal | undefined,
    step: (n: number) => void,
  ): Promise<ContactResolver> {
    const contacts = new Map<string, { mergedInto?: string; deleted: boolean }>();
    await forEachPage(db.contacts, size, signal, (rows) => {
      for (const c of rows)
        contacts.set(c.id, { mergedInto: c.mergedInto, deleted: c.deletedAt !== undefined });
      step(rows.length);
    });
    return makeResolver(contacts);
  }

  return {
    /**
     * Changes whenever a table a report reads changes (row counts and the newest stamp), cheaply
     * from the indexes: the screen reloads its dataset when this changes.
     */
    async fingerprint(): Promise<string> {
      return db.transaction(
        'r',
        [db.contacts, db.sales, db.feedback, db.notes, db.ledger, db.settings],
        async () => {
          const parts = await Promise.all(
            [db.contacts, db.sales, db.feedback, db.notes, db.ledger, db.settings].map(
              async (t) => {
                const [count, last] = await Promise.all([
                  t.count(),
                  t.orderBy('updatedAt').lastKey(),
                ]);
                return `${count}:${String(last ?? '')}`;
              },
            ),
          );
          return parts.join('|');
        },
      );
    },

    /**
     * Read what the sales reports need (contacts, sales, feedback, complaints) into a columnar
     * dataset, page by page. The ledger is not read here: see loadLoyalty.
     */
    async loadDataset(options: LoadOptions = {}): Promise<LoadedDataset> {
      const { signal, onProgress } = options;
      const size = options.pageSize ?? DEFAULT_PAGE;
      const [nContacts, nSales, nFeedback, nNotes] = await Promise.all([
        db.contacts.count(),
        db.sales.count(),
        db.feedback.count(),
        db.notes.where('kind').equals('complaint').count(),
      ]);
      const step = progressCounter(nContacts + nSales + nFeedback + nNotes, onProgress);
      const resolve = await readContacts(size, signal, step);
      const b = new DatasetBuilder();

      const refunds: { contact: string; at: number; amount: number; reversesId?: string }[] = [];
      await forEachPage(db.sales, size, signal, (rows) => {
        for (const s of rows) {
          if (s.deletedAt !== undefined) continue;
          const contact = resolve(s.contactId);
          if (contact === null) continue;
          const at = Date.parse(s.at);
          if (s.kind === 'purchase') b.addSale(contact, at, s.amount, SALE_PURCHASE);
          else refunds.push({ contact, at, amount: s.amount, reversesId: s.reversesId });
        }
        step(rows.length);
      });
      // A refund of a whole purchase cancels the order; a partial one only returns money.
      if (signal?.aborted) throw abortError();
      const reversed = await db.sales.bulkGet(refunds.map((r) => r.reversesId ?? ''));
      refunds.forEach((r, i) => {
        const original = reversed[i];
        const whole = original !== undefined && r.amount >= original.amount;
        b.addSale(r.contact, r.at, r.amount, whole ? SALE_CANCEL : SALE_REFUND);
      });

      await forEachPage(db.feedback, size, signal, (rows) => {
        for (const f of rows) {
          if (f.deletedAt !== undefined) continue;
          const contact = resolve(f.contactId);
          if (contact !== null) b.addFeedback(contact, Date.parse(f.at), f.type, f.score);
        }
        step(rows.length);
      });

      if (signal?.aborted) throw abortError();
      const complaints = await db.notes.where('kind').equals('complaint').toArray();
      for (const n of complaints) {
        if (n.deletedAt !== undefined) continue;
        const contact = resolve(n.contactId);
        if (contact === null) continue;
        // A resolved complaint without a resolvedAt counts as resolved when its status changed.
        const resolvedAt =
          n.complaintStatus !== 'resolved'
            ? undefined
            : n.resolvedAt !== undefined
              ? Date.parse(n.resolvedAt)
              : stampWall(n.stamps['complaintStatus'] ?? n.updatedAt);
        b.addComplaint(contact, Date.parse(n.at), resolvedAt);
      }
      step(complaints.length);
      return { ...b.build(), resolve };
    },

    /**
     * Read the loyalty ledger and rules for the points liability (expiry is derived later, by
     * shared/loyalty). `resolve` from loadDataset saves reading the contacts again.
     */
    async loadLoyalty(
      options: LoadOptions & { resolve?: ContactResolver } = {},
    ): Promise<LoyaltyDataset> {
      const { signal, onProgress } = options;
      const size = options.pageSize ?? DEFAULT_PAGE;
      const [nContacts, nLedger] = await Promise.all([
        options.resolve ? 0 : db.contacts.count(),
        db.ledger.count(),
      ]);
      const step = progressCounter(nContacts + nLedger, onProgress);
      const resolve = options.resolve ?? (await readContacts(size, signal, step));
      const b = new LedgerBuilder();
      await forEachPage(db.ledger, size, signal, (rows) => {
        for (const e of rows) {
          if (e.deletedAt !== undefined) continue;
          const contact = resolve(e.contactId);
          if (contact === null) continue;
          b.add({
            id: e.id,
            customer: contact,
            at: Date.parse(e.at),
            points: e.points,
            kind: e.kind,
            reversesId: e.reversesId,
            bonus: bonusCode(e.kind, e.reason),
          });
        }
        step(rows.length);
      });
      const rules = await db.settings.where('key').equals(LOYALTY_RULES_KEY).first();
      return b.build(rules && rules.deletedAt === undefined ? rules.value : undefined);
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
