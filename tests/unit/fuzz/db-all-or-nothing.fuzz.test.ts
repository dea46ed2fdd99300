/**
 * All or nothing, fuzzed at the database: a mutated sync file merged, a mutated backup
 * restored, a mutated contacts CSV imported (or cancelled) either applies fully or leaves
 * every table exactly as it was. Each run opens a fresh fake-indexeddb database.
 */
import { repairedCycleSurvivors } from '../../../shared/contacts/merge-cycles';
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { guessMapping, rowToRaw } from '../../../shared/contacts/import-mapping';
import { prepareRow } from '../../../shared/contacts/import-rows';
import { recordSchemas } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { sha256Hex } from '../../../shared/sync/bytes';
import { refusalTotal } from '../../../shared/sync/guard';
import {
  readKenalFile,
  serializeEnvelope,
  TABLE_NAMES,
  type Tables,
  type FileKind,
} from '../../../shared/sync/envelope';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import {
  addSale,
  createContact,
  deleteContact,
  exportSyncText,
  patchContact,
  redeem,
} from '../sync/device';
import { dumpDb } from './db-dump';
import {
  assertNoPollution,
  mutateJson,
  mutateText,
  mutationArb,
  nastyString,
  runs,
  textMutationArb,
} from './fuzz-helpers';

let n = 0;
const fresh = () => openRepositories(`fuzz-${++n}-${Math.random().toString(36).slice(2)}`);

/** A small shop: two customers (one deleted), a sale, a redemption. */
async function seed(repos: Repositories, name: string): Promise<void> {
  const a = await createContact(repos, `${name} Siti`);
  const b = await createContact(repos, `${name} Budi`);
  await patchContact(repos, a, { tags: ['vip'], city: 'Bandung' });
  await addSale(repos, a, 150_000);
  await redeem(repos, a, 10);
  await deleteContact(repos, b);
}

const valid: Record<FileKind, string> = { backup: '', sync: '' };

beforeAll(async () => {
  const a = await fresh();
  await seed(a, 'A');
  valid.backup = serializeEnvelope(await a.sync.exportBackup('kenal@fuzz'));
  valid.sync = await exportSyncText(a, true);
  a.db.close();
});

/** A damaged copy of a valid file: JSON-level mutations (checksum fixed or not) or text damage. */
const damagedFile = (kind: FileKind) =>
  fc
    .oneof(
      fc
        .tuple(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), fc.boolean())
        .map(([ms, fixChecksum]) => ({ ms, fixChecksum, text: undefined as string[] | undefined })),
      fc
        .array(textMutationArb, { minLength: 1, maxLength: 2 })
        .map((ts) => ({ ms: [], fixChecksum: false, text: ts.map((t) => JSON.stringify(t)) })),
    )
    .map(async ({ ms, fixChecksum, text }) => {
      if (text) return text.map((t) => JSON.parse(t) as never).reduce(mutateText, valid[kind]);
      let doc = JSON.parse(valid[kind]) as unknown;
      for (const m of ms) doc = mutateJson(doc as never, m);
      const d = doc as Record<string, unknown> | null;
      if (fixChecksum && d && typeof d === 'object' && d.tables !== undefined)
        d.sha256 = await sha256Hex(canonicalJson(d.tables));
      return JSON.stringify(doc) ?? '';
    });

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const stampArb = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
      fc.integer({ min: 0, max: 999_999_999_999_999 }),
    ),
    fc.nat(99_999),
    fc.constantFrom('AAAAAAAAAAAAAAAA', 'ZZZZZZZZZZZZZZZZ', '0000000000000000', 'ABCDEFGHJKMNPQRS'),
  )
  .map(([w, c, d]) => `${String(w).padStart(15, '0')}-${String(c).padStart(5, '0')}-${d}`);
const ulidArb = fc
  .array(fc.constantFrom(...CROCKFORD), { minLength: 25, maxLength: 25 })
  .map((cs) => '0' + cs.join(''));
const nonBlank = (max: number) =>
  nastyString(6).map(
    (t) =>
      `x${t}`
        .replace(/[\s\uFEFF]+/g, ' ')
        .trim()
        .slice(0, max) || 'x',
  );

const outcomes = { merged: 0, 'needs-confirmation': 0 };

type Rec = Record<string, unknown> & { id: string; stamps?: Record<string, string> };

