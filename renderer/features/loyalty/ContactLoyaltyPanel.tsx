import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAdjustments,
  IconAlertTriangle,
  IconBrandWhatsapp,
  IconGift,
  IconMoodSmile,
  IconPlus,
} from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDateIn, dayAtIn, formatCalendarDate, formatDateTime } from '../../../shared/dates';
import { isErased } from '../../../shared/privacy/erase';
import { pointsToRupiah } from '../../../shared/loyalty/rules';
import type { SaleRow } from '../../db/repositories/loyalty';
import { useRepositories } from '../../app/services';
import { useMoney } from '../../app/useMoney';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { useContact } from '../contacts/useContactSearch';
import { FeedbackModal } from '../sales/FeedbackForm';
import { RecordSaleModal } from '../sales/RecordSaleModal';
import { useShortcutRequest } from '../../app/shortcuts';
import { RefundModal } from '../sales/RefundModal';
import { SalesTable } from '../sales/SalesTable';
import { AdjustModal } from './AdjustModal';
import { LedgerHistory } from './LedgerHistory';
import { RedeemModal } from './RedeemModal';
import { useMemberSummary } from './useMemberSummary';
import { WhatsAppDialog } from '../timeline/WhatsAppDialog';

/** Rows of purchases and of points history shown at first and added per "show more". */
const PAGE = 50;

type Dialog = 'sale' | 'redeem' | 'adjust' | 'forgive' | 'feedback' | 'summary' | null;

