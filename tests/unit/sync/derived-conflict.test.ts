/**
 * Two bodies of one rule-derived event (issue #17 leftover): two devices make the earn entry of
 * the same sale (one id, derived from the sale) with different points, for instance from a tier
 * each computed from the sales it had. The merge keeps the smaller claim, then the smaller body
 * (shared/sync/guard.ts pickDerived): a minimum under a total order, so the same entry on every
 * device whatever order the files arrive in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { earnEntryId } from '../../../shared/loyalty/import-points';
import { createEvent } from '../../../shared/records';
import type { LedgerEntry } from '../../../shared/schemas';
import { pickDerived, screenIncoming } from '../../../shared/sync/guard';
import { mergeRecord } from '../../../shared/sync/merge';
import {
  addSale,
  createContact,
  exportSyncText,
  importSyncText,
  openDevice,
  snapshot,
} from './device';

const SALE = { id: '01JDERIVED0000000000000000', at: '2026-03-01T08:00:00.000Z' };
const CONTACT = '01JCONTACT0000000000000000';

function earn(points: number, device: string, ruleId?: string): LedgerEntry {
  const stamp = formatStamp({ wall: Date.parse(SALE.at), counter: 0, deviceId: device });
  return createEvent(
    { contactId: CONTACT, kind: 'earn' as const, at: SALE.at, points, saleId: SALE.id, ruleId },
    { id: earnEntryId(SALE), createdAt: SALE.at, stamp },
  );
}

describe('two bodies of one rule-derived event', () => {
  it('are recognised as such and resolve to the same entry in any order (property)', () => {
    const body = fc.record({
      points: fc.integer({ min: 1, max: 50 }),
      device: fc.constantFrom('AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCC'),
      rule: fc.constantFrom(undefined, 'r1', 'r2'),
    });
    fc.assert(
      fc.property(fc.array(body, { minLength: 2, maxLength: 5 }), (bodies) => {
        const entries = bodies.map((b) => earn(b.points, b.device, b.rule));
        const fold = (list: LedgerEntry[]) =>
          list.reduce((kept, next) => {
            const screened = screenIncoming('ledger', kept, next, { maxWall: Infinity });
            expect(screened.ok).toBe(true);
            // As the import does: a derived conflict by pickDerived, the same body by the merge.
            if (screened.ok && screened.derivedConflict) return pickDerived(kept, next);
            return mergeRecord('ledger', kept, next).record;
          });
        const forward = fold(entries);
        const backward = fold([...entries].reverse());
        expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
        // The kept entry has the fewest points, whichever order.
        expect(forward.points).toBe(Math.min(...entries.map((e) => e.points)));
        expect(backward.points).toBe(forward.points);
      }),
    );
  });

  it('two devices that award the same sale differently hold the same entry after one exchange', async () => {
    const a = await openDevice('a');
    const contact = await createContact(a, 'Wayan');
    const saleId = await addSale(a, contact, 250_000, false);
    const b = await openDevice('b');
    await importSyncText(b, await exportSyncText(a, true));
    const sale = (await a.db.sales.get(saleId))!;
    for (const [device, points] of [
      [a, 25],
      [b, 37],
    ] as const) {
      await device.db.transaction('rw', device.db.ledger, device.db.meta, async () => {
        const entry = createEvent(
          { contactId: contact, kind: 'earn' as const, at: sale.at, points, saleId },
          { id: earnEntryId(sale), createdAt: sale.at, stamp: await device.clock.stamp() },
        );
        await device.db.ledger.put(entry);
      });
    }
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    await importSyncText(a, fromB);
    await importSyncText(b, fromA);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await a.db.ledger.get(earnEntryId(sale)))?.points).toBe(25);
  });
});
