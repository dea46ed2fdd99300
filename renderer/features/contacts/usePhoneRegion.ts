import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { DEFAULT_PHONE_REGION, formatPhone } from '../../../shared/phone';
import { useRepositories } from '../../app/services';

/** The shop's default phone country (Settings): what a number typed without "+" means. */
export function usePhoneRegion(): string {
  const { contacts } = useRepositories();
  return useLiveQuery(() => contacts.phoneRegion(), [contacts]) ?? DEFAULT_PHONE_REGION;
}

/** Phones as people read them, in the shop's country's format (shared/phone.ts formatPhone). */
export function useFormatPhone(): (phone: { e164: string; raw: string; ext?: string }) => string {
  const region = usePhoneRegion();
  return useCallback((phone) => formatPhone(phone, region), [region]);
}
