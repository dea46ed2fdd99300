import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currencyOf,
  decimalSeparatorOf,
  formatMoney,
  IDR,
  moneyInputText,
  readMoney,
  type MoneyReadOptions,
} from '../../../shared/money';

const USD = { code: 'USD', decimals: 2 };
const idID: MoneyReadOptions = { currency: IDR, prefer: ',' };
const enUS: MoneyReadOptions = { currency: IDR, prefer: '.' };

describe('readMoney: amounts as typed, pasted or exported', () => {
  it('reads a pasted "1250000.00" as Rp 1.250.000 in Bahasa Indonesia (not Rp 125.000.000)', () => {
    expect(readMoney('1250000.00', idID)).toEqual({ ok: true, minor: 1_250_000 });
    expect(readMoney('1250000,00', idID)).toEqual({ ok: true, minor: 1_250_000 });
  });

  it.each([
    ['1.250.000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['Rp 1.250.000,00', 1_250_000],
    ['Rp1.250.000', 1_250_000],
    ['IDR 75000', 75_000],
    ['1,250,000.00', 1_250_000],
    ['75000', 75_000],
    ['Rp. 15.000', 15_000],
  ])('reads %s the same in either locale', (text, minor) => {
    expect(readMoney(text, idID)).toEqual({ ok: true, minor });
    expect(readMoney(text, enUS)).toEqual({ ok: true, minor });
  });

  it('breaks the "1.250" tie by the locale only where the other reading cannot be meant', () => {
    expect(readMoney('1.250', idID)).toEqual({ ok: true, minor: 1_250 });
    expect(readMoney('1,250', enUS)).toEqual({ ok: true, minor: 1_250 });
    // Read as 1,25 rupiah or as 1.250? The user is asked, nothing is guessed.
    expect(readMoney('1,250', idID)).toEqual({ ok: false, problem: 'ambiguous' });
    expect(readMoney('1.250', enUS)).toEqual({ ok: false, problem: 'ambiguous' });
    expect(readMoney('1.250', { currency: IDR })).toEqual({ ok: false, problem: 'ambiguous' });
  });

  it('never rounds: cents in a currency without them are flagged', () => {
    expect(readMoney('0.42', { currency: IDR })).toEqual({ ok: false, problem: 'wouldRound' });
    expect(readMoney('125000.50', idID)).toEqual({ ok: false, problem: 'wouldRound' });
    expect(readMoney('0.42', { currency: USD })).toEqual({ ok: true, minor: 42 });
    expect(readMoney('2.555', { currency: USD, decimalSeparator: '.' })).toEqual({
      ok: false,
      problem: 'wouldRound',
    });
  });

  it('follows a chosen decimal separator and refuses text that contradicts it', () => {
    expect(readMoney('3,39', { currency: USD, decimalSeparator: ',' })).toEqual({
      ok: true,
      minor: 339,
    });
    expect(readMoney('1.250', { currency: IDR, decimalSeparator: ',' })).toEqual({
      ok: true,
      minor: 1_250,
    });
    expect(readMoney('1.250.000,00', { currency: IDR, decimalSeparator: '.' })).toEqual({
      ok: false,
      problem: 'invalid',
    });
  });

  it('reads signs and refuses what is not an amount', () => {
    expect(readMoney('-5.000', idID)).toEqual({ ok: true, minor: -5_000 });
    expect(readMoney('(5,000)', enUS)).toEqual({ ok: true, minor: -5_000 });
    expect(readMoney('$12.50', { currency: USD, prefer: '.' })).toEqual({ ok: true, minor: 1250 });
    for (const bad of ['', 'abc', '12.34.5', '1.25.000', '1e9', '--5', '1.', '.5x'])
      expect(readMoney(bad, idID).ok).toBe(false);
    expect(readMoney('99999999999999999999', idID)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('reads back what it formats, for any amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom('id-ID', 'en-US', 'en-ID'),
        fc.constantFrom(IDR, USD),
        (minor, locale, currency) => {
          const text = moneyInputText(minor, currency, locale);
          const r = readMoney(text, { currency, prefer: decimalSeparatorOf(locale) });
          // A lone group ("1.250") reads back through the locale; nothing changes on the way.
          expect(r).toEqual({ ok: true, minor });
        },
      ),
    );
  });
});

describe('the shop currency', () => {
  it('knows each currency’s decimals (rupiah: whole rupiah) and formats in its minor unit', () => {
    expect(currencyOf('idr')).toEqual({ code: 'IDR', decimals: 0 });
    expect(currencyOf('USD')).toEqual({ code: 'USD', decimals: 2 });
    expect(currencyOf('JPY')).toEqual({ code: 'JPY', decimals: 0 });
    expect(currencyOf('XX')).toBeNull();
    expect(formatMoney(1250, USD, 'en-US')).toBe('$12.50');
    expect(formatMoney(1_250_000, IDR, 'id-ID')).toBe('Rp\u00a01.250.000');
  });
});
