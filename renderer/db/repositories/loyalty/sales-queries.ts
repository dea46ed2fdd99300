/**
 * Reading sales: the list and its search, one contact's sales, item suggestions, the earn preview.
 */
import { contactEvents } from '../../identity';
import { earnForSale } from '../../../../shared/loyalty/tiers';
import { recentItemsOf } from '../../../../shared/sales/checkout';
import type { Sale } from '../../../../shared/schemas';
import { foldText } from '../../../../shared/text';
import type { LoyaltyContext } from './context';
import { newestFirst } from './context';
import type { SaleRow, SalesFilter } from './types';

/** Newest sales read for the checkout's item suggestions. */
const RECENT_SALES_READ = 500;
/** Above this many contacts matching a sales search, the time index is walked instead. */
const SEARCH_BY_CONTACT_MAX = 500;

export function createSaleQueries(ctx: LoyaltyContext) {
  const { db, resolveId, salesOf, tierSalesOf, getRules, withNames } = ctx;

  return {
    /** The points a purchase would earn now (for the form's hint); nothing is written. */
    async previewEarn(contactId: string, amount: number, at: string): Promise<number> {
      if (!Number.isSafeInteger(amount) || amount <= 0 || Number.isNaN(Date.parse(at))) return 0;
      const rules = await getRules();
      const sales = await tierSalesOf(await resolveId(contactId), rules, Date.parse(at));
      const probe = { id: '~preview', kind: 'purchase' as const, at, amount };
      return earnForSale(probe, sales, rules).points;
    },

    /**
     * Item names of recent sales' lines for the checkout's suggestions, with their last unit
     * price. Reads only the newest sales (by the time index), never the whole table.
     */
    async recentItems(limit = 50): Promise<{ item: string; unitPrice: number }[]> {
      const newest = await db.sales.orderBy('at').reverse().limit(RECENT_SALES_READ).toArray();
      return recentItemsOf(
        newest.filter((s) => s.deletedAt === undefined && s.kind === 'purchase'),
        limit,
      );
    },

    /**
     * Sales, newest first, filtered; at most `limit` rows. A query finds its matches first, by
     * index: the contacts whose name words start with its words (nameTokens), then their sales
     * by [contactId+at] (the newest `limit` of each), and the invoice numbers starting with it
     * (invoiceNo, case ignored; the folded comparison then decides). Only when the matches are
     * too many for that to pay (a one-letter query) is the time index walked, which then
     * stops after `limit` matches because they are dense.
     */
    async listSales(filter: SalesFilter = {}, limit = 200): Promise<SaleRow[]> {
      const from = filter.fromMs !== undefined ? new Date(filter.fromMs).toISOString() : '';
      const to = filter.toMs !== undefined ? new Date(filter.toMs).toISOString() : '\uffff';
      const q = foldText(filter.query ?? '');
      const kept = (s: Sale) =>
        s.deletedAt === undefined &&
        (filter.kind === undefined || s.kind === filter.kind) &&
        (filter.paymentMethod === undefined || s.paymentMethod === filter.paymentMethod);
      const byTime = (match: (s: Sale) => boolean) =>
        db.sales
          .where('at')
          .between(from, to, true, true)
          .reverse()
          .filter((s) => kept(s) && match(s))
          .limit(limit)
          .toArray();
      if (q === '') return withNames(await byTime(() => true));

      const words = q.split(' ');
      const nameIds = new Set(
        await db.contacts
          .where('nameTokens')
          .startsWith(words[0]!)
          .filter((c) => words.every((w) => c.nameTokens.some((t) => t.startsWith(w))))
          .primaryKeys(),
      );
      const invoiceMatch = (s: Sale) =>
        s.invoiceNo !== undefined && foldText(s.invoiceNo).startsWith(q);
      const matches = (s: Sale) => nameIds.has(s.contactId) || invoiceMatch(s);
      const invoices = db.sales.where('invoiceNo').startsWithIgnoreCase(q);
      if (nameIds.size > SEARCH_BY_CONTACT_MAX || (await invoices.count()) > limit * 5) {
        return withNames(await byTime(matches));
      }
      const inTime = (s: Sale) => s.at >= from && s.at <= to;
      const lists = await Promise.all([
        ...[...nameIds].map((id) =>
          db.sales
            .where('[contactId+at]')
            .between([id, from], [id, to], true, true)
            .reverse()
            .filter(kept)
            .limit(limit)
            .toArray(),
        ),
        invoices.filter((s) => kept(s) && inTime(s) && invoiceMatch(s)).toArray(),
      ]);
      const unique = new Map<string, Sale>();
      for (const list of lists) for (const sale of list) unique.set(sale.id, sale);
      return withNames([...unique.values()].sort(newestFirst).slice(0, limit));
    },

    /**
     * One contact's sales (and those of duplicates merged into it), newest first; with `limit`,
     * only the newest `limit`, read from the end of each id's index range (the panel pages).
     */
    async contactSales(contactId: string, limit?: number): Promise<SaleRow[]> {
      if (limit === undefined) {
        return withNames((await salesOf(contactId)).sort(newestFirst));
      }
      const newest = await contactEvents(db, 'sales', contactId, { newest: limit });
      const list = newest.sort(newestFirst).slice(0, limit);
      return withNames(list);
    },
  };
}
