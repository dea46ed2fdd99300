/**
 * The contact list's purchase conditions (stage, last purchase): answered from the kept
 * customer figures when they are ready, else by replaying the sales.
 */
import { survivorResolver } from '../../../../shared/contacts/survivor';
import {
  lastPurchaseSpans,
  type ContactFacts,
  type ContactFilter,
} from '../../../../shared/contacts/filters';
import {
  deriveStage,
  summarizePurchases,
  type SaleFact,
} from '../../../../shared/contacts/lifecycle';
import { stageRanges } from '../../../../shared/derived/customer-figures';
import type { KenalDb } from '../../database';
import { figuresReady } from '../../derived/read';
import { mergeLinks } from '../../identity';

/** Purchase facts (stage, last purchase) per surviving contact id, from the sales table. */
export async function purchaseFacts(db: KenalDb, at: Date): Promise<Map<string, ContactFacts>> {
  const [sales, links] = await Promise.all([db.sales.toArray(), mergeLinks(db)]);
  const resolve = survivorResolver(links);
  const byContact = new Map<string, SaleFact[]>();
  for (const s of sales) {
    if (s.deletedAt) continue;
    const id = resolve(s.contactId);
    const list = byContact.get(id);
    if (list) list.push(s);
    else byContact.set(id, [s]);
  }
  const out = new Map<string, ContactFacts>();
  for (const [id, list] of byContact) {
    const summary = summarizePurchases(list);
    // No purchase left (all refunded): the contact's own manual stage applies.
    if (summary.count > 0)
      out.set(id, { stage: deriveStage(summary, undefined, at), lastPurchaseAt: summary.lastAt });
  }
  return out;
}

/**
 * Which surviving contacts meet the filter's purchase conditions (stage, last purchase), read
 * as index ranges of the kept figures (shared/derived/customer-figures.ts stageRanges,
 * shared/contacts/filters.ts lastPurchaseSpans): keys only, no sale read. Null while the
 * figures are being rebuilt (or a date does not parse): the caller replays the sales.
 */
export async function purchaseMatch(
  db: KenalDb,
  filter: ContactFilter,
  at: Date,
): Promise<((id: string) => boolean) | null> {
  const spans = lastPurchaseSpans(filter, at);
  if (spans === null) return null;
  const figures = db.customerFigures;
  return db.transaction('r', [figures, db.meta], async () => {
    if (!(await figuresReady(db))) return null;
    const tests: ((id: string) => boolean)[] = [];
    if (filter.stages?.length) {
      const ids = new Set<string>();
      for (const stage of new Set(filter.stages)) {
        const { bases, spans: ranges } = stageRanges(stage, at.getTime());
        for (const b of bases) {
          for (const id of await figures.where('stageBase').equals(b).primaryKeys()) ids.add(id);
        }
        for (const r of ranges) {
          const keys = await figures
            .where('[stageBase+lastPurchaseMs]')
            .between([r.base, r.lo], [r.base, r.hi], true, false)
            .primaryKeys();
          for (const id of keys) ids.add(id);
        }
      }
      tests.push((id) => ids.has(id));
    }
    if (spans.within) {
      const { lo, hi } = spans.within;
      const ids = new Set(
        await figures.where('lastPurchaseMs').between(lo, hi, true, false).primaryKeys(),
      );
      tests.push((id) => ids.has(id));
    }
    if (spans.notAfter !== undefined) {
      const recent = new Set(
        await figures.where('lastPurchaseMs').above(spans.notAfter).primaryKeys(),
      );
      tests.push((id) => !recent.has(id));
    }
    return (id: string) => tests.every((t) => t(id));
  });
}
