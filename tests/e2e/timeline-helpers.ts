/** E2E helpers of the timeline/today area: contacts through the UI, sales history seeded. */
import { expect, type Page } from '@playwright/test';
import { newId } from '../../shared/ids';
import { addContact, type NewContact } from './helpers';

/** Create a contact through the UI (optionally with a birthday "dd/mm/yyyy"); returns its id. */
export async function createContact(
  page: Page,
  c: NewContact & { birthday?: string },
): Promise<string> {
  await page.goto('./#/contacts');
  if (c.birthday) {
    await page
      .getByRole('button', { name: /new contact|kontak baru/i })
      .first()
      .click();
    const form = page.getByRole('form');
    await form.getByLabel(/^(name|nama)(?! depan)/i).fill(c.name);
    if (c.phone) await form.getByLabel(/^(phone|nomor hp)$/i).fill(c.phone);
    const birthday = form.getByLabel(/^(birthday|ulang tahun)/i);
    await birthday.fill(c.birthday);
    // Enter commits the typed date and submits the form.
    await birthday.press('Enter');
    await expect(page.getByRole('form')).toBeHidden({ timeout: 15_000 });
  } else {
    await addContact(page, c);
  }
  await page.getByTestId('contact-row').filter({ hasText: c.name }).first().click();
  await expect(page).toHaveURL(/#\/contacts\/[0-9A-Z]{26}$/);
  return page.url().split('/').pop()!;
}

/**
 * Write purchases straight into the app's IndexedDB ('kenal' database, 'sales' store) with the
 * record shape of shared/schemas/sale.ts: sales are another area's, and this is test data.
 * Reload the page afterwards so the app reads them.
 */
export async function seedPurchases(
  page: Page,
  contactId: string,
  daysAgo: number[],
): Promise<void> {
  const now = Date.now();
  const rows = daysAgo.map((d, i) => {
    const at = new Date(now - d * 86_400_000).toISOString();
    return {
      id: newId(now - d * 86_400_000),
      createdAt: at,
      updatedAt: `${String(now).padStart(15, '0')}-${String(i).padStart(5, '0')}-E2E0000000000000`,
      contactId,
      kind: 'purchase',
      at,
      amount: 125_000,
      paymentMethod: 'cash',
    };
  });
  await page.evaluate(
    (sales) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kenal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['sales', 'meta'], 'readwrite');
          for (const s of sales) tx.objectStore('sales').put(s);
          // Written behind the app's back, as an older version's data: the app rebuilds its
          // kept customer figures (renderer/db/derived) when it sees them stale.
          tx.objectStore('meta').put({ key: 'figures.version', value: 'stale' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** "dd/mm/yyyy" of a day `offset` days from today, in a past year (a birthday). */
export function birthdayInDays(offset: number, year = 1990): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${year}`;
}

/** The value of a datetime-local input `minutes` from now (negative = past). */
export function localInputInMinutes(minutes: number, from: number = Date.now()): string {
  const d = new Date(from + minutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Today at noon, local time. Tests about "due later today" pin the page's clock here with
 * page.clock.install({ time }): run at 23:30, "in one hour" would be tomorrow.
 */
export function middayToday(): Date {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  return d;
}
