/** shared/loyalty/birthday.ts: who gets a birthday bonus, when, how much, and its id (no Dexie). */
import { describe, expect, it } from 'vitest';
import { birthdayEventId } from '../../../shared/event-ids';
import {
  birthdayBonusesDue,
  birthdayBonusPossible,
  birthdaysInWindow,
} from '../../../shared/loyalty/birthday';
import { DEFAULT_RULE, parseRules, withVersion } from '../../../shared/loyalty/rules';

const contact = { id: '01J0000000ABCDEFGHJKMNPQRS', birthday: '1990-11-20' };
const today = Date.parse('2026-11-23T10:00:00+07:00');
const rules = (birthdayBonus: number) => ({
  ...withVersion(parseRules(undefined), { ...DEFAULT_RULE, birthdayBonus }),
  timeZone: 'Asia/Jakarta',
});

describe('birthday bonus rule', () => {
  it('gives a member the bonus of the rule, dated at midnight of the birthday in the shop', () => {
    expect(birthdayBonusesDue(contact, true, rules(20), today)).toEqual([
      {
        id: birthdayEventId(contact.id, 2026, 11, 20),
        contactId: contact.id,
        at: '2026-11-19T17:00:00.000Z',
        points: 20,
        ruleId: DEFAULT_RULE.id,
      },
    ]);
  });

  it('gives nothing to a contact without a purchase, without a birthday, or with no bonus', () => {
    expect(birthdayBonusesDue(contact, false, rules(20), today)).toEqual([]);
    expect(birthdayBonusesDue({ id: contact.id }, true, rules(20), today)).toEqual([]);
    expect(birthdayBonusesDue(contact, true, rules(0), today)).toEqual([]);
    expect(birthdayBonusPossible(rules(0), today)).toBe(false);
    expect(birthdayBonusPossible(rules(20), today)).toBe(true);
  });

  it('gives it up to 30 days after the birthday, not before it', () => {
    const day = 86_400_000;
    const birthday = Date.parse('2026-11-19T17:00:00.000Z');
    expect(birthdaysInWindow(contact.birthday, birthday - 1, 'Asia/Jakarta')).toEqual([]);
    expect(birthdaysInWindow(contact.birthday, birthday + 30 * day, 'Asia/Jakarta')).toHaveLength(
      1,
    );
    expect(birthdaysInWindow(contact.birthday, birthday + 31 * day, 'Asia/Jakarta')).toEqual([]);
  });

  it('counts 29 February on 28 February in a common year', () => {
    const leap = { id: contact.id, birthday: '2000-02-29' };
    const due = birthdayBonusesDue(leap, true, rules(5), Date.parse('2027-03-01T10:00:00+07:00'));
    expect(due.map((b) => b.at)).toEqual(['2027-02-27T17:00:00.000Z']);
  });

  it('has one id per contact and year, whatever the day or run', () => {
    const a = birthdayBonusesDue(contact, true, rules(20), today);
    const b = birthdayBonusesDue(contact, true, rules(20), today + 86_400_000);
    expect(a[0]!.id).toBe(b[0]!.id);
  });
});
