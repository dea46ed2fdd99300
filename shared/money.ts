/**
 * Money is an integer in the currency's smallest unit used in practice (ARCHITECTURE.md
 * "Records and metadata");
 * for rupiah that is whole rupiah. Formatting goes through Intl with the user's locale.
 */
declare const rupiahBrand: unique symbol;
/** Whole rupiah. Branded so an amount is never mixed up with points. */
export type Rupiah = number & { readonly [rupiahBrand]: true };

declare const pointsBrand: unique symbol;
/** Loyalty points: integers, never rupiah. */
export type Points = number & { readonly [pointsBrand]: true };

export function rupiah(value: number): Rupiah {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Rupiah must be a whole number: ${value}`);
  return value as Rupiah;
}

export function points(value: number): Points {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Points must be a whole number: ${value}`);
  return value as Points;
}

// ---- The shop's currency and amounts in its minor unit -------------------------------------

/**
 * The shop's currency: its ISO code and how many decimals its smallest unit in use has (IDR:
 * 0, whole rupiah; USD: 2, cents). Every stored amount is an integer in that unit.
 */
export interface Currency {
  code: string;
  decimals: number;
}

export const IDR: Currency = { code: 'IDR', decimals: 0 };

/** The currencies offered in Settings: the region's first, then others Intl knows. */
export const COMMON_CURRENCIES = [
  'IDR',
  'USD',
  'SGD',
  'MYR',
  'EUR',
  'AUD',
  'JPY',
  'CNY',
  'THB',
  'PHP',
  'GBP',
] as const;

/** A currency with the decimals Intl gives it (IDR is 0 here: no sen in practice). */
export function currencyOf(code: string): Currency | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) return null;
  try {
    const f = new Intl.NumberFormat('en-US', { style: 'currency', currency: upper });
    const decimals = upper === 'IDR' ? 0 : (f.resolvedOptions().maximumFractionDigits ?? 2);
    return { code: upper, decimals };
  } catch {
    return null;
  }
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount in the currency's minor unit for people, in the shop's currency (there is no
 * Rupiah-only formatter: every screen shows the shop's): "Rp 1.250.000" in id-ID and en-ID
 * (Intl puts a no-break space after "Rp"), "$12.50". -0 (arithmetic on nothing) shows as 0.
 */
export function formatMoney(minor: number, currency: Currency, locale: string): string {
  const key = `${locale}|${currency.code}|${currency.decimals}`;
  let f = moneyFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.code,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: currency.decimals,
      maximumFractionDigits: currency.decimals,
    });
    moneyFormatters.set(key, f);
  }
  return f.format((minor || 0) / 10 ** currency.decimals);
}

/** The decimal separator a locale writes: "," for id-ID, "." for en-US. */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  const part = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')?.value;
  return part === ',' ? ',' : '.';
}

export type DecimalSeparator = '.' | ',';

export interface MoneyReadOptions {
  currency: Currency;
  /**
   * The decimal separator, when the user chose it (an import's setting): text that contradicts
   * it is refused. Without it, the shape of the text decides ("1.250.000", "1250000.00").
   */
  decimalSeparator?: DecimalSeparator;
  /** Without a chosen separator: the locale's, to break a tie such as "1.250". */
  prefer?: DecimalSeparator;
}

export type MoneyProblem =
  /** Not an amount at all. */
  | 'invalid'
  /** "1.250" with nothing to tell thousands from decimals: the user must say. */
  | 'ambiguous'
  /** More decimals than the currency has ("0.42" in rupiah): it would have to be rounded. */
  | 'wouldRound'
  /** Beyond what is stored exactly. */
  | 'tooLarge';

export type MoneyRead = { ok: true; minor: number } | { ok: false; problem: MoneyProblem };

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

/**
 * An amount as people and POS exports write it, in the currency's minor unit: "1250000.00",
 * "1.250.000", "1,250,000", "Rp 1.250.000,00", "-5.000", "(5,000)". Nothing is guessed quietly
 * and nothing is rounded: "1.250" with no decimal separator chosen and no locale preference is
 * `ambiguous`, "0.42" in rupiah is `wouldRound`. Signed: the caller decides about negatives.
 */
export function readMoney(text: string, options: MoneyReadOptions): MoneyRead {
  const { currency } = options;
  let s = text
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[A-Za-z]{3}(?=[-(\d.,])/, '')
    .replace(/(?<=[\d)])[A-Za-z]{3}$/, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  // A currency sign or name before the number: "Rp", "Rp.", "$", "US$", "€".
  // "Rp" is written the Indonesian way: a dot groups thousands ("Rp 15.000").
  let prefer = options.prefer;
  if (/^rp/i.test(s)) prefer = ',';
  s = s.replace(/^(rp\.?|us\$|s\$|rm|[$€£¥฿₱])/i, '');
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/^\d/.test(s) || !/\d$/.test(s))
    return { ok: false, problem: 'invalid' };

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let whole: string;
  let fraction = '';
  const split = (decimal: DecimalSeparator): MoneyRead | null => {
    const group = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    const intPart = at >= 0 ? s.slice(0, at) : s;
    if (at >= 0 && s.indexOf(decimal) !== at) return { ok: false, problem: 'invalid' };
    if (intPart.includes(group) && !GROUPED(group).test(intPart))
      return { ok: false, problem: 'invalid' };
    whole = intPart.split(group).join('');
    fraction = at >= 0 ? s.slice(at + 1) : '';
    return null;
  };

  let failure: MoneyRead | null = null;
  if (options.decimalSeparator) {
    failure = split(options.decimalSeparator);
  } else if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator ("1.250.000,00", "1,250,000.00").
    failure = split(s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',');
  } else if (dots + commas === 0) {
    whole = s;
  } else {
    const sep: DecimalSeparator = dots > 0 ? '.' : ',';
    const other: DecimalSeparator = sep === '.' ? ',' : '.';
    if (dots + commas > 1) {
      // "1.250.000": only thousands.
      failure = split(other);
    } else {
      const [intPart, after] = s.split(sep) as [string, string];
      const couldGroup = after.length === 3 && intPart.length <= 3 && !/^0/.test(intPart);
      if (!couldGroup) failure = split(sep);
      else {
        // "1.250": thousands, or a decimal with three places? The locale decides when the
        // other reading cannot be meant (three decimals in a currency with fewer).
        const decimalReading = prefer === sep;
        if (prefer === undefined) return { ok: false, problem: 'ambiguous' };
        if (decimalReading && currency.decimals < 3) return { ok: false, problem: 'ambiguous' };
        failure = split(decimalReading ? sep : other);
      }
    }
  }
  if (failure) return failure;
  whole = whole!;
  if (whole === '' || !/^\d+$/.test(whole) || (fraction !== '' && !/^\d+$/.test(fraction)))
    return { ok: false, problem: 'invalid' };
  if (fraction.length > currency.decimals) {
    if (/[^0]/.test(fraction.slice(currency.decimals))) return { ok: false, problem: 'wouldRound' };
    fraction = fraction.slice(0, currency.decimals);
  }
  const digits = whole + fraction.padEnd(currency.decimals, '0');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'tooLarge' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** An amount in the minor unit as plain text to edit: 1250000 -> "1.250.000" (id-ID). */
export function moneyInputText(minor: number, currency: Currency, locale: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: currency.decimals,
    maximumFractionDigits: currency.decimals,
  }).format(minor / 10 ** currency.decimals);
}
