/**
 * What every operation group of the timeline repository shares: the database, the device
 * clock, "now", and the helpers several groups use (contact summaries, one transaction per
 * user action, the erased-customer refusal).
 */
import { settingValue } from '../../settings';
import { resolveSurvivor } from '../../../../shared/contacts/survivor';
import type { FollowUp } from '../../../../shared/schemas';
import { SHOP_TIME_ZONE_KEY, timeZoneSettingSchema } from '../../../../shared/shop-settings';
import type { TimelineFieldError } from '../../../../shared/timeline/errors';
import type { DeviceClock } from '../../clock';
import type { ContactRow, KenalDb } from '../../database';
import { ERASED_CONTACT_ERROR, TimelineRecordNotFoundError } from '../../errors';
import type { ContactSummary } from './types';

export interface TimelineContext {
  db: KenalDb;
  clock: DeviceClock;
  now: () => Date;
}

export const isLiveContact = (c: ContactRow) =>
  c.deletedAt === undefined && c.mergedInto === undefined;
export const isOpenFollowUp = (f: FollowUp) => f.doneAt === undefined && f.deletedAt === undefined;

/** The field error of a write about a customer whose personal data was erased. */
export const erasedError: TimelineFieldError = { path: 'contactId', message: ERASED_CONTACT_ERROR };

export function summary(c: ContactRow): ContactSummary {
  return {
    id: c.id,
    name: c.name,
    stamps: c.stamps,
    phones: c.phones,
    birthday: c.birthday,
    ...(c.firstName !== undefined && { firstName: c.firstName }),
    ...(c.salutation !== undefined && { salutation: c.salutation }),
  };
}

export function mustGet<T>(table: string, row: T | undefined, id: string): T {
  if (!row) throw new TimelineRecordNotFoundError(table, id);
  return row;
}

/** id -> the live contact it stands for now (following `mergedInto`), for many ids at once. */
export async function resolveContacts(
  db: KenalDb,
  ids: Iterable<string>,
): Promise<Map<string, ContactRow>> {
  const out = new Map<string, ContactRow>();
  const unique = [...new Set(ids)];
  const first = await db.contacts.bulkGet(unique);
  const cache = new Map<string, ContactRow | undefined>(unique.map((id, i) => [id, first[i]]));
  const get = async (id: string) => {
    if (!cache.has(id)) cache.set(id, await db.contacts.get(id));
    return cache.get(id);
  };
  for (const id of unique) {
    const row = await get(await resolveSurvivor(id, async (c) => (await get(c))?.mergedInto));
    if (row && isLiveContact(row)) out.set(id, row);
  }
  return out;
}

/** Each item with the summary of the live contact it belongs to (items of no one are dropped). */
export async function withContacts<T extends { contactId: string }, V>(
  db: KenalDb,
  items: T[],
  make: (item: T, contact: ContactSummary) => V,
): Promise<V[]> {
  const contacts = await resolveContacts(
    db,
    items.map((i) => i.contactId),
  );
  const out: V[] = [];
  for (const item of items) {
    const c = contacts.get(item.contactId);
    if (c) out.push(make(item, summary(c)));
  }
  return out;
}

/** The shop's time zone (undefined: the device's), whose calendar days count as visits. */
export async function shopZone(db: KenalDb): Promise<string | undefined> {
  const parsed = timeZoneSettingSchema.safeParse(await settingValue(db, SHOP_TIME_ZONE_KEY));
  return parsed.success ? parsed.data : undefined;
}
