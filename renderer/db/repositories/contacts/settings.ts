/** The shop's default phone country: a synced setting, read by the form and the import. */
import { settingValue, putSetting } from '../../settings';
import { settingId } from '../../../../shared/event-ids';
import {
  DEFAULT_PHONE_REGION,
  isPhoneRegion,
  PHONE_REGION_SETTING,
} from '../../../../shared/phone';
import type { ContactsContext } from './context';

/** One record on every device, so two devices that set it write the same record. */
const PHONE_REGION_SETTING_ID = settingId(PHONE_REGION_SETTING);

export function contactSettings({ db, clock, now }: ContactsContext) {
  return {
    /** The shop's default phone country (a synced setting; Indonesia until changed). */
    async phoneRegion(): Promise<string> {
      const v = await settingValue(db, PHONE_REGION_SETTING);
      return typeof v === 'string' && isPhoneRegion(v) ? v : DEFAULT_PHONE_REGION;
    },

    async setPhoneRegion(region: string): Promise<void> {
      if (!isPhoneRegion(region)) throw new Error(`Unknown phone region ${region}`);
      await db.transaction('rw', db.settings, db.meta, async () => {
        await putSetting(db, clock, PHONE_REGION_SETTING, region, now(), PHONE_REGION_SETTING_ID);
      });
    },
  };
}
