/**
 * Two edit forms open on one customer (two tabs, or a sync landing while the form is open):
 * saving one form writes only what its user changed, so no edit is lost; where both changed the
 * same field the later save wins and the value it replaced is kept in history.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  contactToInput,
  emptyContactInput,
  type ContactInput,
} from '../../../../../shared/contact-input';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import type { Contact } from '../../../../../shared/schemas';

let repos: Repositories;
let n = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-edit-conflicts-${++n}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function siti(): Promise<Contact> {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name: 'Siti Rahayu',
    phones: [{ label: 'mobile', raw: '0812-3456-7890' }],
    city: 'Bogor',
    tags: ['vip'],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function save(id: string, opened: ContactInput, change: Partial<ContactInput>) {
  const r = await repos.contacts.update(id, { ...opened, ...change }, opened);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

it('different fields changed in two open forms both survive', async () => {
  const c = await siti();
  const formA = contactToInput(c);
  const formB = contactToInput(c);
  await save(c.id, formA, { city: 'Bandung' });
  const after = await save(c.id, formB, { address: 'Jl. Melati No. 7', tags: ['vip', 'grosir'] });
  expect(after.city).toBe('Bandung');
  expect(after.address).toBe('Jl. Melati No. 7');
  expect(after.tags).toEqual(['vip', 'grosir']);
  expect(await repos.db.history.count()).toBe(0);
});

it('the same field: the later save wins and the replaced value is in history', async () => {
  const c = await siti();
  const formA = contactToInput(c);
  const formB = contactToInput(c);
  await save(c.id, formA, { city: 'Bandung' });
  const after = await save(c.id, formB, { city: 'Surabaya' });
  expect(after.city).toBe('Surabaya');
  const history = await repos.db.history.toArray();
  expect(history).toEqual([
    expect.objectContaining({ table: 'contacts', recordId: c.id, field: 'city', value: 'Bandung' }),
  ]);
});

it('a field cleared in one form is cleared; a field the other form left alone is kept', async () => {
  const c = await siti();
  const formA = contactToInput(c);
  const formB = contactToInput(c);
  await save(c.id, formA, { phones: [{ label: 'mobile', raw: '0857 1111 2222' }] });
  const after = await save(c.id, formB, { city: '' });
  expect(after.city).toBeUndefined();
  expect(after.phones.map((p) => p.e164)).toEqual(['+6285711112222']);
});

it('both forms making the same change is no conflict', async () => {
  const c = await siti();
  const formA = contactToInput(c);
  const formB = contactToInput(c);
  await save(c.id, formA, { city: 'Bandung' });
  await save(c.id, formB, { city: 'Bandung' });
  expect(await repos.db.history.count()).toBe(0);
});

it('without the opened values (API callers) every field is written, as before', async () => {
  const c = await siti();
  const stale = contactToInput(c);
  await save(c.id, contactToInput(c), { city: 'Bandung' });
  const r = await repos.contacts.update(c.id, { ...stale, address: 'Jl. Melati No. 7' });
  expect(r.ok && r.value.city).toBe('Bogor');
});
