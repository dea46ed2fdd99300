/**
 * Report periods: half-open ranges [start, end) of epoch milliseconds. Calendar periods (month,
 * quarter, year) follow the calendar at the caller's UTC offset; a custom period is any range of
 * whole days. The previous period of a calendar period is the calendar period before it; of a
 * custom period, the range of the same length that ends where it starts.
 */
import { DAY_MS, monthIndex, monthStart } from './time';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** First millisecond in the period. */
  start: number;
  /** First millisecond after the period. */
  end: number;
}

const MONTHS: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter or year that contains `ms`. */
export function periodContaining(
  kind: Exclude<PeriodKind, 'custom'>,
  ms: number,
  utcOffsetMinutes: number,
): Period {
  const span = MONTHS[kind];
  const mi = monthIndex(ms, utcOffsetMinutes);
  const first = mi - (((mi % span) + span) % span);
  return {
    kind,
    start: monthStart(first, utcOffsetMinutes),
    end: monthStart(first + span, utcOffsetMinutes),
  };
}

/** Whole days from `first` to `last` inclusive ("YYYY-MM-DD"), at the caller's UTC offset. */
export function customPeriod(first: string, last: string, utcOffsetMinutes: number): Period {
  const day = (s: string): number => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) throw new RangeError(`not a calendar date: ${s}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - utcOffsetMinutes * 60_000;
  };
  const a = day(first);
  const b = day(last);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { kind: 'custom', start: lo, end: hi + 24 * 60 * 60 * 1000 };
}

/** The period `steps` periods away (negative: earlier). */
export function shiftPeriod(p: Period, steps: number, utcOffsetMinutes: number): Period {
  if (p.kind === 'custom') {
    const len = p.end - p.start;
    return { kind: 'custom', start: p.start + steps * len, end: p.end + steps * len };
  }
  const span = MONTHS[p.kind];
  const first = monthIndex(p.start, utcOffsetMinutes) + steps * span;
  return {
    kind: p.kind,
    start: monthStart(first, utcOffsetMinutes),
    end: monthStart(first + span, utcOffsetMinutes),
  };
}

/** The period to compare with: the one just before. */
export function previousPeriod(p: Period, utcOffsetMinutes: number): Period {
  return shiftPeriod(p, -1, utcOffsetMinutes);
}

/** The period measured and the one it is compared with. */
export interface ComparedPeriods {
  current: Period;
  previous: Period;
  /** True when the period is still running at `now`: both are cut to the time elapsed. */
  partial: boolean;
}

/**
 * Like with like. A period still running at `now` is partial: it is measured to the end of
 * today (month to date, today included), and the previous period is cut the same number of
 * days after its start (1-3 December against 1-3 November), never past its own end (1-31 March
 * against all of February). A finished or future period, or no `now`, compares whole periods.
 */
export function comparablePeriods(
  p: Period,
  now: number | undefined,
  utcOffsetMinutes: number,
): ComparedPeriods {
  const previous = previousPeriod(p, utcOffsetMinutes);
  if (now === undefined || !(now >= p.start && now < p.end))
    return { current: p, previous, partial: false };
  const offsetMs = utcOffsetMinutes * 60_000;
  const endOfToday = (Math.floor((now + offsetMs) / DAY_MS) + 1) * DAY_MS - offsetMs;
  if (endOfToday >= p.end) return { current: p, previous, partial: false };
  const elapsed = endOfToday - p.start;
  return {
    current: { ...p, end: endOfToday },
    previous: { ...previous, end: Math.min(previous.end, previous.start + elapsed) },
    partial: true,
  };
}
