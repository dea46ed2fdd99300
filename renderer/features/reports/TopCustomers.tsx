import { Anchor, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReportResult } from '../../../shared/reports';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { useContactName } from '../privacy/useContactName';
import { ChartCard } from './ChartCard';
import { ChartTable } from './ChartTable';
import { money, moneyCell, num } from './format';

/** The period's best customers by net revenue, with their customer value; a name opens them. */
export function TopCustomers({
  top,
  contactId,
  fileName,
}: {
  top: ReportResult['top'];
  contactId: (customer: number) => string | undefined;
  fileName: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { currency, timeZone } = useShop();
  const navigate = useNavigate();
  const { contacts } = useRepositories();
  const shownName = useContactName();
  const ids = top.map((r) => contactId(r.customer) ?? '');
  const names = useLiveQuery(
    async () =>
      Promise.all(
        ids.map(async (id) => {
          const c = id ? await contacts.get(id) : undefined;
          return c ? shownName(c) : undefined;
        }),
      ),
    [contacts, ids.join(','), shownName],
  );
  const date = (ms: number) =>
    Number.isNaN(ms)
      ? '—'
      : new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          ...(timeZone !== undefined && { timeZone }),
        }).format(new Date(ms));
  const nameOf = (i: number) => names?.[i] ?? t('reports.top.unknown');
  const csv = () => ({
    header: [
      t('reports.csv.contact'),
      t('reports.csv.contactId'),
      t('reports.csv.revenue', { currency: currency.code.toLowerCase() }),
      t('reports.csv.orders'),
      t('reports.csv.lastPurchase'),
      t('reports.csv.clv', { currency: currency.code.toLowerCase() }),
    ],
    rows: top.map((r, i) => [
      nameOf(i),
      ids[i],
      moneyCell(r.revenue, currency),
      r.orders,
      Number.isNaN(r.lastAt) ? null : new Date(r.lastAt).toISOString(),
      moneyCell(r.clv, currency),
    ]),
  });
  const table = (
    <ChartTable
      testId="top-table"
      columns={[
        { label: t('reports.top.name') },
        { label: t('reports.top.revenue'), numeric: true },
        { label: t('reports.top.orders'), numeric: true },
        { label: t('reports.top.lastPurchase') },
        { label: t('reports.top.clv'), numeric: true },
      ]}
      hover
    >
      {top.map((r, i) => (
        <Table.Tr key={r.customer}>
          <Table.Td>
            {ids[i] ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => navigate(`/contacts/${ids[i]}`)}
              >
                {nameOf(i)}
              </Anchor>
            ) : (
              nameOf(i)
            )}
          </Table.Td>
          <Table.Td ta="right">{money(r.revenue, locale, currency)}</Table.Td>
          <Table.Td ta="right">{num(r.orders, locale)}</Table.Td>
          <Table.Td>{date(r.lastAt)}</Table.Td>
          <Table.Td ta="right">{money(r.clv, locale, currency)}</Table.Td>
        </Table.Tr>
      ))}
    </ChartTable>
  );
  const body =
    top.length === 0 ? (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {t('reports.top.empty')}
      </Text>
    ) : (
      table
    );
  return (
    <ChartCard title={t('reports.top.title')} testId="chart-top" fileName={fileName} csv={csv}>
      {body}
    </ChartCard>
  );
}
