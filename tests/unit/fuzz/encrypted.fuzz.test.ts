/**
 * Fuzzing the encrypted file variant (shared/sync/crypto.ts through readKenalFile): random
 * bytes, cut-off files, wrong passwords and altered key-derivation settings are refused with a
 * typed problem (malformed / passwordRequired / wrongPassword / ...), never an exception.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/sync/bytes';
import {
  encryptText,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  type EncryptedFile,
} from '../../../shared/sync/crypto';
import {
  buildEnvelope,
  emptyTables,
  readKenalFile,
  serializeEnvelope,
} from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { createMutable } from '../../../shared/records';
import { formatStamp } from '../../../shared/hlc';
import type { ContactFields } from '../../../shared/schemas';
import { assertNoPollution, hostileValue, mutateText, runs, textMutationArb } from './fuzz-helpers';

const PASSWORD = 'rahasia toko 123';
let sealed: EncryptedFile;
let plainText: string;

beforeAll(async () => {
  const DEVICE = 'ABCDEFGHJKMNPQRS';
  const stamp = formatStamp({ wall: 1_760_000_000_000, counter: 0, deviceId: DEVICE });
  const contact = createMutable<ContactFields>(
    { name: 'Siti', phones: [], tags: ['vip'], note: '' },
    { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', createdAt: '2026-01-01T00:00:00.000Z', stamp },
  );
  plainText = serializeEnvelope(
    await buildEnvelope({
      kind: 'backup',
      schemaVersion: SCHEMA_VERSION,
      app: 'kenal@fuzz',
      deviceId: DEVICE,
      exportedAt: '2026-03-01T10:00:00.000Z',
      since: null,
      tables: { ...emptyTables(), contacts: [contact] },
    }),
  );
  sealed = await encryptText(plainText, PASSWORD);
}, 60_000);

const read = (text: string, password?: string) =>
  readKenalFile(text, { expectedKind: 'backup', schemaVersion: SCHEMA_VERSION, password });

const REFUSALS = [
  'notJson',
  'truncated',
  'notKenal',
  'passwordRequired',
  'wrongPassword',
  'newerVersion',
  'malformed',
  'wrongKind',
  'checksum',
  'invalidRecords',
];

async function expectRefused(text: string, password?: string): Promise<string> {
  const answer = await read(text, password);
  assertNoPollution();
  expect(answer.ok).toBe(false);
  if (answer.ok) return 'accepted';
  expect(REFUSALS).toContain(answer.error.code);
  return answer.error.code;
}

const base64Arb = fc.uint8Array({ maxLength: 64 }).map((b) => toBase64(b));

describe('encrypted files under fuzzing', { timeout: 180_000 }, () => {
  // No key derivation happens in these runs (the header is refused, or no password is given),
  // so they are cheap: 400 runs.
  it('damaged headers (iterations out of range, wrong names, bad base64) are refused before any work', async () => {
    const field = fc.constantFrom(
      'version',
      'kdf',
      'kdf.name',
      'kdf.hash',
      'kdf.iterations',
      'kdf.salt',
      'cipher',
      'cipher.name',
      'cipher.iv',
      'data',
    );
    const iterations = fc.oneof(
      fc.integer({ max: MIN_PBKDF2_ITERATIONS - 1 }),
      fc.integer({ min: MAX_PBKDF2_ITERATIONS + 1 }),
      fc.constantFrom(600_000.5, Number.NaN, Infinity, -0, '600000', null),
    );
    await fc.assert(
      fc.asyncProperty(
        field,
        hostileValue,
        iterations,
        fc.boolean(),
        async (path, value, iter, pw) => {
          const doc = structuredClone(sealed) as unknown as Record<string, Record<string, unknown>>;
          if (path === 'kdf.iterations') doc.kdf!.iterations = iter;
          else if (path.includes('.')) {
            const [a, b] = path.split('.') as [string, string];
            doc[a]![b] = value;
          } else (doc as Record<string, unknown>)[path] = value;
          const text = JSON.stringify(doc);
          const answer = await read(text, pw ? undefined : '');
          assertNoPollution();
          // Without a password nothing is decrypted; a damaged header says malformed first.
          expect(answer.ok).toBe(false);
          if (!answer.ok)
            expect(['malformed', 'passwordRequired', 'newerVersion']).toContain(answer.error.code);
        },
      ),
      { numRuns: runs(400) },
    );
  });

  it('cut-off or character-damaged encrypted files never throw', async () => {
    const text = JSON.stringify(sealed);
    await fc.assert(
      fc.asyncProperty(fc.array(textMutationArb, { minLength: 1, maxLength: 3 }), async (ms) => {
        // Without a password: no key derivation, so many runs are cheap.
        await expectRefused(ms.reduce(mutateText, text));
      }),
      { numRuns: runs(400) },
    );
  });

  // Each of these runs derives a key with >= 600,000 PBKDF2 rounds (~0.2-1 s on this machine),
  // so 30 runs (~4 s): enough to reach every branch (bad base64 length, random bytes,
  // altered salt/iv/iterations, wrong password) in one suite run.
  it('random bytes, altered salt/iv/iterations and wrong passwords give wrongPassword, never a throw', async () => {
    const alteration = fc.oneof(
      fc.record({ kind: fc.constant('data' as const), bytes: base64Arb }),
      fc.record({ kind: fc.constant('salt' as const), bytes: base64Arb }),
      fc.record({ kind: fc.constant('iv' as const), bytes: base64Arb }),
      // base64 the regex accepts but atob refuses (length 4n+1).
      fc.record({
        kind: fc.constant('badLength' as const),
        bytes: fc.constant('AAAAAAAAAAAAAAAAA'),
      }),
      fc.record({
        kind: fc.constant('iterations' as const),
        bytes: fc
          .integer({ min: MIN_PBKDF2_ITERATIONS + 1, max: MIN_PBKDF2_ITERATIONS + 50_000 })
          .map(String),
      }),
      fc.record({
        kind: fc.constant('password' as const),
        bytes: fc.string({ minLength: 1, unit: 'binary' }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(alteration, async (alt) => {
        const doc = structuredClone(sealed);
        let password = PASSWORD;
        if (alt.kind === 'data') doc.data = alt.bytes;
        if (alt.kind === 'salt') doc.kdf.salt = alt.bytes.padEnd(16, 'A');
        if (alt.kind === 'iv') doc.cipher.iv = alt.bytes.padEnd(16, 'A');
        if (alt.kind === 'badLength') doc.cipher.iv = alt.bytes;
        if (alt.kind === 'iterations') doc.kdf.iterations = Number(alt.bytes);
        if (alt.kind === 'password') password = alt.bytes === PASSWORD ? PASSWORD + '!' : alt.bytes;
        const code = await expectRefused(JSON.stringify(doc), password);
        expect(['wrongPassword', 'malformed']).toContain(code);
      }),
      { numRuns: runs(30) },
    );
  });

  it('the right password opens the untouched file (the property above can fail)', async () => {
    const answer = await read(JSON.stringify(sealed), PASSWORD);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.value.encrypted).toBe(true);
  });

  it('a sealed file holding damaged text (not JSON, not UTF-8 safe) is refused, not thrown', async () => {
    for (const inner of ['', 'not json', '{"format":"kenal"', '\uD800', plainText.slice(0, 50)]) {
      const file = await encryptText(inner, PASSWORD);
      await expectRefused(JSON.stringify(file), PASSWORD);
    }
  });
});
