/**
 * Erasure is final for what a sale says (issue #17, invariant 2): device A erases Siti while
 * device B, not yet aware, still holds her checkout sale as typed and records one more. After
 * one exchange round no device holds that text, and both hold the same tables; a file that
 * re-sends the unscrubbed sale afterwards brings nothing back.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { buildEnvelope, serializeEnvelope, type Tables } from '../../../shared/sync/envelope';
import { refusalTotal } from '../../../shared/sync/guard';
import type { Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import {
  addSale,
  createContact,
  exportSyncText,
  importSyncText,
  openDevice,
  snapshot,
} from './device';

const TYPED = 'Kue ulang tahun untuk Bu Siti, antar ke Jl. Melati 7';
const LINE = 'Batik tulis inisial SR';
const LATER = 'Titipan Bu Siti: bunga untuk ibunya';

/**
 * Every row of every table of a device (history and the kept figures included); `meta` (the
 * clock, the sync log) unless `withMeta` is false.
 */
async function everything(repos: Repositories, withMeta = true): Promise<string> {
  const parts: string[] = [];
  for (const t of repos.db.tables) {
    if (withMeta || t.name !== 'meta') parts.push(JSON.stringify(await t.toArray()));
  }
  return parts.join('\n');
}

const leaks = (text: string) => [TYPED, LINE, LATER].filter((s) => text.includes(s));

async function twoDevices() {
  const a = await openDevice('a');
  const siti = await createContact(a, 'Siti Rahayu');
  const saleId = await addSale(a, siti, 250_000, true, {
    items: TYPED,
    lines: [
      { item: LINE, quantity: 2, unitPrice: 100_000, amount: 200_000 },
      { quantity: 1, unitPrice: 50_000, amount: 50_000 },
    ],
  });
  const b = await openDevice('b');
  await importSyncText(b, await exportSyncText(a, true));
  const before = await exportSyncText(a, true);
  return { a, b, siti, saleId, before };
}

describe('an erased customer’s sales across devices', { timeout: 60_000 }, () => {
  for (const order of ['A first', 'B first'] as const) {
    it(`after one exchange round (${order}) no device holds what the sales said`, async () => {
      const { a, b, siti, saleId } = await twoDevices();
      await a.privacy.eraseContact(siti);
      // B has not heard: it still holds the sale as typed, and records another one for her.
      await addSale(b, siti, 75_000, true, { items: LATER });
      expect(leaks(await everything(b))).toEqual([TYPED, LINE, LATER]);
      expect(leaks(await everything(a))).toEqual([]);

      const [fromA, fromB] = [await exportSyncText(a), await exportSyncText(b)];
      expect(leaks(fromA)).toEqual([]);
      if (order === 'A first') {
        await importSyncText(b, fromA);
        await importSyncText(a, fromB);
      } else {
        await importSyncText(a, fromB);
        await importSyncText(b, fromA);
      }
      for (const d of [a, b]) expect(leaks(await everything(d))).toEqual([]);
      expect(await snapshot(b)).toEqual(await snapshot(a));
      // The figures stay: both sales, their amounts, the quantities and prices.
      const sales = (await snapshot(a)).sales.sort((x, y) => x.amount - y.amount);
      expect(sales.map((s) => [s.contactId, s.amount])).toEqual([
        [siti, 75_000],
        [siti, 250_000],
      ]);
      expect(sales.find((s) => s.id === saleId)!.lines).toEqual([
        { quantity: 2, unitPrice: 100_000, amount: 200_000 },
        { quantity: 1, unitPrice: 50_000, amount: 50_000 },
      ]);
    });
  }

  it('a file that re-sends the unscrubbed sale after the erasure changes nothing', async () => {
    const { a, siti, before } = await twoDevices();
    await a.privacy.eraseContact(siti);
    const held = await snapshot(a);
    const dump = await everything(a, false);

    // A stale file from before the erasure: the same sale, as it was typed.
    const stale = await importSyncText(a, before);
    expect(stale.status === 'merged' && stale.written).toBe(0);
    expect(await everything(a, false)).toBe(dump);

    // A forged one: only the sale, as typed, stamped later than the erasure.
    const original = JSON.parse(before) as { tables: Tables };
    const sale = original.tables.sales[0]!;
    const late = formatStamp({
      wall: Date.now() + 60_000,
      counter: 0,
      deviceId: 'EEEEEEEEEEEEEEEE',
    });
    const tables = {
      ...Object.fromEntries(Object.keys(original.tables).map((t) => [t, []])),
      sales: [{ ...sale, updatedAt: late }],
    } as unknown as Tables;
    const forged = serializeEnvelope(
      await buildEnvelope({
        kind: 'sync',
        schemaVersion: SCHEMA_VERSION,
        app: 'kenal@evil',
        deviceId: 'EEEEEEEEEEEEEEEE',
        exportedAt: new Date().toISOString(),
        since: null,
        tables,
      }),
    );
    const result = await importSyncText(a, forged);
    expect(result.status).toBe('merged');
    if (result.status === 'merged') expect(refusalTotal(result.refused)).toBe(0);
    expect(leaks(await everything(a))).toEqual([]);
    const after = await snapshot(a);
    const strip = (t: Tables) => t.sales.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(held));
    expect(after.ledger).toEqual(held.ledger);

    // A changed body (another amount) is refused like any change of an event.
    const changed = JSON.parse(forged) as { tables: Tables };
    changed.tables.sales[0]!.amount = 1;
    const refused = await importSyncText(
      a,
      serializeEnvelope(
        await buildEnvelope({
          kind: 'sync',
          schemaVersion: SCHEMA_VERSION,
          app: 'kenal@evil',
          deviceId: 'EEEEEEEEEEEEEEEE',
          exportedAt: new Date().toISOString(),
          since: null,
          tables: changed.tables,
        }),
      ),
    );
    expect(refused.status === 'merged' && refused.refused.eventChanged).toBe(1);
    expect((await snapshot(a)).sales).toEqual(after.sales);
  });
});
