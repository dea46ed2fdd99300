import { afterEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { saleMoment } from '../../../renderer/features/sales/sale-time';

let r: Repositories | undefined;
afterEach(async () => {
  r?.db.close();
  await r?.db.delete();
});

describe('a refund dated in the past (#18.7)', () => {
  it('is stored on its own date, never before its sale or in the future', async () => {
    r = await openRepositories(`refund-date-${Math.random().toString(36).slice(2)}`);
    const c = await r.contacts.create({
      name: 'Siti',
      phones: [],
      tags: [],
      note: '',
      email: '',
      birthday: '',
      address: '',
      city: '',
      consent: false,
    } as never);
    const contactId = (c as { ok: true; value: { id: string } }).value.id;
    const sale = await r.loyalty.recordSale({
      contactId,
      amount: 100_000,
      at: '2025-10-01T05:00:00.000Z',
    });
    if (!sale.ok) throw new Error(sale.error);
    const past = saleMoment('2025-10-03', 'Asia/Makassar')!;
    expect(past).toBe('2025-10-03T04:00:00.000Z');
    const ok = await r.loyalty.refundSale({ saleId: sale.sale.id, amount: 40_000, at: past });
    expect(ok.ok && ok.refund.at).toBe(past);
    expect(
      await r.loyalty.refundSale({ saleId: sale.sale.id, amount: 1, at: '2025-09-30T00:00:00Z' }),
    ).toEqual({ ok: false, error: 'sales.errors.refundBeforeSale' });
    expect(
      await r.loyalty.refundSale({ saleId: sale.sale.id, amount: 1, at: '2999-01-01T00:00:00Z' }),
    ).toEqual({ ok: false, error: 'sales.errors.refundFuture' });
  });
});
