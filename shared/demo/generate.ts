/**
 * A demo book: realistic Indonesian customers with years of purchase history, notes,
 * complaints, follow-ups and survey answers. Deterministic for a seed, valid by the record
 * schemas, and fast enough for 100,000 contacts and 1,000,000 sales (tests, the benchmark and
 * Settings' "load demo data" use it).
 *
 * Purchases per customer follow a Poisson process whose rate is skewed across customers (a few
 * buy often, most rarely), modulated by season (Lebaran, 11.11, 12.12 and year-end peaks), and
 * some customers stop buying (churn) so retention and "gone quiet" have something to find.
 */
import { formatStamp, type HlcStamp } from '../hlc';
import { demoRecordId, earnEventId, reversalEventId } from '../event-ids';
import { createEvent, createMutable } from '../records';
import { DEFAULT_RULES } from '../loyalty/rules';
import { earnForSale, pointsToReverse } from '../loyalty/tiers';
import type { Contact, Feedback, FollowUp, LedgerEntry, Note, PhoneEntry, Sale } from '../schemas';
import {
  CITIES,
  EMAIL_DOMAINS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  ITEMS,
  MOBILE_PREFIXES,
  NOTE_TEXTS,
  COMPLAINT_TEXTS,
  RESOLUTION_TEXTS,
  FOLLOW_UP_TITLES,
  REDEEM_REASONS,
  type DemoLanguage,
  SOURCES,
  STREETS,
  TAGS,
} from './names';
import { seededRandom, type Random } from './random';

/** The device id demo records are stamped with. */
export const DEMO_DEVICE_ID = 'DEM0DEM0DEM0DEM0';

export interface DemoOptions {
  contacts: number;
  /** Total purchases to aim for (refunds come on top, about 1%). */
  sales: number;
  /** "Now" in ms; history runs `years` back from it. */
  now: number;
  years?: number;
  seed?: number;
  /** Award loyalty points for the sales under the default rules (and some redemptions). */
  points?: boolean;
  /** The language of the notes and complaints (Bahasa Indonesia by default). */
  language?: DemoLanguage;
}

export interface DemoBook {
  contacts: Contact[];
  sales: Sale[];
  notes: Note[];
  followUps: FollowUp[];
  feedback: Feedback[];
  ledger: LedgerEntry[];
}

const DAY = 86_400_000;

/** Relative purchase intensity by month (0 = January): Lebaran, 11.11, 12.12, year-end. */
const SEASON = [0.9, 0.8, 1.3, 1.5, 1.0, 0.9, 1.0, 1.0, 0.9, 1.0, 1.4, 1.6];
const SEASON_MAX = Math.max(...SEASON);

export function generateDemoBook(options: DemoOptions): DemoBook {
  const book = emptyBook();
  for (const chunk of demoBookChunks(options, 10_000)) {
    for (const key of Object.keys(book) as (keyof DemoBook)[]) {
      const into = book[key] as unknown[];
      for (const record of chunk[key]) into.push(record);
    }
  }
  book.sales.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return book;
}

const emptyBook = (): DemoBook => ({
  contacts: [],
  sales: [],
  notes: [],
  followUps: [],
  feedback: [],
  ledger: [],
});

/**
 * The same book as generateDemoBook, `contactsPerChunk` customers (with all their records) at a
 * time, so a benchmark can load 100,000 contacts and 1,000,000 sales without holding them all.
 */
