import { describe, expect, it } from 'vitest';
import {
  buildPurchaseIndex,
  computeReport,
  datasetFrom,
  referralSummary,
  DEFAULT_REPORT_SETTINGS,
} from '../../../shared/reports';

const nov = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };

describe('referrals in the reports (advocacy)', () => {
  const { dataset } = datasetFrom({
    sales: [
      { customer: 'rina', at: '2026-09-01T10:00:00Z', amount: 100_000 },
      // Nadia was referred by Rina and first bought in November.
      { customer: 'nadia', at: '2026-11-05T10:00:00Z', amount: 50_000 },
      { customer: 'nadia', at: '2026-11-20T10:00:00Z', amount: 50_000 },
      // Budi, referred by Rina too, first bought in October: not November's referral.
      { customer: 'budi', at: '2026-10-05T10:00:00Z', amount: 50_000 },
      { customer: 'budi', at: '2026-11-06T10:00:00Z', amount: 50_000 },
      // Eka, referred by Nadia, first bought in November.
      { customer: 'eka', at: '2026-11-07T10:00:00Z', amount: 50_000 },
    ],
    referrals: [
      { customer: 'nadia', referrer: 'rina' },
      { customer: 'budi', referrer: 'rina' },
      { customer: 'eka', referrer: 'nadia' },
      // Counted once, also when listed twice (a merged duplicate with the same link).
      { customer: 'eka', referrer: 'nadia' },
      // Referred, never bought: not a customer yet, not counted.
      { customer: 'lead', referrer: 'rina' },
    ],
  });

  it('counts referred customers by their first purchase, once per person, with their advocates', () => {
    const idx = buildPurchaseIndex(dataset.sales, dataset.customerCount);
    expect(referralSummary(dataset.referrals, idx, nov.start, nov.end)).toEqual({
      referred: 2,
      advocates: 2,
    });
    expect(
      referralSummary(dataset.referrals, idx, Date.parse('2026-10-01T00:00:00Z'), nov.start),
    ).toEqual({ referred: 1, advocates: 1 });
  });

  it('is part of the period metrics, compared with the period before', () => {
    const r = computeReport(dataset, {
      ...DEFAULT_REPORT_SETTINGS,
      period: { kind: 'month', start: nov.start, end: nov.end },
      compare: true,
      utcOffsetMinutes: 0,
    });
    expect(r.current.referrals.referred).toBe(2);
    expect(r.previous?.referrals.referred).toBe(1);
  });
});
