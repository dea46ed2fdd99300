/** Every record the app stores and syncs, by table name (ARCHITECTURE.md "Events and
 * mutable records"). */
import type { z } from 'zod';
import { contactSchema } from './contact';
import { feedbackSchema } from './feedback';
import { followUpSchema } from './followup';
import { ledgerEntrySchema } from './ledger';
import { noteSchema } from './note';
import { saleSchema } from './sale';
import { settingSchema } from './setting';
import { templateSchema } from './template';

export * from './common';
export * from './contact';
export * from './feedback';
export * from './followup';
export * from './ledger';
export * from './note';
export * from './sale';
export * from './setting';
export * from './template';

export const recordSchemas = {
  contacts: contactSchema,
  notes: noteSchema,
  followUps: followUpSchema,
  templates: templateSchema,
  settings: settingSchema,
  sales: saleSchema,
  ledger: ledgerEntrySchema,
  feedback: feedbackSchema,
} as const;

export type TableName = keyof typeof recordSchemas;
export type RecordOf<T extends TableName> = z.infer<(typeof recordSchemas)[T]>;

/** Last-writer-wins per field. */
export const MUTABLE_TABLES = ['contacts', 'notes', 'followUps', 'templates', 'settings'] as const;
/** Append-only, merged as a set by id. */
export const EVENT_TABLES = ['sales', 'ledger', 'feedback'] as const;
export type MutableTable = (typeof MUTABLE_TABLES)[number];
export type EventTable = (typeof EVENT_TABLES)[number];
