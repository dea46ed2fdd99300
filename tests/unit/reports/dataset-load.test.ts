/**
 * The paged, columnar load (renderer/db/repositories/reports/) gives the same dataset as the
 * plain reading of every table with the resolution rules written out here, on a book with
 * merges (a chain), deleted contacts and events, whole and partial refunds, feedback,
 * complaints and a ledger; and the liability it feeds is expiry-aware.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { computeLedger, type LedgerLike } from '../../../shared/loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../../../shared/loyalty/merged-bonuses';
import { DEFAULT_RULE, parseRules } from '../../../shared/loyalty/rules';
import { createEvent, createMutable } from '../../../shared/records';
import {
  computeLiability,
  DEFAULT_REPORT_SETTINGS,
  expiryAwareBalances,
  FEEDBACK_TYPES,
  LEDGER_KIND_CODES,
  SALE_CANCEL,
  SALE_PURCHASE,
  SALE_REFUND,
} from '../../../shared/reports';
import type { Feedback, LedgerEntry, Note, Sale } from '../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { MARCH_2026 } from './fixtures';

// fake-indexeddb is slow and the machine is shared: room for the seeding, no timing asserted.
vi.setConfig({ testTimeout: 60_000 });

let repos: Repositories;
let dbCounter = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-dataset-load-${++dbCounter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

/** A deterministic pseudo-random sequence, so the book is the same every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function contact(name: string): Promise<string> {
  const r = await repos.contacts.create({ ...emptyContactInput(), name });
  if (!r.ok) throw new Error('contact not saved');
  return r.value.id;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** 12 contacts (a merge chain, a merged pair, a deleted one) and a few hundred events. */
async function seedBook() {
  const rnd = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await contact(`Customer ${i}`));
  await repos.contacts.merge(ids[1]!, ids[2]!); // 1 -> 2
  await repos.contacts.merge(ids[2]!, ids[3]!); // 2 -> 3: a chain, 1 counts for 3
  await repos.contacts.merge(ids[4]!, ids[5]!);
  await repos.contacts.remove(ids[6]!);
  const { db, clock } = repos;
  const t0 = Date.parse('2024-06-01T00:00:00Z');
  await db.transaction('rw', [db.sales, db.ledger, db.feedback, db.notes, db.meta], async () => {
    const meta = async (at: number) => ({
      id: newId(at),
      createdAt: iso(at),
      stamp: await clock.stamp(),
    });
    const purchases: Sale[] = [];
    for (let i = 0; i < 150; i++) {
      const at = t0 + Math.floor(rnd() * 650) * DAY + Math.floor(rnd() * DAY);
      const s: Sale = createEvent(
        {
          contactId: pick(ids),
          kind: 'purchase',
          at: iso(at),
          amount: 1000 * (1 + Math.floor(rnd() * 90)),
        },
        await meta(at),
      );
      if (rnd() < 0.05) s.deletedAt = await clock.stamp();
      purchases.push(s);
      await db.sales.add(s);
      const earn: LedgerEntry = createEvent(
        {
          contactId: s.contactId,
          kind: 'earn',
          at: s.at,
          points: Math.ceil(s.amount / 1000),
          saleId: s.id,
        },
        await meta(at),
      );
      await db.ledger.add(earn);
      if (rnd() < 0.15) {
        // A refund, sometimes of the whole sale, with an id older than the sale's (id order
        // is not time order after a merge of devices).
        const whole = rnd() < 0.5;
        const r: Sale = createEvent(
          {
            contactId: s.contactId,
            kind: 'refund',
            at: iso(at + DAY),
            amount: whole ? s.amount : Math.floor(s.amount / 3),
            reversesId: s.id,
          },
          await meta(at - 30 * DAY),
        );
        await db.sales.add(r);
        const rev: LedgerEntry = createEvent(
          {
            contactId: s.contactId,
            kind: 'reversal',
            at: r.at,
            points: -Math.max(1, Math.floor(earn.points / (whole ? 1 : 3))),
            reversesId: earn.id,
            saleId: r.id,
          },
          await meta(at - 31 * DAY),
        );
        await db.ledger.add(rev);
      }
      if (rnd() < 0.2) {
        const redeem: LedgerEntry = createEvent(
          {
            contactId: s.contactId,
            kind: 'redeem',
            at: iso(at + 40 * DAY),
            points: -(1 + Math.floor(rnd() * 60)),
          },
          await meta(at + 40 * DAY),
        );
        if (rnd() < 0.1) redeem.deletedAt = await clock.stamp();
        await db.ledger.add(redeem);
      }
    }
    for (const c of ids) {
      // Everyone got a welcome bonus, so the merged ones hold two or three of them.
      const at = t0 + Math.floor(rnd() * 30) * DAY;
      await db.ledger.add(
        createEvent(
          { contactId: c, kind: 'bonus', at: iso(at), points: 25, reason: 'welcome' },
          await meta(at),
        ),
      );
    }
    for (let i = 0; i < 60; i++) {
      const at = t0 + Math.floor(rnd() * 650) * DAY;
      const type = pick(FEEDBACK_TYPES);
      const score =
        type === 'nps'
          ? Math.floor(rnd() * 11)
          : type === 'csat'
            ? 1 + Math.floor(rnd() * 5)
            : 1 + Math.floor(rnd() * 7);
      const f: Feedback = createEvent(
        { contactId: pick(ids), type, score, at: iso(at) },
        await meta(at),
      );
      if (rnd() < 0.1) f.deletedAt = await clock.stamp();
      await db.feedback.add(f);
    }
    for (let i = 0; i < 30; i++) {
      const at = t0 + Math.floor(rnd() * 650) * DAY;
      const status = pick(['open', 'resolved', 'resolved'] as const);
      const note: Note = createMutable(
        {
          contactId: pick(ids),
          kind: 'complaint' as const,
          at: iso(at),
          text: `complaint ${i}`,
          complaintStatus: status,
          ...(status === 'resolved' && rnd() < 0.7 ? { resolvedAt: iso(at + 5 * 3_600_000) } : {}),
        },
        await meta(at),
      );
      if (rnd() < 0.1) note.deletedAt = await clock.stamp();
      await db.notes.add(note);
    }
    return purchases;
  });
  return ids;
}

