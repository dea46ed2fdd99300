import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDateIn, datePattern } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { pointsToRupiah } from '../../../shared/loyalty/rules';
import {
  canRedeemAsDiscount,
  checkoutLines,
  maxRedeemable,
  planCheckout,
} from '../../../shared/sales/checkout';
import type { ReceiptSale } from '../../../shared/sales/receipt';
import { DateField, type DateFieldProblem } from '../../app/inputs/DateField';
import { MoneyInput, type MoneyValue } from '../../app/inputs/MoneyInput';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { CheckoutLines, emptyLine, type FormLine } from './checkout/CheckoutLines';
import { ReceiptActions } from './checkout/ReceiptActions';
import { ContactPicker } from './ContactPicker';
import { FeedbackForm } from './FeedbackForm';
import { paymentOptions, type PaymentMethod } from './payment';
import { saleMoment } from './sale-time';

interface Saved {
  saleId: string;
  contactId: string;
  receipt: ReceiptSale;
  /** How it was paid: the receipt names it in the language its message is written in. */
  paymentMethod?: PaymentMethod;
  earnBlocked: boolean;
  referral: number;
}

/**
 * The checkout, in one window: the sale's lines (or just its amount), points redeemed as a
 * discount when the rules allow it, the points it earns; after saving, the new balance, the
 * receipt (WhatsApp or a 58/80 mm printer) and the customer's feedback.
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
    <Modal opened={opened} onClose={onClose} title={t('sales.form.title')} size="xl">
      {opened && <SaleForm contactId={contactId} onClose={onClose} />}
    </Modal>
  );
}

function SaleForm({ contactId, onClose }: { contactId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { loyalty, contacts } = useRepositories();
  const [customer, setCustomer] = useState<string | null>(contactId ?? null);
  const shop = useShop();
  const [amount, setAmount] = useState<MoneyValue>({ ok: false, empty: true });
  const [lines, setLines] = useState<FormLine[]>(() => [emptyLine()]);
  const [redeemText, setRedeemText] = useState<number | string>('');
  const [date, setDate] = useState<string | null>(
    calendarDateIn(new Date().getTime(), shop.timeZone),
  );
  const [dateProblem, setDateProblem] = useState<DateFieldProblem>(null);
  const [payment, setPayment] = useState<PaymentMethod>('cash');
  const [items, setItems] = useState('');
  const [invoice, setInvoice] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  /** When the window opened: "today" for redeeming (the repository checks it again on save). */
  const [openedAt] = useState(() => Date.now());

  const suggestions = useLiveQuery(() => loyalty.recentItems(), [loyalty]) ?? [];
  const member = useLiveQuery(
    async () => (customer ? loyalty.contactLoyalty(customer, 30, { history: false }) : null),
    [loyalty, customer],
  );
  const person = useLiveQuery(
    async () => (customer ? contacts.get(customer) : undefined),
    [contacts, customer],
  );
  const money = (n: number) => formatMoney(n, shop.currency, locale);
  const count = (n: number) => n.toLocaleString(locale);

  const read = checkoutLines(lines);
  const itemised = !read.ok || read.lines.length > 0;
  const subtotal =
    read.ok && read.lines.length > 0 ? read.subtotal : amount.ok ? amount.minor : NaN;
  const at = date ? saleMoment(date, shop.timeZone) : null;
  const today = date === calendarDateIn(openedAt, shop.timeZone);
  const rule = member?.rule;
  const available = member?.available ?? 0;
  const redeem = typeof redeemText === 'number' ? redeemText : 0;
  const canRedeem = rule !== undefined && canRedeemAsDiscount(rule) && today && available > 0;
  const max = rule && subtotal > 0 ? maxRedeemable(subtotal, available, rule) : 0;
  const plan =
    rule && subtotal > 0 ? planCheckout(subtotal, canRedeem ? redeem : 0, available, rule) : null;
  const total = plan?.ok ? plan.total : subtotal;
  const preview = useLiveQuery(
    async () =>
      customer && at && total > 0 && plan?.ok && plan.earns
        ? loyalty.previewEarn(customer, total, at)
        : 0,
    [loyalty, customer, at, total, plan?.ok && plan.earns],
  );

  if (saved) {
    return (
      <Stack gap="md">
        <Paper withBorder p="sm" data-testid="checkout-result">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>
                {t('checkout.result.paid', { amount: money(saved.receipt.total) })}
              </Text>
              {saved.receipt.redeemed > 0 && (
                <Text size="sm">
                  {t('checkout.result.redeemed', {
                    points: count(saved.receipt.redeemed),
                    amount: money(saved.receipt.discount),
                  })}
                </Text>
              )}
              <Text size="sm">
                {t('checkout.result.earned', { points: count(saved.receipt.earned) })}
                {saved.receipt.bonus > 0 &&
                  ` · ${t('sales.form.bonus', { points: count(saved.receipt.bonus) })}`}
              </Text>
              {saved.earnBlocked && (
                <Text size="sm" c="dimmed">
                  {t('checkout.result.earnBlocked')}
                </Text>
              )}
              {saved.referral > 0 && (
                <Text size="sm" c="teal.8">
                  {t('checkout.result.referral', { points: count(saved.referral) })}
                </Text>
              )}
            </Stack>
            <Stack gap={0} align="flex-end">
              <Text size="xs" c="dimmed">
                {t('checkout.result.newBalance')}
              </Text>
              <Text fw={700} size="xl" data-testid="checkout-balance">
                {count(saved.receipt.balance)}
              </Text>
            </Stack>
          </Group>
        </Paper>
        <ReceiptActions
          contactId={saved.contactId}
          sale={saved.receipt}
          paymentMethod={saved.paymentMethod}
        />
        <Divider />
        <Text fw={600}>{t('sales.form.askFeedback')}</Text>
        <FeedbackForm contactId={saved.contactId} saleId={saved.saleId} onSaved={onClose} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
    if (!read.ok) errs.lines = t(read.error);
    else if (lines.some((l) => l.badPrice)) errs.lines = t('checkout.errors.price');
    else if (!itemised) {
      if (!amount.ok && !amount.empty) errs.amount = amount.message;
      else if (!(subtotal > 0)) errs.amount = t('sales.errors.amountPositive');
    } else if (!(subtotal > 0)) errs.lines = t('sales.errors.amountPositive');
    if (canRedeem && plan && !plan.ok) errs.redeem = t(plan.error, { max: count(plan.max ?? 0) });
    if (dateProblem) errs.date = t(dateProblem, { pattern: datePattern(locale) });
    else if (!date || !at) errs.date = t('sales.errors.dateRequired');
    else if (date > calendarDateIn(new Date().getTime(), shop.timeZone))
      errs.date = t('sales.errors.dateFuture');
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !customer || !at || !read.ok) return;
    setBusy(true);
    try {
      const r = await loyalty.recordSale({
        contactId: customer,
        amount: subtotal,
        at,
        paymentMethod: payment,
        items: items.trim() || undefined,
        invoiceNo: invoice.trim() || undefined,
        ...(read.lines.length > 0 ? { lines: read.lines } : {}),
        ...(canRedeem && redeem > 0 ? { redeemPoints: redeem } : {}),
      });
      if (!r.ok) {
        const message = t(r.error, { max: count(r.max ?? 0) });
        setErrors(r.error.includes('redeem') ? { redeem: message } : { amount: message });
        return;
      }
      const shown = money(r.sale.amount);
      notifications.show({
        color: 'teal',
        message:
          (r.earned > 0
            ? t('sales.form.saved', { amount: shown, points: count(r.earned) })
            : t('sales.form.savedNoPoints', { amount: shown })) +
          (r.bonus > 0 ? ` · ${t('sales.form.bonus', { points: r.bonus })}` : ''),
        autoClose: 5000,
      });
      setSaved({
        saleId: r.sale.id,
        contactId: r.sale.contactId,
        paymentMethod: r.sale.paymentMethod,
        earnBlocked: r.earnBlocked,
        referral: r.referral?.points ?? 0,
        receipt: {
          customerName: person?.name ?? '',
          at: r.sale.at,
          invoiceNo: r.sale.invoiceNo,
          lines: r.sale.lines ?? [],
          subtotal: r.sale.amount + (r.sale.pointsDiscount ?? 0),
          redeemed: r.redeemed,
          discount: r.sale.pointsDiscount ?? 0,
          total: r.sale.amount,
          paymentLabel: r.sale.paymentMethod
            ? t(`sales.payment.${r.sale.paymentMethod}`)
            : undefined,
          earned: r.earned,
          bonus: r.bonus,
          balance: r.balance,
        },
      });
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
            onChange={(v) => {
              setCustomer(v);
              setRedeemText('');
            }}
            error={errors.customer}
            autoFocus
          />
        )}
        <CheckoutLines
          lines={lines}
          onChange={setLines}
          suggestions={suggestions}
          errorIndex={read.ok ? undefined : read.index}
          error={errors.lines}
        />
        {errors.lines && read.ok && (
          <Text size="sm" c="red.8">
            {errors.lines}
          </Text>
        )}
        <Group grow align="flex-start">
          {itemised ? (
            <TextInput
              label={t('sales.form.amount')}
              value={read.ok ? money(read.subtotal) : ''}
              readOnly
              description={t('checkout.lines.fromLines')}
            />
          ) : (
            <MoneyInput
              label={t('sales.form.amount')}
              onChange={setAmount}
              error={errors.amount}
              withAsterisk
              data-autofocus={contactId ? true : undefined}
            />
          )}
          <DateField
            label={t('sales.form.date')}
            value={date}
            onChange={setDate}
            onProblem={setDateProblem}
            maxDate={calendarDateIn(new Date().getTime(), shop.timeZone)}
            error={errors.date}
            withAsterisk
          />
        </Group>
        {itemised && errors.amount && (
          <Text size="sm" c="red.8">
            {errors.amount}
          </Text>
        )}
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
        {customer && member && rule && (
          <Paper withBorder p="sm" data-testid="checkout-points">
            <Stack gap={6}>
              <Text size="sm">
                {t('checkout.points.available', {
                  points: count(available),
                  amount: money(pointsToRupiah(available, rule)),
                })}
              </Text>
              {canRedeem ? (
                <Group align="flex-end" gap="sm">
                  <NumberInput
                    label={t('checkout.points.redeem')}
                    value={redeemText}
                    onChange={(v) => {
                      setRedeemText(v);
                      setErrors(({ redeem: _, ...rest }) => rest);
                    }}
                    allowDecimal={false}
                    allowNegative={false}
                    min={0}
                    hideControls
                    w={160}
                    error={errors.redeem}
                    description={
                      redeem > 0 && plan?.ok
                        ? t('checkout.points.discount', { amount: money(plan.discount) })
                        : t('checkout.points.max', { points: count(max) })
                    }
                  />
                  <Button
                    variant="light"
                    onClick={() => setRedeemText(max)}
                    disabled={max === 0}
                    mb={errors.redeem ? 22 : 0}
                  >
                    {t('checkout.points.useMax')}
                  </Button>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {!canRedeemAsDiscount(rule)
                    ? t('checkout.points.noDiscountRule')
                    : !today
                      ? t('checkout.points.onlyToday')
                      : t('checkout.points.nothingToRedeem')}
                </Text>
              )}
              {canRedeem && redeem > 0 && rule.earnWithRedemption === false && (
                <Text size="xs" c="orange.9">
                  {t('checkout.points.noEarnWhenRedeeming')}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="sm" data-testid="checkout-summary">
          <Stack gap={2}>
            {plan?.ok && plan.discount > 0 && (
              <>
                <Group justify="space-between">
                  <Text size="sm">{t('checkout.receipt.subtotal')}</Text>
                  <Text size="sm">{money(plan.subtotal)}</Text>
                </Group>
                <Group justify="space-between">
                  <Text size="sm">
                    {t('checkout.receipt.redeemed', { points: count(plan.redeem) })}
                  </Text>
                  <Text size="sm">−{money(plan.discount)}</Text>
                </Group>
              </>
            )}
            <Group justify="space-between">
              <Text fw={700}>{t('checkout.summary.toPay')}</Text>
              <Text fw={700} data-testid="checkout-total">
                {total > 0 ? money(total) : '—'}
              </Text>
            </Group>
            {preview !== undefined && preview > 0 && (
              <Text size="sm" c="dimmed">
                {t('sales.form.willEarn', { points: count(preview) })}
              </Text>
            )}
          </Stack>
        </Paper>
        {errors.redeem && !canRedeem && <Alert color="red">{errors.redeem}</Alert>}
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
