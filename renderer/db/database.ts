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
import type { CustomerFigures } from '../../shared/derived/customer-figures';
import { FIGURES_VERSION } from '../../shared/derived/customer-figures';
import { FIGURES_META_KEY, KEEP_FIGURES } from './derived/keys';
import { figuresMiddleware } from './derived/middleware';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema';

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
  /** Derived, local only: see renderer/db/derived. */
  customerFigures!: Table<CustomerFigures, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    // Dexie's query cache is off: it patches cached live-query results with the "optimistic"
    // writes it sees in implicit transactions, and the figures' upkeep writes later in the same
    // transaction (after its own reads), which that patching does not follow. Without the cache
    // a live query re-runs when its transaction commits (`storagemutated` with every write's
    // mutatedParts, the upkeep's included): one rule for every screen. ARCHITECTURE.md.
    super(name, { cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    // Every write of the app keeps the derived tables in its own transaction.
    if (KEEP_FIGURES) this.use(figuresMiddleware);
    // A new database has no events, so its (empty) figures are complete; an upgraded one has
    // no version in meta and is rebuilt on first read (renderer/db/derived/rebuild.ts).
    if (KEEP_FIGURES)
      this.on('populate', (tx) => {
        void tx.table('meta').put({ key: FIGURES_META_KEY, value: String(FIGURES_VERSION) });
      });
  }
}
