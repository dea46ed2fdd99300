import { expect, test } from '@playwright/test';
import { createContact } from './timeline-helpers';

// The one Undo notice (renderer/app/ui/useUndoNotice.tsx) is what every delete offers; the
// contact delete is covered in contacts.spec.ts, the merge in first-hour.spec.ts.
test('a deleted timeline note comes back with Undo, and stays back after a reload', async ({
  page,
}) => {
  await createContact(page, { name: 'Rina Wulandari', phone: '0812-1111-2222' });
  const form = page.getByRole('form', { name: 'Add to the timeline' });
  await form.getByLabel('What happened').fill('Ordered two kebaya for the wedding');
  await form.getByRole('button', { name: 'Add' }).click();
  const entry = page.getByTestId('timeline-entry');
  await expect(entry).toHaveCount(1);

  await entry.getByRole('button', { name: 'Delete entry' }).click();
  await expect(entry).toHaveCount(0);
  await expect(page.getByText('Timeline entry deleted')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Timeline entry deleted')).toBeHidden();
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ordered two kebaya for the wedding');

  await page.reload();
  await expect(page.getByTestId('timeline-entry')).toContainText('Ordered two kebaya');
});
