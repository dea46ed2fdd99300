/**
 * Synced settings (the `settings` table: one record per key on every device, its id derived
 * from the key): the one place they are read and written, so every writer stamps, creates and
 * patches them the same way (ARCHITECTURE.md "Records and metadata").
 */
import { settingId } from '../../shared/event-ids';
import { applyPatch, createMutable } from '../../shared/records';
import type { Setting } from '../../shared/schemas';
import type { DeviceClock } from './clock';
import type { KenalDb } from './database';

/** A setting's live value (undefined when never set or removed). */
export function settingValue(db: KenalDb, key: string): Promise<unknown> {
  // Not `async`: inside a caller's transaction (Today's gone-quiet read), an async wrapper's
  // extra native promise hop lost Dexie's transaction zone and the read failed.
  return db.settings
    .where('key')
    .equals(key)
    .first()
    .then((row) => (row && !row.deletedAt ? row.value : undefined));
}

/**
 * Write one setting; the caller holds a read-write transaction over `settings` and `meta`.
 * An unchanged value writes nothing (no stamp, nothing new to sync).
 */
export async function putSetting(
  db: KenalDb,
  clock: DeviceClock,
  key: string,
  value: Setting['value'],
  at: Date,
  id: string = settingId(key),
): Promise<void> {
  const row = await db.settings.where('key').equals(key).first();
  const stamp = await clock.stamp();
  if (row) {
    const { record, changed } = applyPatch(row, { value }, stamp);
    if (changed.length > 0) await db.settings.put(record);
  } else {
    await db.settings.add(
      createMutable({ key, value }, { id, createdAt: at.toISOString(), stamp }),
    );
  }
}
