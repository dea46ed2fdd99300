/**
 * Loyalty rules: how points are earned, what they are worth, when they expire and which tier a
 * customer is in. Stored as one synced `settings` record (key `loyalty.rules`) holding every
 * version with the moment it takes effect, so a past sale is always judged by the rule that was
 * in force when it happened (a rule change never rewrites history).
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../schemas/common';
import { addMonthsIn } from '../dates';
import { timeZoneSettingSchema } from '../shop-settings';

export const LOYALTY_RULES_KEY = 'loyalty.rules';

const MAX_RUPIAH = 1_000_000_000_000;
const rupiahField = z.number().int().min(0).max(MAX_RUPIAH);
const pointsField = z.number().int().min(0).max(1_000_000_000);

/**
 * How a tier falls back when spending drops:
 * - `immediate`: the tier always follows the spend of the last `tierWindowMonths`;
 * - `grace`: a tier once reached is kept until `tierWindowMonths` after the purchase that
 *   reached it (the usual "your Gold status is valid for 12 months").
 */
export const DOWNGRADE_RULES = ['immediate', 'grace'] as const;
export type DowngradeRule = (typeof DOWNGRADE_RULES)[number];

export const tierSchema = z.object({
  name: z.string().trim().min(1).max(40),
  /** Spend in the tier window (whole rupiah) that reaches this tier. */
  minSpend: rupiahField,
  /** Earn multiplier in percent: 100 = 1x, 150 = 1.5x. Integer so no float drifts in. */
  multiplierPct: z.number().int().min(0).max(1000),
});
export type Tier = z.infer<typeof tierSchema>;

export const rewardSchema = z.object({
  name: z.string().trim().min(1).max(100),
  points: z.number().int().min(1).max(1_000_000_000),
});
export type Reward = z.infer<typeof rewardSchema>;

export const loyaltyRuleSchema = z
  .object({
    id: z.string().min(1).max(100),
    /** The moment this version takes effect; it applies until the next version's. */
    effectiveFrom: isoDateTimeSchema,
    enabled: z.boolean(),
    /** Rupiah per point: 10 000 = 1 point per Rp 10.000, rounded down. */
    spendPerPoint: z.number().int().min(1).max(MAX_RUPIAH),
    /** A purchase below this earns nothing. */
    minSpend: rupiahField,
    /** What one point is worth in rupiah when redeemed as a discount (0 = catalog only). */
    pointValue: rupiahField,
    /** Points expire this many months after they were earned; 0 = never. */
    expiryMonths: z.number().int().min(0).max(120),
    /** The spend window that decides the tier. */
    tierWindowMonths: z.number().int().min(1).max(36),
    downgrade: z.enum(DOWNGRADE_RULES),
    /** Ordered by minSpend, the first starting at 0. */
    tiers: z.array(tierSchema).min(1).max(10),
    welcomeBonus: pointsField,
    birthdayBonus: pointsField,
    /**
     * Points to the customer who referred a new one, on the new customer's first purchase
     * (shared/loyalty/referral.ts). Unset (rules saved before referrals) = 0.
     */
    referralBonus: pointsField.optional(),
    /**
     * Whether a sale that redeems points also earns points (shared/sales/checkout.ts). Some
     * POS programs forbid both in one sale. Unset (rules saved before checkout) = allowed.
     */
    earnWithRedemption: z.boolean().optional(),
    rewards: z.array(rewardSchema).max(50),
  })
  .refine((r) => r.tiers[0]?.minSpend === 0, {
    message: 'the first tier starts at Rp 0',
    path: ['tiers'],
  })
  .refine((r) => r.tiers.every((t, i) => i === 0 || t.minSpend > r.tiers[i - 1]!.minSpend), {
    message: 'each tier needs more spend than the one before',
    path: ['tiers'],
  })
  .refine((r) => new Set(r.tiers.map((t) => t.name.toLowerCase())).size === r.tiers.length, {
    message: 'tier names must differ',
    path: ['tiers'],
  });
export type LoyaltyRule = z.infer<typeof loyaltyRuleSchema>;

export const loyaltyRulesSchema = z.object({
  versions: z.array(loyaltyRuleSchema).min(1).max(500),
});
export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema> & {
  /**
   * The shop's time zone the rules' months are counted in (tier windows, expiry): attached
   * when the rules are read (parseRules), never stored with them. Unset: UTC months.
   */
  timeZone?: string;
};

/**
 * What a shop gets before it sets anything up: the common Indonesian POS program (Moka,
 * Pawoon, KasWarung): 1 point per Rp 10.000, a point worth Rp 100, points valid 12 months,
 * Bronze/Silver/Gold by 12-month spend. In force since the epoch so every sale has a rule.
 */
