/**
 * Dexie schema. Version 1 holds every table of ARCHITECTURE.md "Events and mutable records"
 * with the indexes the contact list and search need; later versions add indexes in migrations
 * (renderer/db/migrations).
 * Only the first field of each string is the primary key; the rest are indexes, not columns.
 */
export const SCHEMA_V1 = {
  // Derived search keys (sortKey, nameTokens, phoneKeys, tagKeys, emailKeys, cityKeys) live on
  // the row: see shared/contact-index.ts. `_localStamp` (every table): when this device last
  // wrote the row (own edit, merge or restore), so an incremental sync export also carries
  // what it merged from others (renderer/db/repositories/sync/). Neither is ever exported.
  contacts:
    'id, sortKey, *nameTokens, *phoneKeys, *tagKeys, *emailKeys, *cityKeys, email, updatedAt, mergedInto, _localStamp',
  notes: 'id, [contactId+at], kind, updatedAt, _localStamp',
  followUps: 'id, contactId, dueAt, updatedAt, _localStamp',
  templates: 'id, purpose, updatedAt, _localStamp',
  settings: 'id, &key, updatedAt, _localStamp',
  sales: 'id, [contactId+at], at, invoiceNo, reversesId, updatedAt, _localStamp',
  ledger: 'id, [contactId+at], at, saleId, updatedAt, _localStamp',
  feedback: 'id, [contactId+at], at, updatedAt, _localStamp',
  /** Field values that lost a last-writer-wins merge, kept so nothing is silently gone. */
  history: '++seq, [table+recordId], at',
  /** This device's own state (device id, clock): never synced. */
  meta: 'key',
} as const;

/**
 * Version 2 adds local-only derived tables (renderer/db/derived): rebuilt from the events, never
 * synced or exported, so the records in files are unchanged and SCHEMA_VERSION (the version
 * files carry) stays 1.
 */
export const SCHEMA_V2 = {
  /**
   * One row per surviving contact (shared/derived/customer-figures.ts). Indexes: Today's
   * "points about to expire" (*expiryKeys), "gone quiet" (quietDueMs), birthdays (birthdayMD),
   * the contact filters by last purchase (lastPurchaseAt); *aliases finds the customer a
   * contact counted for before it was unmerged.
   */
  customerFigures: 'id, *aliases, lastPurchaseAt, *expiryKeys, quietDueMs, birthdayMD',
} as const;

/**
 * Version 3 (local only, like 2): the contact filters by stage and by last purchase read index
 * ranges of the kept figures (lastPurchaseMs, stageBase, [stageBase+lastPurchaseMs]; see
 * shared/derived/customer-figures.ts stageRanges).
 */
export const SCHEMA_V3 = {
  customerFigures:
    'id, *aliases, lastPurchaseAt, lastPurchaseMs, stageBase, [stageBase+lastPurchaseMs], *expiryKeys, quietDueMs, birthdayMD',
} as const;

/** The Dexie version the app opens (the newest `db.version(n)`). */
export const DB_VERSION = 3;

/** The records' schema version written into backup and sync files. */
export const SCHEMA_VERSION = 1;