export function* demoBookChunks(
  options: DemoOptions,
  contactsPerChunk: number,
): Generator<DemoBook, void, undefined> {
  const rnd = seededRandom(options.seed ?? 20261123);
  const years = options.years ?? 3;
  const start = options.now - years * 365 * DAY;
  let counter = 0;
  // Unique, increasing stamps per wall-clock millisecond, like a real device would issue.
  const stampAt = (ms: number): HlcStamp =>
    formatStamp({ wall: Math.floor(ms), counter: counter++ % 100_000, deviceId: DEMO_DEVICE_ID });
  const ctx = (key: string, ms: number) => ({
    id: demoRecordId(options.seed ?? 0, key, ms),
    createdAt: new Date(Math.floor(ms)).toISOString(),
    stamp: stampAt(ms),
  });

  let book = emptyBook();
  let salesSoFar = 0;
  const language = options.language ?? 'id';
  const meanPerContact = options.contacts > 0 ? options.sales / options.contacts : 0;

  for (let i = 0; i < options.contacts; i++) {
    if (i > 0 && i % contactsPerChunk === 0) {
      yield book;
      book = emptyBook();
    }
    const joined = start + rnd.next() * (options.now - start) * 0.9;
    const contact = makeContact(rnd, i, joined, ctx);
    book.contacts.push(contact);

    // Skewed rate: squaring a uniform makes most customers occasional, a few frequent.
    const share = rnd.next() ** 2 * 3;
    const activeUntil = rnd.chance(0.3)
      ? joined + rnd.next() * (options.now - joined)
      : options.now;
    const span = Math.max(activeUntil - joined, DAY);
    const expected = Math.max(meanPerContact * share, 0.2);
    const meanGap = span / expected;
    let t = joined + rnd.exponential(meanGap / SEASON_MAX);
    let n = 0;
    const firstSale = book.sales.length;
    while (t < activeUntil && salesSoFar < options.sales) {
      // Thinning: accept with the season's relative intensity.
      if (rnd.next() < SEASON[new Date(t).getUTCMonth()]! / SEASON_MAX) {
        const sale = makeSale(rnd, contact.id, t, `${i}:${n++}`, ctx);
        book.sales.push(sale);
        salesSoFar++;
        if (rnd.chance(0.01)) {
          const refundAt = t + rnd.int(1, 14) * DAY;
          if (refundAt < options.now) {
            book.sales.push(
              createEvent(
                {
                  contactId: contact.id,
                  kind: 'refund' as const,
                  at: new Date(refundAt).toISOString(),
                  amount: sale.amount,
                  reversesId: sale.id,
                  paymentMethod: sale.paymentMethod,
                },
                ctx(`refund:${sale.id}`, refundAt),
              ),
            );
          }
        }
      }
      t += rnd.exponential(meanGap / SEASON_MAX);
    }

    if (options.points ?? true) {
      addPoints(rnd, book, contact.id, book.sales.slice(firstSale), options.now, ctx, language);
    }
    if (rnd.chance(0.3)) addNotes(rnd, book, contact, joined, options.now, ctx, language);
    if (rnd.chance(0.6)) addFeedback(rnd, book, contact.id, joined, options.now, ctx);
    if (rnd.chance(0.05)) {
      const due = options.now + rnd.int(-10, 20) * DAY + rnd.int(8, 17) * 3_600_000;
      book.followUps.push(
        createMutable(
          {
            contactId: contact.id,
            title: rnd.pick(FOLLOW_UP_TITLES[language]),
            dueAt: new Date(due).toISOString(),
            repeat: 'none' as const,
          },
          ctx(`followup:${i}`, Math.min(due - 7 * DAY, options.now)),
        ),
      );
    }
  }
  yield book;
}

type Ctx = (key: string, ms: number) => { id: string; createdAt: string; stamp: HlcStamp };