/** The contact's points, tier, expiring points, purchases, ledger and feedback. */
export function ContactLoyaltyPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const shop = useShop();
  const { loyalty, timeline } = useRepositories();
  const contact = useContact(contactId);
  // Pages, newest first: a regular with 5,000 sales opens on the newest PAGE of each.
  const [salesLimit, setSalesLimit] = useState(PAGE);
  const [historyLimit, setHistoryLimit] = useState(PAGE);
  const data = useLiveQuery(
    () => loyalty.contactLoyalty(contactId, 30, { history: false }),
    [loyalty, contactId],
  );
  // The newest page (plus one, to know whether there is more), read backwards by index.
  const sales = useLiveQuery(
    () => loyalty.contactSales(contactId, salesLimit + 1),
    [loyalty, contactId, salesLimit],
  );
  const history = useLiveQuery(
    () => loyalty.ledgerHistory(contactId, historyLimit),
    [loyalty, contactId, historyLimit],
  );
  const feedback = useLiveQuery(() => loyalty.contactFeedback(contactId), [loyalty, contactId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [refunding, setRefunding] = useState<SaleRow | null>(null);
  const summary = useMemberSummary(contact?.name ?? '', data);
  // S on a contact's page records a sale for this contact (app/shortcuts.ts).
  const erased = contact !== undefined && contact !== null && isErased(contact);
  useShortcutRequest('sale', () => {
    if (!erased) setDialog('sale');
  });

  if (!data || !contact) return null;
  const { tier, rule } = data;
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      {data.overdraft > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('sales.loyalty.overdraftTitle', {
            points: data.overdraft.toLocaleString(locale),
          })}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('sales.loyalty.overdraftText')}</Text>
            <Group gap="xs">
              <Button size="xs" variant="white" color="red" onClick={() => setDialog('forgive')}>
                {t('sales.loyalty.forgive')}
              </Button>
              <Button
                size="xs"
                variant="white"
                color="red"
                onClick={async () => {
                  // A follow-up tomorrow, so someone decides with the customer.
                  const due = new Date(dayAtIn(Date.now(), 1, 10, shop.timeZone));
                  const r = await timeline.addFollowUp({
                    contactId,
                    title: t('sales.loyalty.overdraftFollowUp', {
                      points: data.overdraft.toLocaleString(locale),
                    }),
                    dueAt: due.toISOString(),
                  });
                  notifications.show({
                    color: r.ok ? undefined : 'red',
                    message: t(r.ok ? 'sales.loyalty.followUpAdded' : 'sales.errors.saveFailed'),
                  });
                }}
              >
                {t('sales.loyalty.addFollowUp')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {data.overRefunds.map((o) => (
        // Two devices each refunded this sale offline; the merge added a follow-up for it.
        <Alert
          key={o.saleId}
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('sales.loyalty.overRefundTitle')}
          data-testid="over-refund-alert"
        >
          <Text size="sm">
            {t('sales.loyalty.overRefundText', {
              date: formatDateTime(o.saleAt, locale),
              amount: money(o.saleAmount),
              refunded: money(o.refunded),
            })}
          </Text>
        </Alert>
      ))}
      {!rule.enabled && (
        <Text size="sm" c="dimmed">
          {t('sales.loyalty.programOff')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('sales.loyalty.balance')}
          </Text>
          <Text
            size="2rem"
            fw={700}
            c={data.balance < 0 ? 'red' : undefined}
            data-testid="points-balance"
          >
            {data.balance.toLocaleString(locale)}
          </Text>
          {rule.pointValue > 0 && data.balance > 0 && (
            <Text size="sm" c="dimmed">
              {t('sales.loyalty.worth', {
                amount: money(pointsToRupiah(data.balance, rule)),
              })}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('sales.loyalty.lifetime', {
              count: data.purchases,
              amount: money(data.lifetimeSpend),
            })}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('sales.loyalty.tier')}
          </Text>
          <Group gap="xs" mt={4}>
            <Badge size="lg" variant="light" tt="none" data-testid="tier">
              {tier.tier.name}
            </Badge>
            {tier.tier.multiplierPct !== 100 && (
              <Text size="sm" c="dimmed">
                ×{(tier.tier.multiplierPct / 100).toLocaleString(locale)}
              </Text>
            )}
          </Group>
          <Progress value={tier.progressPct} mt="sm" aria-label={t('sales.loyalty.tier')} />
          <Text size="xs" c="dimmed" mt={4}>
            {tier.next
              ? t('sales.loyalty.toNext', {
                  amount: money(tier.toNext),
                  tier: tier.next.name,
                })
              : t('sales.loyalty.topTier')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('sales.loyalty.spend12', {
              amount: money(tier.spend),
              months: rule.tierWindowMonths,
            })}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('sales.loyalty.expiring')}
          </Text>
          {data.expiringSoon.length === 0 ? (
            <Text size="sm" c="dimmed" mt={4}>
              {t('sales.loyalty.nothingExpiring')}
            </Text>
          ) : (
            <Stack gap={2} mt={4}>
              {data.expiringSoon.map((e) => (
                <Text size="sm" c="orange" key={e.expiresAtMs}>
                  {t('sales.loyalty.expiringLine', {
                    points: e.points.toLocaleString(locale),
                    date: formatCalendarDate(calendarDateIn(e.expiresAtMs, shop.timeZone), locale),
                  })}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      {/* Nothing new for an erased customer (renderer/db/erased-contacts.ts); refunds remain. */}
      <Group gap="sm" hidden={erased}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('sale')}>
          {t('sales.record')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconGift size={16} />}
          onClick={() => setDialog('redeem')}
        >
          {t('sales.loyalty.redeem')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconAdjustments size={16} />}
          onClick={() => setDialog('adjust')}
        >
          {t('sales.loyalty.adjust')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconMoodSmile size={16} />}
          onClick={() => setDialog('feedback')}
        >
          {t('sales.loyalty.feedback')}
        </Button>
        <Button
          variant="default"
          color="green"
          leftSection={<IconBrandWhatsapp size={16} />}
          onClick={() => setDialog('summary')}
        >
          {t('sales.loyalty.sendSummary')}
        </Button>
      </Group>

      <Title order={3} size="h4">
        {t('sales.loyalty.purchases')}
      </Title>
      {sales && sales.length > 0 ? (
        <>
          <SalesTable
            rows={sales.slice(0, salesLimit)}
            showCustomer={false}
            onRefund={setRefunding}
          />
          {sales.length > salesLimit && (
            <Button variant="subtle" size="xs" onClick={() => setSalesLimit((n) => n + PAGE)}>
              {t('sales.showMore')}
            </Button>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('sales.loyalty.purchasesEmpty')}
        </Text>
      )}

      <Title order={3} size="h4">
        {t('sales.loyalty.history')}
      </Title>
      {history && history.rows.length > 0 ? (
        <>
          <LedgerHistory rows={history.rows} />
          {history.total > history.rows.length && (
            <Button variant="subtle" size="xs" onClick={() => setHistoryLimit((n) => n + PAGE)}>
              {t('sales.showMore')}
            </Button>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('sales.loyalty.historyEmpty')}
        </Text>
      )}

      <Title order={3} size="h4">
        {t('sales.loyalty.feedbackList')}
      </Title>
      {feedback && feedback.length > 0 ? (
        <Table verticalSpacing={6} data-testid="feedback-table">
          <Table.Tbody>
            {feedback.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.at, locale)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none">
                    {t(`sales.feedback.${f.type}`)} {f.score}
                  </Badge>
                </Table.Td>
                <Table.Td>{f.comment ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('sales.loyalty.feedbackEmpty')}
        </Text>
      )}

      <RecordSaleModal opened={dialog === 'sale'} onClose={close} contactId={contactId} />
      <RedeemModal
        opened={dialog === 'redeem'}
        onClose={close}
        contactId={contactId}
        available={data.available}
        rule={rule}
      />
      <AdjustModal opened={dialog === 'adjust'} onClose={close} contactId={contactId} />
      <AdjustModal
        opened={dialog === 'forgive'}
        onClose={close}
        contactId={contactId}
        initialPoints={data.overdraft}
        initialReason={t('sales.loyalty.forgiveReason')}
      />
      <FeedbackModal opened={dialog === 'feedback'} onClose={close} contactId={contactId} />
      <RefundModal sale={refunding} onClose={() => setRefunding(null)} />
      {/* The summary is shown, editable, with the number to choose, before WhatsApp opens. */}
      {dialog === 'summary' && (
        <WhatsAppDialog opened onClose={close} contact={contact} message={summary} />
      )}
    </Stack>
  );
}
