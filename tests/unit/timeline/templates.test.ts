import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/host-api';
import { isUlid } from '../../../shared/ids';
import { TEMPLATE_PURPOSES } from '../../../shared/schemas/template';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';
import { firstNameOf, messageValues, renderMessage } from '../../../shared/timeline/message-values';
import {
  fillTemplate,
  PLACEHOLDERS,
  unknownPlaceholders,
  usedPlaceholders,
  whatsAppLink,
} from '../../../shared/timeline/templates';

describe('template filling', () => {
  it('fills every placeholder, including repeats', () => {
    const r = fillTemplate('Hi {name}! {name}, you have {points} points ({tier}), due {due}.', {
      name: 'Siti',
      points: '1.250',
      tier: 'Gold',
      due: '24 Nov',
    });
    expect(r).toEqual({
      text: 'Hi Siti! Siti, you have 1.250 points (Gold), due 24 Nov.',
      missing: [],
    });
  });

  it('leaves out a line whose placeholder has no value, and reports it', () => {
    const r = fillTemplate('Halo {name},\npoin Anda {points} ({tier}).\nSampai jumpa!', {
      name: 'Budi',
      tier: 'Gold',
    });
    expect(r.text).toBe('Halo Budi,\nSampai jumpa!');
    expect(r.text).not.toContain('()');
    expect(r.missing).toEqual(['points']);
  });

  it('collapses the blank lines a left-out line leaves and drops them at the ends', () => {
    const r = fillTemplate('{shopName}\n\nHalo {name}\n\n{signOff}\n\n{shopPhone}', {
      name: 'Ani',
    });
    expect(r.text).toBe('Halo Ani');
    expect(r.missing).toEqual(['shopName', 'shopPhone', 'signOff']);
  });

  it('leaves unknown braces alone and inserts values literally', () => {
    expect(fillTemplate('{price} for {name}', { name: '$& $1 {points}' }).text).toBe(
      '{price} for $& $1 {points}',
    );
  });

  it('lists the placeholders a body uses and flags the unknown ones', () => {
    expect(usedPlaceholders('{due} {name} {due} {x}')).toEqual(['name', 'due']);
    expect(unknownPlaceholders('Halo {nama}, {points} {nama} {Price} { name } {}')).toEqual([
      'nama',
      'Price',
    ]);
  });

  it('property: lines without placeholders are kept in order; no known placeholder is left', () => {
    const word = fc.constantFrom(...PLACEHOLDERS);
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }).filter((s) => !/[{}\r\n]/.test(s)),
      word.map((w) => `{${w}}`),
    );
    const line = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
    const values = fc.dictionary(
      word,
      fc.oneof(
        fc.constant(''),
        fc.string({ maxLength: 6 }).filter((s) => !/[{}\r\n]/.test(s)),
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), values, (ls, vals) => {
        const r = fillTemplate(ls.join('\n'), vals);
        expect(r.text).not.toMatch(/\{(name|points|tier|due|callName|signOff)\}/);
        const plain = ls.filter((l) => !/\{/.test(l) && l.trim() !== '');
        const out = r.text.split('\n').filter((l) => !/\{/.test(l) && l.trim() !== '');
        // Every plain line survives; filled lines may sit between them.
        let i = 0;
        for (const l of out) if (l === plain[i]) i++;
        expect(i).toBe(plain.length);
        // With every value present, nothing is reported missing.
        const all = Object.fromEntries(PLACEHOLDERS.map((p) => [p, 'v']));
        expect(fillTemplate(ls.join('\n'), all).missing).toEqual([]);
      }),
    );
  });

  it('every built-in template has both languages, known placeholders and a stable valid id', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(isUlid(t.id)).toBe(true);
      expect(t.body.en.trim()).not.toBe('');
      expect(t.body.id.trim()).not.toBe('');
      expect(usedPlaceholders(t.body.id)).toEqual(usedPlaceholders(t.body.en));
      expect(unknownPlaceholders(t.body.en + t.body.id)).toEqual([]);
    }
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    // One built-in template for every purpose.
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.purpose))).toEqual(new Set(TEMPLATE_PURPOSES));
  });
});

