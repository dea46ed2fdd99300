import { useLiveQuery } from 'dexie-react-hooks';
import { calendarDateIn, startOfDayIn } from '../../../shared/dates';
import type { DayFigures } from '../../../shared/sales/glance';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useNow } from '../followups/useNow';

const DAY_MS = 86_400_000;

/** Today's figures (the shop's day, in its time zone), live as sales are recorded. */
export function useTodayGlance(): DayFigures | undefined {
  const { glance } = useRepositories();
  const shop = useShop();
  const now = useNow(60_000);
  const day = calendarDateIn(now.getTime(), shop.timeZone);
  const from = startOfDayIn(day, shop.timeZone);
  // The next calendar day's start (a day is not always 24 h where clocks change).
  const next = calendarDateIn((from ?? now.getTime()) + DAY_MS + 3_600_000 * 3, shop.timeZone);
  const to = startOfDayIn(next, shop.timeZone);
  return useLiveQuery(
    async () => (from !== null && to !== null ? glance.day(from, to) : undefined),
    [glance, from, to],
  );
}

/** How many follow-ups are overdue now, for the sidebar. */
export function useOverdueCount(): number {
  const { glance } = useRepositories();
  const now = useNow(60_000);
  return useLiveQuery(() => glance.overdueFollowUps(now), [glance, now]) ?? 0;
}
