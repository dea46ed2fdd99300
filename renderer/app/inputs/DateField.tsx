import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, localCalendarDate, parseTypedDate } from '../../../shared/dates';
import { useLocale } from '../../i18n/useLocale';

export type DateFieldProblem =
  'shop.dates.impossible' | 'shop.dates.format' | 'shop.dates.outOfRange' | null;

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'onChange' | 'dateParser' | 'valueFormat'
> {
  value: string | null;
  onChange: (date: string | null) => void;
  /** Told whenever the typed text is not a date (and again when it becomes one or empty). */
  onProblem?: (problem: DateFieldProblem) => void;
  /** Show month names ("17 Agustus 1990") instead of the numeric pattern. */
  longFormat?: boolean;
}

/**
 * Every typed date in Kenal: read in the language's order by shared/dates' parseTypedDate
 * (id-ID "01/10/2025" is 1 October), with a message for text that is no date or an impossible
 * one ("31/02/1990"), which stays in the field instead of being silently replaced.
 */
export function DateField({
  value,
  onChange,
  onProblem,
  longFormat,
  error,
  onBlur,
  onInput,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [problem, setProblem] = useState<DateFieldProblem>(null);
  const [shown, setShown] = useState(false);

  const report = (p: DateFieldProblem) => {
    setProblem(p);
    onProblem?.(p);
  };

  return (
    <DateInput
      {...rest}
      value={value}
      onChange={(v) => {
        onChange(v);
        if (v === null) report(null);
      }}
      valueFormat={longFormat ? 'D MMMM YYYY' : datePattern(locale)}
      placeholder={rest.placeholder ?? datePattern(locale)}
      dateParser={(text) => {
        const r = parseTypedDate(text, locale);
        return r?.ok ? r.date : null;
      }}
      // Keep what was typed when it is not a date, so the message points at it.
      fixOnBlur={problem === null}
      onInput={(e) => {
        onInput?.(e);
        const r = parseTypedDate(e.currentTarget.value, locale);
        setShown(false);
        const iso = (d: DateInputProps['maxDate']) =>
          d === undefined ? undefined : typeof d === 'string' ? d.slice(0, 10) : localIso(d);
        const [min, max] = [iso(rest.minDate), iso(rest.maxDate)];
        if (r?.ok && ((max && r.date > max) || (min && r.date < min)))
          report('shop.dates.outOfRange');
        else if (r === null || r.ok) report(null);
        else report(r.code === 'impossible' ? 'shop.dates.impossible' : 'shop.dates.format');
      }}
      onBlur={(e) => {
        onBlur?.(e);
        setShown(true);
      }}
      error={error ?? (problem && shown ? t(problem, { pattern: datePattern(locale) }) : undefined)}
    />
  );
}

const localIso = (d: Date) => localCalendarDate(d);
