/**
 * importSync keeps a stored contact's search keys when the fields they derive from did not
 * change, and recomputes them when they did (issue #7 made it stop recomputing every row):
 * after a merge, search finds the merged values and no longer the replaced ones.
 */
import { describe, expect, it } from 'vitest';
import { exportSyncText, importSyncText, openDevice, createContact, patchContact } from './device';

const names = async (repos: Awaited<ReturnType<typeof openDevice>>, q: string) =>
  (await repos.contacts.search(q)).map((c) => c.name);

describe('search keys after a merge', { timeout: 30_000 }, () => {
  it('follow the merged phone, city and name; unchanged contacts keep theirs', async () => {
    const a = await openDevice('a');
    const siti = await createContact(a, 'Siti Rahayu');
    await createContact(a, 'Budi Santoso');
    await patchContact(a, siti, {
      phones: [{ label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' }],
      city: 'Bandung',
    });
    const b = await openDevice('b');
    await importSyncText(b, await exportSyncText(a, true));
    expect(await names(b, '0812 3456')).toEqual(['Siti Rahayu']);

    await patchContact(a, siti, {
      name: 'Siti Kebayoran',
      phones: [{ label: 'mobile', raw: '0813-9999-0000', e164: '+6281399990000' }],
      city: 'Medan',
      note: 'changed too',
    });
    await importSyncText(b, await exportSyncText(a));

    expect(await names(b, '0813 9999')).toEqual(['Siti Kebayoran']);
    expect(await names(b, '0812 3456')).toEqual([]);
    expect(await names(b, 'kebayoran')).toEqual(['Siti Kebayoran']);
    expect(await names(b, 'rahayu')).toEqual([]);
    expect(await names(b, 'budi')).toEqual(['Budi Santoso']);
    const row = (await b.db.contacts.get(siti))!;
    expect(row.cityKeys).toEqual(['medan']);
  });
});
