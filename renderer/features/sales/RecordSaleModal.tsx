import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { datePattern, localCalendarDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { DateField, type DateFieldProblem } from '../../app/inputs/DateField';
import { MoneyInput, type MoneyValue } from '../../app/inputs/MoneyInput';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { ContactPicker } from './ContactPicker';
import { FeedbackForm } from './FeedbackForm';
import { paymentOptions, type PaymentMethod } from './payment';
import { saleMoment } from './sale-time';

interface Saved {
  saleId: string;
  contactId: string;
}

/**
 * Record a purchase in a few keystrokes: the amount has focus, Enter saves. After saving, the
 * same window offers to record the customer's feedback on it.
 */
export function RecordSaleModal({
  opened,
  onClose,
  contactId,
}: {
  opened: boolean;
  onClose: () => void;
  /** Fixed when opened from a contact's page. */
  contactId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.form.title')} size="lg">
      {opened && <SaleForm contactId={contactId} onClose={onClose} />}
    </Modal>
  );
}

function SaleForm({ contactId, onClose }: { contactId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { loyalty } = useRepositories();
  const [customer, setCustomer] = useState<string | null>(contactId ?? null);
  const shop = useShop();
  const [amount, setAmount] = useState<MoneyValue>({ ok: false, empty: true });
  const [date, setDate] = useState<string | null>(localCalendarDate(new Date()));
  const [dateProblem, setDateProblem] = useState<DateFieldProblem>(null);
  const [payment, setPayment] = useState<PaymentMethod>('cash');
  const [items, setItems] = useState('');
  const [invoice, setInvoice] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);

  const numeric = amount.ok ? amount.minor : NaN;
  const at = date ? saleMoment(date, shop.timeZone) : null;
  const preview = useLiveQuery(
    async () => (customer && at && numeric > 0 ? loyalty.previewEarn(customer, numeric, at) : 0),
    [loyalty, customer, at, numeric],
  );

  if (saved) {
    return (
      <Stack gap="md">
        <Text fw={600}>{t('sales.form.askFeedback')}</Text>
        <FeedbackForm contactId={saved.contactId} saleId={saved.saleId} onSaved={onClose} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const errs: Record<string, string> = {};
    if (!customer) errs.customer = t('sales.errors.contactRequired');
    if (!amount.ok && !amount.empty) errs.amount = amount.message;
    else if (!(numeric > 0)) errs.amount = t('sales.errors.amountPositive');
    if (dateProblem) errs.date = t(dateProblem, { pattern: datePattern(locale) });
    else if (!date || !at) errs.date = t('sales.errors.dateRequired');
    else if (date > localCalendarDate(new Date())) errs.date = t('sales.errors.dateFuture');
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !customer || !at) return;
    setBusy(true);
    try {
      const r = await loyalty.recordSale({
        contactId: customer,
        amount: numeric,
        at,
        paymentMethod: payment,
        items: items.trim() || undefined,
        invoiceNo: invoice.trim() || undefined,
      });
      if (!r.ok) {
        setErrors({ amount: t(r.error) });
        return;
      }
      const money = formatMoney(r.sale.amount, shop.currency, locale);
      notifications.show({
        color: 'teal',
        message:
          (r.earned > 0
            ? t('sales.form.saved', { amount: money, points: r.earned.toLocaleString(locale) })
            : t('sales.form.savedNoPoints', { amount: money })) +
          (r.bonus > 0 ? ` · ${t('sales.form.bonus', { points: r.bonus })}` : ''),
        autoClose: 5000,
      });
      setSaved({ saleId: r.sale.id, contactId: r.sale.contactId });
    } catch {
      setErrors({ amount: t('sales.errors.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
      }}
      aria-label={t('sales.form.title')}
    >
      <Stack gap="sm">
        {!contactId && (
          <ContactPicker
            value={customer}
            onChange={setCustomer}
            error={errors.customer}
            autoFocus
          />
        )}
        <Group grow align="flex-start">
          <MoneyInput
            label={t('sales.form.amount')}
            onChange={setAmount}
            error={errors.amount}
            withAsterisk
            data-autofocus={contactId ? true : undefined}
            description={
              preview !== undefined && preview > 0
                ? t('sales.form.willEarn', { points: preview.toLocaleString(locale) })
                : undefined
            }
          />
          <DateField
            label={t('sales.form.date')}
            value={date}
            onChange={setDate}
            onProblem={setDateProblem}
            maxDate={localCalendarDate(new Date())}
            error={errors.date}
            withAsterisk
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('sales.form.payment')}
            data={paymentOptions(t)}
            value={payment}
            onChange={(v) => v && setPayment(v as PaymentMethod)}
            allowDeselect={false}
          />
          <TextInput
            label={t('sales.form.invoice')}
            value={invoice}
            onChange={(e) => setInvoice(e.currentTarget.value)}
            maxLength={100}
          />
        </Group>
        <TextInput
          label={t('sales.form.items')}
          placeholder={t('sales.form.itemsPlaceholder')}
          value={items}
          onChange={(e) => setItems(e.currentTarget.value)}
          maxLength={10_000}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('sales.form.submitHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
