/**
 * Seeds the app's IndexedDB ('kenal') directly with contacts, sales, feedback and complaint
 * notes in valid record shapes, for the reports end-to-end tests. Call after the app has opened
 * the database once (so its schema exists), then reload the page.
 */
import type { Page } from '@playwright/test';

export interface SeedCustomer {
  name: string;
  /** Purchases: days before now and amount in rupiah. */
  purchases: { daysAgo: number; amount: number }[];
  /** Merged into the customer with this name (a duplicate). */
  mergedInto?: string;
}

export interface SeedData {
  customers: SeedCustomer[];
  /** NPS / CSAT / CES answers by customer name. */
  feedback?: { name: string; type: 'nps' | 'csat' | 'ces'; score: number; daysAgo: number }[];
  complaints?: { name: string; daysAgo: number; resolvedAfterHours?: number }[];
  /** Loyalty ledger entries (earn when positive, redeem when negative) by customer name. */
  points?: { name: string; points: number; daysAgo: number }[];
}

export async function seedReports(page: Page, data: SeedData): Promise<void> {
  await page.evaluate(async (seed) => {
    const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let counter = 0;
    const enc = (n: number, len: number) => {
      let s = '';
      for (let i = 0; i < len; i++) {
        s = CROCKFORD[n % 32] + s;
        n = Math.floor(n / 32);
      }
      return s;
    };
    const now = Date.now();
    const ulid = (ms: number) => enc(ms, 10) + enc(++counter, 16);
    const device = '0123456789ABCDEF';
    const stamp = () =>
      `${String(now).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${device}`;
    const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
    const fold = (s: string) =>
      s
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();

    const ids = new Map<string, string>();
    for (const c of seed.customers) ids.set(c.name, ulid(now - 400 * 86_400_000));
    const contacts = seed.customers.map((c) => {
      const s = stamp();
      const row: Record<string, unknown> = {
        id: ids.get(c.name),
        createdAt: iso(400),
        updatedAt: s,
        stamps: { name: s, phones: s, tags: s, note: s },
        name: c.name,
        phones: [],
        tags: [],
        note: '',
        sortKey: fold(c.name),
        nameTokens: [
          ...new Set(
            fold(c.name)
              .split(/[^\p{L}\p{N}@.]+/u)
              .filter(Boolean),
          ),
        ],
        phoneKeys: [],
        tagKeys: [],
      };
      if (c.mergedInto) {
        row.mergedInto = ids.get(c.mergedInto);
        (row.stamps as Record<string, string>).mergedInto = s;
      }
      return row;
    });
    const sales = seed.customers.flatMap((c) =>
      c.purchases.map((p) => ({
        id: ulid(now - p.daysAgo * 86_400_000),
        createdAt: iso(p.daysAgo),
        updatedAt: stamp(),
        contactId: ids.get(c.name),
        kind: 'purchase',
        at: iso(p.daysAgo),
        amount: p.amount,
      })),
    );
    const feedback = (seed.feedback ?? []).map((f) => ({
      id: ulid(now - f.daysAgo * 86_400_000),
      createdAt: iso(f.daysAgo),
      updatedAt: stamp(),
      contactId: ids.get(f.name),
      type: f.type,
      score: f.score,
      at: iso(f.daysAgo),
    }));
    const notes = (seed.complaints ?? []).map((c) => {
      const s = stamp();
      const resolved = c.resolvedAfterHours !== undefined;
      const at = now - c.daysAgo * 86_400_000;
      return {
        id: ulid(at),
        createdAt: iso(c.daysAgo),
        updatedAt: s,
        stamps: {
          contactId: s,
          kind: s,
          at: s,
          text: s,
          complaintStatus: s,
          ...(resolved ? { resolvedAt: s } : {}),
        },
        contactId: ids.get(c.name),
        kind: 'complaint',
        at: iso(c.daysAgo),
        text: 'Complaint',
        complaintStatus: resolved ? 'resolved' : 'open',
        ...(resolved
          ? { resolvedAt: new Date(at + c.resolvedAfterHours! * 3_600_000).toISOString() }
          : {}),
      };
    });

    const ledger = (seed.points ?? []).map((e) => ({
      id: ulid(now - e.daysAgo * 86_400_000),
      createdAt: iso(e.daysAgo),
      updatedAt: stamp(),
      contactId: ids.get(e.name),
      kind: e.points > 0 ? 'earn' : 'redeem',
      at: iso(e.daysAgo),
      points: e.points,
    }));

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kenal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const stores = ['contacts', 'sales', 'feedback', 'notes', 'ledger', 'meta'];
      const tx = db.transaction(stores, 'readwrite');
      // Written behind the app's back: the kept customer figures are rebuilt (stale mark).
      tx.objectStore('meta').put({ key: 'figures.version', value: 'stale' });
      for (const r of contacts) tx.objectStore('contacts').put(r);
      for (const r of sales) tx.objectStore('sales').put(r);
      for (const r of feedback) tx.objectStore('feedback').put(r);
      for (const r of notes) tx.objectStore('notes').put(r);
      for (const r of ledger) tx.objectStore('ledger').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
}

/** Monthly purchases of `amount` from `fromDays` ago to `toDays` ago, every `stepDays`. */
export function purchases(fromDays: number, toDays: number, stepDays: number, amount: number) {
  const out: { daysAgo: number; amount: number }[] = [];
  for (let d = fromDays; d >= toDays; d -= stepDays) out.push({ daysAgo: d, amount });
  return out;
}

/**
 * A small shop: three regulars, two big spenders who went quiet ("At risk"), two new customers,
 * two lost ones and one in between; one regular has a merged duplicate whose purchase counts
 * for them.
 */
export const SHOP: SeedData = {
  customers: [
    { name: 'Ayu Lestari', purchases: purchases(335, 2, 30, 300_000) },
    { name: 'Budi Santoso', purchases: purchases(336, 3, 30, 300_000) },
    { name: 'Citra Dewi', purchases: purchases(337, 4, 30, 300_000) },
    { name: 'Rahmat Hidayat', purchases: purchases(360, 150, 30, 500_000) },
    { name: 'Rina Wijaya', purchases: purchases(361, 151, 30, 500_000) },
    { name: 'Nanda Putri', purchases: [{ daysAgo: 1, amount: 50_000 }] },
    { name: 'Nur Aini', purchases: [{ daysAgo: 2, amount: 50_000 }] },
    { name: 'Lukas Tan', purchases: [{ daysAgo: 300, amount: 50_000 }] },
    { name: 'Lina Marlina', purchases: [{ daysAgo: 301, amount: 50_000 }] },
    { name: 'Made Wirawan', purchases: purchases(100, 40, 30, 200_000) },
  ],
  feedback: [
    { name: 'Ayu Lestari', type: 'nps', score: 10, daysAgo: 0 },
    { name: 'Budi Santoso', type: 'nps', score: 9, daysAgo: 0 },
    { name: 'Rahmat Hidayat', type: 'nps', score: 3, daysAgo: 150 },
    { name: 'Citra Dewi', type: 'csat', score: 5, daysAgo: 4 },
    { name: 'Nanda Putri', type: 'ces', score: 2, daysAgo: 1 },
  ],
  complaints: [{ name: 'Made Wirawan', daysAgo: 40, resolvedAfterHours: 12 }],
};
