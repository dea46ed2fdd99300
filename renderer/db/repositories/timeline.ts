/**
 * Repository for notes and interactions, follow-ups, message templates and the Today screen's
 * lists. Each user action is one read-write transaction (its table + `meta` for the clock);
 * deletes are tombstones with undo. Sales and the loyalty ledger are read, never written here.
 */
import { sameFingerprint, tableFingerprint, type TableFingerprint } from '../table-fingerprint';
import { TimelineRecordNotFoundError } from '../errors';
import { isErasedContact } from '../erased-contacts';
import { ERASED_CONTACT_ERROR } from '../errors';
import Dexie, { type ObservabilitySet } from 'dexie';
import { aliasIdsOf, mergeLinks } from '../identity';
import { resolveSurvivor, survivorResolver } from '../../../shared/contacts/survivor';
import type { FieldError } from '../../../shared/contact-input';
import { addCalendarDays, calendarDateIn } from '../../../shared/dates';
import { SHOP_TIME_ZONE_KEY, timeZoneSettingSchema } from '../../../shared/shop-settings';
import { derivedId, newId } from '../../../shared/ids';
import { applyPatch, createMutable, restore, tombstone } from '../../../shared/records';
import {
  templateFieldsSchema,
  type Contact,
  type FollowUp,
  type LedgerEntry,
  type MessageTemplate,
  type Note,
  type Sale,
  type TemplateFields,
} from '../../../shared/schemas';
import type { COMPLAINT_STATUSES, INTERACTION_KINDS } from '../../../shared/schemas/note';
import { isErased } from '../../../shared/privacy/erase';
import { TEMPLATE_PURPOSES } from '../../../shared/schemas/template';
import { isOpenComplaint } from '../../../shared/timeline/complaints';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';
import {
  DEFAULT_GONE_QUIET,
  mergeVisits,
  quietVerdict,
  visitPattern,
  type VisitPattern,
  visitsOf,
  addVisit,
  type Visits,
  type GoneQuietOptions,
  type QuietVerdict,
} from '../../../shared/timeline/gone-quiet';
import {
  parseFollowUpInput,
  parseInteractionInput,
  parseResolutionInput,
  type FollowUpInput,
  type InteractionInput,
  type ResolutionInput,
} from '../../../shared/timeline/inputs';
import { nextDue } from '../../../shared/timeline/recurrence';
import { remindAt } from '../../../shared/timeline/reminders';
import { upcomingBirthdays, type UpcomingBirthday } from '../../../shared/timeline/today';
import type { DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';
import { figuresReady } from '../derived/read';

export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** What the timeline can be filtered by: each interaction kind, sales, and points events. */
export type TimelineKind = InteractionKind | 'sale' | 'points' | 'followup';

/**
 * A finished follow-up is on the timeline at the time it was done: derived from the follow-up
 * itself (no extra record), so reopening it takes it off again and every device shows the same.
 */
export type TimelineItem =
  | { type: 'note'; at: string; id: string; note: Note }
  | { type: 'sale'; at: string; id: string; sale: Sale }
  | { type: 'points'; at: string; id: string; entry: LedgerEntry }
  | { type: 'followup'; at: string; id: string; followUp: FollowUp };

export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * The few contact fields lists need (name to show, phones for WhatsApp, birthday); `stamps`
 * tell an erased customer (named in the user's words, never offered WhatsApp).
 */
export interface ContactSummary {
  id: string;
  name: string;
  stamps: Contact['stamps'];
  phones: Contact['phones'];
  birthday?: string;
  /** How messages greet them (shared/timeline/message-values.ts). */
  firstName?: string;
  salutation?: Contact['salutation'];
}

export interface FollowUpView {
  followUp: FollowUp;
  contact: ContactSummary;
}

export interface QuietCustomer {
  contact: ContactSummary;
  verdict: QuietVerdict;
}

export interface ComplaintView {
  note: Note;
  contact: ContactSummary;
}

export interface BirthdayView extends UpcomingBirthday {
  contact: ContactSummary;
}

/** Per-device, never synced: when this device last showed reminders. */
export const LAST_REMINDER_CHECK_KEY = 'timeline.lastReminderCheck';

const isLiveNote = (n: Note) => n.deletedAt === undefined;
const isLiveContact = (c: ContactRow) => c.deletedAt === undefined && c.mergedInto === undefined;
const isOpenFollowUp = (f: FollowUp) => f.doneAt === undefined && f.deletedAt === undefined;

/** Sales read per request while projecting visits (bounded memory per step). */
const VISITS_CHUNK = 5_000;

type SalesFingerprint = TableFingerprint;

/** Count one more live purchase in a visits projection. */
function addPurchase(byContact: Map<string, Visits>, s: Sale, zone?: string): void {
  if (s.kind !== 'purchase' || s.deletedAt) return;
  const v = byContact.get(s.contactId);
  if (v) addVisit(v, s.at, zone);
  else {
    const fresh = visitsOf([s.at], zone);
    if (fresh) byContact.set(s.contactId, fresh);
  }
}

function summary(c: ContactRow): ContactSummary {
  return {
    id: c.id,
    name: c.name,
    stamps: c.stamps,
    phones: c.phones,
    birthday: c.birthday,
    ...(c.firstName !== undefined && { firstName: c.firstName }),
    ...(c.salutation !== undefined && { salutation: c.salutation }),
  };
}

export function createTimelineRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const aliasIds = (id: string) => aliasIdsOf(db, id);

  /** id -> the live contact it stands for now (following `mergedInto`), for many ids at once. */
  async function resolveContacts(ids: Iterable<string>): Promise<Map<string, ContactRow>> {
    const out = new Map<string, ContactRow>();
    const unique = [...new Set(ids)];
    const first = await db.contacts.bulkGet(unique);
    const cache = new Map<string, ContactRow | undefined>(unique.map((id, i) => [id, first[i]]));
    const get = async (id: string) => {
      if (!cache.has(id)) cache.set(id, await db.contacts.get(id));
      return cache.get(id);
    };
    for (const id of unique) {
      const row = await get(await resolveSurvivor(id, async (c) => (await get(c))?.mergedInto));
      if (row && isLiveContact(row)) out.set(id, row);
    }
    return out;
  }

  async function withContacts<T extends { contactId: string }, V>(
    items: T[],
    make: (item: T, contact: ContactSummary) => V,
  ): Promise<V[]> {
    const contacts = await resolveContacts(items.map((i) => i.contactId));
    const out: V[] = [];
    for (const item of items) {
      const c = contacts.get(item.contactId);
      if (c) out.push(make(item, summary(c)));
    }
    return out;
  }

  /**
   * Whether sales or contacts may have changed since goneQuiet last checked: set by Dexie's
   * change event, which every write in every window and worker of the app fires (the sales
   * import announces its raw writes the same way). Until it is set, the kept copies are used
   * without counting the table (a count walks the whole table in Chromium).
   */
  let salesDirty = true;
  let contactsDirty = true;
  const onMutation = (parts: ObservabilitySet) => {
    for (const key of Object.keys(parts)) {
      if (key === 'all' || key.startsWith(`idb://${db.name}/sales/`)) salesDirty = true;
      if (key === 'all' || key.startsWith(`idb://${db.name}/contacts/`)) contactsDirty = true;
    }
  };
  Dexie.on('storagemutated', onMutation);
  db.on('close', () => Dexie.on('storagemutated').unsubscribe(onMutation));

  /** The projection goneQuiet keeps between runs, with the fingerprint it was made at. */
  let visitsCache:
    (SalesFingerprint & { byContact: Map<string, Visits>; zone: string | undefined }) | null = null;

  /** The shop's time zone (undefined: the device's), whose calendar days count as visits. */
  async function shopZone(): Promise<string | undefined> {
    const row = await db.settings.where('key').equals(SHOP_TIME_ZONE_KEY).first();
    const parsed = timeZoneSettingSchema.safeParse(row && !row.deletedAt ? row.value : undefined);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * What changes whenever the sales table does: a new row raises the count; an own write
   * (new sale, tombstone) carries a newer `updatedAt`; a merge or restore a newer `_localStamp`.
   */
  function salesFingerprint(table: KenalDb['sales'] | KenalDb['contacts'] = db.sales) {
    return tableFingerprint(table);
  }

  /**
   * Each customer's visit pattern (the median of their gaps), kept with the visits it came
   * from: it depends on the visit days only, which grow in place as sales are added, so a kept
   * one is good while the day count and the options are the same.
   */
  const patterns = new WeakMap<Visits, { days: number; options: string; p: VisitPattern }>();
  const patternOf = (v: Visits, options: GoneQuietOptions, optionsKey: string): VisitPattern => {
    const kept = patterns.get(v);
    if (kept && kept.days === v.days.length && kept.options === optionsKey) return kept.p;
    const p = visitPattern(v, options);
    patterns.set(v, { days: v.days.length, options: optionsKey, p });
    return p;
  };

  /** Contact rows goneQuiet has read, kept with the contacts table's fingerprint. */
  let contactsCache: { fp: SalesFingerprint; rows: Map<string, ContactRow | undefined> } | null =
    null;

  /**
   * These contacts' rows, from the kept copies: rows written since (a newer `updatedAt` or
   * `_localStamp`, as every edit, merge and restore has) are read again; a table that shrank
   * (rows hard-deleted) is read afresh.
   */
  async function contactRows(ids: readonly string[]): Promise<Map<string, ContactRow | undefined>> {
    return db.transaction('r', db.contacts, async () => {
      const clean = contactsCache !== null && !contactsDirty;
      contactsDirty = false;
      const fp = clean ? contactsCache!.fp : await salesFingerprint(db.contacts);
      // A read a live query observes, so it runs again when a contact changes.
      if (clean) await db.contacts.orderBy('updatedAt').lastKey();
      let cache = contactsCache;
      if (!cache || fp.count < cache.fp.count) {
        cache = { fp, rows: new Map() };
      } else if (!sameFingerprint(cache.fp, fp)) {
        const [own, merged] = await Promise.all([
          db.contacts.where('updatedAt').above(cache.fp.lastUpdated).toArray(),
          db.contacts.where('_localStamp').above(cache.fp.lastLocal).toArray(),
        ]);
        for (const c of [...own, ...merged]) if (cache.rows.has(c.id)) cache.rows.set(c.id, c);
        cache.fp = fp;
      }
      const missing = ids.filter((id) => !cache.rows.has(id));
      if (missing.length > 0) {
        const got = await db.contacts.bulkGet(missing);
        missing.forEach((id, i) => cache.rows.set(id, got[i]));
      }
      contactsCache = cache;
      return cache.rows;
    });
  }

  /**
   * Live contacts with a birthday from today to `days` ahead, read by the kept figures'
   * month-day index (a 29 February birthday shows on the 28th in other years).
   */
  async function birthdaysByIndex(days: number): Promise<ContactRow[]> {
    const start = calendarDateIn(now().getTime(), await shopZone());
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
   * their threshold, shared/derived/customer-figures.ts) has passed, one index range.
   */
  async function quietByIndex(): Promise<QuietCustomer[]> {
    const at = now();
    const rows = await db.customerFigures.where('quietDueMs').belowOrEqual(at.getTime()).toArray();
    const contacts = await db.contacts.bulkGet(rows.map((r) => r.id));
    const out: QuietCustomer[] = [];
    rows.forEach((r, i) => {
      const c = contacts[i];
      // An erased customer is never someone to win back (UU PDP).
      if (!c || !isLiveContact(c) || isErased(c) || r.lastVisitAt === undefined) return;
      const visits = { days: [], lastMs: Date.parse(r.lastVisitAt), last: r.lastVisitAt };
      const verdict = quietVerdict(visits, at, DEFAULT_GONE_QUIET, {
        usualIntervalDays: r.usualIntervalDays,
        thresholdDays: r.quietThresholdDays ?? DEFAULT_GONE_QUIET.fallbackDays,
      });
      if (verdict.quiet) out.push({ contact: summary(c), verdict });
    });
    return out.sort(
      (a, b) =>
        b.verdict.daysSince / b.verdict.thresholdDays -
          a.verdict.daysSince / a.verdict.thresholdDays ||
        (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0),
    );
  }

  /** Contact id -> visits (live purchases only), for every contact id that has a purchase. */
  async function purchaseVisits(): Promise<Map<string, Visits>> {
    return db.transaction('r', db.sales, db.settings, async () => {
      const zone = await shopZone();
      if (visitsCache?.zone !== zone) visitsCache = null;
      if (visitsCache && !salesDirty) {
        // Nothing written since: reuse it; read one key so a live query watches the sales.
        await db.sales.orderBy('updatedAt').lastKey();
        return visitsCache.byContact;
      }
      salesDirty = false; // before reading: a write meanwhile marks it again
      const fp = await salesFingerprint();
      const cached = visitsCache;
      if (cached && sameFingerprint(cached, fp)) return cached.byContact;
      if (cached) {
        const added = await addedSince(cached, fp);
        if (added) {
          for (const s of added) addPurchase(cached.byContact, s, zone);
          visitsCache = { ...fp, byContact: cached.byContact, zone };
          return cached.byContact;
        }
      }
      const times = new Map<string, string[]>();
      let after: string | undefined;
      for (;;) {
        const chunk = await (
          after === undefined
            ? db.sales.limit(VISITS_CHUNK)
            : db.sales.where(':id').above(after).limit(VISITS_CHUNK)
        ).toArray();
        for (const s of chunk) {
          if (s.kind !== 'purchase' || s.deletedAt) continue;
          const list = times.get(s.contactId);
          if (list) list.push(s.at);
          else times.set(s.contactId, [s.at]);
        }
        if (chunk.length < VISITS_CHUNK) break;
        after = chunk[chunk.length - 1]!.id;
      }
      const byContact = new Map<string, Visits>();
      for (const [id, list] of times) {
        const v = visitsOf(list, zone);
        if (v) byContact.set(id, v);
      }
      visitsCache = { ...fp, byContact, zone };
      return byContact;
    });
  }

  /**
   * The rows added since `cached` was made, when that is all that changed: every row written
   * since is new (the count grew by exactly their number) and none is a tombstone. Otherwise
   * null, and the caller reads everything again.
   */
  async function addedSince(
    cached: SalesFingerprint,
    fp: SalesFingerprint,
  ): Promise<Sale[] | null> {
    const grew = fp.count - cached.count;
    if (grew <= 0 || grew > VISITS_CHUNK) return null;
    const [own, merged] = await Promise.all([
      db.sales.where('updatedAt').above(cached.lastUpdated).toArray(),
      db.sales.where('_localStamp').above(cached.lastLocal).toArray(),
    ]);
    const byId = new Map<string, Sale>();
    for (const s of [...own, ...merged]) byId.set(s.id, s);
    if (byId.size !== grew) return null;
    const rows = [...byId.values()];
    return rows.some((s) => s.deletedAt !== undefined) ? null : rows;
  }

  // Contacts are read in these transactions to refuse a write to an erased customer.
  const rwNotes = <T>(fn: () => Promise<T>) =>
    db.transaction('rw', db.notes, db.meta, db.contacts, fn);
  const rwFollowUps = <T>(fn: () => Promise<T>) =>
    db.transaction('rw', db.followUps, db.meta, db.contacts, fn);
  const erasedError = { path: 'contactId', message: ERASED_CONTACT_ERROR };
  const rwTemplates = <T>(fn: () => Promise<T>) => db.transaction('rw', db.templates, db.meta, fn);

  async function mustGet<T>(table: string, row: T | undefined, id: string): Promise<T> {
    if (!row) throw new TimelineRecordNotFoundError(table, id);
    return row;
  }

  /** Record an interaction; a complaint starts open. Empty text is refused, long text kept. */
  async function addInteraction(input: InteractionInput): Promise<WriteResult<Note>> {
    const parsed = parseInteractionInput(input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return rwNotes(async () => {
      if (await isErasedContact(db, v.contactId)) return { ok: false, errors: [erasedError] };
      const at = now();
      const note: Note = createMutable(
        {
          contactId: v.contactId,
          kind: v.kind,
          at: v.at,
          text: v.text,
          outcome: v.outcome.trim() === '' ? undefined : v.outcome,
          complaintStatus: v.kind === 'complaint' ? ('open' as const) : undefined,
        },
        { id: newId(at.getTime()), createdAt: at.toISOString(), stamp: await clock.stamp() },
      );
      await db.notes.add(note);
      return { ok: true, value: note };
    });
  }

  return {
    // ---- Interactions (notes, calls, WhatsApp chats, visits, e-mails, complaints) ----

    addInteraction,

    /** Correct an interaction; only fields that changed get new stamps. */
    async updateInteraction(id: string, input: InteractionInput): Promise<WriteResult<Note>> {
      const parsed = parseInteractionInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwNotes(async () => {
        const current = await mustGet('note', await db.notes.get(id), id);
        const patch: Partial<Note> = {
          kind: v.kind,
          at: v.at,
          text: v.text,
          outcome: v.outcome.trim() === '' ? undefined : v.outcome,
        };
        if (v.kind === 'complaint' && current.complaintStatus === undefined) {
          patch.complaintStatus = 'open';
        }
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.notes.put(record);
        return { ok: true, value: record };
      });
    },

    /**
     * Move a complaint along open -> in progress -> resolved. Resolving needs resolution text
     * and stamps `resolvedAt` (time to resolve = resolvedAt - at); reopening clears it.
     */
    async setComplaintStatus(id: string, input: ResolutionInput): Promise<WriteResult<Note>> {
      const parsed = parseResolutionInput(input);
      if (!parsed.ok) return parsed;
      const { status, resolution } = parsed.value;
      return rwNotes(async () => {
        const current = await mustGet('note', await db.notes.get(id), id);
        const patch: Partial<Note> = { complaintStatus: status };
        if (status === 'resolved') {
          patch.resolution = resolution;
          patch.resolvedAt = current.resolvedAt ?? now().toISOString();
        } else {
          patch.resolvedAt = undefined;
          if (resolution.trim() !== '') patch.resolution = resolution;
        }
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.notes.put(record);
        return { ok: true, value: record };
      });
    },

    async removeInteraction(id: string): Promise<Note> {
      return rwNotes(async () => {
        const current = await mustGet('note', await db.notes.get(id), id);
        if (current.deletedAt) return current;
        const record = tombstone(current, await clock.stamp());
        await db.notes.put(record);
        return record;
      });
    },

    async restoreInteraction(id: string): Promise<Note> {
      return rwNotes(async () => {
        const current = await mustGet('note', await db.notes.get(id), id);
        if (!current.deletedAt) return current;
        const record = restore(current, await clock.stamp());
        await db.notes.put(record);
        return record;
      });
    },

    /**
     * A contact's timeline, newest first: interactions, sales and points events of the contact
     * and of every duplicate merged into it. `kinds` (empty or absent = all) filters it.
     */
    async timeline(
      contactId: string,
      kinds: readonly TimelineKind[] = [],
    ): Promise<TimelineItem[]> {
      const ids = await aliasIds(contactId);
      const want = (k: TimelineKind) => kinds.length === 0 || kinds.includes(k);
      const range = (id: string) => [
        [id, ''],
        [id, '\uffff'],
      ];
      const items: TimelineItem[] = [];
      for (const id of ids) {
        const [lo, hi] = range(id);
        const notes = await db.notes.where('[contactId+at]').between(lo, hi, true, true).toArray();
        for (const note of notes) {
          if (isLiveNote(note) && want(note.kind)) {
            items.push({ type: 'note', at: note.at, id: note.id, note });
          }
        }
        if (want('sale')) {
          const sales = await db.sales
            .where('[contactId+at]')
            .between(lo, hi, true, true)
            .toArray();
          for (const sale of sales) {
            if (!sale.deletedAt) items.push({ type: 'sale', at: sale.at, id: sale.id, sale });
          }
        }
        if (want('followup')) {
          const done = await db.followUps.where('contactId').equals(id).toArray();
          for (const f of done) {
            if (f.doneAt !== undefined && !f.deletedAt) {
              items.push({ type: 'followup', at: f.doneAt, id: f.id, followUp: f });
            }
          }
        }
        if (want('points')) {
          const entries = await db.ledger
            .where('[contactId+at]')
            .between(lo, hi, true, true)
            .toArray();
          for (const entry of entries) {
            if (!entry.deletedAt) items.push({ type: 'points', at: entry.at, id: entry.id, entry });
          }
        }
      }
      // ISO strings with offsets do not sort as text; compare instants, then ids for stability.
      return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
    },

    /** Complaints not yet resolved: of one contact (with its merged duplicates) or of everyone. */
    async openComplaints(contactId?: string): Promise<ComplaintView[]> {
      let notes = await db.notes.where('kind').equals('complaint').toArray();
      if (contactId !== undefined) {
        const ids = new Set(await aliasIds(contactId));
        notes = notes.filter((n) => ids.has(n.contactId));
      }
      const open = notes
        .filter(isOpenComplaint)
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      return withContacts(open, (note, contact) => ({ note, contact }));
    },

    /** Record that a WhatsApp message was sent (or a chat opened) from the app. */
    async logWhatsApp(contactId: string, text: string): Promise<WriteResult<Note>> {
      return addInteraction({
        contactId,
        kind: 'whatsapp',
        at: now().toISOString(),
        text,
      });
    },

    // ---- Follow-ups ----

    async addFollowUp(input: FollowUpInput): Promise<WriteResult<FollowUp>> {
      const parsed = parseFollowUpInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwFollowUps(async () => {
        if (await isErasedContact(db, v.contactId)) return { ok: false, errors: [erasedError] };
        const at = now();
        const followUp: FollowUp = createMutable(
          {
            contactId: v.contactId,
            title: v.title,
            note: v.note.trim() === '' ? undefined : v.note,
            dueAt: v.dueAt,
            repeat: v.repeat,
          },
          { id: newId(at.getTime()), createdAt: at.toISOString(), stamp: await clock.stamp() },
        );
        await db.followUps.add(followUp);
        return { ok: true, value: followUp };
      });
    },

    /** Edit or reschedule. A new due time ends any snooze (the user chose a time). */
    async updateFollowUp(id: string, input: FollowUpInput): Promise<WriteResult<FollowUp>> {
      const parsed = parseFollowUpInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        if (await isErasedContact(db, v.contactId)) return { ok: false, errors: [erasedError] };
        const patch: Partial<FollowUp> = {
          contactId: v.contactId,
          title: v.title,
          note: v.note.trim() === '' ? undefined : v.note,
          dueAt: v.dueAt,
          repeat: v.repeat,
        };
        if (v.dueAt !== current.dueAt) {
          patch.snoozedUntil = undefined;
          // A rescheduled series restarts from the new time.
          patch.repeatAnchor = undefined;
        }
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.followUps.put(record);
        return { ok: true, value: record };
      });
    },

    /**
     * Mark done. A repeating follow-up also gets its next occurrence (shared/timeline/recurrence
     * nextDue) as a new follow-up whose id is derived from this one, so two devices completing
     * the same follow-up offline make the same next one, not two.
     */
    async completeFollowUp(id: string): Promise<{ done: FollowUp; next: FollowUp | null }> {
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        const at = now();
        const stamp = await clock.stamp();
        const { record: done } = applyPatch(current, { doneAt: at.toISOString() }, stamp);
        await db.followUps.put(done);
        const anchor = new Date(current.repeatAnchor ?? current.dueAt);
        const due = nextDue(current.repeat, new Date(current.dueAt), at, anchor);
        if (!due) return { done, next: null };
        // Derived from this follow-up only (not from "now"), so every device gets the same id.
        const nextId = derivedId(Date.parse(current.dueAt), `followup-next:${current.id}`);
        const existing = await db.followUps.get(nextId);
        if (existing && !existing.deletedAt) return { done, next: existing };
        const base = createMutable(
          {
            contactId: current.contactId,
            title: current.title,
            note: current.note,
            dueAt: due.toISOString(),
            repeat: current.repeat,
            repeatAnchor: anchor.toISOString(),
            previousId: current.id,
          },
          { id: nextId, createdAt: at.toISOString(), stamp },
        );
        const next = existing ? restore({ ...existing, ...base }, stamp) : base;
        await db.followUps.put(next);
        return { done, next };
      });
    },

    /** Undo "done": the follow-up is open again and the next occurrence it made is removed. */
    async reopenFollowUp(id: string, nextId?: string): Promise<FollowUp> {
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        const stamp = await clock.stamp();
        const { record } = applyPatch(current, { doneAt: undefined }, stamp);
        await db.followUps.put(record);
        if (nextId) {
          const next = await db.followUps.get(nextId);
          if (next && !next.deletedAt) await db.followUps.put(tombstone(next, stamp));
        }
        return record;
      });
    },

    /** Remind again at `until` (the due date stays, so it still shows as overdue meanwhile). */
    async snoozeFollowUp(id: string, until: Date): Promise<FollowUp> {
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        const { record, changed } = applyPatch(
          current,
          { snoozedUntil: until.toISOString() },
          await clock.stamp(),
        );
        if (changed.length > 0) await db.followUps.put(record);
        return record;
      });
    },

    async removeFollowUp(id: string): Promise<FollowUp> {
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        if (current.deletedAt) return current;
        const record = tombstone(current, await clock.stamp());
        await db.followUps.put(record);
        return record;
      });
    },

    async restoreFollowUp(id: string): Promise<FollowUp> {
      return rwFollowUps(async () => {
        const current = await mustGet('followUp', await db.followUps.get(id), id);
        if (!current.deletedAt) return current;
        const record = restore(current, await clock.stamp());
        await db.followUps.put(record);
        return record;
      });
    },

    async getFollowUp(id: string): Promise<FollowUp | undefined> {
      const f = await db.followUps.get(id);
      return f && !f.deletedAt ? f : undefined;
    },

    /** A contact's follow-ups (with merged duplicates): open ones by due time, then done ones. */
    async followUpsForContact(contactId: string): Promise<FollowUp[]> {
      const ids = await aliasIds(contactId);
      const all = await db.followUps.where('contactId').anyOf(ids).toArray();
      const live = all.filter((f) => !f.deletedAt);
      const open = live.filter(isOpenFollowUp).sort((a, b) => remindAt(a) - remindAt(b));
      const done = live
        .filter((f) => f.doneAt !== undefined)
        .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
      return [...open, ...done];
    },

    /** Every open follow-up, soonest (effective) due first, with its contact. */
    async openFollowUps(): Promise<FollowUpView[]> {
      const open = (await db.followUps.orderBy('dueAt').filter(isOpenFollowUp).toArray()).sort(
        (a, b) => remindAt(a) - remindAt(b),
      );
      return withContacts(open, (followUp, contact) => ({ followUp, contact }));
    },

    /** Recently done follow-ups, newest first. */
    async doneFollowUps(limit = 200): Promise<FollowUpView[]> {
      const done = (
        await db.followUps.filter((f) => f.doneAt !== undefined && !f.deletedAt).toArray()
      )
        .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''))
        .slice(0, limit);
      return withContacts(done, (followUp, contact) => ({ followUp, contact }));
    },

    // ---- Templates ----

    /** Stored templates plus the built-in ones the user has not edited or deleted. */
    async templates(): Promise<MessageTemplate[]> {
      const stored = await db.templates.toArray();
      const storedIds = new Set(stored.map((t) => t.id));
      const defaults: MessageTemplate[] = DEFAULT_TEMPLATES.filter((d) => !storedIds.has(d.id)).map(
        (d) => ({
          name: d.name,
          purpose: d.purpose,
          body: d.body,
          id: d.id,
          createdAt: new Date(0).toISOString(),
          updatedAt: '' as MessageTemplate['updatedAt'],
          stamps: {},
        }),
      );
      const order: readonly string[] = TEMPLATE_PURPOSES;
      return [...stored.filter((t) => !t.deletedAt), ...defaults].sort(
        (a, b) =>
          order.indexOf(a.purpose) - order.indexOf(b.purpose) || a.name.localeCompare(b.name),
      );
    },

    /** Create (no id) or save a template; a built-in one is stored on its first edit. */
    async saveTemplate(
      id: string | undefined,
      fields: TemplateFields,
    ): Promise<WriteResult<MessageTemplate>> {
      const parsed = templateFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        return {
          ok: false,
          errors: parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            message:
              i.path[0] === 'name'
                ? 'timeline.errors.templateNameRequired'
                : 'timeline.errors.textTooLong',
          })),
        };
      }
      const value = parsed.data;
      return rwTemplates(async () => {
        const stamp = await clock.stamp();
        const at = now();
        const existing = id ? await db.templates.get(id) : undefined;
        if (existing) {
          const base = existing.deletedAt ? restore(existing, stamp) : existing;
          const { record } = applyPatch(base, value, stamp);
          await db.templates.put(record);
          return { ok: true, value: record };
        }
        const record: MessageTemplate = createMutable(value, {
          id: id ?? newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp,
        });
        await db.templates.put(record);
        return { ok: true, value: record };
      });
    },

    async removeTemplate(id: string): Promise<void> {
      await rwTemplates(async () => {
        const stamp = await clock.stamp();
        let current = await db.templates.get(id);
        if (!current) {
          const builtIn = DEFAULT_TEMPLATES.find((d) => d.id === id);
          if (!builtIn) throw new TimelineRecordNotFoundError('template', id);
          const { id: _id, ...fields } = builtIn;
          current = createMutable(fields, { id, createdAt: now().toISOString(), stamp });
        }
        if (!current.deletedAt) await db.templates.put(tombstone(current, stamp));
      });
    },

    async restoreTemplate(id: string): Promise<void> {
      await rwTemplates(async () => {
        const current = await mustGet('template', await db.templates.get(id), id);
        if (current.deletedAt) await db.templates.put(restore(current, await clock.stamp()));
      });
    },

    // ---- Today ----

    /** Birthdays from today to `days` ahead (the shop's calendar), soonest first. */
    async upcomingBirthdays(days = 7): Promise<BirthdayView[]> {
      const live = (await figuresReady(db))
        ? await birthdaysByIndex(days)
        : await db.contacts.filter((c) => isLiveContact(c) && !!c.birthday).toArray();
      const byId = new Map(live.map((c) => [c.id, c]));
      const today = calendarDateIn(now().getTime(), await shopZone());
      return upcomingBirthdays(live, today, days).map((b) => ({
        ...b,
        contact: summary(byId.get(b.contactId)!),
      }));
    },

    /**
     * Customers gone quiet (shared/timeline/gone-quiet), most overdue first; a merged
     * duplicate's purchases count for the contact it was merged into.
     *
     * The visits of every customer (`purchaseVisits`) are read in one pass over the sales and
     * kept, keyed by a fingerprint of the sales table; the next run (a new day, any other
     * table's change) reuses them, and new sales are added to them without a second pass. Only
     * the contacts that are quiet are read, and merges come from the `mergedInto` index.
     */
    async goneQuiet(options: GoneQuietOptions = DEFAULT_GONE_QUIET): Promise<QuietCustomer[]> {
      if (options === DEFAULT_GONE_QUIET && (await figuresReady(db))) return quietByIndex();
      const visits = await purchaseVisits();
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
        const verdict = quietVerdict(merged, at, options, patternOf(merged, options, optionsKey));
        if (verdict.quiet) quiet.push({ id, verdict });
      }
      const rows = await contactRows(quiet.map((q) => q.id));
      const out: QuietCustomer[] = [];
      quiet.forEach((q) => {
        const row = rows.get(q.id);
        // An erased customer is nobody to win back: nothing to reach them by.
        if (row && isLiveContact(row) && !isErased(row)) {
          out.push({ contact: summary(row), verdict: q.verdict });
        }
      });
      return out.sort(
        (a, b) =>
          b.verdict.daysSince / b.verdict.thresholdDays -
            a.verdict.daysSince / a.verdict.thresholdDays ||
          (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0),
      );
    },

    /** Contacts for pickers (follow-up form): live ones, in name order. */
    async contactOptions(): Promise<ContactSummary[]> {
      return (await db.contacts.orderBy('sortKey').filter(isLiveContact).toArray()).map(summary);
    },

    async contactSummary(id: string): Promise<ContactSummary | undefined> {
      const row = (await resolveContacts([id])).get(id);
      return row ? summary(row) : undefined;
    },

    // ---- Reminders (per device) ----

    async lastReminderCheck(): Promise<number | null> {
      const row = await db.meta.get(LAST_REMINDER_CHECK_KEY);
      const ms = row ? Number(row.value) : NaN;
      return Number.isFinite(ms) ? ms : null;
    },

    /**
     * Claim the reminders due in (from, to]: moves the last check from `from` to `to` only if
     * no other window of the app moved it first. The caller shows the reminders only when this
     * returns true, so two open windows never show the same reminder twice.
     */
    async claimReminderWindow(from: number | null, to: number): Promise<boolean> {
      return db.transaction('rw', db.meta, async () => {
        const row = await db.meta.get(LAST_REMINDER_CHECK_KEY);
        const prev = row ? Number(row.value) : NaN;
        const current = Number.isFinite(prev) ? prev : null;
        if (current !== from || (from !== null && to <= from)) return false;
        await db.meta.put({ key: LAST_REMINDER_CHECK_KEY, value: String(to) });
        return true;
      });
    },

    /** Open follow-ups as reminder sources, for the scheduler. */
    async reminderSources(): Promise<FollowUp[]> {
      return db.followUps.filter(isOpenFollowUp).toArray();
    },
  };
}

export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
