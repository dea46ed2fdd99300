import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoTip } from './InfoTip';
import { SEGMENT_COLORS } from './segments';
import { useCustomerRfm } from './useCustomerRfm';

/** A contact's RFM segment and scores (as of now, against the whole book), with what to do. */
export function ContactRfm({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const rfm = useCustomerRfm(contactId);
  if (rfm === undefined) return null;
  const score = (key: 'recency' | 'frequency' | 'money', letter: string, value: number) => (
    <Tooltip label={t(`reports.contactRfm.${key}`, { score: value })}>
      <Text size="sm" fw={600} data-testid={`contact-rfm-${letter.toLowerCase()}`}>
        {letter} {value}
      </Text>
    </Tooltip>
  );
  return (
    <Paper withBorder px="md" py="xs" radius="md" data-testid="contact-rfm">
      {/* Wraps on a phone: the segment and the R/F/M scores go on the next line, never cut. */}
      <Group gap="xs" wrap="wrap" style={{ columnGap: 'var(--mantine-spacing-md)' }}>
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('reports.contactRfm.title')}
          </Text>
          <InfoTip label={t('reports.rfm.scoringLabel')} text={t('reports.rfm.scoring')} />
        </Group>
        {rfm === null ? (
          <Text size="sm" c="dimmed">
            {t('reports.contactRfm.none')}
          </Text>
        ) : (
          <>
            <Badge
              variant="light"
              color={SEGMENT_COLORS[rfm.segment]}
              tt="none"
              style={{ flexShrink: 0 }}
              data-testid="contact-rfm-segment"
            >
              {t(`reports.rfm.segments.${rfm.segment}`)}
            </Badge>
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              {score('recency', 'R', rfm.r)}
              {score('frequency', 'F', rfm.f)}
              {score('money', 'M', rfm.m)}
            </Group>
            <Text size="sm" c="dimmed" lineClamp={1} style={{ flex: '1 1 12rem', minWidth: 0 }}>
              {t(`reports.rfm.advice.${rfm.segment}`)}
            </Text>
          </>
        )}
      </Group>
    </Paper>
  );
}
