/**
 * The per-row merge with erasure (shared/sync/row-merge.ts), without Dexie: what becomes of an
 * incoming row given the row held here and the erased contacts. The same rules are proved
 * through the repository in sync-repository.test.ts and erased-sales.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import { eraseMutable } from '../../../shared/privacy/erase';
import { createEvent, createMutable } from '../../../shared/records';
import type { RecordMeta } from '../../../shared/schemas';
import { latestAcceptedWall } from '../../../shared/sync/guard';
import { mergeIncomingRow } from '../../../shared/sync/row-merge';

const NOW = Date.parse('2026-03-01T08:00:00.000Z');
const maxWall = latestAcceptedWall(NOW);
const at = (wall: number, device = 'AAAAAAAAAAAAAAAA'): HlcStamp =>
  formatStamp({ wall, counter: 0, deviceId: device });
const CONTACT = '01JCONTACT0000000000000000';

const contact = (stamp: HlcStamp, name = 'Budi') =>
  createMutable(
    { name, phones: [], tags: [], note: 'likes kopi' },
    { id: CONTACT, createdAt: '2026-03-01T08:00:00.000Z', stamp },
  );
const note = (stamp: HlcStamp, text = 'Asked for a discount') =>
  createMutable(
    { contactId: CONTACT, kind: 'note', text, at: '2026-03-01T08:00:00.000Z' },
    { id: '01JNOTE00000000000000000000', createdAt: '2026-03-01T08:00:00.000Z', stamp },
  );
const sale = (stamp: HlcStamp, amount = 50000) =>
  createEvent(
    { contactId: CONTACT, kind: 'purchase', at: '2026-03-01T08:00:00.000Z', amount },
    { id: '01JSALE00000000000000000000', createdAt: '2026-03-01T08:00:00.000Z', stamp },
  );
const noErasures = new Map<string, HlcStamp>();

describe('mergeIncomingRow', () => {
  it('merges a newer contact edit and keeps the losing local value', () => {
    const local = contact(at(NOW - 2000), 'Budi');
    const remote = contact(at(NOW - 1000, 'BBBBBBBBBBBBBBBB'), 'Budi Santoso');
    const out = mergeIncomingRow('contacts', local, remote, { maxWall, erased: noErasures });
    expect(out.status).toBe('merged');
    if (out.status !== 'merged') return;
    expect(out.merged.changed).toBe(true);
    expect((out.merged.record as { name: string }).name).toBe('Budi Santoso');
    expect(out.merged.losers.map((l) => l.value)).toContain('Budi');
    expect(out.newlyErased).toBeUndefined();
  });

  it('reports a contact the file erases as newly erased, once', () => {
    const erasedAt = at(NOW - 500, 'BBBBBBBBBBBBBBBB');
    const local = contact(at(NOW - 2000));
    const remote = eraseMutable('contacts', contact(at(NOW - 2000)), erasedAt);
    const first = mergeIncomingRow('contacts', local, remote, { maxWall, erased: noErasures });
    expect(first.status === 'merged' && first.newlyErased).toBe(erasedAt);
    // Known erased at that stamp already: not new.
    const again = mergeIncomingRow('contacts', local, remote, {
      maxWall,
      erased: new Map([[CONTACT, erasedAt]]),
    });
    expect(again.status === 'merged' && again.newlyErased).toBeUndefined();
  });

  it('scrubs a note of an erased contact and keeps none of its losing values', () => {
    const erased = new Map([[CONTACT, at(NOW - 100)]]);
    const local = note(at(NOW - 3000), 'old text');
    const remote = note(at(NOW - 2000, 'BBBBBBBBBBBBBBBB'), 'Her address is Jl. Merdeka 5');
    const out = mergeIncomingRow('notes', local, remote, { maxWall, erased });
    expect(out.status).toBe('merged');
    if (out.status !== 'merged') return;
    expect(JSON.stringify(out.merged.record)).not.toContain('Merdeka');
    expect(out.merged.losers).toEqual([]);
  });

  it('refuses a row stamped too far in the future and changes nothing', () => {
    const remote = contact(at(maxWall + 60_000, 'BBBBBBBBBBBBBBBB'));
    const out = mergeIncomingRow('contacts', undefined, remote, { maxWall, erased: noErasures });
    expect(out).toEqual({ status: 'refused', reason: 'futureStamp' });
  });

  it('refuses a changed body of a sale (events are never changed by a file)', () => {
    const local = sale(at(NOW - 2000), 50000);
    const remote = sale(at(NOW - 1000, 'BBBBBBBBBBBBBBBB'), 1);
    const out = mergeIncomingRow('sales', local, remote, { maxWall, erased: noErasures });
    expect(out).toEqual({ status: 'refused', reason: 'eventChanged' });
  });

  it('handles hostile rows: a non-string contactId or an own __proto__ key erases nothing', () => {
    const erased = new Map([[CONTACT, at(NOW - 100)]]);
    const hostile = {
      ...note(at(NOW - 2000, 'BBBBBBBBBBBBBBBB'), 'text'),
      contactId: 42,
    } as unknown as RecordMeta;
    const out = mergeIncomingRow('notes', undefined, hostile, { maxWall, erased });
    expect(out.status).toBe('merged');
    if (out.status === 'merged') expect(out.merged.record).toMatchObject({ text: 'text' });

    const proto = JSON.parse(
      JSON.stringify(note(at(NOW - 2000, 'BBBBBBBBBBBBBBBB'))).replace(
        '"text"',
        '"__proto__":{"contactId":"' + CONTACT + '"},"text"',
      ),
    ) as RecordMeta & { contactId: string };
    proto.contactId = 'someone-else';
    const protoOut = mergeIncomingRow('notes', undefined, proto, { maxWall, erased });
    expect(protoOut.status).toBe('merged');
    expect(({} as Record<string, unknown>).contactId).toBeUndefined();
  });
});
