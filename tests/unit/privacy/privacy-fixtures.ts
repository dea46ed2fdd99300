/**
 * A customer with personal data in every place Kenal keeps it (contact fields, a merged
 * duplicate, notes, a WhatsApp log, a follow-up, a feedback comment, a ledger adjustment reason,
 * a checkout sale with its items text and line names), and a scan of every table of a device for those strings.
 */
import { expect } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { createEvent, createMutable } from '../../../shared/records';
import type { Feedback, FollowUp, LedgerEntry, Note, Sale } from '../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../renderer/db';

let counter = 0;
export async function openDevice(label: string): Promise<Repositories> {
  counter += 1;
  return openRepositories(`privacy-${label}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** Every string below is personal: none may remain anywhere after the erasure. */
export const PERSONAL = {
  name: 'Siti Rahayu',
  dupName: 'Siti R. Kebayoran',
  phone: '+6281234567890',
  phoneRaw: '0812-3456-7890',
  dupPhone: '+6281311112222',
  email: 'siti.rahayu@example.id',
  dupEmail: 'siti.r@example.id',
  address: 'Jl. Melati No. 7',
  city: 'Bandung',
  birthday: '1990-08-17',
  contactNote: 'Allergic to latex',
  tag: 'pelanggan-hamil',
  noteText: 'Asked about the size L batik for her mother',
  whatsapp: 'WA: Halo Bu Siti, pesanan sudah siap',
  followUpTitle: 'Call Siti about the wedding order',
  followUpNote: 'She prefers afternoons',
  feedbackComment: 'Pelayanan Mas Budi ramah sekali',
  adjustReason: 'Gift for Siti birthday surprise',
  saleItems: 'Kue ulang tahun untuk Bu Siti, antar ke rumah ibunya',
  lineItem: 'Batik tulis inisial SR',
  /** Typed on a second device before it heard of the erasure. */
  otherDeviceAddress: 'Jl. Kenanga 12',
  otherDeviceNote: 'Siti wants the blue one, not the red',
} as const;

export const AT = '2026-03-01T08:00:00.000Z';

export interface Customer {
  id: string;
  dupId: string;
  saleAmount: number;
  points: number;
}

/** Siti with a duplicate merged into her and a record of every kind, written as features do. */
export async function seedCustomer(repos: Repositories): Promise<Customer> {
  const created = await repos.contacts.create({
    ...emptyContactInput(),
    name: PERSONAL.name,
    phones: [{ label: 'whatsapp', raw: PERSONAL.phoneRaw }],
    email: PERSONAL.email,
    tags: [PERSONAL.tag],
    birthday: PERSONAL.birthday,
    note: PERSONAL.contactNote,
    address: PERSONAL.address,
    city: PERSONAL.city,
    gender: 'female',
    source: 'instagram',
    marketingConsent: true,
  });
  const dup = await repos.contacts.create({
    ...emptyContactInput(),
    name: PERSONAL.dupName,
    phones: [{ label: 'mobile', raw: '0813-1111-2222' }],
    email: PERSONAL.dupEmail,
  });
  if (!created.ok || !dup.ok) throw new Error('contact not created');
  const id = created.value.id;
  const dupId = dup.value.id;
  await repos.contacts.merge(dupId, id);

  const { db, clock } = repos;
  await db.transaction(
    'rw',
    [db.notes, db.followUps, db.sales, db.ledger, db.feedback, db.meta],
    async () => {
      const ctx = async () => ({ id: newId(), createdAt: AT, stamp: await clock.stamp() });
      const notes: Note[] = [
        createMutable(
          {
            contactId: id,
            kind: 'complaint' as const,
            at: AT,
            text: PERSONAL.noteText,
            complaintStatus: 'open' as const,
          },
          await ctx(),
        ),
        createMutable(
          { contactId: dupId, kind: 'whatsapp' as const, at: AT, text: PERSONAL.whatsapp },
          await ctx(),
        ),
      ];
      await db.notes.bulkAdd(notes);
      const followUp: FollowUp = createMutable(
        {
          contactId: id,
          title: PERSONAL.followUpTitle,
          note: PERSONAL.followUpNote,
          dueAt: AT,
          repeat: 'none' as const,
        },
        await ctx(),
      );
      await db.followUps.add(followUp);
      // A checkout sale: what was bought, as typed, and a line named after her.
      const sale: Sale = createEvent(
        {
          contactId: dupId,
          kind: 'purchase' as const,
          at: AT,
          amount: 250_000,
          invoiceNo: 'INV-0042',
          items: PERSONAL.saleItems,
          paymentMethod: 'qris' as const,
          lines: [
            { item: PERSONAL.lineItem, quantity: 2, unitPrice: 100_000, amount: 200_000 },
            { item: 'Kartu ucapan', quantity: 1, unitPrice: 50_000, amount: 50_000 },
          ],
        },
        await ctx(),
      );
      await db.sales.add(sale);
      const ledger: LedgerEntry[] = [
        createEvent(
          { contactId: id, kind: 'earn' as const, at: AT, points: 250, saleId: sale.id },
          await ctx(),
        ),
        createEvent(
          {
            contactId: id,
            kind: 'adjust' as const,
            at: AT,
            points: 40,
            reason: PERSONAL.adjustReason,
          },
          await ctx(),
        ),
      ];
      await db.ledger.bulkAdd(ledger);
      const feedback: Feedback = createEvent(
        {
          contactId: id,
          type: 'nps' as const,
          score: 9,
          at: AT,
          comment: PERSONAL.feedbackComment,
        },
        await ctx(),
      );
      await db.feedback.add(feedback);
    },
  );
  return { id, dupId, saleAmount: 250_000, points: 290 };
}

/** Every row of every table (history and meta included), as text. */
export async function dumpAll(repos: Repositories): Promise<string> {
  const parts: string[] = [];
  for (const table of repos.db.tables) {
    parts.push(`${table.name}:${JSON.stringify(await table.toArray())}`);
  }
  return parts.join('\n');
}

/** The strings of PERSONAL found anywhere on the device (none expected after an erasure). */
export async function personalLeft(repos: Repositories): Promise<string[]> {
  return leaksIn(await dumpAll(repos));
}

export function leaksIn(text: string): string[] {
  const digits = (s: string) => s.replace(/\D/g, '');
  const folded = text.toLowerCase();
  return Object.entries(PERSONAL)
    .filter(([, v]) => {
      if (v.startsWith('+')) return text.includes(v) || text.includes(digits(v).slice(2));
      return folded.includes(v.toLowerCase());
    })
    .map(([k]) => k);
}

export async function expectNoPersonalData(repos: Repositories): Promise<void> {
  expect(await personalLeft(repos)).toEqual([]);
}
