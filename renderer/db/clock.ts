/**
 * This device's identity and hybrid logical clock, persisted in the `meta` table.
 *
 * Every stamp is issued inside the write transaction that uses it, after reading the persisted
 * clock: two tabs of the app share one device id, and Dexie serializes read-write transactions
 * on `meta`, so they can never issue the same stamp twice.
 */
import { HybridLogicalClock, type HlcStamp } from '../../shared/hlc';
import { newDeviceId } from '../../shared/ids';
import type { KenalDb } from './database';

const DEVICE_KEY = 'deviceId';
const CLOCK_KEY = 'hlc';

export interface DeviceClock {
  readonly deviceId: string;
  /** A new stamp. Call only inside a read-write transaction that includes `db.meta`. */
  stamp(): Promise<HlcStamp>;
}

export async function openDeviceClock(
  db: KenalDb,
  physicalNow?: () => number,
): Promise<DeviceClock> {
  const deviceId = await db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(DEVICE_KEY);
    if (existing) return existing.value;
    const id = newDeviceId();
    await db.meta.put({ key: DEVICE_KEY, value: id });
    return id;
  });
  const clock = new HybridLogicalClock({ deviceId, physicalNow });
  return {
    deviceId,
    async stamp() {
      const persisted = await db.meta.get(CLOCK_KEY);
      if (persisted) clock.observe(persisted.value);
      const s = clock.now();
      await db.meta.put({ key: CLOCK_KEY, value: s });
      return s;
    },
  };
}
