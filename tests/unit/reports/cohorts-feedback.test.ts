import { describe, expect, it } from 'vitest';
import {
  buildPurchaseIndex,
  cohortMembers,
  computeCohorts,
  feedbackByMonth,
  feedbackSummary,
  parseMonthKey,
} from '../../../shared/reports';
import { build, MARCH_2026 } from './fixtures';

const JAN = parseMonthKey('2026-01');
const MAR = parseMonthKey('2026-03');

describe('monthly cohorts', () => {
  const { dataset, n } = build({
    sales: [
      { customer: 'old', at: '2025-12-10T00:00:00Z', amount: 1 }, // cohort before the range
      { customer: 'old', at: '2026-01-10T00:00:00Z', amount: 1 },
      { customer: 'a', at: '2026-01-05T00:00:00Z', amount: 1 },
      { customer: 'a', at: '2026-02-03T00:00:00Z', amount: 1 },
      { customer: 'a', at: '2026-02-20T00:00:00Z', amount: 1 }, // same month: counted once
      { customer: 'a', at: '2026-04-01T00:00:00Z', amount: 1 }, // after the range
      { customer: 'b', at: '2026-01-20T00:00:00Z', amount: 1 },
      { customer: 'c', at: '2026-02-02T00:00:00Z', amount: 1 },
      { customer: 'c', at: '2026-03-03T00:00:00Z', amount: 1 },
    ],
  });
  const idx = buildPurchaseIndex(dataset.sales, dataset.customerCount);

  it('group customers by first-purchase month and count who came back k months later', () => {
    const rows = computeCohorts(idx, JAN, MAR, 0);
    expect(rows.map((r) => r.size)).toEqual([2, 1, 0]);
    expect(rows[0]!.retained).toEqual([2, 1, 0]);
    expect(rows[0]!.rates).toEqual([100, 50, 0]);
    expect(rows[1]!.retained).toEqual([1, 1, null]);
    expect(rows[1]!.rates).toEqual([100, 100, null]);
    expect(rows[2]!.rates).toEqual([null, null, null]);
  });

  it('give the customers behind a cell', () => {
    expect(cohortMembers(idx, JAN, 1, 0)).toEqual([n('a')]);
    expect(cohortMembers(idx, JAN, 0, 0).sort()).toEqual([n('a'), n('b')].sort());
  });

  it('are empty with no sales or an empty range', () => {
    const empty = build({}).dataset;
    expect(
      computeCohorts(buildPurchaseIndex(empty.sales, 0), JAN, MAR, 0).every((r) => r.size === 0),
    ).toBe(true);
    expect(computeCohorts(idx, MAR, JAN, 0)).toEqual([]);
  });

  it('use the caller’s time zone for months', () => {
    // 2026-01-31T20:00Z is already February 1st in Jakarta (UTC+7).
    const { dataset: d } = build({
      sales: [{ customer: 'x', at: '2026-01-31T20:00:00Z', amount: 1 }],
    });
    const i = buildPurchaseIndex(d.sales, 1);
    expect(computeCohorts(i, JAN, MAR, 0)[0]!.size).toBe(1);
    expect(computeCohorts(i, JAN, MAR, 420)[1]!.size).toBe(1);
  });
});

describe('NPS, CSAT and CES', () => {
  const answers = (type: 'nps' | 'csat' | 'ces', scores: number[], at = '2026-03-10T00:00:00Z') =>
    scores.map((score) => ({ customer: 'a', at, type, score }));

  it('NPS = % promoters (9-10) - % detractors (0-6), with counts', () => {
    const { dataset } = build({ feedback: answers('nps', [10, 9, 8, 7, 6, 0, 10]) });
    const s = feedbackSummary(dataset.feedback, MARCH_2026.start, MARCH_2026.end);
    expect(s.nps).toMatchObject({ count: 7, promoters: 3, passives: 2, detractors: 2 });
    expect(s.nps.nps).toBeCloseTo((100 * (3 - 2)) / 7, 9);
  });

  it('CSAT = % of 4-5 answers and CES = the average answer', () => {
    const { dataset } = build({
      feedback: [...answers('csat', [5, 4, 3, 1]), ...answers('ces', [2, 3, 7])],
    });
    const s = feedbackSummary(dataset.feedback, MARCH_2026.start, MARCH_2026.end);
    expect(s.csat).toEqual({ count: 4, satisfied: 2, csat: 50 });
    expect(s.ces).toEqual({ count: 3, total: 12, ces: 4 });
  });

  it('all detractors is -100; no answers is null, not 0', () => {
    const { dataset } = build({ feedback: answers('nps', [0, 3, 6]) });
    expect(feedbackSummary(dataset.feedback, MARCH_2026.start, MARCH_2026.end).nps.nps).toBe(-100);
    const none = feedbackSummary(dataset.feedback, 0, 1);
    expect(none.nps).toEqual({ count: 0, promoters: 0, passives: 0, detractors: 0, nps: null });
    expect(none.csat.csat).toBeNull();
    expect(none.ces.ces).toBeNull();
  });

  it('split by month', () => {
    const { dataset } = build({
      feedback: [
        ...answers('nps', [10], '2026-01-15T00:00:00Z'),
        ...answers('nps', [0], '2026-03-15T00:00:00Z'),
      ],
    });
    const months = feedbackByMonth(dataset.feedback, JAN, MAR, 0);
    expect(months.map((m) => m.summary.nps.nps)).toEqual([100, null, -100]);
  });
});
