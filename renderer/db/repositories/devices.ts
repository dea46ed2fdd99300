/**
 * Device names (shared/sync/device-names.ts): each device names itself in a synced setting.
 */
import { putSetting } from '../settings';
import { err, ok, type Result } from '../../../shared/result';
import { isSyncError, type SyncError } from '../../../shared/sync/errors';
import {
  DEVICE_NAME_PREFIX,
  deviceNameKey,
  deviceNameSchema,
  deviceNamesFrom,
  deviceNameSettingId,
} from '../../../shared/sync/device-names';
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createDevicesRepository(db: KenalDb, clock: DeviceClock, now = () => new Date()) {
  return {
    /** Every device's name this device knows, by device id (its own included). */
    async names(): Promise<Record<string, string>> {
      const rows = await db.settings.where('key').startsWith(DEVICE_NAME_PREFIX).toArray();
      return deviceNamesFrom(rows);
    },

    /** Name this device (one transaction); the error is an i18n key. */
    async setOwnName(raw: string): Promise<Result<void, SyncError>> {
      const parsed = deviceNameSchema.safeParse(raw);
      if (!parsed.success) {
        const code = parsed.error.issues[0]?.message ?? '';
        return err(isSyncError(code) ? code : 'backup.folder.nameRequired');
      }
      const value = { name: parsed.data };
      const key = deviceNameKey(clock.deviceId);
      await db.transaction('rw', db.settings, db.meta, async () => {
        await putSetting(db, clock, key, value, now(), deviceNameSettingId(clock.deviceId));
      });
      return ok(undefined);
    },
  };
}

export type DevicesRepository = ReturnType<typeof createDevicesRepository>;