/**
 * A sync file that still passes every check (schemas, checksum) but is as odd as a file from
 * another device can be: hostile names and tags, stamps from the past and the far future,
 * tombstones, merges into any contact (cycles included), sales of unknown customers, copies.
 */
const edgyValidSync = fc
  .record({
    names: fc.array(nonBlank(200), { minLength: 4, maxLength: 4 }),
    notes: fc.array(nastyString(10), { minLength: 4, maxLength: 4 }),
    tags: fc.array(fc.array(nonBlank(50), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
    stamps: fc.array(stampArb, { minLength: 4, maxLength: 4 }),
    deleted: fc.array(fc.option(stampArb), { minLength: 4, maxLength: 4 }),
    mergedInto: fc.array(fc.option(fc.nat(3)), { minLength: 4, maxLength: 4 }),
    extraIds: fc.uniqueArray(ulidArb, { minLength: 5, maxLength: 5 }),
    amounts: fc.array(fc.integer({ min: 1, max: 1e12 }), { minLength: 1, maxLength: 3 }),
    saleOwner: fc.oneof(fc.nat(3), ulidArb),
  })
  .map(async (g) => {
    const doc = JSON.parse(valid.sync) as { tables: Record<string, Rec[]>; sha256: string };
    const base = doc.tables.contacts!;
    const contacts: Rec[] = [
      ...base,
      ...g.extraIds.slice(0, 2).map((id) => ({ ...structuredClone(base[0]!), id })),
    ];
    contacts.forEach((c, i) => {
      c.name = g.names[i]!;
      c.note = g.notes[i]!;
      c.tags = [...new Set(g.tags[i]!)];
      for (const k of Object.keys(c.stamps ?? {})) c.stamps![k] = g.stamps[i]!;
      c.updatedAt = g.stamps[i]!;
      const del = g.deleted[i];
      if (del) {
        c.deletedAt = del > g.stamps[i]! ? del : g.stamps[i]!;
        c.stamps!.deletedAt = c.deletedAt as string;
        c.updatedAt = c.deletedAt;
      }
      const into = g.mergedInto[i];
      if (into !== null && into !== undefined) {
        c.mergedInto = contacts[into % contacts.length]!.id;
        c.stamps!.mergedInto = c.updatedAt as string;
      }
    });
    doc.tables.contacts = contacts;
    const sale = doc.tables.sales![0]!;
    doc.tables.sales = g.amounts.map((amount, i) => ({
      ...structuredClone(sale),
      id: i === 0 ? sale.id : g.extraIds[1 + i]!,
      amount,
      contactId:
        typeof g.saleOwner === 'number' ? contacts[g.saleOwner % contacts.length]!.id : g.saleOwner,
    }));
    doc.sha256 = await sha256Hex(canonicalJson(doc.tables));
    return JSON.stringify(doc);
  });

/** Every stored record passes its schema: the next backup of this database can be restored. */
async function expectRestorableBackup(repos: Repositories): Promise<void> {
  const text = serializeEnvelope(await repos.sync.exportBackup('kenal@fuzz'));
  const read = await readKenalFile(text, { expectedKind: 'backup', schemaVersion: SCHEMA_VERSION });
  expect(read.ok, read.ok ? '' : JSON.stringify(read.error)).toBe(true);
}

/**
 * The book holds exactly the backup's records, but for merge cycles in the file (a contact
 * merged into itself, or A into B and B into A): repaired on restore as after a sync import,
 * so the customer stays visible.
 */
async function expectRestored(repos: Repositories, file: Tables): Promise<void> {
  const now = (await repos.sync.exportBackup('kenal@fuzz')).tables;
  const repaired = new Map(repairedCycleSurvivors(file.contacts).map((c) => [c.id, c]));
  const expected = { ...file, contacts: file.contacts.map((c) => repaired.get(c.id) ?? c) };
  for (const t of TABLE_NAMES) expect(byId(now[t])).toEqual(byId(expected[t]));
}

const byId = (rows: unknown[]) =>
  [...rows].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));

