/**
 * The shop's currency, time zone and profile (shared/shop-settings.ts): synced `settings` records with
 * ids derived from their key, so two devices that each set one make one record, merged per
 * field like any other setting.
 */
import { putSetting, settingValue } from '../settings';
import type { Setting } from '../../../shared/schemas';
import {
  currencySettingSchema,
  parseShopSettings,
  SHOP_CURRENCY_KEY,
  SHOP_PROFILE_FIELDS,
  SHOP_TIME_ZONE_KEY,
  shopProfileKey,
  shopProfileSchema,
  timeZoneSettingSchema,
  type ShopProfile,
  type ShopSettings,
} from '../../../shared/shop-settings';
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createShopRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const valueOf = (key: string) => settingValue(db, key);
  /** Write one setting; the caller holds the read-write transaction. */
  const put = (key: string, value: Setting['value']) => putSetting(db, clock, key, value, now());

  async function write(key: string, value: Setting['value']): Promise<void> {
    await db.transaction('rw', db.settings, db.meta, () => put(key, value));
  }

  return {
    async get(): Promise<ShopSettings> {
      return db.transaction('r', db.settings, async () =>
        parseShopSettings(
          await valueOf(SHOP_CURRENCY_KEY),
          await valueOf(SHOP_TIME_ZONE_KEY),
          Object.fromEntries(
            await Promise.all(
              SHOP_PROFILE_FIELDS.map(async (f) => [f, await valueOf(shopProfileKey(f))] as const),
            ),
          ),
        ),
      );
    },

    /**
     * Save the shop profile in one transaction; only the fields that changed are written (each
     * is its own setting, so an untouched field keeps its stamp and merges as it was).
     */
    async setProfile(
      value: unknown,
    ): Promise<{ ok: true } | { ok: false; errors: { path: string; message: string }[] }> {
      const parsed = shopProfileSchema.safeParse(value);
      if (!parsed.success)
        return {
          ok: false,
          errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        };
      const next: ShopProfile = parsed.data;
      await db.transaction('rw', db.settings, db.meta, async () => {
        for (const f of SHOP_PROFILE_FIELDS) {
          const current = await valueOf(shopProfileKey(f));
          if ((typeof current === 'string' ? current : '') !== next[f])
            await put(shopProfileKey(f), next[f]);
        }
      });
      return { ok: true };
    },

    async setCurrency(value: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
      const parsed = currencySettingSchema.safeParse(value);
      if (!parsed.success) return { ok: false, error: 'shop.errors.currency' };
      await write(SHOP_CURRENCY_KEY, parsed.data);
      return { ok: true };
    },

    async setTimeZone(value: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
      const parsed = timeZoneSettingSchema.safeParse(value);
      if (!parsed.success) return { ok: false, error: 'shop.errors.timeZone' };
      await write(SHOP_TIME_ZONE_KEY, parsed.data);
      return { ok: true };
    },
  };
}

export type ShopRepository = ReturnType<typeof createShopRepository>;
