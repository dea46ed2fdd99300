import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  dateOrderOf,
  datePattern,
  parseTypedDate,
  readDateText,
  startOfDayIn,
  zonedTimeToUtc,
} from '../../../shared/dates';

describe('typed dates follow the locale’s order', () => {
  it('knows the order of each locale', () => {
    expect(dateOrderOf('id-ID')).toBe('dmy');
    expect(dateOrderOf('en-ID')).toBe('dmy');
    expect(dateOrderOf('en-US')).toBe('mdy');
    expect(dateOrderOf('ja-JP')).toBe('ymd');
    expect(datePattern('id-ID')).toBe('DD/MM/YYYY');
    expect(datePattern('en-US')).toBe('MM/DD/YYYY');
  });

  it('reads "01/10/2025" as 1 October in Bahasa Indonesia and 10 January in en-US', () => {
    expect(parseTypedDate('01/10/2025', 'id-ID')).toEqual({ ok: true, date: '2025-10-01' });
    expect(parseTypedDate('01/10/2025', 'en-ID')).toEqual({ ok: true, date: '2025-10-01' });
    expect(parseTypedDate('01/10/2025', 'en-US')).toEqual({ ok: true, date: '2025-01-10' });
    expect(parseTypedDate('25/10/2025', 'id-ID')).toEqual({ ok: true, date: '2025-10-25' });
    expect(parseTypedDate('1-10-2025', 'id-ID')).toEqual({ ok: true, date: '2025-10-01' });
    expect(parseTypedDate('1.10.2025', 'id-ID')).toEqual({ ok: true, date: '2025-10-01' });
  });

  it('says an impossible date is impossible instead of dropping or moving it', () => {
    expect(parseTypedDate('31/02/1990', 'id-ID')).toEqual({ ok: false, code: 'impossible' });
    expect(parseTypedDate('25/10/2025', 'en-US')).toEqual({ ok: false, code: 'impossible' });
    expect(parseTypedDate('1990-02-31', 'id-ID')).toEqual({ ok: false, code: 'impossible' });
    expect(parseTypedDate('29/02/2023', 'id-ID')).toEqual({ ok: false, code: 'impossible' });
    expect(parseTypedDate('29/02/2024', 'id-ID')).toEqual({ ok: true, date: '2024-02-29' });
  });

  it('reads ISO dates and month names in the language, and refuses the rest', () => {
    expect(parseTypedDate('1990-08-17', 'en-US')).toEqual({ ok: true, date: '1990-08-17' });
    expect(parseTypedDate('17 Agustus 1990', 'id-ID')).toEqual({ ok: true, date: '1990-08-17' });
    expect(parseTypedDate('17 Agu 1990', 'id-ID')).toEqual({ ok: true, date: '1990-08-17' });
    expect(parseTypedDate('Aug 17, 1990', 'en-US')).toEqual({ ok: true, date: '1990-08-17' });
    expect(parseTypedDate('17 August 1990', 'id-ID')).toEqual({ ok: true, date: '1990-08-17' });
    expect(parseTypedDate('', 'id-ID')).toBeNull();
    for (const bad of ['yesterday', '1/10/25', '12/2025', '17 Foo 1990', '2025-10-01T10:00'])
      expect(parseTypedDate(bad, 'id-ID')).toMatchObject({ ok: false, code: 'format' });
  });

  it('reads file dates with times, and tells format from impossible', () => {
    expect(readDateText('23/11/2026 14:05', 'dmy')).toEqual({
      ok: true,
      value: { y: 2026, mo: 11, d: 23, h: 14, mi: 5, s: 0 },
    });
    expect(readDateText('12/1/2010 8:26', 'mdy')).toMatchObject({ value: { mo: 12, d: 1, h: 8 } });
    expect(readDateText('30/02/2026', 'dmy')).toEqual({ ok: false, code: 'impossible' });
    expect(readDateText('nope', 'dmy')).toEqual({ ok: false, code: 'format' });
  });
});

describe('the shop’s time zone', () => {
  const t = { y: 2026, mo: 1, d: 15, h: 10, mi: 0, s: 0 };
  it('reads a wall-clock time in WIB and WITA as their own instants, whatever the device', () => {
    expect(new Date(zonedTimeToUtc(t, 'Asia/Jakarta')).toISOString()).toBe(
      '2026-01-15T03:00:00.000Z',
    );
    expect(new Date(zonedTimeToUtc(t, 'Asia/Makassar')).toISOString()).toBe(
      '2026-01-15T02:00:00.000Z',
    );
    // Across a daylight-saving change the offset of that day counts.
    expect(new Date(zonedTimeToUtc({ ...t, mo: 7 }, 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-15T08:00:00.000Z',
    );
  });

  it('gives the calendar date and the start of a day in the zone', () => {
    const ms = Date.parse('2026-01-15T18:30:00Z');
    expect(calendarDateIn(ms, 'Asia/Jakarta')).toBe('2026-01-16');
    expect(calendarDateIn(ms, 'America/New_York')).toBe('2026-01-15');
    expect(new Date(startOfDayIn('2026-01-16', 'Asia/Makassar')!).toISOString()).toBe(
      '2026-01-15T16:00:00.000Z',
    );
    expect(startOfDayIn('2026-02-30', 'Asia/Jakarta')).toBeNull();
  });
});
