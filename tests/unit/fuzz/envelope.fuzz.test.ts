/**
 * Fuzzing the backup / sync file reader (shared/sync/envelope.ts readKenalFile): whatever the
 * text, the reader answers with a FileProblem the UI can put into words, or a file whose every
 * record passes its schema — never an exception, never a polluted prototype.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordSchemas, type TableName } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { sha256Hex } from '../../../shared/sync/bytes';
import {
  readKenalFile,
  serializeEnvelope,
  TABLE_NAMES,
  type FileKind,
  type FileProblem,
  type ReadFile,
} from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { problemMessage } from '../../../renderer/features/backup-sync/file-problem';
import {
  addSale,
  createContact,
  deleteContact,
  exportSyncText,
  openDevice,
  patchContact,
  redeem,
} from '../sync/device';
import {
  anyText,
  assertNoPollution,
  mutateJson,
  mutateText,
  mutationArb,
  runs,
  testI18n,
  textMutationArb,
} from './fuzz-helpers';

const PROBLEM_CODES: FileProblem['code'][] = [
  'notJson',
  'truncated',
  'notKenal',
  'passwordRequired',
  'wrongPassword',
  'newerVersion',
  'wrongKind',
  'malformed',
  'checksum',
  'invalidRecords',
];

/** Files the app itself wrote: a backup and a sync file of a small shop. */
const valid: Record<FileKind, string> = { backup: '', sync: '' };

beforeAll(async () => {
  const a = await openDevice('fuzz-env');
  const siti = await createContact(a, 'Siti Rahayu');
  const budi = await createContact(a, 'Budi');
  await patchContact(a, siti, { tags: ['vip', 'batik'], city: 'Bandung', note: 'Suka kopi' });
  await addSale(a, siti, 150_000);
  await redeem(a, siti, 50);
  await deleteContact(a, budi);
  valid.backup = serializeEnvelope(await a.sync.exportBackup('kenal@fuzz'));
  valid.sync = await exportSyncText(a, true);
  a.db.close();
});

const read = (text: string, kind: FileKind, password?: string) =>
  readKenalFile(text, { expectedKind: kind, schemaVersion: SCHEMA_VERSION, password });

/** What every answer of the reader must satisfy. */
async function checkAnswer(
  answer: Awaited<ReturnType<typeof readKenalFile>>,
  kind: FileKind,
): Promise<void> {
  assertNoPollution();
  if (answer.ok) {
    checkValidFile(answer.value);
    return;
  }
  expect(PROBLEM_CODES).toContain(answer.error.code);
  // The user is told in words, in both languages: never a raw key or an empty message.
  const i18n = await testI18n();
  for (const lng of ['en', 'id']) {
    const message = problemMessage(i18n.getFixedT(lng), answer.error, kind);
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toMatch(/^backup\.errors\./);
  }
}

function checkValidFile(file: ReadFile): void {
  const tables = file.envelope.tables as Record<string, unknown[]>;
  expect(Object.keys(tables).every((t) => (TABLE_NAMES as string[]).includes(t))).toBe(true);
  for (const t of TABLE_NAMES) {
    const ids = new Set<string>();
    for (const record of tables[t] ?? []) {
      const parsed = recordSchemas[t as TableName].safeParse(record);
      expect(parsed.success, `${t} record passes its schema`).toBe(true);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      const id = (record as { id: string }).id;
      expect(ids.has(id), `${t} id ${id} is unique`).toBe(false);
      ids.add(id);
    }
  }
}

/** Serialize a mutated document; optionally with a checksum that matches its (new) tables. */
async function writeDoc(doc: unknown, fixChecksum: boolean): Promise<string> {
  if (fixChecksum && doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    if (d.tables !== undefined) d.sha256 = await sha256Hex(canonicalJson(d.tables));
  }
  return JSON.stringify(doc) ?? 'undefined';
}

const kindArb = fc.constantFrom<FileKind>('backup', 'sync');

/**
 * The deep-nesting bug (see below): fast-check's first counterexample was ["backup", 4689,
 * true] (seed 20261123, path "2:1:0:0:1"), but where the stack overflows depends on how deep
 * the caller already is, so that exact replay is not stable. The failing property draws depths
 * of 20,000-100,000 (every one overflows) under this fixed seed instead.
 */
const SEED_NESTED = 20261123;

