import { describe, expect, it } from 'vitest';
import { bucketFollowUps, isOverdue, upcomingBirthdays } from '../../../shared/timeline/today';

const C = '01JD0000000000000000000000';
const fu = (id: string, dueAt: Date, extra = {}) => ({
  id,
  contactId: C,
  title: id,
  dueAt: dueAt.toISOString(),
  ...extra,
});

describe('Today: follow-ups', () => {
  const now = new Date(2026, 10, 23, 14, 0);
  it('splits open follow-ups into overdue (oldest first) and later today; skips done and future', () => {
    const items = [
      fu('later-today', new Date(2026, 10, 23, 18, 0)),
      fu('this-morning', new Date(2026, 10, 23, 9, 0)),
      fu('last-week', new Date(2026, 10, 16, 9, 0)),
      fu('tomorrow', new Date(2026, 10, 24, 9, 0)),
      fu('done', new Date(2026, 10, 20, 9, 0), { doneAt: now.toISOString() }),
      fu('deleted', new Date(2026, 10, 20, 9, 0), { deletedAt: 'x' }),
    ];
    const b = bucketFollowUps(items, now);
    expect(b.overdue.map((f) => f.id)).toEqual(['last-week', 'this-morning']);
    expect(b.today.map((f) => f.id)).toEqual(['later-today']);
  });

  it('a snoozed follow-up is not overdue until its snooze ends', () => {
    const f = fu('s', new Date(2026, 10, 23, 9, 0), {
      snoozedUntil: new Date(2026, 10, 23, 15, 0).toISOString(),
    });
    expect(isOverdue(f, now)).toBe(false);
    expect(bucketFollowUps([f], now).today.map((x) => x.id)).toEqual(['s']);
    expect(isOverdue(f, new Date(2026, 10, 23, 15, 1))).toBe(true);
  });
});

describe('Today: birthdays in the next 7 days', () => {
  const people = [
    { id: 'a', birthday: '1990-11-23' },
    { id: 'b', birthday: '1985-11-30' },
    { id: 'c', birthday: '1985-12-01' },
    { id: 'd' },
    { id: 'e', birthday: '2000-01-02' },
  ];
  it('lists today up to 7 days ahead, soonest first, with the age they turn', () => {
    expect(upcomingBirthdays(people, '2026-11-23')).toEqual([
      { contactId: 'a', date: '2026-11-23', inDays: 0, turns: 36 },
      { contactId: 'b', date: '2026-11-30', inDays: 7, turns: 41 },
    ]);
  });
  it('wraps over the new year', () => {
    expect(upcomingBirthdays(people, '2026-12-28').map((b) => [b.contactId, b.date])).toEqual([
      ['e', '2027-01-02'],
    ]);
  });
  it('29 February is celebrated on 28 February in common years', () => {
    const r = upcomingBirthdays([{ id: 'leap', birthday: '2004-02-29' }], '2027-02-25');
    expect(r).toEqual([{ contactId: 'leap', date: '2027-02-28', inDays: 3, turns: 23 }]);
  });
});
