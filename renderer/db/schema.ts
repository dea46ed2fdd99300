/**
 * Dexie schema. Version 1 holds every table of DESIGN section 4 with the indexes the contact
 * list and search need; later versions add indexes in migrations (renderer/db/migrations).
 * Only the first field of each string is the primary key; the rest are indexes, not columns.
 */
export const SCHEMA_V1 = {
  // Derived search keys (sortKey, nameTokens, phoneKeys, tagKeys) live on the row: see
  // shared/contact-index.ts.
  contacts: 'id, sortKey, *nameTokens, *phoneKeys, *tagKeys, email, updatedAt, mergedInto',
  notes: 'id, [contactId+at], kind, updatedAt',
  followUps: 'id, contactId, dueAt, updatedAt',
  templates: 'id, purpose, updatedAt',
  settings: 'id, &key, updatedAt',
  sales: 'id, [contactId+at], at, invoiceNo, updatedAt',
  ledger: 'id, [contactId+at], saleId, updatedAt',
  feedback: 'id, [contactId+at], at, updatedAt',
  /** Field values that lost a last-writer-wins merge, kept so nothing is silently gone. */
  history: '++seq, [table+recordId], at',
  /** This device's own state (device id, clock): never synced. */
  meta: 'key',
} as const;

export const SCHEMA_VERSION = 1;
