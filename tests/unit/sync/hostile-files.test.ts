/**
 * Sync files made the way an attacker would (issue #17): taken from a real export, edited, and
 * given a recomputed checksum, so only the merge's own rules stand in the way. Every refusal
 * changes zero rows and says why in both languages.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp, parseStamp, type HlcStamp } from '../../../shared/hlc';
import { REFUSAL_REASONS } from '../../../shared/sync/guard';
import {
  buildEnvelope,
  readKenalFile,
  serializeEnvelope,
  type Tables,
} from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import type { Repositories } from '../../../renderer/db';
import { en } from '../../../renderer/i18n/en';
import { id as idText } from '../../../renderer/i18n/id';
import {
  addSale,
  createContact,
  exportSyncText,
  importSyncText,
  openDevice,
  redeem,
  snapshot,
} from './device';

const EVIL = 'EEEEEEEEEEEEEEEE';
const HOUR = 3_600_000;

/** A device with a small book, and a second device that has merged all of it. */
async function twoDevices(contacts = 5) {
  const a = await openDevice('a');
  const ids: string[] = [];
  for (let i = 0; i < contacts; i++) ids.push(await createContact(a, `Customer ${i}`));
  for (const id of ids) await addSale(a, id, 150_000);
  await redeem(a, ids[0]!, 50);
  const b = await openDevice('b');
  await importSyncText(b, await exportSyncText(a, true));
  return { a, b, ids };
}

/** Everything `from` holds, edited by `edit`, as a checked file with a valid checksum. */
async function hostileFile(from: Repositories, edit: (t: Tables) => void): Promise<string> {
  const env = await from.sync.exportBackup('kenal@evil');
  const tables = structuredClone(env.tables);
  edit(tables);
  const forged = await buildEnvelope({
    kind: 'sync',
    schemaVersion: SCHEMA_VERSION,
    app: 'kenal@evil',
    deviceId: EVIL,
    exportedAt: new Date().toISOString(),
    since: null,
    tables,
  });
  return serializeEnvelope(forged);
}

async function importText(to: Repositories, text: string, confirm = false) {
  const read = await readKenalFile(text, { expectedKind: 'sync', schemaVersion: SCHEMA_VERSION });
  if (!read.ok) throw new Error(`file refused: ${read.error.code}`);
  return to.sync.importSync(read.value.envelope, { confirmMassDelete: confirm });
}

/** A stamp on the evil device, `offsetMs` from now. */
const stampAt = (offsetMs: number, counter = 0): HlcStamp =>
  formatStamp({ wall: Date.now() + offsetMs, counter, deviceId: EVIL });

