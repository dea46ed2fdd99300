import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDateIn, datePattern } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { SaleRow } from '../../db/repositories/loyalty';
import { DateField, type DateFieldProblem } from '../../app/inputs/DateField';
import { MoneyInput, type MoneyValue } from '../../app/inputs/MoneyInput';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { useContactName } from '../privacy/useContactName';
import { saleMoment } from './sale-time';

/** Refund all or part of a purchase: a new refund event, and its points taken back. */
export function RefundModal({ sale, onClose }: { sale: SaleRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={sale !== null} onClose={onClose} title={t('sales.refund.title')}>
      {sale && <RefundForm sale={sale} onClose={onClose} />}
    </Modal>
  );
}

function RefundForm({ sale, onClose }: { sale: SaleRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { loyalty } = useRepositories();
  const shop = useShop();
  const nameOf = useContactName();
  const remaining = sale.amount - sale.refunded;
  const today = calendarDateIn(new Date().getTime(), shop.timeZone);
  const saleDay = calendarDateIn(Date.parse(sale.at), shop.timeZone);
  const [amount, setAmount] = useState<MoneyValue>({ ok: true, minor: remaining });
  const [date, setDate] = useState<string | null>(today);
  const [dateProblem, setDateProblem] = useState<DateFieldProblem>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDateError(null);
    if (!amount.ok && !amount.empty) return setError(amount.message);
    const n = amount.ok ? amount.minor : NaN;
    if (!(n > 0)) return setError(t('sales.errors.amountPositive'));
    if (dateProblem) return setDateError(t(dateProblem, { pattern: datePattern(locale) }));
    const moment = date ? saleMoment(date, shop.timeZone) : null;
    if (!moment) return setDateError(t('sales.errors.dateRequired'));
    // A refund dated on the sale's own day comes after the sale, never before it.
    const at = Date.parse(moment) < Date.parse(sale.at) ? sale.at : moment;
    setBusy(true);
    try {
      const r = await loyalty.refundSale({
        saleId: sale.id,
        amount: n,
        at,
        reason: reason.trim() || undefined,
      });
      if (!r.ok) {
        setError(t(r.error));
        return;
      }
      const money = formatMoney(n, shop.currency, locale);
      notifications.show({
        message:
          r.reversed > 0
            ? t('sales.refund.saved', { amount: money, points: r.reversed })
            : t('sales.refund.savedNoPoints', { amount: money }),
        autoClose: 5000,
      });
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('sales.refund.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sales.refund.description')}
        </Text>
        <Text size="sm">
          {nameOf({ name: sale.contactName, erased: sale.contactErased })} ·{' '}
          {formatMoney(sale.amount, shop.currency, locale)}
          {sale.invoiceNo ? ` · ${sale.invoiceNo}` : ''}
        </Text>
        <Group grow align="flex-start">
          <MoneyInput
            label={t('sales.refund.amount')}
            initial={remaining}
            onChange={setAmount}
            error={error}
            data-autofocus
          />
          <DateField
            label={t('sales.refund.date')}
            value={date}
            onChange={setDate}
            onProblem={setDateProblem}
            minDate={saleDay}
            maxDate={today}
            error={dateError}
          />
        </Group>
        <TextInput
          label={t('sales.refund.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={1000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('sales.refund.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
