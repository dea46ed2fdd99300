/**
 * Shop-wide settings that decide how amounts and times are read: the shop's currency (its
 * code and decimals; every stored amount is an integer in its minor unit) and the shop's time
 * zone (imported times and rule dates are read in it, so a device in WIB and one in WITA
 * compute the same moments from the same file). Each is its own synced `settings` record, so
 * a change of one on one device never overwrites the other changed on another.
 */
import { z } from 'zod';
import { isTimeZone } from './dates';
import { currencyOf, IDR, type Currency } from './money';

export const SHOP_CURRENCY_KEY = 'shop.currency';
export const SHOP_TIME_ZONE_KEY = 'shop.timeZone';

export const currencySettingSchema = z
  .object({ code: z.string().regex(/^[A-Z]{3}$/), decimals: z.number().int().min(0).max(4) })
  .refine((c) => currencyOf(c.code) !== null, 'unknown currency');

export const timeZoneSettingSchema = z.string().max(64).refine(isTimeZone, 'unknown time zone');

/**
 * The shop profile messages are signed with ({shopName}, {shopAddress}, {shopPhone},
 * {signOff}). Each field is its own synced setting (`shop.name`, ...), so a name changed on one
 * device and a sign-off on another both survive the merge. '' means not set.
 */
export const SHOP_PROFILE_FIELDS = ['name', 'address', 'phone', 'signOff'] as const;
export type ShopProfileField = (typeof SHOP_PROFILE_FIELDS)[number];
export type ShopProfile = Record<ShopProfileField, string>;
export const shopProfileKey = (field: ShopProfileField) => `shop.${field}`;

const PROFILE_MAX: Record<ShopProfileField, number> = {
  name: 100,
  address: 300,
  phone: 40,
  signOff: 300,
};

/** The profile form: trimmed text, each within its length (errors are i18n keys). */
export const shopProfileSchema = z.object(
  Object.fromEntries(
    SHOP_PROFILE_FIELDS.map((f) => [
      f,
      z.string().trim().max(PROFILE_MAX[f], 'shop.errors.tooLong'),
    ]),
  ) as Record<ShopProfileField, z.ZodString>,
);

export const EMPTY_SHOP_PROFILE: ShopProfile = { name: '', address: '', phone: '', signOff: '' };

export interface ShopSettings {
  currency: Currency;
  /** Unset: this device's zone is used (and the screens say so). */
  timeZone?: string;
  profile: ShopProfile;
}

export const DEFAULT_SHOP: ShopSettings = { currency: IDR, profile: EMPTY_SHOP_PROFILE };

/** The settings stored under their keys, with the defaults for what is missing or invalid. */
export function parseShopSettings(
  currency: unknown,
  timeZone: unknown,
  profile: Partial<Record<ShopProfileField, unknown>> = {},
): ShopSettings {
  const c = currencySettingSchema.safeParse(currency);
  const z2 = timeZoneSettingSchema.safeParse(timeZone);
  const p = { ...EMPTY_SHOP_PROFILE };
  for (const f of SHOP_PROFILE_FIELDS) {
    const v = shopProfileSchema.shape[f].safeParse(profile[f]);
    if (v.success) p[f] = v.data;
  }
  return {
    currency: c.success ? c.data : DEFAULT_SHOP.currency,
    ...(z2.success ? { timeZone: z2.data } : {}),
    profile: p,
  };
}

/** Zones offered first in Settings: Indonesia's three, then the neighbours. */
export const COMMON_TIME_ZONES = [
  'Asia/Jakarta',
  'Asia/Pontianak',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Manila',
  'Australia/Perth',
  'UTC',
] as const;
