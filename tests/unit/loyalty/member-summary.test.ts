import { describe, expect, it } from 'vitest';
import { memberSummaryText, type MemberSummaryWords } from '../../../shared/loyalty/member-summary';
import { IDR, type Currency } from '../../../shared/money';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';

/** The app's own words (renderer/i18n/<lang>/sales.ts), filled as i18next does. */
function wordsOf(lang: typeof en): MemberSummaryWords {
  return (line, values) =>
    lang.sales.summary[line].replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

const USD: Currency = { code: 'USD', decimals: 2 };
// Noon local time, so the calendar date is the same in every time zone the tests run in.
const expiresAtMs = new Date(2026, 0, 31, 12).getTime();

describe('member summary', () => {
  it('tells the balance, its worth, the tier, the next tier and what expires', () => {
    const text = memberSummaryText(
      {
        name: ' Siti Rahma ',
        balance: 1250,
        pointValue: 100,
        tier: 'Silver',
        next: { tier: 'Gold', toNext: 350000 },
        expiring: { points: 200, expiresAtMs },
      },
      wordsOf(id),
      IDR,
      'id-ID',
    );
    expect(text).toBe(
      [
        'Halo Siti Rahma, berikut ringkasan member Anda:',
        '',
        'Poin: 1.250',
        'Senilai: Rp 125.000',
        'Level: Silver',
        'Belanja Rp 350.000 lagi untuk naik ke Gold',
        '200 poin kedaluwarsa pada 31 Jan 2026',
        '',
        'Terima kasih sudah berbelanja di tempat kami!',
      ]
        .join('\n')
        .replace(/Rp /g, 'Rp\u00a0'),
    );
  });

  it("writes money in the shop's currency, not always Rupiah", () => {
    const text = memberSummaryText(
      {
        name: 'Ann',
        balance: 50,
        pointValue: 10, // 10 cents a point
        tier: 'Member',
        next: { tier: 'Gold', toNext: 1999 },
      },
      wordsOf(en),
      USD,
      'en-US',
    );
    expect(text).toContain('Worth: $5.00');
    expect(text).toContain('Spend $19.99 more to reach Gold');
    expect(text).not.toMatch(/Rp|IDR/);
  });

  it('leaves out a balance of 0 or an overdraft, and empty lines, and keeps line breaks', () => {
    for (const balance of [0, -40]) {
      const text = memberSummaryText(
        {
          name: 'Siti',
          balance,
          pointValue: 100,
          tier: 'Silver',
          next: { tier: 'Gold', toNext: 0 },
          expiring: { points: 0, expiresAtMs },
        },
        wordsOf(id),
        IDR,
        'id-ID',
      );
      expect(text).toBe(
        'Halo Siti, berikut ringkasan member Anda:\n\nLevel: Silver\n\n' +
          'Terima kasih sudah berbelanja di tempat kami!',
      );
      expect(text).not.toMatch(/-|Poin|Senilai/);
    }
  });
});
