import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, IDR, points, rupiah } from '../../../shared/money';

const formatRupiah = (minor: number, locale: string) => formatMoney(minor, IDR, locale);

const NBSP = '\u00a0';

describe('formatMoney in rupiah', () => {
  it.each(['id-ID', 'en-ID'])(
    'shows "Rp", a no-break space, dot grouping, no decimals (%s)',
    (l) => {
      expect(formatRupiah(1_250_000, l)).toBe(`Rp${NBSP}1.250.000`);
      expect(formatRupiah(rupiah(1_250_000), l)).toBe(`Rp${NBSP}1.250.000`);
      expect(formatRupiah(999, l)).toBe(`Rp${NBSP}999`);
      expect(formatRupiah(1_000, l)).toBe(`Rp${NBSP}1.000`);
      expect(formatRupiah(1_000_000_000_000, l)).toBe(`Rp${NBSP}1.000.000.000.000`);
    },
  );

  it('shows zero as Rp 0', () => {
    expect(formatRupiah(0, 'id-ID')).toBe(`Rp${NBSP}0`);
    expect(formatRupiah(0, 'en-ID')).toBe(`Rp${NBSP}0`);
  });

  it('never shows a negative zero (e.g. a refund total of nothing)', () => {
    expect(formatRupiah(-0, 'id-ID')).toBe(`Rp${NBSP}0`);
    expect(formatRupiah(-1 * 0, 'en-ID')).toBe(`Rp${NBSP}0`);
  });

  it('shows a negative amount with a minus sign and the same digits', () => {
    for (const l of ['id-ID', 'en-ID']) {
      const s = formatRupiah(-1_250_000, l);
      expect(s).toMatch(/^[-\u2212]/);
      expect(s).toContain('Rp');
      expect(s).toContain('1.250.000');
      expect(s).not.toBe(formatRupiah(1_250_000, l));
    }
  });

  it('never shows decimals for any whole amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (n) => {
        const s = formatRupiah(n, 'id-ID');
        expect(s).not.toContain(',');
        expect(s.replace(/\D/g, '')).toBe(String(Math.abs(n)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('rupiah() and points()', () => {
  it('accept whole numbers, including zero and negatives', () => {
    expect(rupiah(1_250_000)).toBe(1_250_000);
    expect(rupiah(0)).toBe(0);
    expect(rupiah(-5_000)).toBe(-5_000);
    expect(points(120)).toBe(120);
    expect(points(-40)).toBe(-40);
  });

  it.each([1.5, 0.1, -2.25, Number.NaN, Infinity, -Infinity, 2 ** 53])('reject %s', (v) => {
    expect(() => rupiah(v)).toThrow(RangeError);
    expect(() => points(v)).toThrow(RangeError);
  });
});
