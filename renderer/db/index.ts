/**
 * The app's database and repositories. Features import from here; nothing outside renderer/db
 * touches Dexie.
 */
import { openDeviceClock, type DeviceClock } from './clock';
import { KenalDb } from './database';
import { createContactsRepository, type ContactsRepository } from './repositories/contacts';
import { createDevicesRepository, type DevicesRepository } from './repositories/devices';
import { createDemoRepository, type DemoRepository } from './repositories/demo';
import { createDerivedRepository, type DerivedRepository } from './repositories/derived';
import { createPrivacyRepository, type PrivacyRepository } from './repositories/privacy';
import { createLoyaltyRepository, type LoyaltyRepository } from './repositories/loyalty';
import { createReportsRepository, type ReportsRepository } from './repositories/reports';
import { createShopRepository, type ShopRepository } from './repositories/shop';
import { createSyncRepository, type SyncRepository } from './repositories/sync';
import { createTimelineRepository, type TimelineRepository } from './repositories/timeline';

export interface Repositories {
  db: KenalDb;
  clock: DeviceClock;
  contacts: ContactsRepository;
  timeline: TimelineRepository;
  loyalty: LoyaltyRepository;
  reports: ReportsRepository;
  sync: SyncRepository;
  demo: DemoRepository;
  privacy: PrivacyRepository;
  devices: DevicesRepository;
  shop: ShopRepository;
  derived: DerivedRepository;
}

export async function openRepositories(name?: string): Promise<Repositories> {
  const db = new KenalDb(name);
  await db.open();
  const clock = await openDeviceClock(db);
  const contacts = createContactsRepository(db, clock);
  return {
    db,
    clock,
    contacts,
    timeline: createTimelineRepository(db, clock),
    loyalty: createLoyaltyRepository(db, clock),
    reports: createReportsRepository(db, clock),
    sync: createSyncRepository(db, clock),
    demo: createDemoRepository(db),
    privacy: createPrivacyRepository(db, contacts, clock),
    devices: createDevicesRepository(db, clock),
    shop: createShopRepository(db, clock),
    derived: createDerivedRepository(db),
  };
}

export { KenalDb } from './database';
export type { SaveResult } from './repositories/contacts';
