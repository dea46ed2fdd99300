/** The shop's default phone country: a synced setting, read by the form and the import. */
import { settingId } from '../../../../shared/event-ids';
import {
  DEFAULT_PHONE_REGION,
  isPhoneRegion,
  PHONE_REGION_SETTING,
} from '../../../../shared/phone';
import { applyPatch, createMutable } from '../../../../shared/records';
import type { ContactsContext } from './context';

/** One record on every device, so two devices that set it write the same record. */
const PHONE_REGION_SETTING_ID = settingId(PHONE_REGION_SETTING);

export function contactSettings({ db, clock, now }: ContactsContext) {
  return {
    /** The shop's default phone country (a synced setting; Indonesia until changed). */
    async phoneRegion(): Promise<string> {
      const row = await db.settings.where('key').equals(PHONE_REGION_SETTING).first();
      const v = row && !row.deletedAt ? row.value : undefined;
      return typeof v === 'string' && isPhoneRegion(v) ? v : DEFAULT_PHONE_REGION;
    },

    async setPhoneRegion(region: string): Promise<void> {
      if (!isPhoneRegion(region)) throw new Error(`Unknown phone region ${region}`);
      await db.transaction('rw', db.settings, db.meta, async () => {
        const row = await db.settings.where('key').equals(PHONE_REGION_SETTING).first();
        const stamp = await clock.stamp();
        if (row) await db.settings.put(applyPatch(row, { value: region }, stamp).record);
        else
          await db.settings.add(
            createMutable(
              { key: PHONE_REGION_SETTING, value: region },
              { id: PHONE_REGION_SETTING_ID, createdAt: now().toISOString(), stamp },
            ),
          );
      });
    },
  };
}
