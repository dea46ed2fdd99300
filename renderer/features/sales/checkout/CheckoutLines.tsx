import { ActionIcon, Autocomplete, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { lineAmount, type DraftLine } from '../../../../shared/sales/checkout';
import { formatMoney } from '../../../../shared/money';
import { MoneyInput } from '../../../app/inputs/MoneyInput';
import { usePhone } from '../../../app/usePhone';
import { useShop } from '../../../app/useShop';
import { useLocale } from '../../../i18n/useLocale';

/** A line of the form: its key (for React) and what was typed, read. */
export interface FormLine extends DraftLine {
  key: number;
  /** The price text could not be read (the money field shows why). */
  badPrice?: boolean;
  /** Bumped when a suggestion fills the price, so the money field shows it. */
  priceVersion: number;
}

let nextKey = 1;
export const emptyLine = (): FormLine => ({
  key: nextKey++,
  item: '',
  quantity: null,
  unitPrice: null,
  priceVersion: 0,
});

/**
 * The checkout's lines: item (recent names suggested, choosing one fills its last price),
 * quantity and unit price, each line's amount beside it.
 */
export function CheckoutLines({
  lines,
  onChange,
  suggestions,
  errorIndex,
  error,
}: {
  lines: FormLine[];
  onChange: (lines: FormLine[]) => void;
  suggestions: { item: string; unitPrice: number }[];
  errorIndex?: number;
  error?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shop = useShop();
  const update = (key: number, patch: Partial<FormLine>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const names = suggestions.map((s) => s.item);
  const phone = usePhone();

  return (
    <Stack gap={6} data-testid="checkout-lines">
      <Text size="sm" fw={500}>
        {t('checkout.lines.title')}
      </Text>
      {lines.map((l, i) => {
        const amount = l.unitPrice !== null ? lineAmount(l.quantity ?? 1, l.unitPrice) : null;
        const item = (
          <Autocomplete
            aria-label={t('checkout.lines.item', { n: i + 1 })}
            placeholder={t('checkout.lines.itemPlaceholder')}
            data={names}
            limit={8}
            value={l.item}
            onChange={(v) => {
              const known = suggestions.find((s) => s.item === v);
              update(
                l.key,
                known && l.unitPrice === null
                  ? { item: v, unitPrice: known.unitPrice, priceVersion: l.priceVersion + 1 }
                  : { item: v },
              );
            }}
            style={{ flex: 3, minWidth: 0 }}
            maxLength={500}
            error={errorIndex === i ? error : undefined}
          />
        );
        const quantity = (
          <NumberInput
            aria-label={t('checkout.lines.quantity', { n: i + 1 })}
            placeholder="1"
            value={l.quantity ?? ''}
            onChange={(v) => update(l.key, { quantity: typeof v === 'number' ? v : null })}
            min={0}
            decimalScale={3}
            allowNegative={false}
            hideControls
            style={{ flex: 1 }}
          />
        );
        const unitPrice = (
          <MoneyInput
            key={`${l.key}-${l.priceVersion}`}
            aria-label={t('checkout.lines.unitPrice', { n: i + 1 })}
            placeholder={t('checkout.lines.unitPricePlaceholder')}
            initial={l.unitPrice}
            onChange={(m) =>
              update(l.key, {
                unitPrice: m.ok ? m.minor : null,
                badPrice: !m.ok && !m.empty,
              })
            }
            style={{ flex: 2 }}
          />
        );
        const lineTotal = (
          <Text
            size="sm"
            w={phone ? 96 : 110}
            ta="right"
            pt={8}
            data-testid="checkout-line-amount"
            c={amount === null ? 'dimmed' : undefined}
          >
            {amount === null ? '—' : formatMoney(amount, shop.currency, locale)}
          </Text>
        );
        const remove = (
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={t('checkout.lines.remove', { n: i + 1 })}
            onClick={() =>
              onChange(lines.length > 1 ? lines.filter((x) => x.key !== l.key) : [emptyLine()])
            }
          >
            <IconTrash size={16} />
          </ActionIcon>
        );
        // On a phone the item gets a row of its own: four fields in 360 px cut every one.
        return phone ? (
          <Stack key={l.key} gap={4} data-testid="checkout-line">
            <Group gap="xs" align="flex-start" wrap="nowrap">
              {item}
              {remove}
            </Group>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              {quantity}
              {unitPrice}
              {lineTotal}
            </Group>
          </Stack>
        ) : (
          <Group key={l.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="checkout-line">
            {item}
            {quantity}
            {unitPrice}
            {lineTotal}
            {remove}
          </Group>
        );
      })}
      {lines.length < 200 && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...lines, emptyLine()])}
        >
          {t('checkout.lines.add')}
        </Button>
      )}
    </Stack>
  );
}
