import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contactInputSchema,
  contactToInput,
  emptyContactInput,
  parseContactInput,
  type ContactInput,
  type ContactInputResult,
  type FieldError,
} from '../../../shared/contact-input';
import { localCalendarDate } from '../../../shared/dates';
import { contactFieldsSchema, type ContactFields } from '../../../shared/schemas';

function input(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    name: 'Siti Nurhaliza',
    phones: [{ label: 'mobile', raw: '0812-3456-7890' }],
    email: '',
    tags: [],
    birthday: '',
    note: '',
    ...overrides,
  };
}

function errorsOf(result: ContactInputResult): FieldError[] {
  if (result.ok) throw new Error('expected errors, got a valid result');
  return result.errors;
}

function fieldsOf(result: ContactInputResult) {
  if (!result.ok) throw new Error(`expected valid input, got ${JSON.stringify(result.errors)}`);
  return result.fields;
}

function daysFromToday(days: number): string {
  return localCalendarDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

describe('parseContactInput: valid input', () => {
  it('normalizes phones to E.164 and keeps what was typed', () => {
    const fields = fieldsOf(
      parseContactInput(
        input({
          phones: [
            { label: 'mobile', raw: ' 0812-3456-7890 ' },
            { label: 'work', raw: '(021) 555 1234' },
            { label: 'other', raw: '+1 415 555 2671' },
          ],
        }),
      ),
    );
    expect(fields.phones).toEqual([
      { label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' },
      { label: 'work', raw: '(021) 555 1234', e164: '+62215551234' },
      { label: 'other', raw: '+1 415 555 2671', e164: '+14155552671' },
    ]);
  });

  it('lowercases and trims the email, and leaves an empty email out', () => {
    expect(fieldsOf(parseContactInput(input({ email: '  Siti@Example.CO.ID ' }))).email).toBe(
      'siti@example.co.id',
    );
    expect(fieldsOf(parseContactInput(input({ email: '' }))).email).toBeUndefined();
    expect(fieldsOf(parseContactInput(input({ email: '   ' }))).email).toBeUndefined();
  });

  it('drops blank phone rows', () => {
    const fields = fieldsOf(
      parseContactInput(
        input({
          phones: [
            { label: 'mobile', raw: '' },
            { label: 'whatsapp', raw: '   ' },
            { label: 'home', raw: '0812-3456-7890' },
          ],
        }),
      ),
    );
    expect(fields.phones).toEqual([
      { label: 'home', raw: '0812-3456-7890', e164: '+6281234567890' },
    ]);
    // The new-contact form starts with one blank row; saving it with a name stores no phone.
    expect(fieldsOf(parseContactInput({ ...emptyContactInput(), name: 'Budi' })).phones).toEqual(
      [],
    );
  });

  it('dedupes tags after trimming, keeping their order', () => {
    const fields = fieldsOf(
      parseContactInput(input({ tags: ['vip', ' reseller', 'vip ', 'reseller'] })),
    );
    expect(fields.tags).toEqual(['vip', 'reseller']);
  });

  it('trims the name, keeps birthday and note', () => {
    const fields = fieldsOf(
      parseContactInput(
        input({ name: '  Budi  ', birthday: '1990-08-17', note: ' line 1\nline 2 ' }),
      ),
    );
    expect(fields.name).toBe('Budi');
    expect(fields.birthday).toBe('1990-08-17');
    expect(fields.note).toBe(' line 1\nline 2 ');
  });

  it('accepts a birthday of today and 29 February of a leap year', () => {
    expect(parseContactInput(input({ birthday: localCalendarDate(new Date()) })).ok).toBe(true);
    expect(parseContactInput(input({ birthday: '2024-02-29' })).ok).toBe(true);
  });

  it('makes fields the stored contact schema accepts', () => {
    const fields = fieldsOf(
      parseContactInput(
        input({ email: 'A@B.ID', tags: ['vip'], birthday: '1990-08-17', note: 'hi' }),
      ),
    );
    expect(contactFieldsSchema.safeParse(fields).success).toBe(true);
  });
});

describe('parseContactInput: errors are i18n keys at dotted paths', () => {
  it('requires a name', () => {
    for (const name of ['', '   ']) {
      expect(errorsOf(parseContactInput(input({ name })))).toContainEqual({
        path: 'name',
        message: 'errors.nameRequired',
      });
    }
    expect(errorsOf(parseContactInput(input({ name: 'x'.repeat(201) })))).toContainEqual({
      path: 'name',
      message: 'errors.nameTooLong',
    });
  });

  it('points at the row of an invalid phone', () => {
    const errors = errorsOf(
      parseContactInput(
        input({
          phones: [
            { label: 'mobile', raw: '0812-3456-7890' },
            { label: 'work', raw: '0812345' },
          ],
        }),
      ),
    );
    expect(errors).toEqual([{ path: 'phones.1.raw', message: 'errors.phoneInvalid' }]);
  });

  it('reports a too-long or non-numeric phone as invalid too', () => {
    const errors = errorsOf(
      parseContactInput(
        input({
          phones: [
            { label: 'mobile', raw: 'abc' },
            { label: 'home', raw: '' },
            { label: 'work', raw: '0'.repeat(41) },
          ],
        }),
      ),
    );
    expect(errors).toEqual([
      { path: 'phones.0.raw', message: 'errors.phoneInvalid' },
      { path: 'phones.2.raw', message: 'errors.phoneInvalid' },
    ]);
  });

  it('flags the same number typed twice in different formats as a duplicate', () => {
    const errors = errorsOf(
      parseContactInput(
        input({
          phones: [
            { label: 'mobile', raw: '0812-3456-7890' },
            { label: 'whatsapp', raw: '+62 812 3456 7890' },
          ],
        }),
      ),
    );
    expect(errors).toEqual([{ path: 'phones.1.raw', message: 'errors.phoneDuplicate' }]);
  });

  it('refuses a bad email', () => {
    for (const email of ['siti', 'siti@', '@example.id', 'siti@example', 'si ti@example.id']) {
      expect(errorsOf(parseContactInput(input({ email }))), email).toContainEqual({
        path: 'email',
        message: 'errors.emailInvalid',
      });
    }
  });

  it('refuses an impossible birthday', () => {
    for (const birthday of ['2026-02-30', '2025-02-29', '17-08-1990', '1990-8-17']) {
      expect(errorsOf(parseContactInput(input({ birthday }))), birthday).toContainEqual({
        path: 'birthday',
        message: 'errors.dateInvalid',
      });
    }
  });

  it('refuses a birthday in the future', () => {
    for (const birthday of [daysFromToday(2), daysFromToday(400), '2999-01-01']) {
      expect(errorsOf(parseContactInput(input({ birthday }))), birthday).toEqual([
        { path: 'birthday', message: 'errors.birthdayFuture' },
      ]);
    }
  });

  it('reports several field errors at once', () => {
    const errors = errorsOf(
      parseContactInput(input({ name: '', email: 'nope', birthday: '2026-02-30' })),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(['birthday', 'email', 'name']);
  });

  it('speaks only in i18n keys for anything a user can type into the form', () => {
    const bad: Partial<ContactInput>[] = [
      { name: '' },
      { name: 'x'.repeat(201) },
      { email: 'x'.repeat(250) + '@a.id' },
      { tags: ['x'.repeat(51)] },
      { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { birthday: '2026-02-30' },
      { note: 'x'.repeat(100_001) },
      { phones: Array.from({ length: 21 }, () => ({ label: 'mobile' as const, raw: '' })) },
    ];
    for (const overrides of bad) {
      const errors = errorsOf(parseContactInput(input(overrides)));
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.message, JSON.stringify(e)).toMatch(/^errors\.[A-Za-z]+$/);
        expect(e.path).toMatch(/^[a-z]+(\.\d+(\.[a-z]+)?)?$/);
      }
    }
  });

  it('answers a blank tag with an i18n key (or drops it), never with a raw English message', () => {
    const r = parseContactInput(input({ tags: ['vip', '   '] }));
    if (r.ok) {
      expect(r.fields.tags).toEqual(['vip']);
    } else {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]!.path).toBe('tags.1');
      expect(r.errors[0]!.message).toMatch(/^errors\.[A-Za-z]+$/);
    }
  });

  it('refuses input that is not a form at all, without throwing', () => {
    for (const v of [null, undefined, 42, 'Siti', {}, { ...input(), phones: 'x' }]) {
      const r = parseContactInput(v);
      expect(r.ok).toBe(false);
    }
  });
});

