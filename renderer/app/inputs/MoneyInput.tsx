import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decimalSeparatorOf,
  formatMoney,
  moneyInputText,
  readMoney,
  type Currency,
  type MoneyProblem,
} from '../../../shared/money';
import { useLocale } from '../../i18n/useLocale';
import { useShop } from '../useShop';

/** What the field holds: an amount in the currency's minor unit, or why it is none. */
export type MoneyValue =
  | { ok: true; minor: number }
  | { ok: false; empty: true }
  | { ok: false; empty: false; problem: MoneyProblem | 'negative'; message: string };

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The starting amount (minor unit); the field keeps the text the user types from then on. */
  initial?: number | null;
  onChange: (value: MoneyValue) => void;
  /** The shop's currency unless given. */
  currency?: Currency;
}

/**
 * The one money field: reads what is typed or pasted with shared/money's readMoney in the
 * shop's currency and the language's separators ("1250000.00" pasted in Bahasa Indonesia is
 * Rp 1.250.000), shows how it was read, and names anything ambiguous or that would be rounded
 * instead of guessing.
 */
export function MoneyInput({
  initial,
  onChange,
  currency: given,
  error,
  description,
  onBlur,
  ...rest
}: MoneyInputProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shop = useShop();
  const currency = given ?? shop.currency;
  const [text, setText] = useState(() =>
    initial === undefined || initial === null ? '' : moneyInputText(initial, currency, locale),
  );
  const [blurred, setBlurred] = useState(false);

  const read = (value: string): MoneyValue => {
    if (value.trim() === '') return { ok: false, empty: true };
    const r = readMoney(value, { currency, prefer: decimalSeparatorOf(locale) });
    if (r.ok && r.minor >= 0) return { ok: true, minor: r.minor };
    const problem = r.ok ? 'negative' : r.problem;
    return {
      ok: false,
      empty: false,
      problem,
      message: t(`shop.money.${problem}`, {
        text: value.trim(),
        currency: currency.code,
        example: formatMoney(1_250_000 * 10 ** currency.decimals, currency, locale),
      }),
    };
  };
  const current = read(text);

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={text}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        setBlurred(false);
        onChange(read(v));
      }}
      onBlur={(e) => {
        onBlur?.(e);
        setBlurred(true);
      }}
      description={
        current.ok && text.trim() !== moneyInputText(current.minor, currency, locale) ? (
          <>
            {t('shop.money.readAs', { amount: formatMoney(current.minor, currency, locale) })}
            {description ? <> · {description}</> : null}
          </>
        ) : (
          description
        )
      }
      error={error ?? (!current.ok && !current.empty && blurred ? current.message : undefined)}
      data-money-input
    />
  );
}
