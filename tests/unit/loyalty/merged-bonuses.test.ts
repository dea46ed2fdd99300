import { describe, expect, it } from 'vitest';
import { computeLedger, type LedgerLike } from '../../../shared/loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../../../shared/loyalty/merged-bonuses';
import { DEFAULT_RULES } from '../../../shared/loyalty/rules';

const e = (id: string, kind: LedgerLike['kind'], at: string, points: number, reason?: string) => ({
  id,
  kind,
  at,
  points,
  ...(reason ? { reason } : {}),
});

describe('bonuses of merged duplicates', () => {
  it('one welcome bonus and one birthday bonus a year count, the lowest id, whatever the order', () => {
    const entries = [
      e('B2', 'bonus', '2026-03-01T00:00:00.000Z', 50, 'welcome'),
      e('A1', 'bonus', '2026-02-01T00:00:00.000Z', 50, 'welcome'),
      e('C1', 'bonus', '2026-05-05T00:00:00.000Z', 20, 'birthday'),
      e('C2', 'bonus', '2026-08-08T00:00:00.000Z', 20, 'birthday'),
      e('C3', 'bonus', '2027-05-05T00:00:00.000Z', 20, 'birthday'),
      e('E1', 'earn', '2026-02-01T00:00:00.000Z', 10),
      e('E2', 'earn', '2026-03-01T00:00:00.000Z', 10),
    ];
    const kept = withoutMergedDuplicateBonuses(entries).map((x) => x.id);
    expect(kept.sort()).toEqual(['A1', 'C1', 'C3', 'E1', 'E2']);
    expect(
      withoutMergedDuplicateBonuses([...entries].reverse())
        .map((x) => x.id)
        .sort(),
    ).toEqual(kept);
    const asOf = Date.parse('2027-06-01T00:00:00.000Z');
    expect(
      computeLedger(withoutMergedDuplicateBonuses(entries), DEFAULT_RULES, asOf).totals.credited,
    ).toBe(50 + 20 + 20 + 10 + 10);
  });

  it("leaves a single person's ledger as it is", () => {
    const entries = [
      e('A1', 'bonus', '2026-02-01T00:00:00.000Z', 50, 'welcome'),
      e('E1', 'earn', '2026-02-01T00:00:00.000Z', 10),
      e('R1', 'redeem', '2026-02-02T00:00:00.000Z', -5),
    ];
    expect(withoutMergedDuplicateBonuses(entries)).toEqual(entries);
  });
});
