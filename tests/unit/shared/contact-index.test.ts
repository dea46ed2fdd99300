import { describe, expect, it } from 'vitest';
import { contactIndexFields } from '../../../shared/contact-index';
import { phoneQueryDigits } from '../../../shared/phone';
import { foldText, wordTokens } from '../../../shared/text';

const siti = {
  name: '  Zoë Siti  Nur’aini ',
  phones: [
    { label: 'mobile' as const, raw: '0812-3456-7890', e164: '+6281234567890' },
    { label: 'whatsapp' as const, raw: '+62 812 3456 7890', e164: '+6281234567890' },
    { label: 'work' as const, raw: '(021) 555 1234', e164: '+62215551234' },
    { label: 'other' as const, raw: '+1 415 555 2671', e164: '+14155552671' },
  ],
  tags: ['VIP', 'vip', 'Réseller'],
};

describe('contactIndexFields', () => {
  const idx = contactIndexFields(siti);

  it('has a folded sort key, so "Zoë" sorts with "zoe"', () => {
    expect(idx.sortKey).toBe('zoe siti nur’aini');
    expect(idx.sortKey).toBe(foldText(siti.name));
    expect(contactIndexFields({ name: 'ÁDI', phones: [], tags: [] }).sortKey).toBe('adi');
  });

  it('has folded name tokens for prefix search', () => {
    expect(idx.nameTokens).toEqual(['zoe', 'siti', 'nuraini']);
    expect(idx.nameTokens).toEqual(wordTokens(siti.name));
  });

  it('has phone keys with the national digits, once per number', () => {
    expect(idx.phoneKeys).toContain('81234567890');
    expect(idx.phoneKeys).toContain('215551234');
    expect(idx.phoneKeys.filter((k) => k === '81234567890')).toHaveLength(1);
  });

  it('has the "+..." key for a foreign number', () => {
    expect(idx.phoneKeys).toContain('+14155552671');
  });

  it('lets every usual way of typing a number find the contact by prefix', () => {
    for (const q of ['0812', '+62 812 3456', '62812', '021 555', '+1 415']) {
      const d = phoneQueryDigits(q);
      expect(d, q).not.toBe('');
      expect(
        idx.phoneKeys.some((k) => k.startsWith(d)),
        q,
      ).toBe(true);
    }
  });

  it('has folded, deduped tag keys', () => {
    expect(idx.tagKeys).toEqual(['vip', 'reseller']);
  });

  it('skips a stored phone whose e164 no longer parses rather than failing', () => {
    const r = contactIndexFields({
      name: 'X',
      phones: [{ label: 'mobile', raw: '??', e164: '+62000' }],
      tags: [],
    });
    expect(r.phoneKeys).toEqual([]);
  });
});
