import { expect, test } from '@playwright/test';
import { createContact, middayToday } from './timeline-helpers';

test('a reminder notifies at the due time and a click opens the contact', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __notes: unknown[]; Notification: unknown };
    w.__notes = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission() {
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(
        public title: string,
        public opts: { body: string; tag: string },
      ) {
        w.__notes.push(this);
      }
      close() {}
    }
    w.Notification = FakeNotification;
  });
  await page.clock.install({ time: middayToday() });
  const id = await createContact(page, { name: 'Siti Rahayu' });
  await page.getByRole('button', { name: 'New follow-up' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('What to do').fill('Call back');
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 3 * 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await dialog.getByLabel('Due').fill(due);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('./#/today');
  await expect(page.getByTestId('today-due')).toContainText('Call back');
  await page.clock.runFor(1000);
  expect(
    await page.evaluate(() => (window as unknown as { __notes: unknown[] }).__notes.length),
  ).toBe(0);
  await page.clock.runFor(5 * 60_000);
  // The scheduler's check reads IndexedDB between fake-timer ticks: keep time moving until the
  // check that fell due has finished (on a busy machine it may land after the jump above, and a
  // check that failed waits for the next timer, up to a minute).
  await expect
    .poll(
      async () => {
        await page.clock.runFor(3000);
        return page.evaluate(() =>
          (
            window as unknown as { __notes: { title: string; opts: { tag: string } }[] }
          ).__notes.map((n) => [n.title, n.opts.tag]),
        );
      },
      { timeout: 40_000 },
    )
    .toEqual([
      [
        'Follow-up due: Siti Rahayu',
        expect.stringMatching(new RegExp(`^followup:[0-9A-Z]{26}:${id}$`)),
      ],
    ]);
  await page.evaluate(() =>
    (window as unknown as { __notes: { onclick: () => void }[] }).__notes[0]!.onclick(),
  );
  await expect(page).toHaveURL(new RegExp(`#/contacts/${id}$`));
});

test('missed reminders are shown when the app opens', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await createContact(page, { name: 'Budi Santoso' });
  await page.goto('./#/today');
  await page.clock.runFor(2000); // the scheduler starts its clock on this device
  await page.getByRole('button', { name: 'New follow-up' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Contact').fill('Budi');
  await page.getByRole('option', { name: 'Budi Santoso' }).click();
  await dialog.getByLabel('What to do').fill('Deliver the order');
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 60 * 60_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await dialog.getByLabel('Due').fill(due);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // "Close" the app: leave to a blank page, move the clock 2 hours, come back.
  await page.goto('about:blank');
  await page.clock.fastForward('02:00:00');
  await page.goto(new URL('./#/today', test.info().project.use.baseURL).href);
  await expect(page.getByText('While Kenal was closed, 1 follow-up came due')).toBeVisible();
});
