import { useMediaQuery } from '@mantine/hooks';

/** Mantine's `sm` breakpoint: below it the phone layout applies (app.css uses the same). */
export const PHONE_QUERY = '(max-width: 47.99em)';

/** Whether the window is phone-sized (360-430 px wide phones, small tablets). */
export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY) ?? false;
}
