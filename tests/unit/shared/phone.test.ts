import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/host-api';
import {
  formatPhone,
  normalizePhone,
  phoneQueryDigits,
  phoneSearchKeys,
  waNumber,
  type NormalizedPhone,
} from '../../../shared/phone';

function normalized(input: string): NormalizedPhone {
  const r = normalizePhone(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to be valid, got ${r.error}`);
  return r.value;
}

describe('normalizePhone', () => {
  it.each([
    '0812-3456-7890',
    '6281234567890',
    '+62 812 3456 7890',
    '62 812-3456-7890',
    '081234567890',
    '812 3456 7890',
    '  0812 3456 7890  ',
    '+62 (812) 3456-7890',
  ])('%s is the Indonesian mobile +6281234567890', (input) => {
    expect(normalized(input)).toEqual({
      e164: '+6281234567890',
      national: '81234567890',
      countryCallingCode: '62',
    });
  });

  it('normalizes a Jakarta landline', () => {
    expect(normalized('(021) 555 1234').e164).toBe('+62215551234');
    expect(normalized('021-5551234').e164).toBe('+62215551234');
  });

  it('keeps a foreign number typed with + foreign', () => {
    const us = normalized('+1 415 555 2671');
    expect(us.e164).toBe('+14155552671');
    expect(us.countryCallingCode).toBe('1');
    expect(us.national).toBe('4155552671');
    expect(normalized('+44 20 7946 0958').e164).toBe('+442079460958');
  });

  it.each([
    ['0812345', 'invalid'],
    ['abc', 'invalid'],
    ['0000000000', 'invalid'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    ['0'.repeat(41), 'too-long'],
    [`0812-3456-7890${' x'.repeat(14)}`, 'too-long'],
  ])('%j is refused as %s', (input, code) => {
    expect(normalizePhone(input)).toEqual({ ok: false, error: code });
  });
});

describe('phoneQueryDigits', () => {
  it.each(['0812', '812 3456', '+62812', '62812', '+62 812', '0812-3456-7890', '62 812-3456'])(
    '%s means national digits starting "812"',
    (q) => {
      const d = phoneQueryDigits(q);
      expect(d.startsWith('812')).toBe(true);
      expect(d).toMatch(/^\d+$/);
    },
  );

  it('finds the stored number for every common way of typing its start', () => {
    const [key] = phoneSearchKeys(normalized('0812-3456-7890'));
    for (const q of [
      '0812',
      '0812 34',
      '+62 812 3456',
      '6281234',
      '812 3456 7890',
      '0812-3456-7890',
    ]) {
      expect(key!.startsWith(phoneQueryDigits(q)), q).toBe(true);
      expect(phoneQueryDigits(q).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('finds a Jakarta landline typed with its area code', () => {
    const keys = phoneSearchKeys(normalized('(021) 555 1234'));
    for (const q of ['021 555', '021-555-1234', '+62 21 555']) {
      const d = phoneQueryDigits(q);
      expect(d, q).not.toBe('');
      expect(
        keys.some((k) => k.startsWith(d)),
        q,
      ).toBe(true);
    }
  });

  it('finds a Jakarta landline typed with the area code in parentheses, as it is usually written', () => {
    // normalizePhone accepts "(021) 555 1234"; a search typed or pasted the same way must find it.
    const keys = phoneSearchKeys(normalized('(021) 555 1234'));
    for (const q of ['(021) 555', '(021) 555 1234']) {
      const d = phoneQueryDigits(q);
      expect(d, q).toBe(q === '(021) 555' ? '21555' : '215551234');
      expect(
        keys.some((k) => k.startsWith(d)),
        q,
      ).toBe(true);
    }
  });

  it('is empty for text and for too few digits', () => {
    for (const q of ['siti', 'Budi 0812', '', '   ', '08', '+6', '12', 'a1234']) {
      expect(phoneQueryDigits(q), q).toBe('');
    }
  });

  it('keeps the + for a foreign query so it matches the foreign key', () => {
    const d = phoneQueryDigits('+1 415 555');
    expect(d).toBe('+1415555');
    const keys = phoneSearchKeys(normalized('+1 415 555 2671'));
    expect(keys.some((k) => k.startsWith(d))).toBe(true);
  });
});

describe('phoneSearchKeys', () => {
  it('is just the national digits for an Indonesian number', () => {
    expect(phoneSearchKeys(normalized('0812-3456-7890'))).toEqual(['81234567890']);
  });

  it('includes the "+..." key for a foreign number', () => {
    const keys = phoneSearchKeys(normalized('+1 415 555 2671'));
    expect(keys).toContain('+14155552671');
    expect(keys).toContain('4155552671');
  });
});

describe('waNumber', () => {
  it('is the E.164 number without the plus, and makes an allowed wa.me link', () => {
    const e164 = normalized('0812-3456-7890').e164;
    expect(waNumber(e164)).toBe('6281234567890');
    expect(waNumber('+14155552671')).toBe('14155552671');
    expect(isAllowedExternalUrl(`https://wa.me/${waNumber(e164)}`)).toBe(true);
  });
});

describe('formatPhone', () => {
  const stored = (raw: string, region = 'ID') => {
    const n = normalizePhone(raw, region);
    if (!n.ok) throw new Error(raw);
    return { raw, e164: n.value.e164, ...(n.value.ext ? { ext: n.value.ext } : {}) };
  };

  it('shows one number one way, however it was typed (the demo has all of these)', () => {
    const typed = ['6281234567890', '081234567890', '0812-3456-7890', '+62 812 3456 7890'];
    expect(new Set(typed.map((raw) => formatPhone(stored(raw))))).toEqual(
      new Set(['0812-3456-7890']),
    );
    expect(formatPhone(stored('(021) 555 0123'))).toBe('(021) 5550123');
  });

  it('writes a number of another country internationally, and the extension after it', () => {
    expect(formatPhone(stored('+65 6123 4567'))).toBe('+65 6123 4567');
    expect(formatPhone(stored('+1 650 555 1212 ext. 12'))).toBe('+1 650 555 1212 ext. 12');
    // A shop in the US reads its own numbers the US way, and Indonesian ones with +62.
    expect(formatPhone(stored('+1 650 555 1212'), 'US')).toBe('(650) 555-1212');
    expect(formatPhone(stored('0812-3456-7890'), 'US')).toBe('+62 812 3456 7890');
  });

  it('falls back to what was typed when the stored number cannot be read', () => {
    expect(formatPhone({ raw: '0812 kantor', e164: '+999' })).toBe('0812 kantor');
  });
});
