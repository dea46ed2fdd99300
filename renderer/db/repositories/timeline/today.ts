/**
 * The Today screen's lists: upcoming birthdays, customers gone quiet, and the contact pickers.
 * When the kept figures are ready (renderer/db/derived) both lists are one index range; before
 * that they are computed from the rows (gone quiet through the kept projection of
 * gone-quiet-cache.ts).
 */
import { survivorResolver } from '../../../../shared/contacts/survivor';
import { addCalendarDays, calendarDateIn } from '../../../../shared/dates';
import { isErased } from '../../../../shared/privacy/erase';
import {
  byMostOverdue,
  DEFAULT_GONE_QUIET,
  mergeVisits,
  quietVerdict,
  type GoneQuietOptions,
  type QuietVerdict,
  type Visits,
} from '../../../../shared/timeline/gone-quiet';
import { upcomingBirthdays } from '../../../../shared/timeline/today';
import type { ContactRow } from '../../database';
import { figuresReady } from '../../derived/read';
import { mergeLinks } from '../../identity';
import { isLiveContact, resolveContacts, shopZone, summary, type TimelineContext } from './context';
import { createQuietProjection } from './gone-quiet-cache';
import type { BirthdayView, ContactSummary, QuietCustomer } from './types';

/** Most overdue first; `byMostOverdue` (shared) on the customer's id. */
const sortQuiet = (list: QuietCustomer[]) =>
  list.sort((a, b) =>
    byMostOverdue({ id: a.contactId, verdict: a.verdict }, { id: b.contactId, verdict: b.verdict }),
  );

