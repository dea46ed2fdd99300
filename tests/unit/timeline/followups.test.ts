import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  followUpEdit,
  followUpFields,
  nextFollowUpFields,
} from '../../../shared/timeline/followups';
import { REPEAT_RULES } from '../../../shared/schemas/followup';

const ID = '01JD0000000000000000000000';
const base = {
  id: ID,
  contactId: '01JD0000000000000000000001',
  title: 'Send the price list',
  note: undefined,
  dueAt: '2026-01-31T02:00:00.000Z',
  repeat: 'monthly' as const,
  repeatAnchor: undefined,
};
const form = { ...base, note: '' };

describe('a follow-up edit', () => {
  it('a new due time ends the snooze and restarts the series from it', () => {
    const patch = followUpEdit(base, { ...form, dueAt: '2026-02-05T02:00:00.000Z' });
    expect(patch).toMatchObject({ dueAt: '2026-02-05T02:00:00.000Z' });
    expect('snoozedUntil' in patch && patch.snoozedUntil === undefined).toBe(true);
    expect('repeatAnchor' in patch && patch.repeatAnchor === undefined).toBe(true);
  });

  it('the same due time keeps the snooze and the series', () => {
    const patch = followUpEdit(base, { ...form, title: 'Call back' });
    expect('snoozedUntil' in patch).toBe(false);
    expect('repeatAnchor' in patch).toBe(false);
    expect(patch.title).toBe('Call back');
  });

  it('an empty or blank note is no note', () => {
    expect(followUpFields({ ...form, note: '   ' }).note).toBeUndefined();
    expect(followUpFields({ ...form, note: 'Bring samples' }).note).toBe('Bring samples');
  });
});

describe('the next occurrence of a done follow-up', () => {
  it('does not repeat: none', () => {
    expect(nextFollowUpFields({ ...base, repeat: 'none' }, new Date('2026-02-01T00:00:00Z'))).toBe(
      null,
    );
  });

  it('monthly from the 31st keeps the anchor, so February does not move the series to the 28th', () => {
    const next = nextFollowUpFields(base, new Date('2026-01-31T05:00:00Z'))!;
    expect(next).toMatchObject({
      contactId: base.contactId,
      title: base.title,
      repeat: 'monthly',
      previousId: ID,
      repeatAnchor: base.dueAt,
    });
    expect(next.dueAt.slice(0, 10)).toBe('2026-02-28');
    const after = nextFollowUpFields({ ...base, ...next, id: 'x' }, new Date(next.dueAt))!;
    expect(after.dueAt.slice(0, 10)).toBe('2026-03-31');
    expect(after.repeatAnchor).toBe(base.dueAt);
  });

  it('a repeating follow-up done late is next due after it was done, never in the past', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REPEAT_RULES.filter((r) => r !== 'none')),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (repeat, lateMs) => {
          const doneAt = new Date(Date.parse(base.dueAt) + lateMs);
          const next = nextFollowUpFields({ ...base, repeat }, doneAt)!;
          expect(Date.parse(next.dueAt)).toBeGreaterThan(doneAt.getTime());
        },
      ),
    );
  });
});
