/**
 * Sync merge at scale (issue #7): merging a sync file of `scale.contacts` changes (100,000 at
 * full scale) with the call the Backup & sync screen makes, `repos.sync.importSync(envelope)`,
 * against a raw Dexie `bulkPut` of the same rows, in the same page and run.
 *
 * The file: the first half of the seeded book's contacts and as many of its sales (records as
 * a sync file carries them: no search keys, no local marker), in a checked envelope. The file is
 * built, and its checksum computed, before the clock starts; the screen's file check
 * (readKenalFile) happens before importSync and is not part of this row.
 *
 * Two targets:
 * - 'empty': a fresh database (a new device's first sync). Baseline: one transaction that
 *   bulkPuts the rows exactly as importSync stores them (search keys and local marker included,
 *   computed before the clock starts) into another fresh database.
 * - 'half': a fresh database already holding every second record of the file, in an older
 *   version (each preloaded contact's `note` was edited later on the other device, so the merge
 *   really compares fields, takes the file's value and keeps the local one in history).
 *   Baseline: the same bulkPut into a database preloaded with the same rows.
 */
import { contactIndexFields } from '../../shared/contact-index';
import { formatStamp, parseStamp, type HlcStamp } from '../../shared/hlc';
import type { Contact, Sale } from '../../shared/schemas';
import { buildEnvelope, emptyTables, type KenalEnvelope } from '../../shared/sync/envelope';
import type { Repositories } from '../../renderer/db';
import { SCHEMA_VERSION } from '../../renderer/db/schema';
import type { Measurement, Scenario, ScenarioContext } from './types';

type Row = Record<string, unknown> & { id: string };
const INDEX_KEYS = Object.keys(contactIndexFields({ name: 'x', phones: [], tags: [] }));
const LOCAL = '_localStamp';
const FILE_DEVICE = 'BENCH0SYNC0F0000';

function asRecord(row: Row, contact: boolean): Row {
  const out: Row = { ...row };
  delete out[LOCAL];
  if (contact) for (const k of INDEX_KEYS) delete out[k];
  return out;
}

/** A stamp just after `s` from the file's device: the other device's later edit. */
function later(s: string): HlcStamp {
  const p = parseStamp(s as HlcStamp);
  return formatStamp({ wall: p.wall + 1, counter: p.counter, deviceId: FILE_DEVICE });
}

interface Book {
  contacts: Contact[];
  sales: Sale[];
}

async function readBook(ctx: ScenarioContext, changes: number): Promise<Book> {
  const { db } = ctx.repos;
  const nContacts = Math.floor(changes / 2);
  const contacts = (await db.contacts.limit(nContacts).toArray()).map(
    (r) => asRecord(r as unknown as Row, true) as unknown as Contact,
  );
  const sales = (await db.sales.limit(changes - contacts.length).toArray()).map(
    (r) => asRecord(r as unknown as Row, false) as unknown as Sale,
  );
  return { contacts, sales };
}

async function envelopeOf(book: Book): Promise<KenalEnvelope> {
  return buildEnvelope({
    kind: 'sync',
    schemaVersion: SCHEMA_VERSION,
    app: 'kenal-bench',
    deviceId: FILE_DEVICE,
    exportedAt: new Date().toISOString(),
    since: null,
    tables: { ...emptyTables(), contacts: book.contacts, sales: book.sales },
  });
}

/** Rows as importSync stores them, for the baseline. */
function storedRows(book: Book, mark: string): Record<'contacts' | 'sales', Row[]> {
  return {
    contacts: book.contacts.map((c) => ({ ...c, ...contactIndexFields(c), [LOCAL]: mark })),
    sales: book.sales.map((s) => ({ ...s, [LOCAL]: mark }) as unknown as Row),
  };
}

async function bulkPutAll(repos: Repositories, rows: Record<'contacts' | 'sales', Row[]>) {
  const { db } = repos;
  await db.transaction('rw', db.contacts, db.sales, async () => {
    await db.table<Row, string>('contacts').bulkPut(rows.contacts);
    await db.table<Row, string>('sales').bulkPut(rows.sales);
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function syncMerge(ctx: ScenarioContext): Promise<Measurement[]> {
  const changes = ctx.scale.contacts;
  ctx.log(`reading ${changes.toLocaleString('en')} records for the sync file`);
  const book = await readBook(ctx, changes);
  const total = book.contacts.length + book.sales.length;
  // The other device edited every contact's note after this device's copy (see 'half').
  const edited: Book = {
    contacts: book.contacts.map((c) => {
      const s = later(c.updatedAt);
      return { ...c, note: `${c.note} (edited)`, updatedAt: s, stamps: { ...c.stamps, note: s } };
    }),
    sales: book.sales,
  };
  ctx.log('building the envelope (checksum)');
  const file = await envelopeOf(edited);
  const mark = formatStamp({ wall: Date.now(), counter: 0, deviceId: FILE_DEVICE });
  const rows = storedRows(edited, mark);
  const out: Measurement[] = [];

  // Empty target.
  ctx.log('importSync into an empty book');
  const target = await ctx.freshRepos('merge-target');
  const ours = await time(() => target.sync.importSync(file));
  const written = (await target.db.contacts.count()) + (await target.db.sales.count());
  if (written !== total) throw new Error(`merged ${written} of ${total} records`);
  ctx.log('bulkPut baseline into an empty book');
  const raw = await ctx.freshRepos('bulkput-target');
  const baseline = await time(() => bulkPutAll(raw, rows));
  out.push({
    name: `Sync merge ${total.toLocaleString('en')} changes into an empty book vs bulkPut`,
    unit: 'ms',
    ours,
    baseline,
    target: { kind: 'ratio-max', value: 3 },
    detail: `${book.contacts.length.toLocaleString('en')} contacts + ${book.sales.length.toLocaleString('en')} sales`,
  });

  // Half already there, in the older version: real field merges and history rows.
  const everySecond = <T>(xs: T[]) => xs.filter((_, i) => i % 2 === 0);
  const preload = storedRows(
    { contacts: everySecond(book.contacts), sales: everySecond(book.sales) },
    mark,
  );
  ctx.log('importSync into a book holding half of the records');
  const half = await ctx.freshRepos('merge-half');
  await bulkPutAll(half, preload);
  const oursHalf = await time(() => half.sync.importSync(file));
  const history = await half.db.history.count();
  ctx.log('bulkPut baseline into a book holding half of the records');
  const rawHalf = await ctx.freshRepos('bulkput-half');
  await bulkPutAll(rawHalf, preload);
  const baselineHalf = await time(() => bulkPutAll(rawHalf, rows));
  out.push({
    name: `Sync merge ${total.toLocaleString('en')} changes into a book holding half vs bulkPut`,
    unit: 'ms',
    ours: oursHalf,
    baseline: baselineHalf,
    target: { kind: 'ratio-max', value: 3 },
    detail: `${preload.contacts.length.toLocaleString('en')} contacts merged field by field, ${history.toLocaleString('en')} losing values kept in history`,
  });
  return out;
}

export const syncScenarios: Scenario[] = [{ id: 'sync-merge', run: syncMerge }];
