/**
 * A sync file whose rows break the sync invariants (issue #17): here a tombstone dated far in
 * the future, which would otherwise win every later merge. The merge refuses those rows, says
 * which file and how many, in English and Indonesian, and the book is unchanged.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { canonicalJson } from '../../shared/sync/canonical-json';
import { addContact, rows } from './helpers';
import { downloadBy, openBackupPage, uploadBy } from './backup-helpers';

test.describe.configure({ timeout: 90_000 });

interface FileShape {
  deviceId: string;
  tables: { contacts: { updatedAt: string; deletedAt?: string; stamps: Record<string, string> }[] };
  sha256: string;
}

test('rows of a sync file that would win forever are refused, and the user is told', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu' });
  await addContact(page, { name: 'Budi Santoso' });
  await openBackupPage(page);
  const exported = await downloadBy(page, 'Save sync file');

  const file = JSON.parse(await readFile(exported, 'utf8')) as FileShape;
  const year9999 = `253402300799000-00000-${'E'.repeat(16)}`;
  for (const c of file.tables.contacts) {
    c.deletedAt = year9999;
    c.stamps.deletedAt = year9999;
    c.updatedAt = year9999;
  }
  file.deviceId = 'E'.repeat(16);
  file.sha256 = createHash('sha256').update(canonicalJson(file.tables)).digest('hex');
  const name = `kenal-hostile-${Date.now()}.json`;
  const hostile = join(tmpdir(), name);
  await writeFile(hostile, JSON.stringify(file));

  await uploadBy(page, 'Merge a sync file…', hostile);
  const refused = page.getByRole('alert').filter({ hasText: 'Rows refused' });
  await expect(refused).toContainText(`Rows refused from ${name}: 2`);
  await expect(page.getByTestId('merge-refused')).toContainText(
    'Changes dated more than a day in the future: 2',
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/sync-refused-en.png' });

  await page.goto('./#/settings');
  await page
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await openBackupPage(page);
  await uploadBy(page, 'Gabungkan file sinkron…', hostile);
  await expect(page.getByTestId('merge-refused')).toContainText(
    'Perubahan bertanggal lebih dari sehari di masa depan: 2',
  );
  await page.getByTestId('merge-refused').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/sync-refused-id.png' });

  await page.goto('./#/contacts');
  await expect(rows(page)).toHaveCount(2);
});
