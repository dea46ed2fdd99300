/**
 * Contact list filters (and saved views, which are named filters). Every condition set must
 * hold; inside one condition any listed value may match (tags: any of them).
 */
import { localCalendarDate, startOfDayIn } from '../dates';
import type { MsSpan } from '../derived/customer-figures';
import type { Contact, LifecycleStage } from '../schemas/contact';
import { foldText } from '../text';

export interface ContactFilter {
  tags?: string[];
  stages?: LifecycleStage[];
  sources?: string[];
  cities?: string[];
  /** 1-12. */
  birthdayMonth?: number;
  /** Calendar dates "YYYY-MM-DD": the last purchase was before / on or after it. */
  lastPurchaseBefore?: string;
  lastPurchaseAfter?: string;
  /** No purchase in the last N days (never bought counts). */
  noPurchaseDays?: number;
  /**
   * One of the shop's own fields (by id): its value contains `text` (case and accents
   * ignored), or has any value when `text` is empty.
   */
  custom?: { id: string; text: string };
}

/** What filters need that is not on the contact row: derived from sales. */
export interface ContactFacts {
  stage: LifecycleStage;
  lastPurchaseAt?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isEmptyFilter(f: ContactFilter): boolean {
  return (
    !f.tags?.length &&
    !f.stages?.length &&
    !f.sources?.length &&
    !f.cities?.length &&
    f.birthdayMonth === undefined &&
    !f.lastPurchaseBefore &&
    !f.lastPurchaseAfter &&
    f.noPurchaseDays === undefined &&
    f.custom === undefined
  );
}

/** Whether the filter looks at sales (so the caller must compute facts). */
export function needsFacts(f: ContactFilter): boolean {
  return (
    !!f.stages?.length ||
    !!f.lastPurchaseBefore ||
    !!f.lastPurchaseAfter ||
    f.noPurchaseDays !== undefined
  );
}

export function matchesFilter(
  c: Contact,
  facts: ContactFacts | undefined,
  f: ContactFilter,
  now: Date,
): boolean {
  if (f.tags?.length) {
    const mine = new Set(c.tags.map(foldText));
    if (!f.tags.some((t) => mine.has(foldText(t)))) return false;
  }
  if (f.sources?.length && !(c.source && f.sources.includes(c.source))) return false;
  if (f.cities?.length) {
    const city = foldText(c.city ?? '');
    if (!f.cities.some((x) => foldText(x) === city)) return false;
  }
  if (f.birthdayMonth !== undefined) {
    if (!c.birthday || Number(c.birthday.slice(5, 7)) !== f.birthdayMonth) return false;
  }
  if (f.custom) {
    const v = c.custom?.[f.custom.id];
    if (v === undefined || !foldText(v).includes(foldText(f.custom.text.trim()))) return false;
  }
  if (!needsFacts(f)) return true;
  const stage = facts?.stage ?? c.stage ?? 'lead';
  if (f.stages?.length && !f.stages.includes(stage)) return false;
  const last = facts?.lastPurchaseAt;
  const lastDay = last ? localCalendarDate(new Date(last)) : undefined;
  if (f.lastPurchaseBefore && !(lastDay && lastDay < f.lastPurchaseBefore)) return false;
  if (f.lastPurchaseAfter && !(lastDay && lastDay >= f.lastPurchaseAfter)) return false;
  if (f.noPurchaseDays !== undefined && last) {
    if (now.getTime() - Date.parse(last) < f.noPurchaseDays * DAY_MS) return false;
  }
  return true;
}

/** The filter without its purchase conditions: what the contact row alone answers. */
export function withoutFacts(f: ContactFilter): ContactFilter {
  const rest: ContactFilter = { ...f };
  delete rest.stages;
  delete rest.lastPurchaseBefore;
  delete rest.lastPurchaseAfter;
  delete rest.noPurchaseDays;
  return rest;
}

/**
 * The last-purchase conditions as ranges of the latest purchase's moment (ms), for the kept
 * figures' index (matchesFilter is the rule; these are the same conditions):
 * - `within`: the latest purchase lies in [lo, hi) (the dates are the device's calendar days);
 * - `notAfter`: no purchase after this moment (never bought counts).
 * Null when a date does not parse (the caller falls back to matchesFilter).
 */
export function lastPurchaseSpans(
  f: ContactFilter,
  now: Date,
): { within?: MsSpan; notAfter?: number } | null {
  const out: { within?: MsSpan; notAfter?: number } = {};
  if (f.lastPurchaseBefore || f.lastPurchaseAfter) {
    const hi = f.lastPurchaseBefore ? startOfDayIn(f.lastPurchaseBefore) : Infinity;
    const lo = f.lastPurchaseAfter ? startOfDayIn(f.lastPurchaseAfter) : -Infinity;
    if (hi === null || lo === null) return null;
    out.within = { lo, hi };
  }
  if (f.noPurchaseDays !== undefined) {
    if (!Number.isFinite(f.noPurchaseDays)) return null;
    out.notAfter = now.getTime() - f.noPurchaseDays * DAY_MS;
  }
  return out;
}
