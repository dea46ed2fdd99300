/**
 * Repository for the reports: reads sales, feedback, complaints and then the ledger page by page
 * and turns them into the compact columnar datasets the pure report math works on
 * (shared/reports). Read-only: reports never write.
 *
 * Speed (issue #6): reading rows out of IndexedDB (structured-clone deserialization) is nearly
 * all of the cost, so the sales reports read only what they need: contacts (for merges and
 * deletes), sales, feedback and complaints, in big pages by primary-key range (each page its own
 * short transaction, so a sale being recorded meanwhile never waits). The points liability
 * reads the kept figures (keptBalances, O(customers)); the ledger, as big as the sales, is read
 * by loadLoyalty only for a moment the kept figures cannot answer (one in the past). Rows
 * become typed columns right away; no row outlives its page.
 *
 * Merged duplicates: every contact's {id, mergedInto, deletedAt} is loaded once into a Map, and
 * each event's contact is resolved through it (shared/contacts/survivor.ts: chains followed,
 * the one cycle rule), so a merged contact's events count for the survivor.
 * Deleted events are ignored, and so are events of a contact that was deleted.
 */
import { fingerprintText, tableFingerprint } from '../../table-fingerprint';
import { survivorResolver } from '../../../../shared/contacts/survivor';
import { LOYALTY_RULES_KEY } from '../../../../shared/loyalty/rules';
import { SHOP_TIME_ZONE_KEY } from '../../../../shared/shop-settings';
import { pointsAt } from '../../../../shared/derived/customer-figures';
import { figuresReady } from '../../derived/read';
import {
  bonusCode,
  DatasetBuilder,
  LedgerBuilder,
  refundCancels,
  SALE_CANCEL,
  SALE_PURCHASE,
  SALE_REFUND,
  type LoyaltyDataset,
  type ReportDataset,
} from '../../../../shared/reports';
import type { Note, Sale } from '../../../../shared/schemas';
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import { abortError, forEachPage } from './paged-read';

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
  /** How many id ranges of the big tables are read side by side. */
  parts?: number;
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
/** Two ranges side by side: measured ~22 % faster than one on 1M sales; four gained no more. */
const DEFAULT_PARTS = 2;

/** Wall-clock milliseconds of an HLC stamp ("<wallMs:15>-..."). */
const stampWall = (stamp: string | undefined): number =>
  stamp === undefined ? Number.NaN : Number(stamp.slice(0, 15));

