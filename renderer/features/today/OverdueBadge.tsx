import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOverdueCount } from './useTodayGlance';

/** The number of overdue follow-ups beside the sidebar's Follow-ups item (nothing when none). */
export function OverdueBadge() {
  const { t } = useTranslation();
  const count = useOverdueCount();
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      color="red.8"
      variant="filled"
      circle={count < 10}
      aria-label={t('checkout.glance.overdue', { count })}
      data-testid="nav-overdue"
    >
      {count}
    </Badge>
  );
}
