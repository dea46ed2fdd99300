/**
 * The mass-change rule (shared/sync/mass-change.ts), without Dexie: when a sync import must ask
 * the user first. Proved through the repository in sync-repository.test.ts ("a file that would
 * delete a large share of the book asks first and writes nothing").
 */
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import { eraseMutable } from '../../../shared/privacy/erase';
import { createMutable, tombstone } from '../../../shared/records';
import { destructiveChange, MASS_DELETE_MIN, massChange } from '../../../shared/sync/mass-change';

const at = (wall: number): HlcStamp => formatStamp({ wall, counter: 0, deviceId: 'A'.repeat(16) });
const c = (id: string, extra: object = {}) =>
  createMutable(
    { name: 'Sari', phones: [], tags: [], ...extra },
    { id, createdAt: '2026-03-01T08:00:00.000Z', stamp: at(1000) },
  );
const none = new Map<string, HlcStamp>();
/** A copy of a record with some fields changed. */
const edit = <R extends object>(r: R, fields: object): R => ({ ...r, ...fields });

describe('destructiveChange', () => {
  it('names a deletion, an erasure and a re-link; an ordinary edit is none', () => {
    const live = c('a');
    expect(destructiveChange('contacts', live, tombstone(live, at(2000)), none)).toBe('removed');
    expect(destructiveChange('contacts', live, edit(live, { mergedInto: 'b' }), none)).toBe(
      'removed',
    );
    expect(
      destructiveChange('contacts', live, eraseMutable('contacts', live, at(2000)), none),
    ).toBe('erased');
    const linked = c('a', { mergedInto: 'b' });
    expect(destructiveChange('contacts', linked, edit(linked, { mergedInto: 'x' }), none)).toBe(
      'relinked',
    );
    expect(
      destructiveChange('contacts', live, edit(live, { name: 'Sari W.' }), none),
    ).toBeUndefined();
  });

  it("does not count a note scrubbed for its erased contact (the contact's erasure counts)", () => {
    const note = createMutable(
      { contactId: 'a', kind: 'note', text: 't', at: '2026-03-01T08:00:00.000Z' },
      { id: 'n', createdAt: '2026-03-01T08:00:00.000Z', stamp: at(1000) },
    );
    const gone = tombstone(note, at(2000));
    expect(destructiveChange('notes', note, gone, new Map([['a', at(1500)]]))).toBeUndefined();
    expect(destructiveChange('notes', note, gone, none)).toBe('removed');
  });
});

describe('massChange', () => {
  it('asks when more than a fifth of a table goes, and at least three records', () => {
    expect(massChange([{ removing: 3, liveBefore: 10 }]).ask).toBe(true);
    expect(massChange([{ removing: 2, liveBefore: 10 }]).ask).toBe(false);
    expect(massChange([{ removing: 2, liveBefore: 2 }]).ask).toBe(false);
    expect(massChange([{ removing: 20, liveBefore: 100 }]).ask).toBe(false);
    expect(massChange([{ removing: 21, liveBefore: 100 }]).ask).toBe(true);
  });

  it('reports the weighed totals over the tables', () => {
    expect(
      massChange([
        { removing: MASS_DELETE_MIN - 1, liveBefore: 5 },
        { removing: 4, liveBefore: 10 },
        { removing: 3, liveBefore: 100 },
      ]),
    ).toEqual({ ask: true, removing: 7, live: 110 });
  });

  it('never asks for an empty or hostile tally', () => {
    expect(massChange([])).toEqual({ ask: false, removing: 0, live: 0 });
    expect(massChange([{ removing: Number.NaN, liveBefore: 0 }]).ask).toBe(false);
  });
});
