import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import { useContactName } from '../privacy/useContactName';

/** Delete a contact (a tombstone) and offer Undo for a few seconds. */
export function useDeleteContact(): (id: string) => Promise<void> {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const nameOf = useContactName();
  const showUndo = useUndoNotice();

  return async (id: string) => {
    const removed = await contacts.remove(id);
    showUndo({
      id: `deleted-${id}`,
      message: t('contacts.deleted', { name: nameOf(removed) }),
      undo: () => contacts.restore(id),
      undone: t('contacts.restored', { name: nameOf(removed) }),
    });
  };
}
