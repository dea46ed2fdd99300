/**
 * Repeating follow-ups (weekly, monthly, yearly), in the device's local time: "every month on
 * the 31st at 10:00" stays at 10:00 across daylight-saving changes and lands on the last day
 * of shorter months (31 Jan -> 28/29 Feb -> 31 Mar: the day is taken from the series' anchor,
 * so a short month never drags later occurrences earlier).
 */
import type { REPEAT_RULES } from '../schemas/followup';

export type RepeatRule = (typeof REPEAT_RULES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const AVERAGE_PERIOD_MS = {
  weekly: 7 * DAY_MS,
  monthly: 30.436875 * DAY_MS,
  yearly: 365.2425 * DAY_MS,
};

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(year, monthIndex + 1, 0).getDate();
}

/**
 * The `n`-th occurrence of a series that starts at `anchor` (n = 0 is the anchor itself).
 * Monthly and yearly keep the anchor's day of month, clamped to the month's last day
 * (a 29 Feb yearly series falls on 28 Feb in other years).
 */
export function occurrence(anchor: Date, rule: Exclude<RepeatRule, 'none'>, n: number): Date {
  const y = anchor.getFullYear();
  const m = anchor.getMonth();
  const d = anchor.getDate();
  const time = [anchor.getHours(), anchor.getMinutes(), anchor.getSeconds(), 0] as const;
  if (rule === 'weekly') {
    return new Date(y, m, d + 7 * n, ...time);
  }
  const monthIndex = rule === 'monthly' ? m + n : m + 12 * n;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  return new Date(year, month, Math.min(d, daysInMonth(year, month)), ...time);
}

/**
 * When a repeating follow-up is next due after the one due at `due` is done (or skipped).
 * It is the first occurrence of the series (anchored at `anchor`, default `due`) that is later
 * than `due` AND later than `now`: finishing a weekly task three weeks late gives one new task
 * in the future, not three overdue ones. Returns null for `none`.
 */
export function nextDue(rule: RepeatRule, due: Date, now: Date, anchor: Date = due): Date | null {
  if (rule === 'none') return null;
  const after = Math.max(due.getTime(), now.getTime());
  // Jump close to the answer with the average period, then step: a series running for years
  // stays cheap. Walk back first in case the estimate overshot.
  const periodMs = AVERAGE_PERIOD_MS[rule];
  let n = Math.max(1, Math.floor((after - anchor.getTime()) / periodMs) - 2);
  while (n > 1 && occurrence(anchor, rule, n - 1).getTime() > after) n--;
  for (;;) {
    const next = occurrence(anchor, rule, n);
    if (next.getTime() > after) return next;
    n++;
  }
}
