/**
 * The app's database and repositories. Features import from here; nothing outside renderer/db
 * touches Dexie.
 */
import { openDeviceClock, type DeviceClock } from './clock';
import { KenalDb } from './database';
import { createContactsRepository, type ContactsRepository } from './repositories/contacts';
import {
  createCustomFieldsRepository,
  type CustomFieldsRepository,
} from './repositories/custom-fields';
import { createDevicesRepository, type DevicesRepository } from './repositories/devices';
import { createDemoRepository, type DemoRepository } from './repositories/demo';
import { createGlanceRepository, type GlanceRepository } from './repositories/glance';
import { createDerivedRepository, type DerivedRepository } from './repositories/derived';
import { createPrivacyRepository, type PrivacyRepository } from './repositories/privacy';
import { createLoyaltyRepository, type LoyaltyRepository } from './repositories/loyalty';
import { createMessagingRepository, type MessagingRepository } from './repositories/messaging';
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
  customFields: CustomFieldsRepository;
  messaging: MessagingRepository;
  glance: GlanceRepository;
  derived: DerivedRepository;
}

export async function openRepositories(name?: string): Promise<Repositories> {
  const db = new KenalDb(name);
  await db.open();
  const clock = await openDeviceClock(db);
  const contacts = createContactsRepository(db, clock);
  const timeline = createTimelineRepository(db, clock);
  return {
    db,
    clock,
    contacts,
    timeline,
    messaging: createMessagingRepository(db, timeline),
    loyalty: createLoyaltyRepository(db, clock),
    reports: createReportsRepository(db, clock),
    sync: createSyncRepository(db, clock),
    demo: createDemoRepository(db),
    privacy: createPrivacyRepository(db, contacts, clock),
    devices: createDevicesRepository(db, clock),
    shop: createShopRepository(db, clock),
    customFields: createCustomFieldsRepository(db, clock),
    glance: createGlanceRepository(db),
    derived: createDerivedRepository(db),
  };
}

export { KenalDb } from './database';
export type { ImportSummary, SaveResult } from './repositories/contacts';
