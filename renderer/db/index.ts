/**
 * The app's database and repositories. Features import from here; nothing outside renderer/db
 * touches Dexie.
 */
import { openDeviceClock, type DeviceClock } from './clock';
import { KenalDb } from './database';
import { createContactsRepository, type ContactsRepository } from './repositories/contacts';

export interface Repositories {
  db: KenalDb;
  clock: DeviceClock;
  contacts: ContactsRepository;
}

export async function openRepositories(name?: string): Promise<Repositories> {
  const db = new KenalDb(name);
  await db.open();
  const clock = await openDeviceClock(db);
  return { db, clock, contacts: createContactsRepository(db, clock) };
}

export { KenalDb } from './database';
export type { SaveResult } from './repositories/contacts';
