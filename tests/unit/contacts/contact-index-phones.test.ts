import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactIndexFields } from '../../../shared/contact-index';
import { normalizePhone, phoneSearchKeys } from '../../../shared/phone';

describe('phone search keys', () => {
  it('for Indonesian numbers equal what libphonenumber gives (the fast path is exact)', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 4,
      maxLength: 11,
    });
    const prefix = fc.constantFrom(
      '0812',
      '0857',
      '0899',
      '021',
      '0361',
      '0274',
      '08',
      '0',
      '+62 ',
    );
    fc.assert(
      fc.property(prefix, digits, (p, rest) => {
        const n = normalizePhone(p + rest);
        if (!n.ok) return;
        const phones = [{ label: 'mobile' as const, raw: p + rest, e164: n.value.e164 }];
        expect(contactIndexFields({ name: 'x', phones, tags: [] }).phoneKeys).toEqual(
          phoneSearchKeys(n.value),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