export function createToday({ db, now }: TimelineContext) {
  const projection = createQuietProjection(db);

  /**
   * Live contacts with a birthday from today to `days` ahead, read by the kept figures'
   * month-day index (a 29 February birthday shows on the 28th in other years).
   */
  async function birthdaysByIndex(days: number): Promise<ContactRow[]> {
    const start = calendarDateIn(now().getTime(), await shopZone(db));
    const keys = new Set<string>();
    for (let i = 0; i <= days; i++) keys.add(addCalendarDays(start, i)!.slice(5, 10));
    if (keys.has('02-28')) keys.add('02-29');
    const ids = await db.customerFigures
      .where('birthdayMD')
      .anyOf([...keys])
      .primaryKeys();
    const rows = await db.contacts.bulkGet(ids);
    return rows.filter((c): c is ContactRow => !!c && isLiveContact(c) && !!c.birthday);
  }

  /**
   * "Gone quiet" from the kept figures: every customer whose due moment (last visit plus
   * their threshold, shared/derived/customer-figures.ts) has passed, one index range. Only
   * live, not erased customers are on that index, so no contact row is read: the screen reads
   * the names of the rows it shows (contactSummaries), not of every quiet customer.
   */
  async function quietByIndex(): Promise<QuietCustomer[]> {
    const at = now();
    const rows = await db.customerFigures.where('quietDueMs').belowOrEqual(at.getTime()).toArray();
    const out: QuietCustomer[] = [];
    for (const r of rows) {
      if (r.lastVisitAt === undefined) continue;
      const visits = { days: [], lastMs: Date.parse(r.lastVisitAt), last: r.lastVisitAt };
      const verdict = quietVerdict(visits, at, DEFAULT_GONE_QUIET, {
        usualIntervalDays: r.usualIntervalDays,
        thresholdDays: r.quietThresholdDays ?? DEFAULT_GONE_QUIET.fallbackDays,
      });
      if (verdict.quiet) out.push({ contactId: r.id, verdict });
    }
    return sortQuiet(out);
  }

  /**
   * Quiet customers from the kept projection: a merged duplicate's visits count for the
   * contact it was merged into. Only the contacts that are quiet are read.
   */
  async function quietByProjection(options: GoneQuietOptions): Promise<QuietCustomer[]> {
    const visits = await projection.purchaseVisits();
    const mergedInto = await mergeLinks(db);
    // A survivor still merged (an unrepaired cycle) is not live and drops out below.
    const survivorOf = survivorResolver(mergedInto);
    const bySurvivor = new Map<string, Visits[]>();
    // Id order fixes the order merged lists are joined in; with no merges there is none.
    const ids = mergedInto.size === 0 ? visits.keys() : [...visits.keys()].sort();
    for (const id of ids) {
      const survivor = mergedInto.size === 0 ? id : survivorOf(id);
      const list = bySurvivor.get(survivor);
      if (list) list.push(visits.get(id)!);
      else bySurvivor.set(survivor, [visits.get(id)!]);
    }
    const at = now();
    const optionsKey = JSON.stringify(options);
    const quiet: { id: string; verdict: QuietVerdict }[] = [];
    for (const [id, list] of bySurvivor) {
      const merged = mergeVisits(list);
      const pattern = projection.patternOf(merged, options, optionsKey);
      const verdict = quietVerdict(merged, at, options, pattern);
      if (verdict.quiet) quiet.push({ id, verdict });
    }
    const rows = await projection.contactRows(quiet.map((q) => q.id));
    const out: QuietCustomer[] = [];
    quiet.forEach((q) => {
      const row = rows.get(q.id);
      // An erased customer is nobody to win back: nothing to reach them by.
      if (row && isLiveContact(row) && !isErased(row)) {
        out.push({ contactId: q.id, verdict: q.verdict });
      }
    });
    return sortQuiet(out);
  }

  return {
    /** Birthdays from today to `days` ahead (the shop's calendar), soonest first. */
    async upcomingBirthdays(days = 7): Promise<BirthdayView[]> {
      const live = (await figuresReady(db))
        ? await birthdaysByIndex(days)
        : await db.contacts.filter((c) => isLiveContact(c) && !!c.birthday).toArray();
      const byId = new Map(live.map((c) => [c.id, c]));
      const today = calendarDateIn(now().getTime(), await shopZone(db));
      return upcomingBirthdays(live, today, days).map((b) => ({
        ...b,
        contact: summary(byId.get(b.contactId)!),
      }));
    },

    /**
     * Customers gone quiet (shared/timeline/gone-quiet), most overdue first; a merged
     * duplicate's purchases count for the contact it was merged into. The default options read
     * the kept figures once they are ready; otherwise the visits of every customer are read in
     * one pass over the sales and kept (gone-quiet-cache.ts), and the next run reuses them.
     */
    async goneQuiet(options: GoneQuietOptions = DEFAULT_GONE_QUIET): Promise<QuietCustomer[]> {
      if (options === DEFAULT_GONE_QUIET && (await figuresReady(db))) return quietByIndex();
      return quietByProjection(options);
    },

    /** Contacts for pickers (follow-up form): live ones, in name order. */
    async contactOptions(): Promise<ContactSummary[]> {
      return (await db.contacts.orderBy('sortKey').filter(isLiveContact).toArray()).map(summary);
    },

    async contactSummary(id: string): Promise<ContactSummary | undefined> {
      const row = (await resolveContacts(db, [id])).get(id);
      return row ? summary(row) : undefined;
    },

    /**
     * Summaries of many contacts in one read (merged ones resolve to their survivor), in the
     * order given; undefined for one gone. Today's points list reads its rows this way: one
     * transaction, not one per customer.
     */
    async contactSummaries(ids: readonly string[]): Promise<(ContactSummary | undefined)[]> {
      const rows = await resolveContacts(db, ids);
      return ids.map((id) => {
        const row = rows.get(id);
        return row ? summary(row) : undefined;
      });
    },

    /**
     * Whether the book has a live contact (Today shows the welcome when not). One short read
     * by the name index, so Today never waits for the search index to count everyone.
     */
    async hasLiveContact(): Promise<boolean> {
      return (await db.contacts.orderBy('sortKey').filter(isLiveContact).first()) !== undefined;
    },
  };
}
