import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/phone';

const e164 = (input: string, region?: string) => {
  const r = normalizePhone(input, region);
  return r.ok ? r.value.e164 : r.error;
};

describe('numbers typed without "+" (#18.1, #19.2)', () => {
  it('"62811223344" is +62811223344, never +6262811223344', () => {
    expect(e164('62811223344')).toBe('+62811223344');
    expect(e164('62 812-3456-7890')).toBe('+6281234567890');
    expect(e164('6221 555 1234')).toBe('+62215551234');
  });

  it('"0812…" and "812…" are Indonesian mobiles; "(021) …" an Indonesian landline', () => {
    expect(e164('0812-3456-7890')).toBe('+6281234567890');
    expect(e164('812 3456 7890')).toBe('+6281234567890');
    expect(e164('(021) 555 1234')).toBe('+62215551234');
  });

  it('a US number without "+" is not made Indonesian: it needs its country', () => {
    expect(e164('(650) 555-1212')).toBe('needs-country');
    expect(e164('1-650-555-1212')).toBe('needs-country');
    expect(e164('+1 (650) 555-1212')).toBe('+16505551212');
    expect(e164('00 1 650 555 1212')).toBe('+16505551212');
  });

  it('the default country decides what a local number means', () => {
    expect(e164('(650) 555-1212', 'US')).toBe('+16505551212');
    expect(e164('090-1234-5678', 'JP')).toBe('+819012345678');
    // Still an Indonesian number when it says so.
    expect(e164('+62 812 3456 7890', 'US')).toBe('+6281234567890');
    // An unknown region falls back to Indonesia instead of throwing.
    expect(e164('0812-3456-7890', 'XX')).toBe('+6281234567890');
  });

  it('short codes and fragments are refused, not guessed', () => {
    expect(e164('112')).toBe('invalid');
    expect(e164('08123')).toBe('invalid');
    expect(e164('n/a')).toBe('invalid');
  });

  it('an extension is kept apart from the number', () => {
    const r = normalizePhone('+1 650 555 1212 ext. 12');
    expect(r).toEqual({
      ok: true,
      value: { e164: '+16505551212', national: '6505551212', countryCallingCode: '1', ext: '12' },
    });
    const id = normalizePhone('0812-3456-7890 x5');
    expect(id.ok && id.value.ext).toBe('5');
  });
});
