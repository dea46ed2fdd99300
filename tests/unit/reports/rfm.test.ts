import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeRfm,
  customerTotals,
  quintileScores,
  RFM_SEGMENTS,
  SEGMENT_TABLE,
  segmentMembers,
  segmentOf,
} from '../../../shared/reports';
import { build, ms } from './fixtures';

describe('quintile scores', () => {
  it('spread distinct values evenly over 1-5', () => {
    expect([...quintileScores([10, 20, 30, 40, 50])]).toEqual([1, 2, 3, 4, 5]);
    expect([...quintileScores([5, 4, 3, 2, 1, 10, 9, 8, 7, 6])]).toEqual([
      3, 2, 2, 1, 1, 5, 5, 4, 4, 3,
    ]);
  });

  it('give ties at a quintile edge one score, from their mid-rank', () => {
    // 1, 1 have mid-rank 0.2 -> 1; 2 -> 0.5 -> 3; 3 -> 0.7 -> 4; 4 -> 0.9 -> 5.
    expect([...quintileScores([1, 1, 2, 3, 4])]).toEqual([1, 1, 3, 4, 5]);
    expect([...quintileScores([7, 7, 7, 7])]).toEqual([3, 3, 3, 3]);
  });

  it('score a single customer 3 and nobody when empty', () => {
    expect([...quintileScores([42])]).toEqual([3]);
    expect(quintileScores([]).length).toBe(0);
  });

  it('are monotone, 1-5, and equal for equal values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
        (vs) => {
          const s = quintileScores(vs);
          for (let i = 0; i < vs.length; i++) {
            expect(s[i]).toBeGreaterThanOrEqual(1);
            expect(s[i]).toBeLessThanOrEqual(5);
            for (let j = 0; j < vs.length; j++) {
              if (vs[i] === vs[j]) expect(s[i]).toBe(s[j]);
              if (vs[i]! < vs[j]!) expect(s[i]).toBeLessThanOrEqual(s[j]!);
            }
          }
        },
      ),
    );
  });
});

