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

export interface ShopSettings {
  currency: Currency;
  /** Unset: this device's zone is used (and the screens say so). */
  timeZone?: string;
}

export const DEFAULT_SHOP: ShopSettings = { currency: IDR };

/** The settings stored under the two keys, with the defaults for what is missing or invalid. */
export function parseShopSettings(currency: unknown, timeZone: unknown): ShopSettings {
  const c = currencySettingSchema.safeParse(currency);
  const z2 = timeZoneSettingSchema.safeParse(timeZone);
  return {
    currency: c.success ? c.data : DEFAULT_SHOP.currency,
    ...(z2.success ? { timeZone: z2.data } : {}),
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
