/**
 * The backup / sync file (ARCHITECTURE.md "Sync files and merge rules"): an envelope around every table's records, with a
 * sha256 of the canonical JSON of `tables`. `readKenalFile` checks a file completely — JSON,
 * format, version, kind, checksum, every record against its schema — before the caller may
 * write anything, and says what is wrong in terms a user can be told (FileProblem).
 */
import { z } from 'zod';
import { DEVICE_ID_PATTERN, type HlcStamp } from '../hlc';
import { err, ok, type Result } from '../result';
import { hlcSchema, isoDateTimeSchema, recordSchemas, type TableName } from '../schemas';
import type { RecordOf } from '../schemas';
import { sha256Hex } from './bytes';
import { stampsProblem } from './guard';
import { canonicalJson } from './canonical-json';
import { decryptText, encryptedFileSchema, ENCRYPTED_FORMAT, WrongPasswordError } from './crypto';

export const FILE_FORMAT = 'kenal';
export const FILE_VERSION = 1;
export const FILE_KINDS = ['backup', 'sync'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Every synced table, in the order files list them and imports apply them. */
export const TABLE_NAMES = Object.keys(recordSchemas) as TableName[];

export type Tables = { [T in TableName]: RecordOf<T>[] };

export interface KenalEnvelope {
  format: typeof FILE_FORMAT;
  kind: FileKind;
  version: typeof FILE_VERSION;
  schemaVersion: number;
  app: string;
  deviceId: string;
  exportedAt: string;
  since: HlcStamp | null;
  tables: Tables;
  sha256: string;
}

export interface RecordIssue {
  table: string;
  index: number;
  id?: string;
  issue: string;
}

/** Why a file was refused. Nothing is written when any of these is returned. */
export type FileProblem =
  | { code: 'notJson' }
  | { code: 'truncated' }
  | { code: 'notKenal' }
  | { code: 'passwordRequired' }
  | { code: 'wrongPassword' }
  | { code: 'newerVersion'; fileVersion: number; supportedVersion: number }
  | { code: 'wrongKind'; expected: FileKind; actual: FileKind }
  | { code: 'malformed'; detail: string }
  | { code: 'checksum' }
  | { code: 'invalidRecords'; count: number; examples: RecordIssue[] };

const headerSchema = z.object({
  format: z.literal(FILE_FORMAT),
  kind: z.enum(FILE_KINDS),
  version: z.literal(FILE_VERSION),
  schemaVersion: z.number().int().positive(),
  app: z.string().min(1).max(200),
  deviceId: z.string().regex(DEVICE_ID_PATTERN),
  exportedAt: isoDateTimeSchema,
  since: hlcSchema.nullable(),
  tables: z.strictObject(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(z.unknown()).optional()])) as Record<
      TableName,
      z.ZodOptional<z.ZodArray<z.ZodUnknown>>
    >,
  ),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export function emptyTables(): Tables {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Tables;
}

export interface EnvelopeInput {
  kind: FileKind;
  schemaVersion: number;
  app: string;
  deviceId: string;
  exportedAt: string;
  since: HlcStamp | null;
  tables: Tables;
}

export async function buildEnvelope(input: EnvelopeInput): Promise<KenalEnvelope> {
  return {
    format: FILE_FORMAT,
    kind: input.kind,
    version: FILE_VERSION,
    schemaVersion: input.schemaVersion,
    app: input.app,
    deviceId: input.deviceId,
    exportedAt: input.exportedAt,
    since: input.since,
    tables: input.tables,
    sha256: await sha256Hex(canonicalJson(input.tables)),
  };
}

/** The file's text; pretty enough to read in an editor, small enough not to matter. */
export function serializeEnvelope(envelope: KenalEnvelope): string {
  return JSON.stringify(envelope);
}

export interface ReadOptions {
  /** What the user meant to open: a backup given to sync import (or the reverse) is refused. */
  expectedKind: FileKind;
  /** The newest schema this app understands (renderer/db SCHEMA_VERSION). */
  schemaVersion: number;
  password?: string;
}

export interface ReadFile {
  envelope: KenalEnvelope;
  encrypted: boolean;
}

function parseJson(text: string): Result<unknown, FileProblem> {
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch {
    // A file that starts like JSON but breaks off was cut short (a copy still in progress, a
    // full disk); anything else is simply not JSON.
    const t = text.trim();
    const opened = t.startsWith('{') || t.startsWith('[');
    const closed = t.endsWith('}') || t.endsWith(']');
    return err(opened && !closed ? { code: 'truncated' } : { code: 'notJson' });
  }
}

