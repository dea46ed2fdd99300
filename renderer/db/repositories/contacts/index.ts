/**
 * Contacts repository: the only way features read or write contacts. Each user action is one
 * read-write transaction that validates, stamps (HLC + ULID) and writes; deletes are tombstones.
 * One file per operation group, composed here so `repos.contacts.<method>` keeps its shape.
 */
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import { createContactsContext } from './context';
import { contactImport } from './import';
import { contactMerges } from './merge';
import { contactReads } from './read';
import { contactSettings } from './settings';
import { contactWrites } from './write';

export { fromRow } from './context';
export type { SaveResult } from './write';
export type { DuplicateChoice, ImportOptions, ImportSummary } from './import';

export function createContactsRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const ctx = createContactsContext(db, clock, now);
  const writes = contactWrites(ctx);
  return {
    ...contactReads(ctx),
    ...writes,
    ...contactMerges(ctx, writes),
    ...contactImport(ctx),
    ...contactSettings(ctx),
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
