/**
 * renderer/db/repositories/contacts/import.ts on a real (fake-IndexedDB) database (#18.4): the
 * preview's plan and the import agree (its summary is the plan's tally), duplicates inside one
 * file get the same choices as duplicates in the book, and importing the same file twice adds
 * nothing, contacts without phone or e-mail included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import {
  importFileSize,
  rawContactAt,
  readImportFile,
} from '../../../../../shared/contacts/import-file';
import { guessMapping } from '../../../../../shared/contacts/import-mapping';
import {
  planImport,
  rowOutcomes,
  tallyOutcomes,
  type DuplicateChoice,
} from '../../../../../shared/contacts/import-plan';
import { prepareRow } from '../../../../../shared/contacts/import-rows';
import { detectEncoding } from '../../../../../shared/text-encoding';
import type { ContactInputFields } from '../../../../../shared/contact-input';

let repos: Repositories;
let dbCounter = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-contacts-import-${++dbCounter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function googleRows(): Promise<ContactInputFields[]> {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/contacts/google-contacts-2024.csv'));
  const file = readImportFile('google.csv', bytes, await detectEncoding(bytes));
  if (!file.ok || file.kind !== 'csv') throw new Error('fixture');
  const mapping = guessMapping(file.headers);
  return Array.from({ length: importFileSize(file) }, (_, i) =>
    prepareRow(rawContactAt(file, i, mapping), '2026-06-01'),
  ).flatMap((r) => (r.ok ? [r.fields] : []));
}

/** What the preview shows: the plan against the book, under the choice, tallied. */
async function previewTally(rows: ContactInputFields[], choice: DuplicateChoice) {
  const index = await repos.contacts.matchIndex();
  return tallyOutcomes(
    rowOutcomes(
      planImport(rows, (k) => index.get(k)),
      choice,
    ),
  );
}

async function previewCount(rows: ContactInputFields[], choice: DuplicateChoice) {
  const { added, merged } = await previewTally(rows, choice);
  return added + merged;
}

describe('import plan and import agree (#18.4)', () => {
  it.each(['skip', 'merge', 'add'] as const)(
    'with "%s", the preview count is what the import writes',
    async (choice) => {
      const rows = await googleRows();
      const promised = await previewTally(rows, choice);
      const summary = await repos.contacts.importMany(rows, { onDuplicate: choice });
      expect(summary).toEqual(promised);
    },
  );

  it.each(['skip', 'merge', 'add'] as const)(
    'with "%s" and duplicates both in the book and in the file, the import does what the plan says',
    async (choice) => {
      const rows = await googleRows();
      // Half the file is in the book already; the other half has its in-file repeats.
      await repos.contacts.importMany(rows.slice(0, 5), { onDuplicate: 'add' });
      const promised = await previewTally(rows, choice);
      expect(promised.added + promised.merged + promised.skipped).toBe(rows.length);
      const summary = await repos.contacts.importMany(rows, { onDuplicate: choice });
      expect(summary).toEqual(promised);
      expect(await repos.contacts.count()).toBe(5 + summary.added);
    },
  );

  it('duplicates inside the file are skipped or merged like duplicates in the book', async () => {
    const rows = await googleRows();
    const skipped = await repos.contacts.importMany(rows, { onDuplicate: 'skip' });
    // "Siti R." shares Siti Rahayu's number; the second "Pak Harto" has no number or e-mail.
    expect(skipped).toEqual({ added: 9, merged: 0, skipped: 2 });
    expect(await repos.contacts.count()).toBe(9);
  });

  it('merging a duplicate inside the file joins it into the first', async () => {
    const rows = await googleRows();
    const merged = await repos.contacts.importMany(rows, { onDuplicate: 'merge' });
    expect(merged).toEqual({ added: 9, merged: 2, skipped: 0 });
    const harto = (await repos.contacts.search('pak harto')).filter((c) => c.name === 'Pak Harto');
    expect(harto).toHaveLength(1);
  });

  it('importing the same file again adds nobody, people without phone or e-mail included', async () => {
    const rows = await googleRows();
    await repos.contacts.importMany(rows, { onDuplicate: 'skip' });
    expect(await previewCount(rows, 'skip')).toBe(0);
    const again = await repos.contacts.importMany(rows, { onDuplicate: 'skip' });
    expect(again.added).toBe(0);
    expect(await repos.contacts.count()).toBe(9);
  });
});
