/**
 * Erasure is final on the device that erased (issue #17): its own repositories take nothing new
 * for the erased customer (no edit, merge, note, WhatsApp log, follow-up, sale, redemption,
 * adjustment or survey answer), each refusal names the reason in both languages and writes
 * zero rows; a refund of an earlier sale still goes through, without its free text. And a
 * hostile sync file that adds a note, a follow-up, a sale and a survey answer with personal text
 * to the erased customer leaves no personal value: the rows arrive scrubbed, as on every other
 * device (scrubbed rather than dropped, so every device converges on the same rows).
 */
import { describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { buildEnvelope, serializeEnvelope } from '../../../shared/sync/envelope';
import { ERASED_CONTACT_ERROR, ErasedContactError } from '../../../renderer/db/errors';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { en } from '../../../renderer/i18n/en';
import { id as idText } from '../../../renderer/i18n/id';
import type { Repositories } from '../../../renderer/db';
import { importSyncText, snapshot } from '../sync/device';
import {
  expectNoPersonalData,
  leaksIn,
  openDevice,
  PERSONAL,
  seedCustomer,
} from './privacy-fixtures';

const NOW = new Date().toISOString();

async function erasedCustomer() {
  const repos = await openDevice('erased-writes');
  const siti = await seedCustomer(repos);
  const sale = await repos.loyalty.recordSale({
    contactId: siti.id,
    amount: 200_000,
    at: new Date(Date.now() - 86_400_000).toISOString(),
    paymentMethod: 'cash',
  });
  if (!sale.ok) throw new Error(sale.error);
  await repos.privacy.eraseContact(siti.id);
  return { repos, siti, saleId: sale.sale.id };
}

const dump = async (repos: Repositories) => JSON.stringify(await snapshot(repos));

describe('an erased customer takes nothing new on this device', { timeout: 60_000 }, () => {
  it('has a message in both languages', () => {
    expect(ERASED_CONTACT_ERROR).toBe('privacy.erase.blocked');
    expect(en.privacy.erase.blocked).toMatch(/erased/);
    expect(idText.privacy.erase.blocked).toMatch(/dihapus/);
  });

  it('refuses edits, merges, notes, follow-ups, sales, redemptions, adjustments and feedback, writing nothing', async () => {
    const { repos, siti } = await erasedCustomer();
    const before = await dump(repos);
    const blocked = { path: expect.any(String), message: ERASED_CONTACT_ERROR };

    const edit = await repos.contacts.update(siti.id, {
      ...emptyContactInput(),
      name: PERSONAL.name,
      phones: [{ label: 'mobile', raw: PERSONAL.phoneRaw }],
    });
    expect(edit).toEqual({ ok: false, error: { code: blocked.message, fields: [blocked] } });

    const other = await repos.contacts.create({ ...emptyContactInput(), name: 'Budi' });
    if (!other.ok) throw new Error('contact not created');
    const afterCreate = await dump(repos);
    await expect(repos.contacts.merge(other.value.id, siti.id)).rejects.toBeInstanceOf(
      ErasedContactError,
    );
    await expect(repos.contacts.merge(siti.id, other.value.id)).rejects.toBeInstanceOf(
      ErasedContactError,
    );
    expect(await dump(repos)).toBe(afterCreate);

    const note = await repos.timeline.addInteraction({
      contactId: siti.id,
      kind: 'note',
      at: NOW,
      text: PERSONAL.noteText,
    });
    expect(note).toEqual({ ok: false, error: [blocked] });
    expect(await repos.timeline.logWhatsApp(siti.id, PERSONAL.whatsapp)).toEqual({
      ok: false,
      error: [blocked],
    });
    const followUp = await repos.timeline.addFollowUp({
      contactId: siti.id,
      title: PERSONAL.followUpTitle,
      dueAt: NOW,
    });
    expect(followUp).toEqual({ ok: false, error: [blocked] });
    // Moving another customer's follow-up onto her is refused too.
    const budis = await repos.timeline.addFollowUp({
      contactId: other.value.id,
      title: 'Call Budi',
      dueAt: NOW,
    });
    if (!budis.ok) throw new Error('follow-up not added');
    const beforeMove = await dump(repos);
    const moved = await repos.timeline.updateFollowUp(budis.value.id, {
      contactId: siti.id,
      title: PERSONAL.followUpTitle,
      dueAt: NOW,
    });
    expect(moved).toEqual({ ok: false, error: [blocked] });
    expect(await dump(repos)).toBe(beforeMove);

    const refused = { ok: false, error: ERASED_CONTACT_ERROR };
    expect(await repos.loyalty.recordSale({ contactId: siti.id, amount: 50_000, at: NOW })).toEqual(
      refused,
    );
    expect(await repos.loyalty.redeem({ contactId: siti.id, points: 1 })).toEqual(refused);
    expect(
      await repos.loyalty.adjust({ contactId: siti.id, points: 5, reason: PERSONAL.adjustReason }),
    ).toEqual(refused);
    expect(
      await repos.loyalty.addFeedback({
        contactId: siti.id,
        type: 'nps',
        score: 9,
        comment: PERSONAL.feedbackComment,
      }),
    ).toEqual(refused);
    // A duplicate merged into her is her: refused as well.
    expect(
      await repos.loyalty.recordSale({ contactId: siti.dupId, amount: 50_000, at: NOW }),
    ).toEqual(refused);

    const after = await dump(repos);
    expect(leaksIn(after)).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    await expectNoPersonalData(repos);
  });

  it('still records a refund of an earlier sale, without its free text', async () => {
    const { repos, saleId } = await erasedCustomer();
    const r = await repos.loyalty.refundSale({
      saleId,
      amount: 200_000,
      at: NOW,
      reason: PERSONAL.noteText,
    });
    expect(r.ok).toBe(true);
    expect(await dump(repos)).not.toContain(PERSONAL.noteText);
  });
});

describe(
  'attack: a sync file adds personal data to the erased customer',
  { timeout: 60_000 },
  () => {
    it('its note, follow-up, sale and feedback arrive scrubbed; nothing personal is stored', async () => {
      const { repos, siti } = await erasedCustomer();
      const stamp = (await repos.clock.stamp()).replace(/.{16}$/, 'EEEEEEEEEEEEEEEE');
      const typed = stamp as Awaited<ReturnType<typeof repos.clock.stamp>>;
      const meta = (extra: object) => ({
        id: newId(),
        createdAt: NOW,
        updatedAt: typed,
        ...extra,
      });
      const tables = {
        contacts: [],
        templates: [],
        settings: [],
        ledger: [],
        notes: [
          meta({
            contactId: siti.id,
            kind: 'note' as const,
            at: NOW,
            text: PERSONAL.noteText,
            stamps: { contactId: typed, kind: typed, at: typed, text: typed },
          }),
        ],
        followUps: [
          meta({
            contactId: siti.id,
            title: PERSONAL.followUpTitle,
            dueAt: NOW,
            repeat: 'none' as const,
            stamps: { contactId: typed, title: typed, dueAt: typed, repeat: typed },
          }),
        ],
        sales: [
          meta({
            contactId: siti.id,
            kind: 'purchase' as const,
            at: NOW,
            amount: 10_000,
            items: 'Batik L',
          }),
        ],
        feedback: [
          meta({
            contactId: siti.id,
            type: 'nps' as const,
            score: 3,
            at: NOW,
            comment: PERSONAL.feedbackComment,
          }),
        ],
      };
      const env = await buildEnvelope({
        kind: 'sync',
        schemaVersion: SCHEMA_VERSION,
        app: 'kenal@evil',
        deviceId: 'EEEEEEEEEEEEEEEE',
        exportedAt: NOW,
        since: null,
        tables: tables as never,
      });
      const result = await importSyncText(repos, serializeEnvelope(env));
      expect(result.status).toBe('merged');
      await expectNoPersonalData(repos);
      expect(await dump(repos)).not.toContain(PERSONAL.address);
    });
  },
);
