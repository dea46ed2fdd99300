/**
 * The contact list and search answer from an in-memory index (renderer/db/contact-catalog.ts).
 * These tests build the index first, then write in every way the app writes, and check that the
 * next search sees exactly the table.
 */
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyContactInput, type ContactInput } from '../../../shared/contact-input';
import { generateDemoBook } from '../../../shared/demo/generate';
import { readKenalFile, serializeEnvelope } from '../../../shared/sync/envelope';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import {
  createContactCatalog,
  searchCacheName,
  SearchCacheDb,
  type ContactCatalog,
} from '../../../renderer/db/contact-catalog';

let repos: Repositories;
const opened: Repositories[] = [];
let counter = 0;

async function open(name?: string): Promise<Repositories> {
  const r = await openRepositories(name ?? `test-catalog-${++counter}-${Date.now()}`);
  opened.push(r);
  return r;
}

beforeEach(async () => {
  repos = await open();
});
afterEach(async () => {
  for (const r of opened.splice(0)) r.db.close();
  await repos.db.delete();
});

async function add(r: Repositories, name: string, over: Partial<ContactInput> = {}) {
  const res = await r.contacts.create({ ...emptyContactInput(), name, ...over });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.value;
}

const names = async (r: Repositories, q: string) => (await r.contacts.search(q)).map((c) => c.name);

