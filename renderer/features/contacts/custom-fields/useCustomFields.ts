import { useLiveQuery } from 'dexie-react-hooks';
import type { CustomFieldDef } from '../../../../shared/contacts/custom-fields';
import { useRepositories } from '../../../app/services';

const NONE: CustomFieldDef[] = [];

/** The shop's own contact fields, live (a field added on another device shows up). */
export function useCustomFields(): CustomFieldDef[] {
  const { customFields } = useRepositories();
  return useLiveQuery(() => customFields.list(), [customFields]) ?? NONE;
}