/** The rules, written out plainly over whole tables. */
async function reference() {
  const { db } = repos;
  const contacts = new Map((await db.contacts.toArray()).map((c) => [c.id, c]));
  const resolve = (id: string): string | null => {
    const seen: string[] = [];
    let cur = id;
    while (contacts.get(cur)?.mergedInto !== undefined) {
      seen.push(cur);
      const next = contacts.get(cur)!.mergedInto!;
      if (seen.includes(next)) {
        cur = [...seen].sort()[0]!;
        break;
      }
      cur = next;
    }
    return contacts.get(cur)?.deletedAt !== undefined ? null : cur;
  };
  const sales = await db.sales.toArray();
  const byId = new Map(sales.map((s) => [s.id, s]));
  const saleRows = sales
    .filter((s) => s.deletedAt === undefined && resolve(s.contactId) !== null)
    .map((s) => {
      const original = s.reversesId === undefined ? undefined : byId.get(s.reversesId);
      const kind =
        s.kind === 'purchase'
          ? SALE_PURCHASE
          : original !== undefined && s.amount >= original.amount
            ? SALE_CANCEL
            : SALE_REFUND;
      return [resolve(s.contactId), Date.parse(s.at), s.amount, kind].join('|');
    });
  const feedback = (await db.feedback.toArray())
    .filter((f) => f.deletedAt === undefined && resolve(f.contactId) !== null)
    .map((f) => [resolve(f.contactId), Date.parse(f.at), f.type, f.score].join('|'));
  const complaints = (await db.notes.toArray())
    .filter((n) => n.kind === 'complaint' && n.deletedAt === undefined)
    .filter((n) => resolve(n.contactId) !== null)
    .map((n) => {
      const resolvedAt =
        n.complaintStatus !== 'resolved'
          ? Number.NaN
          : n.resolvedAt !== undefined
            ? Date.parse(n.resolvedAt)
            : Number((n.stamps['complaintStatus'] ?? n.updatedAt).slice(0, 15));
      return [resolve(n.contactId), Date.parse(n.at), resolvedAt].join('|');
    });
  const ledger = (await db.ledger.toArray()).filter(
    (e) => e.deletedAt === undefined && resolve(e.contactId) !== null,
  );
  return { sales: saleRows, feedback, complaints, ledger, resolve };
}

const sorted = (xs: string[]) => [...xs].sort();