describe('contact index stays equal to the table', () => {
  it('sees writes made through another connection (another tab)', async () => {
    await add(repos, 'Siti Rahayu');
    expect(await names(repos, 'siti')).toEqual(['Siti Rahayu']);
    const tab2 = await open(repos.db.name);
    const budi = await add(tab2, 'Budi Santoso', {
      phones: [{ label: 'mobile', raw: '0857 1111 2222' }],
    });
    expect(await names(repos, 'budi')).toEqual(['Budi Santoso']);
    expect(await names(repos, '0857')).toEqual(['Budi Santoso']);
    await tab2.contacts.update(budi.id, { ...emptyContactInput(), name: 'Bambang' });
    expect(await names(repos, 'budi')).toEqual([]);
    expect(await names(repos, 'bamb')).toEqual(['Bambang']);
    await tab2.contacts.remove(budi.id);
    expect(await names(repos, 'bamb')).toEqual([]);
    expect(await repos.contacts.count()).toBe(1);
  });

  it('follows merges, unmerges, bulk tags and bulk deletes with undo', async () => {
    const a = await add(repos, 'Ibu Siti', {
      phones: [{ label: 'mobile', raw: '0813 1111 2222' }],
    });
    const b = await add(repos, 'Siti Rahayu');
    expect(await names(repos, 'siti')).toEqual(['Siti Rahayu', 'Ibu Siti']);
    await repos.contacts.merge(a.id, b.id);
    expect(await names(repos, 'siti')).toEqual(['Siti Rahayu']);
    expect(await names(repos, '0813')).toEqual(['Siti Rahayu']);
    await repos.contacts.unmerge(a.id);
    expect(await names(repos, 'ibu')).toEqual(['Ibu Siti']);

    await repos.contacts.tagMany([a.id, b.id], 'Grosir');
    expect(await names(repos, 'grosir')).toEqual(['Ibu Siti', 'Siti Rahayu']);
    const removed = await repos.contacts.removeMany([a.id]);
    expect(await names(repos, 'grosir')).toEqual(['Siti Rahayu']);
    await repos.contacts.restoreMany(removed);
    expect(await names(repos, 'grosir')).toEqual(['Ibu Siti', 'Siti Rahayu']);
  });

  it('sees a demo book loaded in bulk (rows without a local stamp)', async () => {
    await add(repos, 'Siti Rahayu');
    expect(await repos.contacts.count()).toBe(1);
    const book = generateDemoBook({ contacts: 300, sales: 0, now: Date.now(), seed: 7 });
    await repos.demo.load(book);
    const live = book.contacts.filter((c) => !c.deletedAt && !c.mergedInto);
    expect(await repos.contacts.count()).toBe(live.length + 1);
    const someone = live[42]!;
    expect((await repos.contacts.search(someone.name)).map((c) => c.id)).toContain(someone.id);
  });

  it('after a restore (the table cleared and refilled) finds only what the backup holds', async () => {
    const source = await open();
    await add(source, 'Dewi Lestari');
    await add(source, 'Joko Widodo');
    const text = serializeEnvelope(await source.sync.exportBackup('kenal@test'));

    await add(repos, 'Siti Rahayu');
    await add(repos, 'Budi Santoso');
    expect(await repos.contacts.count()).toBe(2);
    const read = await readKenalFile(text, {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!read.ok) throw new Error('backup did not read');
    await repos.sync.restoreBackup(read.value.envelope);
    expect(await names(repos, '')).toEqual(['Dewi Lestari', 'Joko Widodo']);
    expect(await names(repos, 'siti')).toEqual([]);
    await source.db.delete();
  });

  it('merges a sync file from another device', async () => {
    const other = await open();
    await add(other, 'Wayan Sudarsana');
    const file = await other.sync.exportSync('kenal@test');
    await add(repos, 'Siti Rahayu');
    expect(await names(repos, 'wayan')).toEqual([]);
    const result = await repos.sync.importSync(file.envelope);
    expect(result.status).toBe('merged');
    expect(await names(repos, 'wayan')).toEqual(['Wayan Sudarsana']);
    await other.db.delete();
  });
});

describe('the contact list', () => {
  it('shows a first page from the sortKey index before the index is built, then everyone', async () => {
    const book = generateDemoBook({ contacts: 150, sales: 0, now: Date.now(), seed: 3 });
    await repos.demo.load(book);
    const fresh = await open(repos.db.name);
    const first = await fresh.contacts.listIds('');
    expect(first.partial).toBe(true);
    expect(first.hits.length).toBe(100);
    await fresh.contacts.count();
    const everyone = await fresh.contacts.listIds('');
    expect(everyone.partial).toBe(false);
    expect(everyone.hits.length).toBe(await fresh.contacts.count());
    // The first page is the beginning of the full list, in the same order.
    expect(everyone.hits.slice(0, 100)).toEqual(first.hits.all());
  });

  it('a live query over the list re-runs when another tab writes', async () => {
    await add(repos, 'Siti Rahayu');
    await repos.contacts.count();
    const seen: number[] = [];
    const sub = liveQuery(() => repos.contacts.listIds('')).subscribe((r) => {
      if (!r.partial) seen.push(r.hits.length);
    });
    await expect.poll(() => seen.at(-1)).toBe(1);
    const tab2 = await open(repos.db.name);
    await add(tab2, 'Budi Santoso');
    await expect.poll(() => seen.at(-1)).toBe(2);
    sub.unsubscribe();
  });

  it('a live count on a new, empty book follows the first contacts added', async () => {
    const seen: number[] = [];
    const sub = liveQuery(() => repos.contacts.count()).subscribe((n) => seen.push(n));
    await expect.poll(() => seen.at(-1)).toBe(0);
    await add(repos, 'Siti Rahayu');
    await expect.poll(() => seen.at(-1)).toBe(1);
    sub.unsubscribe();
  });

  it('applies filters and id lists on top of the search', async () => {
    await add(repos, 'Sri', { city: 'Semarang', tags: ['VIP'] } as Partial<ContactInput>);
    const joko = await add(repos, 'Joko', { city: 'Solo' } as Partial<ContactInput>);
    const ids = async (q: string, f = {}, only?: string[]) =>
      (await repos.contacts.listIds(q, f, only)).hits.all();
    await repos.contacts.count();
    expect(
      (await repos.contacts.getMany(await ids('', { tags: ['vip'] }))).map((c) => c.name),
    ).toEqual(['Sri']);
    expect(await ids('', {}, [joko.id])).toEqual([joko.id]);
    expect(await ids('s', { cities: ['solo'] })).toEqual([joko.id]);
    expect(await ids('sri', { cities: ['solo'] })).toEqual([]);
  });
});

describe('the index kept across restarts (first keystroke answered at once)', () => {
  const kept = async (name: string) => {
    const side = new SearchCacheDb(searchCacheName(name));
    try {
      return await side.indexes.get('contacts');
    } finally {
      side.close();
    }
  };
  const find = async (c: ContactCatalog, q: string) => (await c.current()).search(q);

  it('opens from the kept snapshot, caught up with what was written after it', async () => {
    const siti = await add(repos, 'Siti Rahayu');
    await add(repos, 'Budi Santoso');
    const first = createContactCatalog(repos.db);
    expect(await find(first, 'siti')).toEqual([siti.id]);
    await first.persist();
    expect(first.status().openedFrom).toBe('rows');

    // After the snapshot: a new contact, a rename, a delete (another tab, the app closed).
    const dewi = await add(repos, 'Dewi Lestari');
    await repos.contacts.update(siti.id, { ...emptyContactInput(), name: 'Siti Aminah' });
    const budi = (await repos.contacts.search('budi'))[0]!;
    await repos.contacts.remove(budi.id);

    const reopened = await open(repos.db.name);
    const next = createContactCatalog(reopened.db);
    expect(await find(next, 'dewi')).toEqual([dewi.id]);
    expect(next.status().openedFrom).toBe('snapshot');
    expect(await find(next, 'rahayu')).toEqual([]);
    expect(await find(next, 'aminah')).toEqual([siti.id]);
    expect(await find(next, 'budi')).toEqual([]);
    expect((await next.current()).size).toBe(2);
  });

  it('ignores a snapshot of another database of the same name (deleted and made again)', async () => {
    await add(repos, 'Siti Rahayu');
    const first = createContactCatalog(repos.db);
    await first.current();
    await first.persist();
    const name = repos.db.name;
    repos.db.close();
    await repos.db.delete();

    repos = await open(name);
    await add(repos, 'Agus Salim');
    const next = createContactCatalog(repos.db);
    expect(await find(next, 'siti')).toEqual([]);
    expect(await find(next, 'agus')).toHaveLength(1);
    expect(next.status().openedFrom).toBe('rows');
  });

  it('writes a change (an erasure) over what is kept, without being asked', async () => {
    const siti = await add(repos, 'Siti Rahayu', {
      phones: [{ label: 'mobile', raw: '0812 3456 7890' }],
    });
    const catalog = createContactCatalog(repos.db);
    await catalog.current();
    await catalog.persist();
    expect(JSON.stringify((await kept(repos.db.name))?.snapshot.segments)).toContain('rahayu');

    await repos.privacy.eraseContact(siti.id);
    expect(await repos.contacts.search('siti')).toEqual([]);
    await vi.waitFor(
      async () => {
        const text = JSON.stringify((await kept(repos.db.name))?.snapshot, (_, v: unknown) =>
          v instanceof Int32Array || v instanceof Uint8Array ? [...v] : v,
        );
        for (const gone of ['siti', 'rahayu', '81234567890']) expect(text).not.toContain(gone);
      },
      { timeout: 15_000, interval: 250 },
    );
  });

  it('builds from the rows when the kept record is damaged', async () => {
    await add(repos, 'Siti Rahayu');
    const side = new SearchCacheDb(searchCacheName(repos.db.name));
    const deviceId = (await repos.db.meta.get('deviceId'))!.value;
    await side.indexes.put({
      key: 'contacts',
      deviceId,
      localMark: '',
      updatedMark: '',
      snapshot: { format: 1, ids: 'not a list' } as never,
    });
    side.close();
    const catalog = createContactCatalog(repos.db);
    expect(await find(catalog, 'siti')).toHaveLength(1);
    expect(catalog.status().openedFrom).toBe('rows');
  });
});
