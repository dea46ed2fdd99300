import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { applyPatch, createEvent, createMutable } from '../../../shared/records';
import {
  SALE_CANCEL,
  SALE_PURCHASE,
  SALE_REFUND,
  computeReport,
  DEFAULT_REPORT_SETTINGS,
} from '../../../shared/reports';
import type { Feedback, LedgerEntry, Note, Sale } from '../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../renderer/db';

let repos: Repositories;
let dbCounter = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-reports-${++dbCounter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name: string): Promise<string> {
  const r = await repos.contacts.create({ ...emptyContactInput(), name });
  if (!r.ok) throw new Error('contact not saved');
  return r.value.id;
}

async function meta() {
  return {
    id: newId(),
    createdAt: new Date().toISOString(),
    stamp: await repos.clock.stamp(),
  };
}

type SaleFields = Omit<Sale, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
async function sale(fields: SaleFields, deleted = false): Promise<Sale> {
  const { db } = repos;
  return db.transaction('rw', db.sales, db.meta, async () => {
    const s: Sale = createEvent(fields, await meta());
    if (deleted) s.deletedAt = await repos.clock.stamp();
    await db.sales.add(s);
    return s;
  });
}

describe('reports repository', () => {
  it('resolves merged contacts, drops deleted rows and marks whole refunds', async () => {
    const siti = await contact('Siti');
    const dup = await contact('Siti (old number)');
    const gone = await contact('Deleted customer');
    // dup was merged into siti; gone was deleted.
    await repos.db.transaction('rw', repos.db.contacts, repos.db.meta, async () => {
      const row = (await repos.db.contacts.get(dup))!;
      const { record } = applyPatch(row, { mergedInto: siti }, await repos.clock.stamp());
      await repos.db.contacts.put({ ...row, ...record });
    });
    await repos.contacts.remove(gone);

    const p1 = await sale({
      contactId: siti,
      kind: 'purchase',
      at: '2026-03-01T10:00:00Z',
      amount: 100_000,
    });
    const p2 = await sale({
      contactId: dup,
      kind: 'purchase',
      at: '2026-03-02T10:00:00Z',
      amount: 50_000,
    });
    await sale(
      { contactId: siti, kind: 'purchase', at: '2026-03-03T10:00:00Z', amount: 999 },
      true,
    );
    await sale({ contactId: gone, kind: 'purchase', at: '2026-03-03T10:00:00Z', amount: 7_000 });
    await sale({
      contactId: siti,
      kind: 'refund',
      at: '2026-03-04T10:00:00Z',
      amount: 100_000,
      reversesId: p1.id,
    });
    await sale({
      contactId: dup,
      kind: 'refund',
      at: '2026-03-05T10:00:00Z',
      amount: 10_000,
      reversesId: p2.id,
    });

    const progress: number[] = [];
    const { dataset, customerIds } = await repos.reports.loadDataset({
      pageSize: 2,
      onProgress: (p) => progress.push(p.done / p.total),
    });
    expect(customerIds).toEqual([siti]);
    expect(dataset.customerCount).toBe(1);
    expect([...dataset.sales.customer]).toEqual([0, 0, 0, 0]);
    expect([...dataset.sales.amount]).toEqual([100_000, 50_000, 100_000, 10_000]);
    expect([...dataset.sales.kind]).toEqual([
      SALE_PURCHASE,
      SALE_PURCHASE,
      SALE_CANCEL,
      SALE_REFUND,
    ]);
    expect(progress.at(-1)).toBe(1);

    const report = computeReport(dataset, {
      ...DEFAULT_REPORT_SETTINGS,
      period: {
        kind: 'month',
        start: Date.parse('2026-03-01T00:00:00Z'),
        end: Date.parse('2026-04-01T00:00:00Z'),
      },
      compare: false,
      utcOffsetMinutes: 0,
    });
    expect(report.current.orders).toMatchObject({ revenue: 40_000, orders: 1, buyers: 1 });
  });

  it('reads feedback, complaints and the ledger for the survivor', async () => {
    const budi = await contact('Budi');
    const { db } = repos;
    await db.transaction('rw', [db.feedback, db.notes, db.ledger, db.meta], async () => {
      const f: Feedback = createEvent(
        { contactId: budi, type: 'nps', score: 9, at: '2026-03-01T00:00:00Z' },
        await meta(),
      );
      await db.feedback.add(f);
      const m = await meta();
      const note: Note = createMutable(
        {
          contactId: budi,
          kind: 'complaint' as const,
          at: '2026-03-01T00:00:00Z',
          text: 'late delivery',
          complaintStatus: 'resolved' as const,
          resolvedAt: '2026-03-01T06:00:00Z',
        },
        m,
      );
      await db.notes.add(note);
      const plain: Note = createMutable(
        { contactId: budi, kind: 'note' as const, at: '2026-03-01T00:00:00Z', text: 'hello' },
        await meta(),
      );
      await db.notes.add(plain);
      const e: LedgerEntry = createEvent(
        { contactId: budi, kind: 'earn' as const, at: '2026-03-01T00:00:00Z', points: 25 },
        await meta(),
      );
      await db.ledger.add(e);
    });
    const { dataset } = await repos.reports.loadDataset();
    expect([...dataset.feedback.score]).toEqual([9]);
    expect(dataset.complaints.at.length).toBe(1);
    expect(dataset.complaints.resolvedAt[0]! - dataset.complaints.at[0]!).toBe(6 * 3_600_000);
    const loyalty = await repos.reports.loadLoyalty();
    expect([...loyalty.ledger.points]).toEqual([25]);
    expect(loyalty.customerCount).toBe(1);
  });

  it('stops when cancelled', async () => {
    const id = await contact('Made');
    await sale({ contactId: id, kind: 'purchase', at: '2026-03-01T10:00:00Z', amount: 1 });
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(repos.reports.loadDataset({ signal: ctrl.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('the fingerprint changes when a sale is added', async () => {
    const id = await contact('Ayu');
    const before = await repos.reports.fingerprint();
    await sale({ contactId: id, kind: 'purchase', at: '2026-03-01T10:00:00Z', amount: 1 });
    expect(await repos.reports.fingerprint()).not.toBe(before);
  });

  it('the fingerprint changes when a merge brings an older change from another device', async () => {
    const first = await contact('Ayu');
    await contact('Budi'); // the newest updatedAt of the table is now Budi's
    const before = await repos.reports.fingerprint();
    // What a sync merge writes: the other device's (older) stamp in updatedAt, and this
    // device's clock in _localStamp. Count and newest updatedAt stay the same.
    const row = (await repos.db.contacts.get(first))!;
    await repos.db.contacts.put({
      ...row,
      mergedInto: undefined,
      deletedAt: row.updatedAt,
      _localStamp: await repos.clock.stamp(),
    } as typeof row);
    expect(await repos.reports.fingerprint()).not.toBe(before);
  });
});
