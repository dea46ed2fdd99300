import { linesSummary } from '../../../shared/sales/checkout';
import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/dates';
import type { SaleRow } from '../../db/repositories/loyalty';
import { useMoney } from '../../app/useMoney';
import { useLocale } from '../../i18n/useLocale';
import { useContactName } from '../privacy/useContactName';

/** Sales and refunds in a dense table; a purchase not yet fully refunded can be refunded. */
export function SalesTable({
  rows,
  showCustomer = true,
  onRefund,
}: {
  rows: SaleRow[];
  showCustomer?: boolean;
  onRefund: (sale: SaleRow) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const nameOf = useContactName();
  return (
    <Table striped highlightOnHover verticalSpacing={6} data-testid="sales-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sales.columns.date')}</Table.Th>
          {showCustomer && <Table.Th>{t('sales.columns.customer')}</Table.Th>}
          <Table.Th>{t('sales.columns.invoice')}</Table.Th>
          <Table.Th>{t('sales.columns.items')}</Table.Th>
          <Table.Th>{t('sales.columns.payment')}</Table.Th>
          <Table.Th ta="right">{t('sales.columns.amount')}</Table.Th>
          <Table.Th w={110} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((s) => {
          const refund = s.kind === 'refund';
          return (
            <Table.Tr key={s.id} data-testid="sale-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.at, locale)}</Table.Td>
              {showCustomer && (
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${s.contactId}`} size="sm">
                    {nameOf({ name: s.contactName, erased: s.contactErased })}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{s.invoiceNo ?? ''}</Table.Td>
              <Table.Td maw={260}>
                {refund && (
                  <Badge color="red" variant="light" mr={6} tt="none">
                    {t('sales.kinds.refund')}
                  </Badge>
                )}
                <Text span size="sm" lineClamp={1}>
                  {s.items ?? linesSummary(s.lines)}
                </Text>
              </Table.Td>
              <Table.Td>{s.paymentMethod ? t(`sales.payment.${s.paymentMethod}`) : ''}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text span size="sm" c={refund ? 'red' : undefined} fw={500}>
                  {refund ? '−' : ''}
                  {money(s.amount)}
                </Text>
                {!refund && s.refunded > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('sales.refundedPart', { amount: money(s.refunded) })}
                  </Text>
                )}
                {!refund && s.refunded > s.amount && (
                  // Two devices each refunded it (shared/loyalty/over-refund.ts).
                  <Badge color="red" variant="light" tt="none" data-testid="over-refunded">
                    {t('sales.overRefundedBy', {
                      amount: money(s.refunded - s.amount),
                    })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {!refund && s.refunded < s.amount && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconReceiptRefund size={14} />}
                    onClick={() => onRefund(s)}
                  >
                    {t('sales.refund.button')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