function makeContact(rnd: Random, i: number, joined: number, ctx: Ctx): Contact {
  const given = rnd.pick(GIVEN_NAMES);
  const family = rnd.pick(FAMILY_NAMES);
  const name = rnd.chance(0.15) ? given : `${given} ${family}`;
  const [city] = rnd.pick(CITIES);
  const prefix = rnd.pick(MOBILE_PREFIXES);
  const rest = String(rnd.int(1_000_000, 99_999_999)).padStart(8, '0');
  const national = `${prefix}${rest}`;
  const phones: PhoneEntry[] = [
    { label: 'mobile', raw: formatMobile(rnd, national), e164: `+62${national}` },
  ];
  if (rnd.chance(0.1)) {
    const [, area] = rnd.pick(CITIES);
    const local = String(rnd.int(5_000_000, 8_999_999));
    phones.push({
      label: 'work',
      raw: `(0${area}) ${local.slice(0, 3)} ${local.slice(3)}`,
      e164: `+62${area}${local}`,
    });
  }
  const tags = rnd.chance(0.4) ? [rnd.pick(TAGS)] : [];
  if (rnd.chance(0.1)) tags.push(rnd.pick(TAGS));
  const birthYear = rnd.int(1955, 2005);
  const fields = {
    name,
    phones,
    email: rnd.chance(0.45)
      ? `${given}.${family}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') +
        `@${rnd.pick(EMAIL_DOMAINS)}`
      : undefined,
    tags: [...new Set(tags)],
    birthday: rnd.chance(0.6)
      ? `${birthYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
      : undefined,
    note: '',
    address: rnd.chance(0.5) ? `${rnd.pick(STREETS)} No. ${rnd.int(1, 200)}` : undefined,
    city,
    source: rnd.pick(SOURCES),
    marketingConsent: rnd.chance(0.7),
  };
  const c = ctx(`contact:${i}`, joined);
  return createMutable(
    { ...fields, marketingConsentAt: fields.marketingConsent ? c.createdAt : undefined },
    c,
  );
}

/** The same number the way different people type it. */
function formatMobile(rnd: Random, national: string): string {
  const a = national.slice(0, 3);
  const b = national.slice(3, 7);
  const c = national.slice(7);
  switch (rnd.int(0, 4)) {
    case 0:
      return `0${a}-${b}-${c}`;
    case 1:
      return `+62 ${a} ${b} ${c}`;
    case 2:
      return `62${national}`;
    case 3:
      return `0${a} ${b} ${c}`;
    default:
      return `0${national}`;
  }
}

function makeSale(rnd: Random, contactId: string, at: number, key: string, ctx: Ctx): Sale {
  // Log-normal around Rp 150.000, rounded to the nearest Rp 1.000.
  const amount = Math.max(
    5_000,
    Math.round((150_000 * Math.exp((rnd.next() - 0.5) * 2.2)) / 1000) * 1000,
  );
  const itemCount = rnd.int(1, 3);
  const items = Array.from({ length: itemCount }, () => rnd.pick(ITEMS)).join(', ');
  return createEvent(
    {
      contactId,
      kind: 'purchase' as const,
      at: new Date(at).toISOString(),
      amount,
      items,
      invoiceNo: `INV-${key.replace(':', '-')}`,
      paymentMethod: rnd.pick(['cash', 'transfer', 'qris', 'ewallet', 'card'] as const),
    },
    ctx(`sale:${key}`, at),
  );
}

function addNotes(
  rnd: Random,
  book: DemoBook,
  contact: Contact,
  from: number,
  now: number,
  ctx: Ctx,
  language: DemoLanguage,
) {
  const count = rnd.int(1, 3);
  for (let k = 0; k < count; k++) {
    const at = from + rnd.next() * (now - from);
    const complaint = rnd.chance(0.15);
    const status = complaint ? rnd.pick(['open', 'in_progress', 'resolved'] as const) : undefined;
    const resolvedAt = status === 'resolved' ? Math.min(at + rnd.int(1, 10) * DAY, now) : undefined;
    book.notes.push(
      createMutable(
        {
          contactId: contact.id,
          kind: complaint
            ? ('complaint' as const)
            : rnd.pick(['note', 'call', 'whatsapp', 'visit'] as const),
          at: new Date(at).toISOString(),
          text: rnd.pick(complaint ? COMPLAINT_TEXTS[language] : NOTE_TEXTS[language]),
          complaintStatus: status,
          resolution: resolvedAt ? RESOLUTION_TEXTS[language] : undefined,
          resolvedAt: resolvedAt ? new Date(resolvedAt).toISOString() : undefined,
        },
        ctx(`note:${contact.id}:${k}`, at),
      ),
    );
  }
}

function addFeedback(
  rnd: Random,
  book: DemoBook,
  contactId: string,
  from: number,
  now: number,
  ctx: Ctx,
) {
  // Surveys are recent for most shops: answers cluster in the last few months.
  const at = Math.max(from, now - rnd.exponential(120 * DAY));
  const iso = new Date(at).toISOString();
  // Mostly happy customers, a tail of unhappy ones, as in real surveys.
  const nps = Math.min(10, Math.max(0, Math.round(8 + (rnd.next() - 0.65) * 8)));
  book.feedback.push(
    createEvent(
      { contactId, type: 'nps' as const, score: nps, at: iso },
      ctx(`nps:${contactId}`, at),
    ),
  );
  if (rnd.chance(0.5)) {
    book.feedback.push(
      createEvent(
        { contactId, type: 'csat' as const, score: rnd.int(2, 5), at: iso },
        ctx(`csat:${contactId}`, at),
      ),
    );
  }
}

/**
 * The ledger the loyalty repository would have written for these sales: earn entries with the
 * same derived ids (so recording them again on a device adds nothing), reversals for refunds,
 * and now and then a redemption of part of the points earned in the last six months (well
 * inside the default 12-month expiry, so it never overdraws).
 */
function addPoints(
  rnd: Random,
  book: DemoBook,
  contactId: string,
  sales: Sale[],
  now: number,
  ctx: Ctx,
  language: DemoLanguage = 'id',
) {
  const earned = new Map<string, LedgerEntry>();
  const redeemAt = now - rnd.int(1, 30) * DAY;
  // Points earned in the six months before the redemption, net of their reversals.
  let recentEarned = 0;
  const recent = (ms: number) => ms < redeemAt && redeemAt - ms < 180 * DAY;
  for (const sale of sales) {
    if (sale.kind === 'purchase') {
      const { points, rule } = earnForSale(sale, sales, DEFAULT_RULES);
      if (points <= 0) continue;
      const at = Date.parse(sale.at);
      const entry = createEvent(
        { contactId, kind: 'earn' as const, at: sale.at, points, saleId: sale.id, ruleId: rule.id },
        { ...ctx(`earn:${sale.id}`, at), id: earnEventId(sale.id, at) },
      );
      earned.set(sale.id, entry);
      book.ledger.push(entry);
      if (recent(at)) recentEarned += points;
    } else {
      const earn = sale.reversesId ? earned.get(sale.reversesId) : undefined;
      const original = sale.reversesId ? sales.find((s) => s.id === sale.reversesId) : undefined;
      if (!earn || !original) continue;
      const reversed = pointsToReverse(earn.points, original.amount, 0, sale.amount);
      if (reversed <= 0) continue;
      const at = Date.parse(sale.at);
      book.ledger.push(
        createEvent(
          {
            contactId,
            kind: 'reversal' as const,
            at: sale.at,
            points: -reversed,
            saleId: sale.id,
            reversesId: earn.id,
          },
          { ...ctx(`reversal:${sale.id}`, at), id: reversalEventId(sale.id, at) },
        ),
      );
      // A reversal after the redemption still takes its points back: count every reversal.
      if (recent(Date.parse(original.at))) recentEarned -= reversed;
    }
  }
  if (recentEarned >= 40 && rnd.chance(0.25)) {
    const at = redeemAt;
    book.ledger.push(
      createEvent(
        {
          contactId,
          kind: 'redeem' as const,
          at: new Date(at).toISOString(),
          points: -Math.floor(recentEarned / 2),
          reason: REDEEM_REASONS[language],
        },
        ctx(`redeem:${contactId}`, at),
      ),
    );
  }
}

/**
 * One customer with `sales` purchases spread evenly over the last `years` years, their points
 * (as the loyalty repository would have written them, without redemptions, so points earned a
 * year ago are about to expire), for the benchmark's "a customer with 5,000 sales".
 */
export function heavyCustomerBook(options: {
  sales: number;
  now: number;
  years?: number;
  seed?: number;
}): DemoBook {
  const rnd = seededRandom(options.seed ?? 5000);
  const years = options.years ?? 3;
  const start = options.now - years * 365 * DAY;
  let counter = 0;
  const ctx: Ctx = (key, ms) => ({
    id: demoRecordId(options.seed ?? 0, key, ms, true),
    createdAt: new Date(Math.floor(ms)).toISOString(),
    stamp: formatStamp({
      wall: Math.floor(ms),
      counter: counter++ % 100_000,
      deviceId: DEMO_DEVICE_ID,
    }),
  });
  const book = emptyBook();
  const contact = makeContact(rnd, 0, start, ctx);
  book.contacts.push(contact);
  const gap = (options.now - start) / Math.max(1, options.sales);
  for (let n = 0; n < options.sales; n++) {
    const at = start + n * gap + rnd.next() * gap * 0.9;
    book.sales.push(makeSale(rnd, contact.id, at, `heavy:${n}`, ctx));
  }
  addPoints(rnd, book, contact.id, book.sales, options.now, ctx);
  book.ledger = book.ledger.filter((e) => e.kind !== 'redeem');
  return book;
}
