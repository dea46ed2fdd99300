import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/host-api';
import { isUlid } from '../../../shared/ids';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';
import {
  fillTemplate,
  PLACEHOLDERS,
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

  it('reports placeholders without a value and leaves them out of the text', () => {
    const r = fillTemplate('Halo {name}, poin Anda {points} ({tier}).', { name: 'Budi' });
    expect(r.text).toBe('Halo Budi, poin Anda  ().');
    expect(r.missing).toEqual(['points', 'tier']);
  });

  it('leaves unknown braces alone and inserts values literally', () => {
    expect(fillTemplate('{price} for {name}', { name: '$& $1 {points}' }).text).toBe(
      '{price} for $& $1 {points}',
    );
  });

  it('lists the placeholders a body uses', () => {
    expect(usedPlaceholders('{due} {name} {due} {x}')).toEqual(['name', 'due']);
  });

  it('every built-in template has both languages, known placeholders and a stable valid id', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(isUlid(t.id)).toBe(true);
      expect(t.body.en.trim()).not.toBe('');
      expect(t.body.id.trim()).not.toBe('');
      expect(usedPlaceholders(t.body.id)).toEqual(usedPlaceholders(t.body.en));
      for (const m of `${t.body.en}${t.body.id}`.matchAll(/\{(\w+)\}/g)) {
        expect(PLACEHOLDERS).toContain(m[1]);
      }
    }
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
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
