/**
 * Where the timeline meets the loyalty engine (shared/loyalty through repos.loyalty): the
 * {points} and {tier} of a message template, and the Today screen's "points about to expire".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { TemplateValues } from '../../../shared/timeline/templates';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

/** What a "points about to expire" row on Today needs. */
export interface ExpiringPoints {
  contactId: string;
  points: number;
  /** When they expire, ISO. */
  expiresAt: string;
}

/** Days ahead that Today warns about expiring points. */
const EXPIRY_HORIZON_DAYS = 14;

export function useLoyaltyPlaceholders(contactId: string): Pick<TemplateValues, 'points' | 'tier'> {
  const { loyalty } = useRepositories();
  const { locale } = useLocale();
  const state = useLiveQuery(
    () => loyalty.contactLoyalty(contactId, 30, { history: false }),
    [loyalty, contactId],
  );
  if (!state) return {};
  return { points: state.available.toLocaleString(locale), tier: state.tier.tier.name };
}

export function useExpiringPoints(): ExpiringPoints[] {
  const { loyalty } = useRepositories();
  const rows = useLiveQuery(() => loyalty.expiringSoon(EXPIRY_HORIZON_DAYS), [loyalty]);
  return useMemo(
    () =>
      (rows ?? []).map((r) => ({
        contactId: r.contactId,
        points: r.points,
        expiresAt: new Date(r.expiresAtMs).toISOString(),
      })),
    [rows],
  );
}
