/** shared/loyalty/rules.ts: a new rule version, what saving it writes, and points in rupiah. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE,
  newRuleVersion,
  pointsToRupiah,
  rulesWithNewVersion,
} from '../../../shared/loyalty/rules';

describe('loyalty rule versions', () => {
  it('a version from the form starts at the chosen instant and is named by it', () => {
    const start = Date.parse('2026-12-01T00:00:00+07:00');
    const v = newRuleVersion({ ...DEFAULT_RULE, pointValue: 250 }, start);
    expect(v.effectiveFrom).toBe('2026-11-30T17:00:00.000Z');
    expect(v.id).toBe(`v${start}`);
    expect(v.pointValue).toBe(250);
  });

  it('saving adds a version, keeps other dates and replaces the same date', () => {
    const start = Date.parse('2026-12-01T00:00:00+07:00');
    const first = rulesWithNewVersion(undefined, newRuleVersion(DEFAULT_RULE, start));
    expect(first.versions.map((v) => v.id)).toEqual([DEFAULT_RULE.id, `v${start}`]);
    const again = rulesWithNewVersion(
      first,
      newRuleVersion({ ...DEFAULT_RULE, birthdayBonus: 9 }, start),
    );
    expect(again.versions).toHaveLength(2);
    expect(again.versions[1]!.birthdayBonus).toBe(9);
    // A stored value that is not rules (hostile or broken) starts from the defaults.
    expect(rulesWithNewVersion({ versions: 'x' }, first.versions[1]!).versions).toHaveLength(2);
  });

  it('points are worth their count times the rule point value', () => {
    expect(pointsToRupiah(12, { pointValue: 100 })).toBe(1200);
    expect(pointsToRupiah(0, { pointValue: 100 })).toBe(0);
  });
});
