import {
  Badge,
  Button,
  CloseButton,
  Group,
  Kbd,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFileImport, IconPlus, IconReceipt, IconSearch } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCalendarDays, startOfDayIn } from '../../../shared/dates';
import type { SaleRow, SalesFilter } from '../../db/repositories/loyalty';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useShortcutRequest } from '../../app/shortcuts';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../app/ui/EmptyState';
import { paymentOptions, type PaymentMethod } from './payment';
import { RecordSaleModal } from './RecordSaleModal';
import { RefundModal } from './RefundModal';
import { SalesImportModal } from './SalesImportModal';
import { SalesTable } from './SalesTable';

const PAGE = 100;

/** Midnight on the shop's clock of a "YYYY-MM-DD" (plus `days`), in ms. */
function shopDayMs(value: string | null, days: number, timeZone?: string): number | undefined {
  const day = value ? addCalendarDays(value.slice(0, 10), days) : null;
  return (day === null ? null : startOfDayIn(day, timeZone)) ?? undefined;
}

/** Every sale and refund, newest first, with filters; record and import from here. */
export function SalesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { loyalty } = useRepositories();
  const shop = useShop();
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const [refunding, setRefunding] = useState<SaleRow | null>(null);
  const [query, setQuery] = useState('');
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [kind, setKind] = useState<SalesFilter['kind'] | null>(null);
  const [payment, setPayment] = useState<PaymentMethod | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  useShortcutRequest('sale', () => setRecording(true));

  const filter: SalesFilter = {
    fromMs: shopDayMs(range[0], 0, shop.timeZone),
    toMs: shopDayMs(range[1], 1, shop.timeZone),
    kind: kind ?? undefined,
    paymentMethod: payment ?? undefined,
    query: deferredQuery,
  };
  const rows = useLiveQuery(
    () => loyalty.listSales(filter, limit),
    [loyalty, limit, JSON.stringify(filter)],
  );
  const anyFilter = query !== '' || range[0] !== null || kind !== null || payment !== null;
  const clear = () => {
    setQuery('');
    setRange([null, null]);
    setKind(null);
    setPayment(null);
  };

  let content;
  if (rows === undefined) content = null;
  else if (rows.length === 0 && !anyFilter) {
    content = (
      <EmptyState
        icon={IconReceipt}
        title={t('sales.emptyTitle')}
        description={t('sales.emptyDescription')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
            {t('sales.record')}
          </Button>
        }
      />
    );
  } else if (rows.length === 0) {
    content = (
      <EmptyState
        icon={IconSearch}
        title={t('sales.noMatchTitle')}
        description=""
        action={
          <Button variant="light" onClick={clear}>
            {t('sales.clearFilters')}
          </Button>
        }
      />
    );
  } else {
    content = (
      <>
        <SalesTable rows={rows} onRefund={setRefunding} />
        {rows.length >= limit && (
          <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
            {t('sales.showMore')}
          </Button>
        )}
      </>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" className="kenal-split">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('sales.title')}</Title>
          {rows && rows.length > 0 && (
            <Badge variant="light" color="gray" tt="none">
              {t('sales.shownCount', {
                count: rows.length,
                formatted: rows.length.toLocaleString(locale),
              })}
            </Badge>
          )}
        </Group>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting(true)}
          >
            {t('sales.importButton')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            rightSection={<Kbd size="xs">S</Kbd>}
            onClick={() => setRecording(true)}
          >
            {t('sales.record')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          w={{ base: '100%', sm: 240 }}
          type="search"
          aria-label={t('sales.searchLabel')}
          placeholder={t('sales.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          rightSection={
            query ? (
              <CloseButton
                size="sm"
                onClick={() => setQuery('')}
                aria-label={t('sales.clearFilters')}
              />
            ) : null
          }
        />
        <DatePickerInput
          type="range"
          w={{ base: '100%', sm: 250 }}
          aria-label={t('sales.dateRange')}
          placeholder={t('sales.dateRange')}
          value={range}
          onChange={(v) => setRange([v[0], v[1]])}
          valueFormat="DD/MM/YYYY"
          clearable
        />
        <Select
          w={{ base: '100%', sm: 230 }}
          aria-label={t('sales.allKinds')}
          placeholder={t('sales.allKinds')}
          data={[
            { value: 'purchase', label: t('sales.kinds.purchase') },
            { value: 'refund', label: t('sales.kinds.refund') },
          ]}
          value={kind ?? null}
          onChange={(v) => setKind((v as SalesFilter['kind']) ?? null)}
          clearable
        />
        <Select
          w={{ base: '100%', sm: 200 }}
          aria-label={t('sales.allPayments')}
          placeholder={t('sales.allPayments')}
          data={paymentOptions(t)}
          value={payment}
          onChange={(v) => setPayment((v as PaymentMethod) ?? null)}
          clearable
        />
        {anyFilter && (
          <Button variant="subtle" onClick={clear}>
            {t('sales.clearFilters')}
          </Button>
        )}
      </Group>
      {content}
      <RecordSaleModal opened={recording} onClose={() => setRecording(false)} />
      <RefundModal sale={refunding} onClose={() => setRefunding(null)} />
      <SalesImportModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
