import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/host-api';
import { memberSummaryText, whatsAppLink } from '../../../shared/loyalty/member-summary';

describe('member summary', () => {
  it('leaves out the lines that do not apply and keeps line breaks', () => {
    const text = memberSummaryText({
      greeting: 'Halo Siti',
      balance: 'Poin: 120',
      tier: 'Level: Silver',
      closing: 'Terima kasih!',
    });
    expect(text).toBe('Halo Siti\n\nPoin: 120\nLevel: Silver\n\nTerima kasih!');
  });

  it('makes a wa.me link the host allows, with the text encoded', () => {
    const url = whatsAppLink('+6281234567890', 'Poin: 120 & Level: Gold\nOK');
    expect(url).toBe('https://wa.me/6281234567890?text=Poin%3A%20120%20%26%20Level%3A%20Gold%0AOK');
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
});