export const DEFAULT_RULE: LoyaltyRule = {
  id: 'default',
  effectiveFrom: '1970-01-01T00:00:00.000Z',
  enabled: true,
  spendPerPoint: 10_000,
  minSpend: 0,
  pointValue: 100,
  expiryMonths: 12,
  tierWindowMonths: 12,
  downgrade: 'immediate',
  tiers: [
    { name: 'Bronze', minSpend: 0, multiplierPct: 100 },
    { name: 'Silver', minSpend: 2_000_000, multiplierPct: 125 },
    { name: 'Gold', minSpend: 5_000_000, multiplierPct: 150 },
  ],
  welcomeBonus: 0,
  birthdayBonus: 0,
  referralBonus: 0,
  earnWithRedemption: true,
  rewards: [],
};

export const DEFAULT_RULES: LoyaltyRules = { versions: [DEFAULT_RULE] };

/** Versions in effect order (ties by id, so every device sorts them alike). */
export function sortedVersions(rules: LoyaltyRules): LoyaltyRule[] {
  return [...rules.versions].sort(
    (a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom) || (a.id < b.id ? -1 : 1),
  );
}

/**
 * The rule in force at a moment: the latest version whose effectiveFrom is not after it. A
 * moment before every version falls under the earliest one.
 */
export function ruleAt(rules: LoyaltyRules, atMs: number): LoyaltyRule {
  const { versions, times } = sortedOnce(rules);
  let current = versions[0] ?? DEFAULT_RULE;
  for (let i = 0; i < versions.length; i++) {
    if (times[i]! <= atMs) current = versions[i]!;
    else break;
  }
  return current;
}

/** Sorted versions and their effective times, computed once per rules value (hot in imports). */
const sortedCache = new WeakMap<
  LoyaltyRules,
  { source: LoyaltyRule[]; versions: LoyaltyRule[]; times: number[] }
>();
function sortedOnce(rules: LoyaltyRules): { versions: LoyaltyRule[]; times: number[] } {
  const hit = sortedCache.get(rules);
  if (hit && hit.source === rules.versions) return hit;
  const versions = sortedVersions(rules);
  const entry = {
    source: rules.versions,
    versions,
    times: versions.map((v) => Date.parse(v.effectiveFrom)),
  };
  sortedCache.set(rules, entry);
  return entry;
}

/**
 * Add a rule version. A version with the same effectiveFrom replaces the old one (the user
 * corrected it before it took effect); others are kept so past sales keep their rule.
 */
export function withVersion(rules: LoyaltyRules, version: LoyaltyRule): LoyaltyRules {
  const rest = rules.versions.filter((v) => v.effectiveFrom !== version.effectiveFrom);
  return { versions: sortedVersions({ versions: [...rest, version] }) };
}

/**
 * A new rule version from the settings form's `draft`, in force from `startMs` (midnight of the
 * chosen day on the shop's clock): its id is made from that instant, so two devices that save
 * a version for the same day make one version.
 */
export function newRuleVersion(
  draft: Omit<LoyaltyRule, 'id' | 'effectiveFrom'>,
  startMs: number,
): LoyaltyRule {
  const effectiveFrom = new Date(startMs).toISOString();
  return { ...draft, id: `v${Date.parse(effectiveFrom)}`, effectiveFrom };
}

/**
 * What saving a rule version writes: the stored rules (a settings value, or none) with
 * `version` added, replacing a version with the same effective date.
 */
export function rulesWithNewVersion(stored: unknown, version: LoyaltyRule): LoyaltyRules {
  return withVersion(parseRules(stored), version);
}

/** What `points` are worth in rupiah (minor units) when redeemed under `rule`. */
export function pointsToRupiah(points: number, rule: Pick<LoyaltyRule, 'pointValue'>): number {
  return points * rule.pointValue;
}

/**
 * The rules stored in a settings value, or the defaults when there is none or it is invalid,
 * read in the shop's time zone (the SHOP_TIME_ZONE_KEY setting's value, when set and valid).
 */
export function parseRules(value: unknown, timeZone?: unknown): LoyaltyRules {
  const parsed = loyaltyRulesSchema.safeParse(value);
  const rules = parsed.success ? parsed.data : DEFAULT_RULES;
  const zone = timeZoneSettingSchema.safeParse(timeZone);
  return zone.success ? { ...rules, timeZone: zone.data } : rules;
}

/** `ms` plus whole calendar months in UTC (shared/dates.ts addMonthsIn without a zone). */
export function addMonthsUtc(ms: number, months: number): number {
  return addMonthsIn(ms, months);
}

/** `ms` plus whole months on the shop's calendar the rules are read in (rules.timeZone). */
export function addRuleMonths(rules: LoyaltyRules, ms: number, months: number): number {
  return addMonthsIn(ms, months, rules.timeZone);
}
