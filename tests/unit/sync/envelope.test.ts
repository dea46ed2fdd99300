import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { createMutable } from '../../../shared/records';
import type { ContactFields } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { advanceClockPast } from '../../../shared/sync/clock';
import { encryptText, MIN_PBKDF2_ITERATIONS } from '../../../shared/sync/crypto';
import {
  buildEnvelope,
  emptyTables,
  readKenalFile,
  serializeEnvelope,
  type FileKind,
} from '../../../shared/sync/envelope';

const DEVICE = 'ABCDEFGHJKMNPQRS';
const stamp = formatStamp({ wall: 1_760_000_000_000, counter: 0, deviceId: DEVICE });
const contact = createMutable<ContactFields>(
  { name: 'Siti', phones: [], tags: ['vip'], note: '' },
  { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', createdAt: '2026-01-01T00:00:00.000Z', stamp },
);

async function file(kind: FileKind = 'backup', tables = { ...emptyTables(), contacts: [contact] }) {
  return buildEnvelope({
    kind,
    schemaVersion: 1,
    app: 'kenal@0.1.0',
    deviceId: DEVICE,
    exportedAt: '2026-03-01T10:00:00.000Z',
    since: null,
    tables,
  });
}
const read = (text: string, expectedKind: FileKind = 'backup', password?: string) =>
  readKenalFile(text, { expectedKind, schemaVersion: 1, password });
const problem = async (text: string, expectedKind: FileKind = 'backup', password?: string) => {
  const r = await read(text, expectedKind, password);
  return r.ok ? 'accepted' : r.error.code;
};

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(
      canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
  });
});

describe('reading a file', () => {
  it('accepts a file it wrote, with every record as written', async () => {
    const env = await file();
    const r = await read(serializeEnvelope(env));
    expect(r.ok && r.value.envelope).toEqual(env);
    expect(r.ok && r.value.encrypted).toBe(false);
  });

  it('refuses, and says why: not JSON, cut short, another app, wrong kind', async () => {
    const text = serializeEnvelope(await file());
    expect(await problem('hello, this is a text file')).toBe('notJson');
    expect(await problem(text.slice(0, text.length / 2))).toBe('truncated');
    expect(await problem('')).toBe('notJson');
    expect(await problem('{"name":"package.json","version":"1.0.0"}')).toBe('notKenal');
    expect(await problem('[1,2,3]')).toBe('notKenal');
    expect(await problem(text, 'sync')).toBe('wrongKind');
    expect(await problem(serializeEnvelope(await file('sync')), 'backup')).toBe('wrongKind');
  });

  it('refuses a tampered file (sha256 mismatch)', async () => {
    const text = serializeEnvelope(await file()).replace('"Siti"', '"Sito"');
    expect(await problem(text)).toBe('checksum');
  });

  it('refuses a file from a newer app (schemaVersion or format version)', async () => {
    const env = await file();
    expect(await problem(JSON.stringify({ ...env, schemaVersion: 2 }))).toBe('newerVersion');
    expect(await problem(JSON.stringify({ ...env, version: 2 }))).toBe('newerVersion');
  });

  it('refuses invalid records and names them, even with a correct checksum', async () => {
    const bad = { ...contact, name: '', phones: [{ label: 'mobile', raw: 'x', e164: '123' }] };
    const env = await file('backup', { ...emptyTables(), contacts: [bad] } as never);
    const r = await read(serializeEnvelope(env));
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === 'invalidRecords') {
      expect(r.error.count).toBe(1);
      expect(r.error.examples[0]).toMatchObject({ table: 'contacts', index: 0, id: contact.id });
    } else throw new Error('expected invalidRecords');
    const dup = await file('backup', { ...emptyTables(), contacts: [contact, contact] });
    expect(await problem(serializeEnvelope(dup))).toBe('invalidRecords');
  });

  it('refuses an unknown table and a missing checksum as damaged', async () => {
    const env = await file();
    expect(await problem(JSON.stringify({ ...env, tables: { ...env.tables, orders: [] } }))).toBe(
      'malformed',
    );
    const { sha256: _, ...noSum } = env;
    expect(await problem(JSON.stringify(noSum))).toBe('malformed');
  });
});

// PBKDF2 with 600,000 iterations takes a moment per derivation, more on a busy machine.
describe('encrypted files', { timeout: 30_000 }, () => {
  it('round-trips with the password, asks for one, and refuses a wrong one', async () => {
    const env = await file();
    const sealed = JSON.stringify(await encryptText(serializeEnvelope(env), 'rahasia-toko'));
    expect(sealed).not.toContain('Siti');
    expect(JSON.parse(sealed).kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const r = await read(sealed, 'backup', 'rahasia-toko');
    expect(r.ok && r.value).toEqual({ envelope: env, encrypted: true });
    expect(await problem(sealed)).toBe('passwordRequired');
    expect(await problem(sealed, 'backup', 'wrong')).toBe('wrongPassword');
    // A flipped ciphertext byte fails like a wrong password: nothing is read.
    const obj = JSON.parse(sealed);
    obj.data = (obj.data[0] === 'A' ? 'B' : 'A') + obj.data.slice(1);
    expect(await problem(JSON.stringify(obj), 'backup', 'rahasia-toko')).toBe('wrongPassword');
  });

  it('refuses a file asking for fewer iterations than the minimum', async () => {
    const obj = await encryptText('{}', 'pw');
    expect(
      await problem(
        JSON.stringify({ ...obj, kdf: { ...obj.kdf, iterations: 1000 } }),
        'backup',
        'pw',
      ),
    ).toBe('malformed');
    expect(MIN_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('advancing the clock past a file', () => {
  const A = 'AAAAAAAAAAAAAAAA';
  const B = 'BBBBBBBBBBBBBBBB';
  it('with equal wall clocks, the next stamp is above both counters', () => {
    const local = formatStamp({ wall: 5000, counter: 3, deviceId: A });
    const remote = formatStamp({ wall: 5000, counter: 7, deviceId: B });
    const r = advanceClockPast(A, local, remote, () => 5000);
    expect(r.next).toBe(formatStamp({ wall: 5000, counter: 8, deviceId: A }));
    expect(r.next! > remote && r.next! > local).toBe(true);
  });

  it('a remote clock far in the future is not adopted, and is reported', () => {
    const local = formatStamp({ wall: 5000, counter: 0, deviceId: A });
    const day = 24 * 3600 * 1000;
    const remote = formatStamp({ wall: 5000 + 30 * day, counter: 0, deviceId: B });
    expect(advanceClockPast(A, local, remote, () => 5000)).toEqual({
      next: undefined,
      drift: { aheadMs: 30 * day, deviceId: B },
    });
  });

  it('an older remote stamp still moves the clock forward, never back', () => {
    const local = formatStamp({ wall: 9000, counter: 2, deviceId: A });
    const remote = formatStamp({ wall: 1000, counter: 0, deviceId: B });
    const r = advanceClockPast(A, local, remote, () => 8000);
    expect(r.next! > local).toBe(true);
  });
});