describe('contactToInput', () => {
  const stored: Omit<ContactFields, 'mergedInto'> = {
    name: 'Siti Nurhaliza',
    phones: [
      { label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' },
      { label: 'work', raw: '(021) 555 1234', e164: '+62215551234' },
    ],
    email: 'siti@example.id',
    tags: ['vip', 'reseller'],
    birthday: '1990-08-17',
    note: 'Suka batik',
  };

  it('gives the form the values as typed', () => {
    expect(contactToInput(stored)).toEqual({
      name: 'Siti Nurhaliza',
      phones: [
        { label: 'mobile', raw: '0812-3456-7890' },
        { label: 'work', raw: '(021) 555 1234' },
      ],
      email: 'siti@example.id',
      tags: ['vip', 'reseller'],
      birthday: '1990-08-17',
      note: 'Suka batik',
    });
  });

  it('offers one empty phone row and empty strings for missing values', () => {
    const form = contactToInput({ name: 'Budi', phones: [], tags: [], note: '' });
    expect(form).toEqual({ ...emptyContactInput(), name: 'Budi' });
    expect(contactInputSchema.safeParse(form).success).toBe(true);
  });

  it('round-trips: saving the form unchanged gives the same fields', () => {
    expect(fieldsOf(parseContactInput(contactToInput(stored)))).toEqual(stored);
    const bare = { name: 'Budi', phones: [], tags: [], note: '' };
    expect(fieldsOf(parseContactInput(contactToInput(bare)))).toEqual(bare);
  });

  it('round-trips any stored contact (property)', () => {
    const phonePool = [
      { raw: '0812-3456-7890', e164: '+6281234567890' },
      { raw: '(021) 555 1234', e164: '+62215551234' },
      { raw: '+1 415 555 2671', e164: '+14155552671' },
      { raw: '0813 1111 2222', e164: '+6281311112222' },
    ];
    const trimmed = (max: number) =>
      fc
        .string({ minLength: 1, maxLength: max })
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    const contactArb = fc.record({
      name: trimmed(200),
      phones: fc
        .subarray(phonePool)
        .chain((ps) =>
          fc.tuple(
            ...ps.map((p) =>
              fc
                .constantFrom('mobile', 'whatsapp', 'home', 'work', 'other' as const)
                .map((label) => ({ label, ...p })),
            ),
          ),
        ),
      email: fc.option(fc.constantFrom('siti@example.id', 'budi.s@toko.co.id'), { nil: undefined }),
      tags: fc.uniqueArray(trimmed(50), { maxLength: 5 }),
      birthday: fc.option(fc.constantFrom('1990-08-17', '2000-02-29', '1975-12-31'), {
        nil: undefined,
      }),
      note: fc.string({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(contactArb, (c) => {
        const fields = fieldsOf(parseContactInput(contactToInput(c as ContactFields)));
        expect(fields).toEqual(c);
      }),
      { numRuns: 200 },
    );
  });
});