describe('RFM segments', () => {
  it('follow the documented table', () => {
    expect(segmentOf(5, 5, 5)).toBe('champions');
    expect(segmentOf(5, 4, 3)).toBe('champions'); // FM = ceil(3.5) = 4
    expect(segmentOf(4, 4, 4)).toBe('loyal');
    expect(segmentOf(3, 5, 4)).toBe('loyal');
    expect(segmentOf(5, 2, 3)).toBe('potentialLoyalist');
    expect(segmentOf(5, 1, 1)).toBe('new');
    expect(segmentOf(4, 1, 1)).toBe('promising');
    expect(segmentOf(3, 3, 3)).toBe('needAttention');
    expect(segmentOf(2, 3, 4)).toBe('atRisk');
    expect(segmentOf(1, 5, 5)).toBe('cantLoseThem');
    expect(segmentOf(2, 1, 2)).toBe('hibernating');
    expect(segmentOf(1, 1, 2)).toBe('lost');
  });

  it('every cell of the table is a segment and every segment has a cell', () => {
    expect(SEGMENT_TABLE).toHaveLength(5);
    const seen = new Set(SEGMENT_TABLE.flat());
    expect(SEGMENT_TABLE.every((row) => row.length === 5)).toBe(true);
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('score five hand-made customers from champion to lost', () => {
    const asOf = ms('2026-04-01T00:00:00Z');
    const last = ['2026-03-31', '2026-03-25', '2026-03-01', '2026-01-01', '2025-06-01'];
    const sales = last.flatMap((day, k) =>
      Array.from({ length: 5 - k }, (_, i) => ({
        customer: `c${k}`,
        // earlier orders first, the last one on `day`
        at: i === 4 - k ? `${day}T00:00:00Z` : `2025-01-0${i + 1}T00:00:00Z`,
        amount: 100_000,
      })),
    );
    const { dataset, n } = build({ sales });
    const rfm = computeRfm(customerTotals(dataset.sales, 5, -Infinity, asOf), asOf);
    const byCustomer = (c: number) => rfm.customers.indexOf(c);
    expect([...rfm.recencyDays]).toEqual([1, 7, 31, 90, 304]);
    expect([...rfm.r]).toEqual([5, 4, 3, 2, 1]);
    expect([...rfm.f]).toEqual([5, 4, 3, 2, 1]);
    expect([...rfm.m]).toEqual([5, 4, 3, 2, 1]);
    const seg = (id: string) => RFM_SEGMENTS[rfm.segment[byCustomer(n(id))]!];
    expect(seg('c0')).toBe('champions');
    expect(seg('c1')).toBe('loyal');
    expect(seg('c2')).toBe('needAttention');
    expect(seg('c3')).toBe('hibernating');
    expect(seg('c4')).toBe('lost');
    expect(segmentMembers(rfm, 'champions')).toEqual([n('c0')]);
    expect(rfm.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(rfm.grid[4]![4]).toBe(1);
    expect(rfm.revenue[RFM_SEGMENTS.indexOf('champions')]).toBe(500_000);
  });

  it('leaves out customers with no purchase before the moment', () => {
    const { dataset } = build({
      sales: [{ customer: 'late', at: '2026-05-01T00:00:00Z', amount: 1 }],
    });
    const asOf = ms('2026-04-01T00:00:00Z');
    const rfm = computeRfm(customerTotals(dataset.sales, 1, -Infinity, asOf), asOf);
    expect(rfm.customers.length).toBe(0);
    expect(rfm.counts.every((c) => c === 0)).toBe(true);
  });
});

describe('RFM on a book where 40 % bought once (#19.11)', () => {
  const asOf = ms('2026-04-01T00:00:00Z');
  const day = 86_400_000;
  /** 100 customers: o0..o39 bought once, r0..r59 two to eleven times; seeded, no randomness. */
  function book() {
    const sales: { customer: string; at: string; amount: number }[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 40; i++) {
      // Recency 1..360 days, one purchase from Rp 20.000 to Rp 5.000.000.
      const ago = 1 + Math.floor(next() * 360);
      sales.push({
        customer: `o${i}`,
        at: new Date(asOf - ago * day).toISOString(),
        amount: 20_000 + Math.floor(next() * 4_980_000),
      });
    }
    for (let i = 0; i < 60; i++) {
      const orders = 2 + (i % 10);
      const last = 1 + Math.floor(next() * 300);
      for (let k = 0; k < orders; k++)
        sales.push({
          customer: `r${i}`,
          at: new Date(asOf - (last + k * 20) * day).toISOString(),
          amount: 50_000 + Math.floor(next() * 500_000),
        });
    }
    // A small purchase yesterday: the newest customer of all.
    sales.push({ customer: 'yesterday', at: new Date(asOf - day).toISOString(), amount: 15_000 });
    return build({ sales });
  }

  it('one-time buyers score F = 1 and land in New / Promising when recent, never higher', () => {
    const { dataset, customerIds } = book();
    const rfm = computeRfm(
      customerTotals(dataset.sales, dataset.customerCount, -Infinity, asOf),
      asOf,
    );
    const seg = (i: number) => RFM_SEGMENTS[rfm.segment[i]!];
    let recentOnce = 0;
    for (let i = 0; i < rfm.customers.length; i++) {
      const id = customerIds[rfm.customers[i]!]!;
      if (id.startsWith('r')) {
        expect(rfm.f[i]).toBeGreaterThanOrEqual(2);
        continue;
      }
      expect(rfm.f[i]).toBe(1);
      expect(rfm.fm[i]).toBe(1);
      expect(['new', 'promising', 'needAttention', 'hibernating', 'lost']).toContain(seg(i));
      if (rfm.r[i] === 5) expect(seg(i)).toBe('new');
      if (rfm.r[i] === 4) expect(seg(i)).toBe('promising');
      if (rfm.r[i]! >= 4) recentOnce++;
    }
    expect(recentOnce).toBeGreaterThan(5);
    expect(rfm.counts[RFM_SEGMENTS.indexOf('new')]).toBeGreaterThan(0);
    expect(rfm.counts[RFM_SEGMENTS.indexOf('promising')]).toBeGreaterThan(0);
    const y = rfm.customers.indexOf(customerIds.indexOf('yesterday'));
    expect(seg(y)).toBe('new');
    // The grid agrees with the segments: every one-time buyer sits in the FM 1 column.
    const fm1 = rfm.grid.reduce((n, row) => n + row[0]!, 0);
    expect(fm1).toBeGreaterThanOrEqual(41);
  });

  it('repeat buyers are scored 2-5 among themselves, more orders never lower', () => {
    const { dataset } = book();
    const totals = customerTotals(dataset.sales, dataset.customerCount, -Infinity, asOf);
    const rfm = computeRfm(totals, asOf);
    const orders = (i: number) => totals.orders[rfm.customers[i]!]!;
    const scores = new Set<number>();
    for (let i = 0; i < rfm.customers.length; i++)
      for (let j = 0; j < rfm.customers.length; j++)
        if (orders(i) < orders(j)) expect(rfm.f[i]).toBeLessThanOrEqual(rfm.f[j]!);
    for (let i = 0; i < rfm.customers.length; i++) if (orders(i) >= 2) scores.add(rfm.f[i]!);
    expect([...scores].sort()).toEqual([2, 3, 4, 5]);
  });
});