describe('hostile sync files', { timeout: 60_000 }, () => {
  it('a file that tombstones every sale and ledger entry deletes nothing; each row is counted as refused', async () => {
    const { b } = await twoDevices();
    const before = await snapshot(b);
    const text = await hostileFile(b, (t) => {
      for (const r of [...t.sales, ...t.ledger]) {
        const s = stampAt(HOUR);
        r.updatedAt = s;
        r.deletedAt = s;
      }
    });
    const result = await importText(b, text, true);
    expect(result).toMatchObject({
      status: 'merged',
      written: 0,
      refused: { eventTombstone: 5 + 6, eventChanged: 0 },
    });
    expect(await snapshot(b)).toEqual(before);
  });

  it("a file that changes a ledger entry's points or a sale's amount under the same id changes nothing", async () => {
    const { b } = await twoDevices();
    const before = await snapshot(b);
    const text = await hostileFile(b, (t) => {
      t.ledger.forEach((e) => {
        e.points = e.points > 0 ? 1_000_000 : -1;
        e.updatedAt = stampAt(HOUR);
      });
      t.sales[0]!.amount = 1;
    });
    const result = await importText(b, text, true);
    // The redemption and the sale are refused; the earn entries (ids derived from their sale)
    // resolve to the smaller claim, which is the one already here.
    expect(result).toMatchObject({ status: 'merged', written: 0, refused: { eventChanged: 2 } });
    expect(await snapshot(b)).toEqual(before);
  });

  it('a file that lowers the points of many rule-derived entries asks first', async () => {
    const { b } = await twoDevices(6);
    const before = await snapshot(b);
    const text = await hostileFile(b, (t) => {
      for (const e of t.ledger) if (e.kind === 'earn') e.points = 1;
    });
    expect((await importText(b, text)).status).toBe('needs-confirmation');
    expect(await snapshot(b)).toEqual(before);
  });

  it('stamps keys named like Object.prototype members are refused by the file check, never thrown', async () => {
    const { b } = await twoDevices(2);
    for (const key of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      const base = await hostileFile(b, () => undefined);
      // Inserted as text, so `__proto__` is an own key of the parsed JSON as in a real file.
      const text = base.replace('"stamps":{', `"stamps":{"${key}":"${stampAt(0)}",`);
      const forged = JSON.parse(text) as { tables: Tables };
      const resealed = await buildEnvelope({
        kind: 'sync',
        schemaVersion: SCHEMA_VERSION,
        app: 'kenal@evil',
        deviceId: EVIL,
        exportedAt: new Date().toISOString(),
        since: null,
        tables: forged.tables,
      });
      const read = await readKenalFile(serializeEnvelope(resealed), {
        expectedKind: 'sync',
        schemaVersion: SCHEMA_VERSION,
      });
      expect(read.ok, key).toBe(false);
      if (!read.ok) {
        expect(read.error.code).toBe('invalidRecords');
        expect(JSON.stringify(read.error)).toContain('not a field of contacts');
      }
    }
  });

  it('stamps keys that are not fields, too many of them, or not stamps are refused', async () => {
    const { b } = await twoDevices(1);
    const cases: ((s: Record<string, string>) => void)[] = [
      (s) => (s.favouriteColour = stampAt(0)),
      (s) => (s.name = 'yesterday'),
      (s) => {
        for (let i = 0; i < 200; i++) s[`f${i}`] = stampAt(0);
      },
    ];
    for (const mutate of cases) {
      const text = await hostileFile(b, (t) =>
        mutate(t.contacts[0]!.stamps as Record<string, string>),
      );
      const read = await readKenalFile(text, {
        expectedKind: 'sync',
        schemaVersion: SCHEMA_VERSION,
      });
      expect(read.ok).toBe(false);
    }
  });

  it('a far-future tombstone does not win forever: its rows are quarantined, the others merge', async () => {
    const { a, b, ids } = await twoDevices(3);
    const before = await snapshot(b);
    const text = await hostileFile(a, (t) => {
      const year9999 = formatStamp({ wall: 253_402_300_799_000, counter: 0, deviceId: EVIL });
      for (const c of t.contacts) {
        c.deletedAt = year9999;
        c.stamps.deletedAt = year9999;
        c.updatedAt = year9999;
      }
      // One honest change in the same file still merges.
      t.contacts[0]!.deletedAt = undefined;
      t.contacts[0]!.stamps = { ...t.contacts[0]!.stamps, note: stampAt(HOUR) };
      delete t.contacts[0]!.stamps.deletedAt;
      t.contacts[0]!.note = 'honest';
      t.contacts[0]!.updatedAt = stampAt(HOUR);
    });
    const result = await importText(b, text, true);
    expect(result).toMatchObject({ status: 'merged', refused: { futureStamp: 2 } });
    expect((await b.contacts.get(ids[0]!))?.note).toBe('honest');
    const after = await snapshot(b);
    expect(after.contacts.filter((c) => c.deletedAt !== undefined)).toHaveLength(0);
    expect(after.sales).toEqual(before.sales);
    // The device's clock did not jump to the year 9999.
    const clock = (await b.db.meta.get('hlc'))!.value;
    expect(parseStamp(clock).wall).toBeLessThan(Date.now() + 2 * 24 * HOUR);
  });

  it.each([
    [
      'erases every contact',
      (t: Tables) => t.contacts.forEach((c) => (c.stamps.erasedAt = stampAt(HOUR))),
    ],
    [
      'merges every contact into the first',
      (t: Tables) =>
        t.contacts.slice(1).forEach((c) => {
          c.mergedInto = t.contacts[0]!.id;
          c.stamps.mergedInto = stampAt(HOUR);
        }),
    ],
  ])('a file that %s asks first and writes nothing without the answer', async (_, edit) => {
    const { a, b } = await twoDevices(6);
    const before = await snapshot(b);
    const clockBefore = await b.db.meta.get('hlc');
    const text = await hostileFile(a, (t) => {
      edit(t);
      for (const c of t.contacts) c.updatedAt = stampAt(HOUR);
    });
    const result = await importText(b, text);
    expect(result.status).toBe('needs-confirmation');
    if (result.status === 'needs-confirmation') expect(result.removing).toBeGreaterThanOrEqual(5);
    expect(await snapshot(b)).toEqual(before);
    expect(await b.db.meta.get('hlc')).toEqual(clockBefore);
    expect(await importText(b, text, true)).toMatchObject({ status: 'merged' });
  });

  it('every refusal and the mass-change question have a message in English and Indonesian', () => {
    for (const r of REFUSAL_REASONS) {
      expect(en.backup.refusedReason[r]).toContain('{{count}}');
      expect(idText.backup.refusedReason[r]).toContain('{{count}}');
      expect(idText.backup.refusedReason[r]).not.toBe(en.backup.refusedReason[r]);
    }
    expect(en.backup.refusedTitle).toContain('{{file}}');
    expect(idText.backup.refusedTitle).toContain('{{file}}');
  });
});
