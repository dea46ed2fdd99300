import { ActionIcon, Anchor, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconBrandWhatsapp,
  IconCoin,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhoneCall,
  IconShoppingBag,
  IconTrash,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { TimelineItem, TimelineKind } from '../../db/repositories/timeline';
import { useMoney } from '../../app/useMoney';
import { useLocale } from '../../i18n/useLocale';
import { ComplaintActions } from './ComplaintActions';

const ICONS: Record<TimelineKind, { icon: Icon; color: string }> = {
  note: { icon: IconNote, color: 'gray' },
  call: { icon: IconPhoneCall, color: 'blue' },
  whatsapp: { icon: IconBrandWhatsapp, color: 'green' },
  visit: { icon: IconMapPin, color: 'violet' },
  email: { icon: IconMail, color: 'cyan' },
  complaint: { icon: IconAlertTriangle, color: 'red' },
  sale: { icon: IconShoppingBag, color: 'indigo' },
  points: { icon: IconCoin, color: 'yellow' },
  followup: { icon: IconCircleCheck, color: 'teal' },
};

/** Long text is kept whole; on the timeline it is folded after this many characters. */
const FOLD_AT = 600;

export function itemKind(item: TimelineItem): TimelineKind {
  return item.type === 'note' ? item.note.kind : item.type;
}

/** One entry of the timeline: what, when, and for complaints where it stands. */
export function TimelineEntry({
  item,
  onDelete,
}: {
  item: TimelineItem;
  onDelete?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = useMoney();
  const [unfolded, setUnfolded] = useState(false);
  const kind = itemKind(item);
  const { icon: KindIcon, color } = ICONS[kind];

  let body;
  if (item.type === 'note') {
    const { note } = item;
    const long = note.text.length > FOLD_AT;
    body = (
      <>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="timeline-text"
        >
          {long && !unfolded ? `${note.text.slice(0, FOLD_AT)}…` : note.text}
        </Text>
        {long && (
          <Anchor component="button" size="xs" onClick={() => setUnfolded((u) => !u)}>
            {unfolded ? t('timeline.panel.showLess') : t('timeline.panel.showMore')}
          </Anchor>
        )}
        {note.outcome && (
          <Text size="sm" c="dimmed">
            {t('timeline.panel.outcomeLabel', { outcome: note.outcome })}
          </Text>
        )}
        {note.kind === 'complaint' && <ComplaintActions note={note} />}
      </>
    );
  } else if (item.type === 'sale') {
    const { sale } = item;
    body = (
      <Text size="sm">
        {t(`timeline.sale.${sale.kind}`, { amount: money(sale.amount) })}
        {sale.invoiceNo ? ` · ${t('timeline.sale.invoice', { invoiceNo: sale.invoiceNo })}` : ''}
        {sale.items ? ` · ${sale.items}` : ''}
      </Text>
    );
  } else if (item.type === 'followup') {
    const { followUp } = item;
    body = (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="timeline-text">
        {t('timeline.followupDone', { title: followUp.title })}
        {followUp.note ? ` · ${followUp.note}` : ''}
      </Text>
    );
  } else {
    const { entry } = item;
    body = (
      <Text size="sm">
        {t(`timeline.points.${entry.kind}`, {
          points: Math.abs(entry.points).toLocaleString(locale),
        })}
        {entry.reason ? ` · ${entry.reason}` : ''}
      </Text>
    );
  }

  return (
    <Paper withBorder p="sm" radius="md" data-testid="timeline-entry" data-kind={kind}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" color={color} radius="xl" size="md" aria-hidden>
          <KindIcon size={16} />
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t(`timeline.kinds.${kind}`)} · {formatDateTime(item.at, locale)}
            </Text>
            {item.type === 'note' && onDelete && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('timeline.panel.deleteEntry')}
                onClick={() => onDelete(item.id)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
          {body}
        </Stack>
      </Group>
    </Paper>
  );
}
