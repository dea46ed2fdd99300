import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_PHONE_REGION } from '../../../shared/phone';
import { useRepositories } from '../../app/services';

/** The shop's default phone country (Settings): what a number typed without "+" means. */
export function usePhoneRegion(): string {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.phoneRegion(), [contacts]) ?? DEFAULT_PHONE_REGION;
}