// A DB-level run opens and seeds a database and merges a ~3 KB file: ~50-150 ms here, so
// 60 runs per property (most mutated files are refused by the reader before any write; the
// ones with a fixed checksum reach the database).
describe('sync import and restore are all or nothing', { timeout: 240_000 }, () => {
  it('merging a damaged sync file either merges it fully or changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile('sync'), async (textPromise) => {
        const text = await textPromise;
        const read = await readKenalFile(text, {
          expectedKind: 'sync',
          schemaVersion: SCHEMA_VERSION,
        });
        assertNoPollution();
        if (!read.ok) return; // refused before any write; the reader suite checks the reason
        const b = await fresh();
        try {
          await seed(b, 'B');
          const before = await dumpDb(b.db);
          let result;
          try {
            result = await b.sync.importSync(read.value.envelope);
          } catch (error) {
            expect(await dumpDb(b.db)).toEqual(before);
            throw error; // a checked file must not make the merge throw
          }
          if (result.status === 'needs-confirmation') {
            expect(await dumpDb(b.db)).toEqual(before);
            return;
          }
          // Applied fully: every record of the file is now known here, but the rows the guard
          // quarantined (shared/sync/guard.ts), which are counted.
          let missing = 0;
          for (const t of TABLE_NAMES) {
            const ids = new Set((await b.db.table(t).toArray()).map((r: { id: string }) => r.id));
            for (const r of read.value.envelope.tables[t]) if (!ids.has(r.id)) missing += 1;
          }
          expect(missing).toBeLessThanOrEqual(refusalTotal(result.refused));
          await expectRestorableBackup(b);
        } finally {
          b.db.close();
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('merging an odd but valid sync file into a device that shares its contacts applies fully or not at all', async () => {
    const backup = await readKenalFile(valid.backup, {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!backup.ok) throw new Error('the app refused its own backup');
    await fc.assert(
      fc.asyncProperty(edgyValidSync, fc.boolean(), async (textPromise, confirm) => {
        const read = await readKenalFile(await textPromise, {
          expectedKind: 'sync',
          schemaVersion: SCHEMA_VERSION,
        });
        expect(read.ok, read.ok ? '' : JSON.stringify(read.error)).toBe(true);
        if (!read.ok) return;
        const b = await fresh();
        try {
          // The same shop on a second device, with local edits made since.
          await b.sync.restoreBackup(backup.value.envelope);
          for (const c of backup.value.envelope.tables.contacts)
            await patchContact(b, c.id, { note: 'edited here', city: 'Solo' });
          const before = await dumpDb(b.db);
          let result;
          try {
            result = await b.sync.importSync(read.value.envelope, { confirmMassDelete: confirm });
          } catch (error) {
            expect(await dumpDb(b.db)).toEqual(before);
            throw error;
          }
          assertNoPollution();
          outcomes[result.status] += 1;
          if (result.status === 'needs-confirmation') {
            expect(await dumpDb(b.db)).toEqual(before);
            return;
          }
          let missing = 0;
          for (const t of TABLE_NAMES) {
            const ids = new Set((await b.db.table(t).toArray()).map((r: { id: string }) => r.id));
            for (const r of read.value.envelope.tables[t]) if (!ids.has(r.id)) missing += 1;
          }
          expect(missing).toBeLessThanOrEqual(refusalTotal(result.refused));
          await expectRestorableBackup(b);
        } finally {
          b.db.close();
        }
      }),
      { numRuns: runs(150) },
    );
    // The generator must reach both outcomes, or the property above proves little.
    expect(outcomes.merged).toBeGreaterThan(0);
  });

  it('restoring a damaged backup either replaces everything with it or changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile('backup'), async (textPromise) => {
        const text = await textPromise;
        const read = await readKenalFile(text, {
          expectedKind: 'backup',
          schemaVersion: SCHEMA_VERSION,
        });
        assertNoPollution();
        if (!read.ok) return;
        const b = await fresh();
        try {
          await seed(b, 'B');
          const before = await dumpDb(b.db);
          try {
            await b.sync.restoreBackup(read.value.envelope);
          } catch (error) {
            expect(await dumpDb(b.db)).toEqual(before);
            throw error;
          }
          await expectRestored(b, read.value.envelope.tables);
          await expectRestorableBackup(b);
        } finally {
          b.db.close();
        }
      }),
      { numRuns: runs(60) },
    );
  });

  it('restoring an odd but valid backup replaces everything with exactly its records (merge cycles repaired)', async () => {
    await fc.assert(
      fc.asyncProperty(edgyValidSync, async (textPromise) => {
        const text = (await textPromise).replace('"kind":"sync"', '"kind":"backup"');
        const read = await readKenalFile(text, {
          expectedKind: 'backup',
          schemaVersion: SCHEMA_VERSION,
        });
        expect(read.ok, read.ok ? '' : JSON.stringify(read.error)).toBe(true);
        if (!read.ok) return;
        const b = await fresh();
        try {
          await seed(b, 'B');
          const before = await dumpDb(b.db);
          try {
            await b.sync.restoreBackup(read.value.envelope);
          } catch (error) {
            expect(await dumpDb(b.db)).toEqual(before);
            throw error;
          }
          assertNoPollution();
          await expectRestored(b, read.value.envelope.tables);
          await expectRestorableBackup(b);
        } finally {
          b.db.close();
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('a restore that fails midway (a duplicate id in the file) leaves the database as it was', async () => {
    // The reader refuses duplicate ids; hand restoreBackup one anyway to prove the rollback.
    const read = await readKenalFile(valid.backup, {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const env = structuredClone(read.value.envelope);
    env.tables.sales.push(structuredClone(env.tables.sales[0]!));
    const b = await fresh();
    try {
      await seed(b, 'B');
      const before = await dumpDb(b.db);
      await expect(b.sync.restoreBackup(env)).rejects.toThrow();
      expect(await dumpDb(b.db)).toEqual(before);
    } finally {
      b.db.close();
    }
  });
});

/** Rows the import modal would hand to importMany for this CSV (the worker's own steps). */
function preparedFields(text: string) {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers, ...rows] = parsed.data;
  if (!headers) return [];
  const mapping = guessMapping(headers);
  return rows
    .map((cells, i) => prepareRow(rowToRaw(cells, mapping, i + 2), '2026-11-23'))
    .flatMap((r) => (r.ok ? [r.fields] : []));
}

const contactsCsv = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('A Siti', 'Siti Rahayu', 'Budi', '__proto__'), nastyString(4)),
      fc.constantFrom('0812-3456-7890', '0813 2222 3333', '', 'abc', '+62 857 1111 2222'),
      fc.constantFrom('siti@example.id', '', 'SITI@EXAMPLE.ID', 'x@'),
      nastyString(5),
      fc.constantFrom('vip', '', 'VIP ::: Reseller', '__proto__'),
    ),
    { maxLength: 6 },
  )
  .chain((rows) =>
    fc
      .array(textMutationArb, { maxLength: 2 })
      .map((ms) =>
        ms.reduce(
          mutateText,
          Papa.unparse([['Nama', 'No HP', 'Email', 'Catatan', 'Labels'], ...rows]),
        ),
      ),
  );

// importMany over at most six rows on a fresh database: ~30-80 ms a run; 60 runs each.
describe('contacts import is all or nothing', { timeout: 240_000 }, () => {
  it('importing checked rows from a hostile CSV adds them all, and only valid contacts', async () => {
    await fc.assert(
      fc.asyncProperty(
        contactsCsv,
        fc.constantFrom('skip', 'merge', 'add' as const),
        async (text, onDuplicate) => {
          const rows = preparedFields(text);
          const b = await fresh();
          try {
            await seed(b, 'A');
            const before = await dumpDb(b.db);
            let summary;
            try {
              summary = await b.contacts.importMany(rows, { onDuplicate });
            } catch (error) {
              expect(await dumpDb(b.db)).toEqual(before);
              throw error;
            }
            expect(summary.added + summary.merged + summary.skipped).toBe(rows.length);
            const after = await b.db.contacts.count();
            expect(after).toBe((before.contacts?.length ?? 0) + summary.added);
            await expectRestorableBackup(b);
          } finally {
            b.db.close();
          }
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it('an import cancelled at any point leaves the database exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(contactsCsv, async (text) => {
        const rows = preparedFields(text);
        fc.pre(rows.length > 0);
        const b = await fresh();
        try {
          await seed(b, 'A');
          const before = await dumpDb(b.db);
          const controller = new AbortController();
          await expect(
            b.contacts.importMany(rows, {
              onDuplicate: 'merge',
              signal: controller.signal,
              onProgress: () => controller.abort(),
            }),
          ).rejects.toThrow();
          expect(await dumpDb(b.db)).toEqual(before);
        } finally {
          b.db.close();
        }
      }),
      { numRuns: runs(30) },
    );
  });

  it('records in the database after any of these pass their schema (guard for the check above)', async () => {
    const b = await fresh();
    try {
      await seed(b, 'A');
      for (const t of TABLE_NAMES)
        for (const r of await b.db.table(t).toArray())
          expect(recordSchemas[t].safeParse(r).success).toBe(true);
    } finally {
      b.db.close();
    }
  });
});