/** Resolves contact ids through `mergedInto`, from one bulk read of every contact. */
function makeResolver(
  contacts: Map<string, { mergedInto?: string; deleted: boolean }>,
): ContactResolver {
  const links = new Map<string, string>();
  for (const [id, c] of contacts) if (c.mergedInto !== undefined) links.set(id, c.mergedInto);
  const survivor = survivorResolver(links);
  return (id: string): string | null => {
    const resolved = survivor(id);
    return contacts.get(resolved)?.deleted ? null : resolved;
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

/** A refund as read, its contact resolved; it is added once every refund is known. */
type Refund = { contact: string; at: number; amount: number; reversesId?: string };

/**
 * Add the refunds, each a cancel or a partial refund (shared/reports/refunds.ts).
 * `reversed[i]` is the sale refunds[i] reverses, if still there.
 */
function addRefunds(b: DatasetBuilder, refunds: Refund[], reversed: (Sale | undefined)[]): void {
  const cancels = refundCancels(refunds, reversed);
  refunds.forEach((r, i) =>
    b.addSale(r.contact, r.at, r.amount, cancels[i] ? SALE_CANCEL : SALE_REFUND),
  );
}

/** Add the live complaints of live contacts, with when each was resolved. */
function addComplaints(b: DatasetBuilder, complaints: Note[], resolve: ContactResolver): void {
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
}

export function createReportsRepository(db: KenalDb, _clock: DeviceClock) {
  async function readContacts(
    size: number,
    parts: number,
    signal: AbortSignal | undefined,
    step: (n: number) => void,
    /** Collects [referred, referrer] contact ids (unresolved) of live contacts, when given. */
    referrals?: [string, string][],
  ): Promise<ContactResolver> {
    const contacts = new Map<string, { mergedInto?: string; deleted: boolean }>();
    await forEachPage(
      db.contacts,
      size,
      signal,
      (rows) => {
        for (const c of rows) {
          contacts.set(c.id, { mergedInto: c.mergedInto, deleted: c.deletedAt !== undefined });
          if (referrals && c.referredBy !== undefined && c.deletedAt === undefined)
            referrals.push([c.id, c.referredBy]);
        }
        step(rows.length);
      },
      parts,
    );
    return makeResolver(contacts);
  }

  return {
    /**
     * Changes whenever a table a report reads changes (row counts and the newest stamps), cheaply
     * from the indexes: the screen reloads its dataset when this changes. Both stamps count:
     * own writes raise the newest `updatedAt`, while a merged change from another device may
     * carry an older `updatedAt` and only raises `_localStamp`.
     */
    async fingerprint(): Promise<string> {
      return db.transaction(
        'r',
        [db.contacts, db.sales, db.feedback, db.notes, db.ledger, db.settings],
        async () => {
          const parts = await Promise.all(
            [db.contacts, db.sales, db.feedback, db.notes, db.ledger, db.settings].map(async (t) =>
              fingerprintText(await tableFingerprint(t)),
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
      const parts = options.parts ?? DEFAULT_PARTS;
      const [nContacts, nSales, nFeedback, nNotes] = await Promise.all([
        db.contacts.count(),
        db.sales.count(),
        db.feedback.count(),
        db.notes.where('kind').equals('complaint').count(),
      ]);
      const step = progressCounter(nContacts + nSales + nFeedback + nNotes, onProgress);
      const referrals: [string, string][] = [];
      const resolve = await readContacts(size, parts, signal, step, referrals);

      // One builder and refund list per id range, joined in range order afterwards: the same
      // dataset, customer numbers included, as one reader in id order gives.
      const byPart: { b: DatasetBuilder; refunds: Refund[] }[] = [];
      const partOf = (i: number) => (byPart[i] ??= { b: new DatasetBuilder(), refunds: [] });
      const nParts = await forEachPage(
        db.sales,
        size,
        signal,
        (rows, part) => {
          const { b, refunds } = partOf(part);
          for (const s of rows) {
            if (s.deletedAt !== undefined) continue;
            const contact = resolve(s.contactId);
            if (contact === null) continue;
            const at = Date.parse(s.at);
            if (s.kind === 'purchase') b.addSale(contact, at, s.amount, SALE_PURCHASE);
            else refunds.push({ contact, at, amount: s.amount, reversesId: s.reversesId });
          }
          step(rows.length);
        },
        parts,
      );
      const b = partOf(0).b;
      const refunds: Refund[] = [...partOf(0).refunds];
      for (let i = 1; i < nParts; i++) {
        b.appendSales(partOf(i).b);
        refunds.push(...partOf(i).refunds);
      }
      if (signal?.aborted) throw abortError();
      const reversed = await db.sales.bulkGet(refunds.map((r) => r.reversesId ?? ''));
      addRefunds(b, refunds, reversed);

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
      addComplaints(b, complaints, resolve);
      step(complaints.length);
      // Referrals (advocacy), both ends resolved through merges, after the sales numbered
      // the customers who bought.
      for (const [referred, referrer] of referrals) {
        const a = resolve(referred);
        const r = resolve(referrer);
        if (a !== null && r !== null) b.addReferral(a, r);
      }
      return { ...b.build(), resolve };
    },

    /**
     * Every live customer's points balance at each of `moments`, from the kept figures
     * (renderer/db/derived): O(customers), no ledger read. A kept row holds the balance at its
     * latest ledger entry and the unexpired lots, so the balance at any later moment is exact
     * (shared/derived/customer-figures.ts pointsAt). A moment before some customer's latest
     * entry gets null (the ledger must be replayed: loadLoyalty), and so does every moment
     * while the figures are not built for this version (a rebuild is due or running).
     */
    async keptBalances(
      moments: readonly number[],
      options: Pick<LoadOptions, 'signal' | 'pageSize' | 'parts'> = {},
    ): Promise<(Float64Array | null)[]> {
      const none = moments.map(() => null);
      if (!(await figuresReady(db))) return none;
      const balances = moments.map(() => [] as number[]);
      const exact = moments.map(() => true);
      await forEachPage(
        db.customerFigures,
        options.pageSize ?? DEFAULT_PAGE,
        options.signal,
        (rows) => {
          for (const row of rows) {
            if (row.live !== 1 || row.ledgerAsOfMs === undefined) continue;
            moments.forEach((at, i) => {
              if (!exact[i]) return;
              const state = pointsAt(row, at);
              if (state === null) exact[i] = false;
              else balances[i]!.push(state.balance);
            });
          }
        },
        // Order does not matter: the liability sums and counts.
        options.parts ?? DEFAULT_PARTS,
      );
      // A rebuild that started meanwhile may have left some rows behind: do not trust them.
      if (!(await figuresReady(db))) return none;
      return balances.map((b, i) => (exact[i] ? Float64Array.from(b) : null));
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
      const parts = options.parts ?? DEFAULT_PARTS;
      const [nContacts, nLedger] = await Promise.all([
        options.resolve ? 0 : db.contacts.count(),
        db.ledger.count(),
      ]);
      const step = progressCounter(nContacts + nLedger, onProgress);
      const resolve = options.resolve ?? (await readContacts(size, parts, signal, step));
      // One builder per id range, joined in range order: rows stay in id order.
      const byPart: LedgerBuilder[] = [];
      const partOf = (i: number) => (byPart[i] ??= new LedgerBuilder());
      const nParts = await forEachPage(
        db.ledger,
        size,
        signal,
        (rows, part) => {
          const b = partOf(part);
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
        },
        parts,
      );
      const b = partOf(0);
      for (let i = 1; i < nParts; i++) b.append(partOf(i));
      const rules = await db.settings.where('key').equals(LOYALTY_RULES_KEY).first();
      const zone = await db.settings.where('key').equals(SHOP_TIME_ZONE_KEY).first();
      return b.build(
        rules && rules.deletedAt === undefined ? rules.value : undefined,
        zone && zone.deletedAt === undefined ? zone.value : undefined,
      );
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