describe('message values', () => {
  const shop = { name: 'Toko Sinar', address: 'Jl. Melati 5', phone: '0812', signOff: '' };
  const birthday = DEFAULT_TEMPLATES.find((t) => t.purpose === 'birthday')!;
  const thanks = DEFAULT_TEMPLATES.find((t) => t.purpose === 'thanks')!;
  const expiring = DEFAULT_TEMPLATES.find((t) => t.purpose === 'points')!;

  it('greets by form of address and first name, or the first word of the name', () => {
    const v = messageValues({ contact: { name: 'Siti Rahayu', salutation: 'bu' } }, 'id-ID');
    expect(v.callName).toBe('Bu Siti');
    expect(messageValues({ contact: { name: 'Siti Rahayu' } }, 'id-ID').callName).toBe('Siti');
    expect(
      messageValues(
        { contact: { name: 'Muhammad Rizky', firstName: 'Kiki', salutation: 'kak' } },
        'en-ID',
      ).callName,
    ).toBe('Kak Kiki');
    expect(firstNameOf({ name: '  Ani  ', firstName: '  ' })).toBe('Ani');
  });

  it('the birthday message leaves out the points line at 0 points and with a negative balance', () => {
    for (const points of [0, -300, undefined]) {
      const r = renderMessage(
        birthday.body.id,
        { contact: { name: 'Dewi' }, points, shop },
        'id-ID',
      );
      expect(r.text).not.toMatch(/Poin/);
      expect(r.text).toMatch(/^Selamat ulang tahun, Dewi!/);
      // Unset sign-off: signed with the shop name.
      expect(r.text.endsWith('Toko Sinar')).toBe(true);
    }
    const r = renderMessage(birthday.body.id, { contact: { name: 'Dewi' }, points: 1250 }, 'id-ID');
    expect(r.text).toContain('Poin Anda saat ini: 1.250.');
    expect(r.text.endsWith('\n')).toBe(false);
  });

  it('the thank-you after a sale shows the total, points earned and the new balance', () => {
    const r = renderMessage(
      thanks.body.en,
      {
        contact: { name: 'Budi Santoso', salutation: 'pak' },
        points: 1300,
        sale: { amount: 250_000, pointsEarned: 25 },
        shop: { ...shop, signOff: 'Salam, Toko Sinar' },
      },
      'en-ID',
    );
    expect(r.text).toBe(
      [
        'Hi Pak Budi,',
        'thank you for shopping with us today!',
        'Total: Rp\u00a0250.000',
        'Points earned: +25',
        'Your points balance: 1.300',
        '',
        'Salam, Toko Sinar',
      ].join('\n'),
    );
  });

  it('the expiry reminder says how many points expire and when, and nothing at 0 expiring', () => {
    const r = renderMessage(
      expiring.body.id,
      {
        contact: { name: 'Ani' },
        points: 500,
        tier: 'Silver',
        expiring: { points: 200, at: '2026-12-31' },
      },
      'id-ID',
    );
    expect(r.text).toContain('200 poin Anda akan hangus pada 31 Des 2026.');
    const none = renderMessage(
      expiring.body.id,
      {
        contact: { name: 'Ani' },
        points: 500,
        tier: 'Silver',
        expiring: { points: 0, at: '2026-12-31' },
      },
      'id-ID',
    );
    expect(none.text).not.toContain('hangus');
    expect(none.missing).toContain('expiringPoints');
  });
});

describe('WhatsApp link', () => {
  it('is wa.me/<E.164 without +>?text=<encoded text>', () => {
    expect(whatsAppLink('+6281234567890', 'Halo Siti & co, 50% off?\nYa')).toBe(
      'https://wa.me/6281234567890?text=Halo%20Siti%20%26%20co%2C%2050%25%20off%3F%0AYa',
    );
    expect(whatsAppLink('+6281234567890', '')).toBe('https://wa.me/6281234567890');
  });

  it('property: the text survives the round trip and the link is on the allowlist', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        const link = whatsAppLink('+6281234567890', text);
        expect(isAllowedExternalUrl(link)).toBe(true);
        const url = new URL(link);
        expect(url.pathname).toBe('/6281234567890');
        expect(url.searchParams.get('text')).toBe(text);
      }),
    );
  });
});
