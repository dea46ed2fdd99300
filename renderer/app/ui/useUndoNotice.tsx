import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** How long every Undo stays on screen: one time for every undoable action in the app. */
export const UNDO_MS = 10_000;
/** How long the "brought back" confirmation after an Undo stays. */
const UNDONE_MS = 3000;

export interface UndoNotice {
  /** The notification's id: the same id replaces an earlier notice instead of stacking. */
  id: string;
  /** What was just done ("Agus Salim deleted"). */
  message: string;
  /** Puts it back. */
  undo: () => Promise<unknown>;
  /** Shown once the undo has run ("Agus Salim restored"); nothing when absent. */
  undone?: string;
}

/**
 * The one Undo notification: after a delete, merge or "done", show what happened with an Undo
 * button for UNDO_MS; the button hides the notice, runs `undo` and confirms when asked to.
 */
export function useUndoNotice(): (notice: UndoNotice) => void {
  const { t } = useTranslation();
  return useCallback(
    ({ id, message, undo, undone }: UndoNotice) => {
      notifications.show({
        id,
        autoClose: UNDO_MS,
        color: 'gray',
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{message}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={async () => {
                notifications.hide(id);
                await undo();
                if (undone !== undefined)
                  notifications.show({ message: undone, autoClose: UNDONE_MS });
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
    },
    [t],
  );
}
