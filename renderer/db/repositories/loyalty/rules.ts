/**
 * Loyalty rules: read them, add a rule version.
 */
import { putSetting, settingValue } from '../../settings';
import { settingId } from '../../../../shared/event-ids';
import {
  LOYALTY_RULES_KEY,
  loyaltyRuleSchema,
  rulesWithNewVersion,
  type LoyaltyRule,
} from '../../../../shared/loyalty/rules';
import type { LoyaltyContext } from './context';
import type { Failure } from './types';

// Every `at` is stored as UTC ISO (toISOString): the `at` indexes compare strings, and
// "10:00+07:00" would otherwise sort after "09:00Z".
const RULES_SETTING_ID = settingId(LOYALTY_RULES_KEY);

export function createRulesOperations(ctx: LoyaltyContext) {
  const { db, clock, now, getRules } = ctx;

  return {
    getRules,

    /** Add a rule version (validated); versions with another effective date are kept. */
    async saveRuleVersion(version: LoyaltyRule): Promise<{ ok: true } | Failure> {
      const parsed = loyaltyRuleSchema.safeParse(version);
      if (!parsed.success) return { ok: false, error: 'sales.errors.rulesInvalid' };
      return db.transaction('rw', db.settings, db.meta, async () => {
        const at = now();
        const value = rulesWithNewVersion(await settingValue(db, LOYALTY_RULES_KEY), parsed.data);
        await putSetting(db, clock, LOYALTY_RULES_KEY, value, at, RULES_SETTING_ID);
        return { ok: true as const };
      });
    },
  };
}