/** Check a file completely. Never throws for bad input; returns what is wrong instead. */
export async function readKenalFile(
  text: string,
  options: ReadOptions,
): Promise<Result<ReadFile, FileProblem>> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err({ code: 'notKenal' });
  }
  const format = (value as { format?: unknown }).format;

  if (format === ENCRYPTED_FORMAT) {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'number' && version > FILE_VERSION) {
      return err({ code: 'newerVersion', fileVersion: version, supportedVersion: FILE_VERSION });
    }
    const sealed = encryptedFileSchema.safeParse(value);
    if (!sealed.success) return err({ code: 'malformed', detail: z.prettifyError(sealed.error) });
    if (options.password === undefined || options.password === '') {
      return err({ code: 'passwordRequired' });
    }
    let inner: string;
    try {
      inner = await decryptText(sealed.data, options.password);
    } catch (error) {
      if (error instanceof WrongPasswordError) return err({ code: 'wrongPassword' });
      return err({ code: 'wrongPassword' });
    }
    const read = await readKenalFile(inner, { ...options, password: undefined });
    return read.ok ? ok({ ...read.value, encrypted: true }) : read;
  }

  if (format !== FILE_FORMAT) return err({ code: 'notKenal' });
  const v = value as { version?: unknown; schemaVersion?: unknown; kind?: unknown };
  if (typeof v.version === 'number' && v.version > FILE_VERSION) {
    return err({ code: 'newerVersion', fileVersion: v.version, supportedVersion: FILE_VERSION });
  }
  if (typeof v.schemaVersion === 'number' && v.schemaVersion > options.schemaVersion) {
    return err({
      code: 'newerVersion',
      fileVersion: v.schemaVersion,
      supportedVersion: options.schemaVersion,
    });
  }
  if ((v.kind === 'backup' || v.kind === 'sync') && v.kind !== options.expectedKind) {
    return err({ code: 'wrongKind', expected: options.expectedKind, actual: v.kind });
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) return err({ code: 'malformed', detail: z.prettifyError(header.error) });

  // The checksum covers the tables exactly as written, before any parsing touches them.
  const rawTables = (value as { tables: Record<string, unknown> }).tables;
  let canonical: string;
  try {
    canonical = canonicalJson(rawTables);
  } catch (error) {
    // Thousands of nested arrays overflow the stack: no real Kenal file looks like that.
    if (error instanceof RangeError) return err({ code: 'malformed', detail: 'nested too deeply' });
    throw error;
  }
  if ((await sha256Hex(canonical)) !== header.data.sha256) {
    return err({ code: 'checksum' });
  }

  const records = validateTables(header.data.tables);
  if (!records.ok) return records;
  return ok({
    envelope: { ...header.data, tables: records.value } as KenalEnvelope,
    encrypted: false,
  });
}

const MAX_EXAMPLES = 5;

/** Every record against its table's schema; ids unique within a table. */
export function validateTables(
  raw: Partial<Record<TableName, unknown[]>>,
): Result<Tables, FileProblem> {
  const tables = emptyTables() as Record<TableName, unknown[]>;
  const examples: RecordIssue[] = [];
  let count = 0;
  const note = (issue: RecordIssue) => {
    count += 1;
    if (examples.length < MAX_EXAMPLES) examples.push(issue);
  };
  for (const table of TABLE_NAMES) {
    const schema = recordSchemas[table];
    const seen = new Set<string>();
    (raw[table] ?? []).forEach((record, index) => {
      // Stamps first, on the JSON as parsed: a `__proto__` or `constructor` key is refused
      // here, named, instead of reaching the merge (shared/sync/guard.ts).
      const stampIssue = stampsProblem(table, record);
      if (stampIssue !== undefined) {
        const id = (record as { id?: unknown }).id;
        note({
          table,
          index,
          id: typeof id === 'string' ? id.slice(0, 40) : undefined,
          issue: stampIssue,
        });
        return;
      }
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        const id = (record as { id?: unknown } | null)?.id;
        const first = parsed.error.issues[0];
        note({
          table,
          index,
          id: typeof id === 'string' ? id.slice(0, 40) : undefined,
          issue: first ? `${first.path.join('.') || '(record)'}: ${first.message}` : 'invalid',
        });
        return;
      }
      if (seen.has(parsed.data.id)) {
        note({ table, index, id: parsed.data.id, issue: 'id appears twice' });
        return;
      }
      seen.add(parsed.data.id);
      tables[table].push(parsed.data);
    });
  }
  if (count > 0) return err({ code: 'invalidRecords', count, examples });
  return ok(tables as unknown as Tables);
}

/**
 * Records per table a user would see after a restore: without tombstones and without contacts
 * merged into another (a merged duplicate is part of the surviving contact, not a contact of
 * its own), so a backup of a book whose list shows 3 contacts says 3.
 */
export function visibleTableCounts(tables: Tables): Record<TableName, number> {
  const visible = (r: { deletedAt?: string; mergedInto?: string }) =>
    r.deletedAt === undefined && r.mergedInto === undefined;
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [t, (tables[t] as { deletedAt?: string }[]).filter(visible).length]),
  ) as Record<TableName, number>;
}

/** Records per table, for "what does this file hold". */
export function tableCounts(tables: Tables): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].length])) as Record<
    TableName,
    number
  >;
}
