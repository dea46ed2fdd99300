/**
 * The contacts repository as a whole (renderer/db/repositories/contacts/index.ts: every group
 * through `repos.contacts`); tests of one group are in tests/unit/db/repositories/contacts/.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyContactInput,
  parseContactInput,
  type ContactInput,
} from '../../../shared/contact-input';
import { isHlcStamp } from '../../../shared/hlc';
import { isUlid } from '../../../shared/ids';
import { contactSchema } from '../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../renderer/db';

let repos: Repositories;
let dbCounter = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-contacts-${++dbCounter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

const input = (over: Partial<ContactInput> = {}): ContactInput => ({
  ...emptyContactInput(),
  name: 'Siti Rahayu',
  phones: [{ label: 'mobile', raw: '0812-3456-7890' }],
  ...over,
});

async function create(over: Partial<ContactInput> = {}) {
  const r = await repos.contacts.create(input(over));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('contacts repository', () => {
  it('creates a valid record with ULID id, HLC stamps per field and normalized phones', async () => {
    const c = await create({ email: 'Siti@Example.co.id', tags: ['VIP', 'VIP'] });
    expect(isUlid(c.id)).toBe(true);
    expect(isHlcStamp(c.updatedAt)).toBe(true);
    expect(c.updatedAt.endsWith(repos.clock.deviceId)).toBe(true);
    expect(c.stamps.name).toBe(c.updatedAt);
    expect(c.phones).toEqual([{ label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' }]);
    expect(c.email).toBe('siti@example.co.id');
    expect(c.tags).toEqual(['VIP']);
    // What is stored is a valid record by the sync contract.
    const stored = await repos.contacts.get(c.id);
    expect(contactSchema.safeParse(stored).success).toBe(true);
  });

  it('refuses invalid input with field errors and writes nothing', async () => {
    const r = await repos.contacts.create(
      input({ name: '  ', phones: [{ label: 'mobile', raw: '0812345' }] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('contacts.invalid');
    expect(r.error.fields).toEqual(
      expect.arrayContaining([{ path: 'name', message: 'errors.nameRequired' }]),
    );
    expect(await repos.db.contacts.count()).toBe(0);

    const phoneOnly = await repos.contacts.create(
      input({ phones: [{ label: 'mobile', raw: '0812345' }] }),
    );
    expect(phoneOnly.ok).toBe(false);
    if (!phoneOnly.ok)
      expect(phoneOnly.error.fields).toEqual([
        { path: 'phones.0.raw', message: 'errors.phoneInvalid' },
      ]);
    expect(await repos.db.contacts.count()).toBe(0);
  });

  it('update stamps only the fields that changed', async () => {
    const c = await create({ email: 'a@b.co' });
    const r = await repos.contacts.update(c.id, input({ name: 'Siti R.', email: 'a@b.co' }));
    expect(r.ok).toBe(true);
    const after = await repos.contacts.get(c.id);
    expect(after?.name).toBe('Siti R.');
    expect(after!.stamps.name! > c.stamps.name!).toBe(true);
    expect(after!.stamps.email).toBe(c.stamps.email);
    expect(after!.stamps.phones).toBe(c.stamps.phones);
    expect(after!.updatedAt).toBe(after!.stamps.name);
  });

  it('update that clears an optional field removes it and stamps the clear', async () => {
    const c = await create({ email: 'a@b.co', birthday: '1990-08-17' });
    await repos.contacts.update(c.id, input({ email: '', birthday: '' }));
    const after = await repos.contacts.get(c.id);
    expect(after?.email).toBeUndefined();
    expect(after?.birthday).toBeUndefined();
    expect(after!.stamps.email! > c.stamps.email!).toBe(true);
  });

  it('saving an unchanged form writes nothing new', async () => {
    const c = await create();
    await repos.contacts.update(c.id, input());
    const after = await repos.contacts.get(c.id);
    expect(after?.updatedAt).toBe(c.updatedAt);
  });

  it('delete is a tombstone that hides the contact, and undo brings it back', async () => {
    const c = await create();
    const removed = await repos.contacts.remove(c.id);
    expect(removed.deletedAt).toBeDefined();
    expect(await repos.contacts.get(c.id)).toBeUndefined();
    expect(await repos.contacts.search('')).toHaveLength(0);
    // The row is still there for sync.
    const row = await repos.db.contacts.get(c.id);
    expect(row?.deletedAt).toBe(removed.deletedAt);

    const restored = await repos.contacts.restore(c.id);
    expect(restored.deletedAt).toBeUndefined();
    expect(restored.stamps.deletedAt! > removed.deletedAt!).toBe(true);
    expect((await repos.contacts.search('')).map((x) => x.name)).toEqual(['Siti Rahayu']);
  });

  it('editing a deleted contact is refused', async () => {
    const c = await create();
    await repos.contacts.remove(c.id);
    await expect(repos.contacts.update(c.id, input({ name: 'X' }))).rejects.toThrow(/not found/);
  });

  it('every write issues a strictly newer stamp, persisted across reopen', async () => {
    const a = await create();
    const b = await create({ name: 'Budi', phones: [] });
    expect(b.updatedAt > a.updatedAt).toBe(true);
    const name = repos.db.name;
    repos.db.close();
    const reopened = await openRepositories(name);
    try {
      expect(reopened.clock.deviceId).toBe(repos.clock.deviceId);
      const r = await reopened.contacts.create(input({ name: 'Dewi', phones: [] }));
      expect(r.ok && r.value.updatedAt > b.updatedAt).toBe(true);
    } finally {
      reopened.db.close();
    }
  });

  it('two connections to one database (two tabs) never issue the same stamp', async () => {
    const other = await openRepositories(repos.db.name);
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? repos : other).contacts.create(input({ name: `C${i}`, phones: [] })),
        ),
      );
      const stamps = results.map((r) => (r.ok ? r.value.updatedAt : ''));
      expect(new Set(stamps).size).toBe(20);
    } finally {
      other.db.close();
    }
  });
});

describe('contact search', () => {
  beforeEach(async () => {
    await create({
      name: 'Siti Rahayu',
      phones: [{ label: 'mobile', raw: '0812-3456-7890' }],
      tags: ['VIP'],
    });
    await create({
      name: 'Budi Santoso',
      phones: [{ label: 'mobile', raw: '+62 857 1111 2222' }],
      email: 'budi@toko.id',
    });
    await create({ name: 'Zoë Ñoño', phones: [] });
    await create({ name: 'Siti Nurhaliza', phones: [{ label: 'work', raw: '(021) 555 1234' }] });
  });

  const names = async (q: string) => (await repos.contacts.search(q)).map((c) => c.name);

  it('lists everyone in name order when the query is empty', async () => {
    expect(await names('')).toEqual(['Budi Santoso', 'Siti Nurhaliza', 'Siti Rahayu', 'Zoë Ñoño']);
  });

  it('matches name word prefixes, case- and accent-insensitively', async () => {
    expect(await names('siti')).toEqual(['Siti Nurhaliza', 'Siti Rahayu']);
    expect(await names('SITI ra')).toEqual(['Siti Rahayu']);
    expect(await names('rahayu siti')).toEqual(['Siti Rahayu']);
    expect(await names('zoe nono')).toEqual(['Zoë Ñoño']);
    expect(await names('ahayu')).toEqual([]);
  });

  it('finds a phone number typed in any format', async () => {
    for (const q of [
      '0812',
      '812 3456',
      '+62812',
      '62812-3456',
      '0812-3456-7890',
      '+62 812 3456 7890',
    ]) {
      expect(await names(q), q).toEqual(['Siti Rahayu']);
    }
    expect(await names('021 555')).toEqual(['Siti Nurhaliza']);
    expect(await names('0857')).toEqual(['Budi Santoso']);
    expect(await names('0899')).toEqual([]);
  });

  it('finds by e-mail and tag', async () => {
    expect(await names('budi@toko')).toEqual(['Budi Santoso']);
    expect(await names('vip')).toEqual(['Siti Rahayu']);
  });

  it('does not return deleted contacts', async () => {
    const [siti] = await repos.contacts.search('siti rahayu');
    await repos.contacts.remove(siti!.id);
    expect(await names('siti')).toEqual(['Siti Nurhaliza']);
    expect(await repos.contacts.count()).toBe(3);
  });
});

describe('import, merge and bulk actions', () => {
  const fields = (name: string, phone?: string, extra: Record<string, unknown> = {}) => {
    const r = parseContactInput({
      ...emptyContactInput(),
      name,
      phones: phone ? [{ label: 'mobile', raw: phone }] : [],
      ...extra,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.fields;
  };

  it('imports in one transaction and merges, skips or adds duplicates by phone', async () => {
    await create({ name: 'Siti Rahayu', phones: [{ label: 'mobile', raw: '0812-3456-7890' }] });
    const rows = [
      fields('Ibu Siti', '+62 812 3456 7890', { tags: ['VIP'] }),
      fields('Budi', '0857 1111 2222'),
      fields('Budi S.', '0857-1111-2222'),
    ];
    const skipped = await repos.contacts.importMany(rows, { onDuplicate: 'skip' });
    expect(skipped).toEqual({ added: 1, merged: 0, skipped: 2 });
    expect((await repos.contacts.search('')).map((c) => c.name)).toEqual(['Budi', 'Siti Rahayu']);

    const merged = await repos.contacts.importMany(
      [fields('Ibu Siti', '0812 3456 7890', { tags: ['VIP'] })],
      { onDuplicate: 'merge' },
    );
    expect(merged).toEqual({ added: 0, merged: 1, skipped: 0 });
    const [siti] = await repos.contacts.search('siti');
    expect(siti?.tags).toEqual(['VIP']);

    await repos.contacts.importMany([fields('Budi Kedua', '0857 1111 2222')], {
      onDuplicate: 'add',
    });
    expect(await repos.contacts.count()).toBe(3);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => fields(`Pelanggan ${i}`));
    const controller = new AbortController();
    const done: number[] = [];
    await expect(
      repos.contacts.importMany(rows, {
        onDuplicate: 'add',
        signal: controller.signal,
        onProgress: (n) => {
          done.push(n);
          controller.abort();
        },
      }),
    ).rejects.toThrow(/cancelled/);
    expect(done).toEqual([1000]);
    expect(await repos.db.contacts.count()).toBe(0);
    // 1,000 contacts and their kept figures (renderer/db/derived) on fake-indexeddb: over 5 s
    // on a busy machine.
  }, 30_000);

  it('merging keeps the loser as an alias: resolveId, aliasIds and the union of fields', async () => {
    const a = await create({
      name: 'Ibu Siti',
      phones: [{ label: 'mobile', raw: '0813 1111 2222' }],
      tags: ['Reseller'],
      email: 'siti@old.id',
    });
    const b = await create({ name: 'Siti Rahayu', tags: ['VIP'] });
    const survivor = await repos.contacts.merge(a.id, b.id);
    expect(survivor.tags).toEqual(['VIP', 'Reseller']);
    expect(survivor.email).toBe('siti@old.id');
    expect(survivor.phones.map((p) => p.e164)).toEqual(['+6281234567890', '+6281311112222']);
    expect(await repos.contacts.resolveId(a.id)).toBe(b.id);
    expect((await repos.contacts.aliasIds(b.id)).sort()).toEqual([a.id, b.id].sort());
    const loserRow = await repos.db.contacts.get(a.id);
    expect(loserRow?.mergedInto).toBe(b.id);
    expect(loserRow?.stamps.mergedInto).toBe(survivor.updatedAt);
    expect((await repos.contacts.search('')).map((c) => c.name)).toEqual(['Siti Rahayu']);
    // The merged contact's phone now finds the survivor.
    expect((await repos.contacts.search('0813')).map((c) => c.id)).toEqual([b.id]);
    expect((await repos.contacts.listByIds([a.id])).map((c) => c.id)).toEqual([b.id]);
  });

  it('tags, untags and deletes many at once, with undo', async () => {
    const a = await create({ name: 'A', phones: [] });
    const b = await create({ name: 'B', phones: [], tags: ['vip'] });
    expect(await repos.contacts.tagMany([a.id, b.id], 'VIP')).toBe(1);
    expect((await repos.contacts.get(a.id))?.tags).toEqual(['VIP']);
    expect(await repos.contacts.untagMany([a.id, b.id], 'Vip')).toBe(2);
    const removed = await repos.contacts.removeMany([a.id, b.id]);
    expect(await repos.contacts.count()).toBe(0);
    await repos.contacts.restoreMany(removed);
    expect(await repos.contacts.count()).toBe(2);
  });

  it('filters by city and by stage derived from sales', async () => {
    const a = await create({ name: 'Sri', phones: [], city: 'Semarang' } as Partial<ContactInput>);
    await create({ name: 'Joko', phones: [], city: 'Solo' } as Partial<ContactInput>);
    const at = new Date();
    await repos.db.sales.add({
      id: '01HZZZZZZZZZZZZZZZZZZZZZZ1',
      createdAt: at.toISOString(),
      updatedAt: a.updatedAt,
      contactId: a.id,
      kind: 'purchase',
      at: at.toISOString(),
      amount: 50_000,
    });
    expect((await repos.contacts.list('', { cities: ['semarang'] })).map((c) => c.name)).toEqual([
      'Sri',
    ]);
    expect((await repos.contacts.list('', { stages: ['new'] })).map((c) => c.name)).toEqual([
      'Sri',
    ]);
    expect((await repos.contacts.list('', { stages: ['lead'] })).map((c) => c.name)).toEqual([
      'Joko',
    ]);
    expect((await repos.contacts.list('', { noPurchaseDays: 30 })).map((c) => c.name)).toEqual([
      'Joko',
    ]);
    expect((await repos.contacts.facts(a.id)).stage).toBe('new');
    expect((await repos.contacts.search('semar')).map((c) => c.name)).toEqual(['Sri']);
  });

  it('search tolerates a small typo and ranks a full-name prefix first', async () => {
    await create({ name: 'Rahayu Siti', phones: [] });
    await create({ name: 'Siti Rahayu', phones: [] });
    expect((await repos.contacts.search('siti')).map((c) => c.name)).toEqual([
      'Siti Rahayu',
      'Rahayu Siti',
    ]);
    expect((await repos.contacts.search('sity rahyu')).map((c) => c.name).sort()).toEqual([
      'Rahayu Siti',
      'Siti Rahayu',
    ]);
  });

  it('dates a change of marketing consent', async () => {
    const c = await create({ marketingConsent: true } as Partial<ContactInput>);
    expect(c.marketingConsentAt).toBeDefined();
    const again = await repos.contacts.update(
      c.id,
      input({ marketingConsent: true } as Partial<ContactInput>),
    );
    expect(again.ok && again.value.marketingConsentAt).toBe(c.marketingConsentAt);
  });
});
