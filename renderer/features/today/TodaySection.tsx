import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A card on Today with a title, a count, the first few rows, and "+N more". */
export function TodaySection<T>({
  title,
  icon: SectionIcon,
  color,
  items,
  render,
  renderShown,
  limit = 6,
  testId,
  help,
  action,
}: {
  title: string;
  icon: Icon;
  color: string;
  items: T[];
  /** One row per shown item... */
  render?: (item: T) => ReactNode;
  /** ...or the shown items at once (rows that read their contacts in one go). */
  renderShown?: (shown: T[]) => ReactNode;
  limit?: number;
  testId: string;
  help?: string;
  /** A button at the right of the title (e.g. "Message 5"). */
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, limit);
  return (
    <Card withBorder padding="md" data-testid={testId} component="section" aria-label={title}>
      <Group gap="xs" mb="xs">
        <SectionIcon size={18} color={`var(--mantine-color-${color}-6)`} aria-hidden />
        <Text fw={600}>{title}</Text>
        <Badge variant="light" color={color} size="sm">
          {items.length}
        </Badge>
        {action && <div style={{ marginLeft: 'auto' }}>{action}</div>}
      </Group>
      {help && (
        <Text size="xs" c="dimmed" mb="xs">
          {help}
        </Text>
      )}
      <Stack gap="xs" data-testid="today-rows">
        {renderShown ? renderShown(shown) : render && shown.map(render)}
      </Stack>
      {items.length > limit && (
        <Button
          size="compact-sm"
          variant="subtle"
          mt="xs"
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
        >
          {expanded ? t('today.showFewer') : t('today.moreCount', { count: items.length - limit })}
        </Button>
      )}
    </Card>
  );
}
