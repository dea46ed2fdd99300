/** Duplicates met on day one (issue #19 item 8): the warning on save, group merges and undo. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput, type ContactInput } from '../../../../../shared/contact-input';
import { groupDuplicatePairs } from '../../../../../shared/contacts/duplicates';
import { openRepositories, type Repositories } from '../../../../../renderer/db';

let repos: Repositories;
let n = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-dup-warning-${++n}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

const input = (name: string, phone = '', over: Partial<ContactInput> = {}): ContactInput => ({
  ...emptyContactInput(),
  name,
  phones: [{ label: 'mobile', raw: phone }],
  ...over,
});
async function create(name: string, phone = '', over: Partial<ContactInput> = {}) {
  const r = await repos.contacts.create(input(name, phone, over));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('the warning on saving a contact', () => {
  it('finds a contact with the same phone typed another way, or the same e-mail', async () => {
    const siti = await create('Siti Rahayu', '0812-3456-7890');
    const budi = await create('Budi Santoso', '', { email: 'budi@toko.id' });
    await create('Ani', '0813 1111 2222');

    const byPhone = await repos.contacts.existingMatches(input('Siti R', '+62 812 3456 7890'));
    expect(byPhone.map((m) => [m.contact.id, m.reasons])).toEqual([[siti.id, ['phone']]]);
    const byEmail = await repos.contacts.existingMatches(
      input('Budi', '', { email: 'BUDI@toko.id' }),
    );
    expect(byEmail.map((m) => [m.contact.id, m.reasons])).toEqual([[budi.id, ['email']]]);
    expect(await repos.contacts.existingMatches(input('Baru', '0857 0000 1111'))).toEqual([]);
    // Editing Siti herself is no duplicate of herself.
    expect(await repos.contacts.existingMatches(input('Siti', '0812 3456 7890'), siti.id)).toEqual(
      [],
    );
  });

  it('never warns about a deleted or merged contact', async () => {
    const a = await create('Siti Rahayu', '0812-3456-7890');
    await repos.contacts.remove(a.id);
    expect(await repos.contacts.existingMatches(input('Siti', '081234567890'))).toEqual([]);
  });

  it('"merge" saves the new contact into the existing one in one step', async () => {
    const siti = await create('Siti Rahayu', '0812-3456-7890');
    const r = await repos.contacts.saveInto(
      siti.id,
      input('Siti R', '0812-3456-7890', { email: 'siti@toko.id', tags: ['VIP'] }),
    );
    expect(r.ok && r.value.id).toBe(siti.id);
    const live = await repos.contacts.list('');
    expect(live.map((c) => c.name)).toEqual(['Siti Rahayu']);
    expect(live[0]!.email).toBe('siti@toko.id');
    expect(live[0]!.tags).toEqual(['VIP']);
  });
});

describe('merging a duplicate group', () => {
  it('groups pairs that share a member into one group', () => {
    const groups = groupDuplicatePairs([
      { a: 'a', b: 'b', reasons: ['phone'] },
      { a: 'b', b: 'c', reasons: ['name'] },
      { a: 'x', b: 'y', reasons: ['email'] },
    ]);
    expect(groups).toEqual([
      { ids: ['a', 'b', 'c'], reasons: ['phone', 'name'] },
      { ids: ['x', 'y'], reasons: ['email'] },
    ]);
  });

  it('merges every other member into the kept one, and undo brings them all back', async () => {
    const keep = await create('Siti Rahayu', '0812-3456-7890', { tags: ['VIP'] });
    const b = await create('Siti Rahayu', '0813 1111 2222', { email: 'siti@toko.id' });
    const c = await create('Siti Rahayuu', '0812-3456-7890', { tags: ['Grosir'] });
    const merged = await repos.contacts.mergeGroup(keep.id, [b.id, c.id]);
    expect(merged.after.tags).toEqual(['VIP', 'Grosir']);
    expect((await repos.contacts.list('')).map((x) => x.id)).toEqual([keep.id]);

    await repos.contacts.undoMergeGroup([b.id, c.id], merged);
    const back = await repos.contacts.list('');
    expect(back.map((x) => x.id).sort()).toEqual([keep.id, b.id, c.id].sort());
    const kept = back.find((x) => x.id === keep.id)!;
    expect(kept.tags).toEqual(['VIP']);
    expect(kept.email).toBeUndefined();
    expect(kept.phones.map((p) => p.e164)).toEqual(['+6281234567890']);
  });

  it('undo keeps a change made to the kept contact after the merge', async () => {
    const keep = await create('Siti Rahayu', '0812-3456-7890');
    const b = await create('Siti R', '0812-3456-7890', { tags: ['VIP'] });
    const merged = await repos.contacts.mergeGroup(keep.id, [b.id]);
    await repos.contacts.update(
      keep.id,
      input('Siti Rahayu', '0812-3456-7890', { tags: ['Gold'] }),
    );
    await repos.contacts.undoMergeGroup([b.id], merged);
    expect((await repos.contacts.get(keep.id))?.tags).toEqual(['Gold']);
  });
});