// The reader is pure and fast on small text (~1 ms), so hundreds of runs cost a few seconds;
// mutated files carry 1 MB strings in some runs, hence the lower counts there.
describe('readKenalFile under fuzzing', { timeout: 120_000 }, () => {
  it('arbitrary text gives a typed problem, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, kindArb, async (text, kind) => {
        await checkAnswer(await read(text, kind), kind);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('arbitrary JSON objects with a Kenal header give a typed problem, never a throw', async () => {
    const header = fc.record(
      {
        format: fc.constantFrom<unknown>('kenal', 'kenal-encrypted', 'other', 1, null),
        kind: fc.constantFrom<unknown>('backup', 'sync', 'x', 0),
        version: fc.constantFrom<unknown>(1, 2, 0, '1', -1, 1e300, null),
        schemaVersion: fc.constantFrom<unknown>(1, SCHEMA_VERSION + 1, 0, 1.5, '1'),
        tables: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom(...TABLE_NAMES, '__proto__', 'constructor'),
            fc.array(fc.jsonValue(), { maxLength: 3 }),
          ),
        ),
        sha256: fc.oneof(fc.string(), fc.constant('0'.repeat(64))),
        other: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(header, kindArb, async (doc, kind) => {
        await checkAnswer(await read(await writeDoc(doc, true), kind), kind);
      }),
      { numRuns: runs(500) },
    );
  });

  it('mutated valid files (values, hostile keys, duplicate ids, 1 MB strings, unicode) give a typed problem or a fully valid file', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (kind, mutations, fixChecksum) => {
          let doc = JSON.parse(valid[kind]) as unknown;
          for (const m of mutations) doc = mutateJson(doc as never, m);
          const answer = await read(await writeDoc(doc, fixChecksum), kind);
          await checkAnswer(answer, kind);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('character-level damage (truncation, flipped and inserted characters) never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb,
        fc.array(textMutationArb, { minLength: 1, maxLength: 4 }),
        async (kind, mutations) => {
          const text = mutations.reduce(mutateText, valid[kind]);
          await checkAnswer(await read(text, kind), kind);
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('a file cut short anywhere is refused, with nothing accepted', async () => {
    await fc.assert(
      fc.asyncProperty(kindArb, fc.nat(), async (kind, at) => {
        const text = valid[kind];
        const cut = text.slice(0, at % text.length);
        const answer = await read(cut, kind);
        expect(answer.ok).toBe(false);
        await checkAnswer(answer, kind);
      }),
      { numRuns: runs(300) },
    );
  });

  it('a duplicated record id is refused even with a correct checksum', async () => {
    const doc = JSON.parse(valid.backup) as { tables: { contacts: unknown[] }; sha256: string };
    doc.tables.contacts.push(structuredClone(doc.tables.contacts[0]));
    const answer = await read(await writeDoc(doc, true), 'backup');
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('invalidRecords');
  });

  it('"__proto__" keys in records and tables neither pollute nor survive into records', async () => {
    const text = valid.backup.replace('"tables":{', '"tables":{"__proto__":{"polluted":"yes"},');
    await checkAnswer(await read(text, 'backup'), 'backup');
    const doc = JSON.parse(valid.backup) as { tables: { contacts: Record<string, unknown>[] } };
    const c = doc.tables.contacts[0]!;
    Object.defineProperty(c, '__proto__', { value: { polluted: 'yes' }, enumerable: true });
    Object.defineProperty(c.stamps as object, '__proto__', {
      value: '000000000000001-00000-ABCDEFGHJKMNPQRS',
      enumerable: true,
    });
    const answer = await read(await writeDoc(doc, true), 'backup');
    await checkAnswer(answer, 'backup');
  });
});

/** `depth` arrays or objects inside each other around a value, as JSON text. */
const nested = (depth: number, objects: boolean): string =>
  objects ? '{"a":'.repeat(depth) + '0' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);

/** A valid file whose first table record is replaced by a deeply nested value (text-level). */
function withNestedRecord(kind: FileKind, depth: number, objects: boolean): string {
  const doc = JSON.parse(valid[kind]) as { tables: Record<string, unknown[]> };
  doc.tables.contacts = ['NESTED'];
  return JSON.stringify(doc).replace('"NESTED"', nested(depth, objects));
}

/*
 * BUG (found by this suite): a record nested a few thousand levels deep (a 5 KB file) makes
 * readKenalFile throw "RangeError: Maximum call stack size exceeded" instead of returning a
 * problem. JSON.parse copes (it is iterative), but canonicalJson (shared/sync/canonical-json.ts
 * line 12/18, called from shared/sync/envelope.ts line 191 for the checksum) recurses once per
 * level. In the app the restore/sync card shows the raw "Maximum call stack size exceeded"
 * (useKenalFile 'failed'), and a sync-folder round (folder-sync.ts line 122) throws before it
 * notes the file as a problem, so one such file stops folder sync for good.
 * Suggested fix: make canonicalJson iterative (explicit stack), or catch RangeError around
 * the checksum in readKenalFile and return { code: 'malformed' }.
 */
describe('readKenalFile on deeply nested input', { timeout: 120_000 }, () => {
  // Each run builds and reads a file of up to ~600 KB: 100 runs take about a second.
  it('moderately nested records (up to 1,000 levels) give a typed problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb,
        fc.integer({ min: 1, max: 1_000 }),
        fc.boolean(),
        async (kind, depth, objects) => {
          const answer = await read(withNestedRecord(kind, depth, objects), kind);
          await checkAnswer(answer, kind);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('deeply nested records (20,000-100,000 levels) give a typed problem, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb,
        fc.integer({ min: 20_000, max: 100_000 }),
        fc.boolean(),
        async (kind, depth, objects) => {
          const answer = await read(withNestedRecord(kind, depth, objects), kind);
          await checkAnswer(answer, kind);
        },
      ),
      { numRuns: runs(100), seed: SEED_NESTED },
    );
  });

  it('example: a backup whose record is 10,000 arrays deep is refused, not thrown', async () => {
    const answer = await read(withNestedRecord('backup', 10_000, false), 'backup');
    expect(answer.ok).toBe(false);
    await checkAnswer(answer, 'backup');
  });
});
