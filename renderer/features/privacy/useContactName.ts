import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../shared/privacy/erase';
import type { Contact } from '../../../shared/schemas';

/**
 * A contact as a screen holds it: the record (name + stamps), or a row a repository made with
 * the name and whether it is the erasure's placeholder (`erased`, shared/privacy/erase.ts
 * `showsErasedName`).
 */
export type NamedContact = Pick<Contact, 'name' | 'stamps'> | { name: string; erased: boolean };

/**
 * The name to show for a contact: an erased one is stored under a fixed English placeholder
 * (shared/privacy/erase.ts), which the user sees in their own language. Every screen, export
 * and message that names a contact goes through this (tests/unit/i18n/hard-coded.test.ts).
 */
export function useContactName(): (c: NamedContact) => string {
  const { t } = useTranslation();
  return useCallback(
    (c) => {
      const label = t('privacy.erase.erasedName');
      if ('erased' in c) return c.erased ? label : c.name;
      return displayName(c, label);
    },
    [t],
  );
}
