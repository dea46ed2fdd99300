/**
 * Where the timeline meets the loyalty engine (shared/loyalty through repos.loyalty): the Today
 * screen's "points about to expire" (a message's {points} and {tier}: messaging/useMessageFacts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useRepositories } from '../../app/services';

/** What a "points about to expire" row on Today needs. */
export interface ExpiringPoints {
  contactId: string;
  points: number;
  /** When they expire, ISO. */
  expiresAt: string;
}

/** Days ahead that Today warns about expiring points. */
const EXPIRY_HORIZON_DAYS = 14;

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
