/**
 * #18.8 on a real (fake-IndexedDB) database: the shop defines its fields, an import creates the
 * fields for the columns it keeps in the same transaction as the contacts, a form save changes
 * only the fields it edited, and the values are found by a filter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../../renderer/db';
import { planCustomFields } from '../../../../shared/contacts/custom-fields';
import { prepareRow } from '../../../../shared/contacts/import-rows';
import { contactToInput } from '../../../../shared/contact-input';
import { newId } from '../../../../shared/ids';

let repos: Repositories;
let n = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-custom-fields-${++n}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

describe('the shop\u2019s own fields', () => {
  it('are defined once per name, checked, edited and removed', async () => {
    const a = await repos.customFields.create({ name: 'Member level', type: 'text' });
    expect(a.ok).toBe(true);
    expect(await repos.customFields.create({ name: 'member-level', type: 'text' })).toEqual({
      ok: false,
      error: 'customFields.errors.nameTaken',
    });
    expect(await repos.customFields.create({ name: 'Tier', type: 'choice' })).toEqual({
      ok: false,
      error: 'customFields.errors.optionsRequired',
    });
    if (!a.ok) return;
    await repos.customFields.update(a.value.id, {
      name: 'Level',
      type: 'choice',
      options: ['Gold'],
    });
    expect(await repos.customFields.list()).toEqual([
      { id: a.value.id, name: 'Level', type: 'choice', options: ['Gold'] },
    ]);
    await repos.customFields.remove(a.value.id);
    expect(await repos.customFields.list()).toEqual([]);
    // The definition is a synced setting: removal is a tombstone, not a lost row.
    expect(await repos.db.settings.where('key').startsWith('contactField.').count()).toBe(1);
  });

  it('an import keeps a column as a new field, with the contacts, in one transaction', async () => {
    const existing = await repos.customFields.create({ name: 'Shoe size', type: 'number' });
    if (!existing.ok) throw new Error('create');
    const plan = planCustomFields(
      ['Shoe size', 'Member level'],
      await repos.customFields.list(),
      () => newId(Date.now()),
    );
    const defs = [...plan.byName.values()];
    const rows = [
      { name: 'Siti', value: 'Gold', size: '40' },
      { name: 'Budi', value: 'Silver', size: 'besar' },
    ].map((r, i) => {
      const p = prepareRow(
        {
          line: i + 2,
          name: r.name,
          phones: [],
          emails: [],
          tags: [],
          original: [],
          custom: [
            { name: 'Member level', value: r.value },
            { name: 'Shoe size', value: r.size },
          ],
        },
        '2026-06-01',
        { customFields: defs },
      );
      if (!p.ok) throw new Error('row');
      return p.fields;
    });
    await repos.contacts.importMany(rows, { onDuplicate: 'skip', newCustomFields: plan.created });
    const fields = await repos.customFields.list();
    expect(fields.map((f) => f.name)).toEqual(['Member level', 'Shoe size']);
    const level = fields.find((f) => f.name === 'Member level')!;
    // A filter (and so a saved view) finds them by the field's value.
    const { hits } = await repos.contacts.listIds('', { custom: { id: level.id, text: 'gold' } });
    const found = await repos.contacts.getMany(hits.all());
    expect(found.map((c) => c.name)).toEqual(['Siti']);
    const all = await repos.db.contacts.toArray();
    const siti = all.find((c) => c.name === 'Siti')!;
    const budi = all.find((c) => c.name === 'Budi')!;
    expect(siti.custom).toEqual({ [level.id]: 'Gold', [existing.value.id]: '40' });
    // "besar" is no number: kept in the note, not in the number field.
    expect(budi.custom).toEqual({ [level.id]: 'Silver' });
    expect(budi.note).toContain('Shoe size: besar');
  });

  it('a form save changes only the fields it edited (another tab changed another meanwhile)', async () => {
    const level = await repos.customFields.create({ name: 'Level', type: 'text' });
    const size = await repos.customFields.create({ name: 'Size', type: 'text' });
    if (!level.ok || !size.ok) throw new Error('create');
    const L = level.value.id;
    const S = size.value.id;
    const saved = await repos.contacts.create({
      ...contactToInput({ name: 'Ayu', phones: [], tags: [], note: '' }),
      custom: { [L]: 'Silver', [S]: '38' },
    });
    if (!saved.ok) throw new Error('save');
    const opened = contactToInput(saved.value);
    // Another tab changes Size.
    await repos.contacts.update(
      saved.value.id,
      { ...opened, custom: { [L]: 'Silver', [S]: '39' } },
      opened,
    );
    // This form, opened before, changes Level.
    await repos.contacts.update(
      saved.value.id,
      { ...opened, custom: { [L]: 'Gold', [S]: '38' } },
      opened,
    );
    const now = await repos.contacts.get(saved.value.id);
    expect(now?.custom).toEqual({ [L]: 'Gold', [S]: '39' });
    expect(
      Object.keys(now!.stamps)
        .filter((k) => k.startsWith('custom.'))
        .sort(),
    ).toEqual([`custom.${L}`, `custom.${S}`].sort());
  });
});
