import Dexie, { type Table } from 'dexie';
import type { ContactIndexFields } from '../../shared/contact-index';
import type {
  Contact,
  Feedback,
  FollowUp,
  LedgerEntry,
  MessageTemplate,
  Note,
  Sale,
  Setting,
} from '../../shared/schemas';
import { SCHEMA_V1 } from './schema';

export type ContactRow = Contact & ContactIndexFields;

export interface HistoryRow {
  seq?: number;
  table: string;
  recordId: string;
  field: string;
  value: unknown;
  stamp: string;
  at: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

export const DEFAULT_DB_NAME = 'kenal';

export class KenalDb extends Dexie {
  contacts!: Table<ContactRow, string>;
  notes!: Table<Note, string>;
  followUps!: Table<FollowUp, string>;
  templates!: Table<MessageTemplate, string>;
  settings!: Table<Setting, string>;
  sales!: Table<Sale, string>;
  ledger!: Table<LedgerEntry, string>;
  feedback!: Table<Feedback, string>;
  history!: Table<HistoryRow, number>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}
