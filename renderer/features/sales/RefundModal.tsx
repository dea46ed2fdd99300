import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../shared/money';
import type { SaleRow } from '../../db/repositories/loyalty';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

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
  const remaining = sale.amount - sale.refunded;
  const [amount, setAmount] = useState<number | string>(remaining);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = typeof amount === 'number' ? amount : NaN;
    if (!(n > 0)) {
      setError(t('sales.errors.amountPositive'));
      return;
    }
    setBusy(true);
    try {
      const r = await loyalty.refundSale({
        saleId: sale.id,
        amount: n,
        at: new Date().toISOString(),
        reason: reason.trim() || undefined,
      });
      if (!r.ok) {
        setError(t(r.error));
        return;
      }
      const money = formatRupiah(n, locale);
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
          {sale.contactName} · {formatRupiah(sale.amount, locale)}
          {sale.invoiceNo ? ` · ${sale.invoiceNo}` : ''}
        </Text>
        <NumberInput
          label={t('sales.refund.amount')}
          value={amount}
          onChange={setAmount}
          prefix="Rp "
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          max={remaining}
          hideControls
          error={error}
          data-autofocus
        />
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
