/**
 * The name a user gives each device ("Till 1", "Outlet Bandung"), so the sync screen names the
 * other devices instead of showing their ids. Each device names only itself, in a synced
 * setting keyed by its own id (`device.<deviceId>`): the name travels in that device's own files,
 * merges like any setting, and a backup restored on another machine brings the old machine's
 * name under the old machine's id, never a second device with the same identity.
 */
import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../hlc';
import { deviceNameId } from '../event-ids';
import type { SyncError } from './errors';

const PREFIX = 'device.';

export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'backup.folder.nameRequired' satisfies SyncError)
  .max(60, 'backup.folder.nameTooLong' satisfies SyncError);

const valueSchema = z.object({ name: deviceNameSchema });

export function deviceNameKey(deviceId: string): string {
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new Error('not a device id');
  return `${PREFIX}${deviceId}`;
}

/** The setting's id, the same on every device (only the named device writes it). */
export function deviceNameSettingId(deviceId: string): string {
  return deviceNameId(deviceId);
}

/** Device names from setting rows; rows that are removed or malformed are left out. */
export function deviceNamesFrom(
  rows: ReadonlyArray<{ key: string; value: unknown; deletedAt?: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    if (!row.key.startsWith(PREFIX) || row.deletedAt) continue;
    const deviceId = row.key.slice(PREFIX.length);
    const value = valueSchema.safeParse(row.value);
    if (DEVICE_ID_PATTERN.test(deviceId) && value.success) out[deviceId] = value.data.name;
  }
  return out;
}

export { PREFIX as DEVICE_NAME_PREFIX };
