/**
 * Money is an integer in the currency's smallest unit used in practice (DESIGN section 4);
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

const formatters = new Map<string, Intl.NumberFormat>();

/** "Rp 1.250.000" in id-ID and en-ID (Intl uses a no-break space after "Rp"). */
export function formatRupiah(amount: Rupiah | number, locale: string): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'IDR',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    formatters.set(locale, f);
  }
  // `amount || 0` turns -0 (from arithmetic on nothing) into 0, so nobody sees "-Rp 0".
  return f.format(amount || 0);
}
