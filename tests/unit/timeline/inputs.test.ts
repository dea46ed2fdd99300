import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';
import { MAX_TEXT } from '../../../shared/schemas/common';
import {
  isInPast,
  parseFollowUpInput,
  parseInteractionInput,
  parseResolutionInput,
} from '../../../shared/timeline/inputs';
import { TIMELINE_ERRORS } from '../../../shared/timeline/errors';

const CONTACT = '01JD0000000000000000000000';
const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree);

describe('interaction input', () => {
  const base = {
    contactId: CONTACT,
    kind: 'call',
    at: '2026-11-23T10:00:00+07:00',
    text: 'Asked for the price list',
  };

  it('accepts a note and stores the moment as UTC ISO', () => {
    const r = parseInteractionInput(base);
    expect(r).toMatchObject({ ok: true, value: { at: '2026-11-23T03:00:00.000Z', outcome: '' } });
  });

  it('refuses empty or blank text with a message key', () => {
    for (const text of ['', '   \n\t ']) {
      expect(parseInteractionInput({ ...base, text })).toEqual({
        ok: false,
        error: [{ path: 'text', message: 'timeline.errors.textRequired' }],
      });
    }
  });

  it('keeps very long text whole, up to the limit, and refuses beyond it', () => {
    const long = 'Panjang sekali. '.repeat(MAX_TEXT / 16);
    const r = parseInteractionInput({ ...base, text: long });
    expect(r.ok && r.value.text).toBe(long);
    const tooLong = parseInteractionInput({ ...base, text: `${long}x` });
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.error[0]!.message).toBe('timeline.errors.textTooLong');
  });

  it('refuses an invalid date', () => {
    const r = parseInteractionInput({ ...base, at: '2026-02-30T25:00' });
    expect(!r.ok && r.error.map((e) => e.message)).toEqual(['timeline.errors.dateInvalid']);
  });
});

describe('follow-up input', () => {
  const base = { contactId: CONTACT, title: 'Send price list', dueAt: '2026-11-24T09:00:00+07:00' };

  it('defaults to not repeating and requires a contact and a title', () => {
    expect(parseFollowUpInput(base)).toMatchObject({ ok: true, value: { repeat: 'none' } });
    const r = parseFollowUpInput({ ...base, contactId: '', title: '  ' });
    expect(!r.ok && r.error.map((e) => e.message).sort()).toEqual([
      'timeline.errors.contactRequired',
      'timeline.errors.titleRequired',
    ]);
  });

  it('a time in the past is recognized (the form asks for confirmation)', () => {
    const now = new Date('2026-11-24T02:30:00Z');
    expect(isInPast('2026-11-24T09:00:00+07:00', now)).toBe(true);
    expect(isInPast('2026-11-24T10:00:00+07:00', now)).toBe(false);
  });
});

describe('complaint resolution input', () => {
  it('resolving needs resolution text; moving to in progress does not', () => {
    expect(parseResolutionInput({ status: 'resolved', resolution: ' ' })).toEqual({
      ok: false,
      error: [{ path: 'resolution', message: 'timeline.errors.resolutionRequired' }],
    });
    expect(parseResolutionInput({ status: 'in_progress' }).ok).toBe(true);
  });
});

describe('validation messages', () => {
  it('every message key exists in English and Bahasa Indonesia', () => {
    for (const key of TIMELINE_ERRORS) {
      expect(typeof lookup(en, key), key).toBe('string');
      expect(typeof lookup(id, key), key).toBe('string');
    }
  });
});
