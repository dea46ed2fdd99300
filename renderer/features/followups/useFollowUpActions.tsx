import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { dayAtIn, formatDateTime } from '../../../shared/dates';
import type { FollowUp } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';

/** Snooze choices, computed from now on the shop's clock (the device's when unset). */
export function snoozeTargets(now: Date, timeZone?: string) {
  return {
    snooze1h: new Date(now.getTime() + 60 * 60 * 1000),
    snoozeTomorrow: new Date(dayAtIn(now.getTime(), 1, 9, timeZone)),
    snoozeNextWeek: new Date(
      now.getFullYear(),
      now.getMonth(),
      now.getDate() + 7,
      now.getHours(),
      now.getMinutes(),
    ),
  } as const;
}
export type SnoozeChoice = keyof ReturnType<typeof snoozeTargets>;

/** Done (with undo), snooze, delete (with undo): the same everywhere a follow-up is shown. */
export function useFollowUpActions() {
  const { t } = useTranslation();
  const shop = useShop();
  const { locale } = useLocale();
  const { timeline } = useRepositories();

  const showUndo = useUndoNotice();
  const undoable = (id: string, message: string, undo: () => Promise<unknown>) =>
    showUndo({ id, message, undo });

  return {
    async complete(f: FollowUp) {
      const { next } = await timeline.completeFollowUp(f.id);
      const message = next
        ? `${t('timeline.followups.completed', { title: f.title })} · ${t('timeline.followups.nextCreated', { date: formatDateTime(next.dueAt, locale) })}`
        : t('timeline.followups.completed', { title: f.title });
      undoable(`done-${f.id}`, message, () => timeline.reopenFollowUp(f.id, next?.id));
    },
    async snooze(f: FollowUp, choice: SnoozeChoice) {
      const until = snoozeTargets(new Date(), shop.timeZone)[choice];
      await timeline.snoozeFollowUp(f.id, until);
      notifications.show({
        message: t('timeline.followups.snoozed', {
          date: formatDateTime(until.toISOString(), locale),
        }),
        autoClose: 3000,
      });
    },
    async reopen(f: FollowUp) {
      await timeline.reopenFollowUp(f.id);
    },
    async remove(f: FollowUp) {
      await timeline.removeFollowUp(f.id);
      undoable(`deleted-${f.id}`, t('timeline.followups.deleted'), () =>
        timeline.restoreFollowUp(f.id),
      );
    },
  };
}
