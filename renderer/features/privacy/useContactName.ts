import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../shared/privacy/erase';
import type { Contact } from '../../../shared/schemas';

/**
 * The name to show for a contact: an erased one is stored under a fixed English placeholder
 * (shared/privacy/erase.ts), which the user sees in their own language.
 */
export function useContactName(): (c: Pick<Contact, 'name' | 'stamps'>) => string {
  const { t } = useTranslation();
  return useCallback((c) => displayName(c, t('privacy.erase.erasedName')), [t]);
}