describe('the paged columnar load', () => {
  it('gives the same sales, feedback and complaints as reading every table whole', async () => {
    const ids = await seedBook();
    const want = await reference();
    const { dataset, customerIds } = await repos.reports.loadDataset({ pageSize: 7 });
    const who = (n: number) => customerIds[n];
    const got = {
      sales: Array.from(dataset.sales.at, (at, i) =>
        [who(dataset.sales.customer[i]!), at, dataset.sales.amount[i], dataset.sales.kind[i]].join(
          '|',
        ),
      ),
      feedback: Array.from(dataset.feedback.at, (at, i) =>
        [
          who(dataset.feedback.customer[i]!),
          at,
          FEEDBACK_TYPES[dataset.feedback.type[i]!],
          dataset.feedback.score[i],
        ].join('|'),
      ),
      complaints: Array.from(dataset.complaints.at, (at, i) =>
        [who(dataset.complaints.customer[i]!), at, dataset.complaints.resolvedAt[i]].join('|'),
      ),
    };
    expect(want.sales.length).toBeGreaterThan(100);
    expect(sorted(got.sales)).toEqual(sorted(want.sales));
    expect(sorted(got.feedback)).toEqual(sorted(want.feedback));
    expect(sorted(got.complaints)).toEqual(sorted(want.complaints));
    // Merged and deleted contacts never appear as customers of their own.
    expect(customerIds).not.toContain(ids[1]);
    expect(customerIds).not.toContain(ids[2]);
    expect(customerIds).not.toContain(ids[4]);
    expect(customerIds).not.toContain(ids[6]);
    expect(dataset.sales.kind).toContain(SALE_CANCEL);
    expect(dataset.sales.kind).toContain(SALE_REFUND);
  });

  it('gives the loyalty engine the same ledger: balances equal computeLedger per person', async () => {
    await seedBook();
    const want = await reference();
    const loaded = await repos.reports.loadDataset({ pageSize: 5 });
    const loyalty = await repos.reports.loadLoyalty({ pageSize: 5, resolve: loaded.resolve });
    const alone = await repos.reports.loadLoyalty({ pageSize: 11 });
    expect(alone.ledger).toEqual(loyalty.ledger);
    expect(loyalty.ledger.kind).toContain(LEDGER_KIND_CODES.indexOf('reversal'));
    const asOf = Date.parse('2025-09-01T00:00:00Z');
    const balances = expiryAwareBalances(loyalty, asOf);
    const people = [...new Set(want.ledger.map((e) => want.resolve(e.contactId)!))];
    const wantBalances = people.map((p) => {
      const mine: LedgerLike[] = want.ledger.filter((e) => want.resolve(e.contactId) === p);
      return computeLedger(withoutMergedDuplicateBonuses(mine), parseRules(undefined), asOf)
        .balance;
    });
    expect(sorted([...balances].map(String))).toEqual(sorted(wantBalances.map(String)));
    expect(wantBalances.some((b) => b > 0)).toBe(true);
  });

  it('reading id ranges side by side gives the very same datasets as one reader', async () => {
    await seedBook();
    const one = await repos.reports.loadDataset({ pageSize: 6, parts: 1 });
    const oneLedger = await repos.reports.loadLoyalty({ pageSize: 6, parts: 1 });
    for (const parts of [2, 3, 7]) {
      const many = await repos.reports.loadDataset({ pageSize: 6, parts });
      // Same rows in the same order, and the same customer numbering.
      expect(many.customerIds).toEqual(one.customerIds);
      expect(many.dataset).toEqual(one.dataset);
      const ledger = await repos.reports.loadLoyalty({ pageSize: 4, parts });
      expect(ledger).toEqual(oneLedger);
    }
  });

  it('the liability counts expired points out, under the stored rules', async () => {
    const id = await contact('Dewi');
    const { db, clock } = repos;
    await db.transaction('rw', [db.ledger, db.meta], async () => {
      for (const [at, points] of [
        ['2025-12-10T00:00:00.000Z', 100], // expires 2026-01-10 under a 1-month rule
        ['2026-03-05T00:00:00.000Z', 40],
      ] as const)
        await db.ledger.add(
          createEvent(
            { contactId: id, kind: 'earn' as const, at, points },
            { id: newId(Date.parse(at)), createdAt: at, stamp: await clock.stamp() },
          ),
        );
    });
    const oneMonth = { ...DEFAULT_RULE, expiryMonths: 1, pointValue: 100 };
    expect(await repos.loyalty.saveRuleVersion(oneMonth)).toEqual({ ok: true });
    const loyalty = await repos.reports.loadLoyalty();
    const o = {
      ...DEFAULT_REPORT_SETTINGS,
      pointValue: 100,
      period: MARCH_2026,
      compare: true,
      utcOffsetMinutes: 0,
    };
    const { current, previous } = computeLiability(loyalty, o);
    // March: the December points expired in January; only March's 40 are owed.
    expect(current).toEqual({ holders: 1, points: 40, value: 4000, overdrafts: 0 });
    // February: nothing left (a raw ledger sum would have said 100).
    expect(previous).toEqual({ holders: 0, points: 0, value: 0, overdrafts: 0 });
  });
});
