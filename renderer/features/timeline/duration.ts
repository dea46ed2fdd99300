import type { TFunction } from 'i18next';
import { splitDuration } from '../../../shared/timeline/complaints';

/** "2 d 3 h", "4 h 10 min", "25 min": how long a complaint took to resolve. */
export function formatDuration(ms: number, t: TFunction): string {
  const { days, hours, minutes } = splitDuration(ms);
  if (days > 0) return t('timeline.duration.daysHours', { days, hours });
  if (hours > 0) return t('timeline.duration.hoursMinutes', { hours, minutes });
  return t('timeline.duration.minutes', { minutes });
}
