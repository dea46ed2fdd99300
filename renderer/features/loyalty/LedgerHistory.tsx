import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { HistoryRow } from '../../../shared/loyalty/ledger';
import { useLocale } from '../../i18n/useLocale';

const COLORS: Record<HistoryRow['kind'], string> = {
  earn: 'teal',
  bonus: 'grape',
  redeem: 'blue',
  adjust: 'gray',
  reversal: 'red',
  expire: 'orange',
};

/** The ledger, newest first; expiries are computed rows, marked as such. */
export function LedgerHistory({ rows }: { rows: HistoryRow[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    // Focusable: on a phone the table scrolls sideways inside its own box (app.css), and the
    // keyboard must reach that too (WCAG, axe).
    <Table
      verticalSpacing={6}
      striped
      data-testid="ledger-table"
      tabIndex={0}
      aria-label={t('sales.loyalty.history')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sales.loyalty.columns.date')}</Table.Th>
          <Table.Th>{t('sales.loyalty.columns.what')}</Table.Th>
          <Table.Th ta="right">{t('sales.loyalty.columns.points')}</Table.Th>
          <Table.Th ta="right">{t('sales.loyalty.columns.balance')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const reason = r.entry?.reason;
          const label =
            r.kind === 'bonus' && (reason === 'welcome' || reason === 'birthday')
              ? t(`sales.loyalty.bonusReasons.${reason}`)
              : reason;
          return (
            <Table.Tr key={r.id} data-testid="ledger-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(new Date(r.atMs).toISOString(), locale)}
              </Table.Td>
              <Table.Td>
                <Badge color={COLORS[r.kind]} variant="light" tt="none" mr={6}>
                  {t(`sales.loyalty.kinds.${r.kind}`)}
                </Badge>
                {r.kind === 'expire' && (
                  <Text span size="xs" c="dimmed">
                    ({t('sales.loyalty.derived')})
                  </Text>
                )}
                {label && (
                  <Text span size="sm">
                    {label}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" c={r.delta < 0 ? 'red' : 'teal'} fw={500}>
                {r.delta > 0 ? '+' : ''}
                {r.delta.toLocaleString(locale)}
              </Table.Td>
              <Table.Td ta="right" c={r.balanceAfter < 0 ? 'red' : undefined}>
                {r.balanceAfter.toLocaleString(locale)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
